# contextlib's abstract context managers: subclass hooks and abstract methods.
from contextlib import AbstractContextManager, AbstractAsyncContextManager


class Plain:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Managed(AbstractContextManager):
    def __exit__(self, *exc):
        print("exit", exc[0])
        return True


print(issubclass(Plain, AbstractContextManager), isinstance(Plain(), AbstractContextManager))
print(issubclass(int, AbstractContextManager), issubclass(Plain, AbstractAsyncContextManager))
with Managed() as m:
    print(type(m).__name__)
    raise ValueError("swallowed")
try:
    AbstractContextManager()
except TypeError as e:
    print("TypeError:", e)
print(AbstractContextManager, AbstractAsyncContextManager.__module__, AbstractContextManager.__qualname__)
