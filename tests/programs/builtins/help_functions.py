def f(a, b=2, *args, c: int = 3, **kw) -> str:
    """Do things.

    More text here.
    """
help(f)
def g(): pass
help(g)
help(len)
lam = lambda x: x
help(lam)
class A:
    def m(self, x, *, y=1):
        "Method doc."
    @classmethod
    def c(cls, z): pass
help(A().m)
help(A.c)
def pos(a, b, /, c, *, d, e=5): pass
help(pos)
async def co(x): "co doc"
help(co)
help(abs)
help(sorted)
def ann(a: 'str', b: list[int] = [], *c: int) -> 'X': pass
help(ann)
