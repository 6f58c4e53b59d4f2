# __doc__ of builtin functions, types and methods natively: CPython 3.11's texts.
print(print.__doc__)
print(sorted.__doc__)
print(object.__doc__)
print(str.__doc__.splitlines()[0])
print(str.join.__doc__)
print('abc'.upper.__doc__)
print(dict.get.__doc__, {}.get.__doc__ == dict.get.__doc__)
print(int.from_bytes.__doc__.splitlines()[0])
print(bytes.fromhex.__doc__)
print(list.__doc__, tuple.__doc__.splitlines()[0])
print(isinstance.__doc__)
print(ValueError.__doc__, KeyError.__doc__)
print(type(len.__doc__).__name__, len(min.__doc__) > 10)


class C:
    pass


class D:
    """D's docstring."""

    def m(self):
        "m's docstring."


def f():
    """f's docstring."""


print(C.__doc__, D.__doc__, D.m.__doc__, D().m.__doc__, f.__doc__, (lambda: 0).__doc__)
docs = [t.__doc__.split('\n')[0] for t in (bool, float, set, frozenset, range)]
print(docs)
