# Builtin types without a constructor of their own cannot be instantiated.
for f in [lambda: type(iter([]))(), lambda: type(len)(), lambda: type(None)(), lambda: type(NotImplemented)(),
          lambda: type(iter(range(1)))(), lambda: type({}.keys())(), lambda: type(list[int])(list, int)]:
    try:
        print(repr(f()))
    except TypeError as e:
        print(e)
