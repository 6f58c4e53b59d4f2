# Binding arguments to parameters: **kwargs, keyword-only defaults, positional-only names.


def collect(a, *args, b=2, **kwargs):
    return a, args, b, kwargs


def kwonly(a, *, c, d=4, e="e"):
    return a, c, d, e


def posonly(x, y, /, z=0, **kw):
    return x, y, z, kw


def strict(x, y, /):
    return x + y


class Greeter:
    def __call__(self, name, *, greeting="Hello", sep=", ", **more):
        return f"{greeting}{sep}{name}{''.join(more.values())}"


print(collect(1))
print(collect(1, 2, 3, b=4, c=5, d=6))
print(collect(a=1, z=26))
print(kwonly(1, c=3))
print(kwonly(1, e="E", c=3))
print(posonly(1, 2, x=10, y=20))
print(posonly(1, 2, 3, w=4))
print(Greeter()("Ada"), Greeter()("Bob", sep=": ", tail="!"))
print(kwonly.__kwdefaults__, collect.__defaults__, collect.__kwdefaults__, strict.__defaults__)
kwonly.__kwdefaults__ = {"c": "C", "d": "D", "e": "E"}
print(kwonly(0))
kwonly.__kwdefaults__ = None
lam = lambda *, k=5, **rest: (k, rest)
print(lam(), lam(k=1, j=2))


def check(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, e)


check("missing kwonly", lambda: kwonly(1))
check("missing two", lambda: kwonly(1, d=1) if False else kwonly())
check("posonly as kw", lambda: strict(x=1, y=2))
check("one posonly as kw", lambda: strict(1, y=2))
check("unexpected", lambda: kwonly(1, c=2, f=3))
check("multiple", lambda: collect(1, a=2))
check("too many", lambda: kwonly(1, 2, c=3))
check("Greeter", lambda: Greeter()())
