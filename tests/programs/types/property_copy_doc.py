class A:
    @property
    def x(self):
        "x doc"
        return 1
    @x.setter
    def x(self, v):
        "setter doc"
        self._x = v
    y = property(lambda s: 2, doc='explicit')
    @y.setter
    def y(self, v): pass
    z = property()
    w = property(None, None)
    @w.getter
    def w(self):
        "w getter"
        return 3
a = A()
print(A.x.__doc__, A.y.__doc__, A.z.__doc__, A.w.__doc__, a.w)
p = A.x.setter(None); print(p.fset is A.x.fset, p.__doc__)
q = A.x.getter(lambda s: 5); print(q.__doc__)
def t(f):
    try: print(f())
    except AttributeError as e: print(e)
t(lambda: A.__dict__['z'].__get__(a, A)); t(lambda: A.__dict__['z'].__set__(a, 1)); t(lambda: A.__dict__['y'].__delete__(a))
t(lambda: property().__get__(a)); t(lambda: A.__dict__['y'].__get__(None, A) is A.__dict__['y'])
class MyProp(property): pass
class B:
    @MyProp
    def v(self):
        "v doc"
        return 9
    @v.setter
    def v(self, val): pass
print(type(B.__dict__['v']).__name__, B.v.__doc__, B().v)
