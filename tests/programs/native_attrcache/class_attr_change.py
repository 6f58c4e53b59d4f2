# Inline caches of attribute loads, stores and method calls must see class changes made
# after the caches warmed up: class attributes, methods replaced on the class, methods
# added to a base class later, shadowing by the instance, subclasses overriding later.


class Base:
    kind = "base"

    def describe(self):
        return "Base.describe"

    def value(self):
        return 1


class Child(Base):
    pass


def use(obj):
    return (obj.kind, obj.describe(), obj.value())


def loop(obj, n):
    out = []
    for _ in range(n):
        out.append(use(obj))
    return out[-1]


c = Child()
print(loop(c, 20))

# A class attribute replaced on the base after warm-up.
Base.kind = "changed"
print(loop(c, 20))

# A method replaced on the class, then on the subclass only.
Base.describe = lambda self: "patched on Base"
print(loop(c, 20))
Child.describe = lambda self: "patched on Child"
print(loop(c, 20))
print(loop(Base(), 5))

# The instance shadows a method and a class attribute.
c.value = lambda: "instance value"
c.kind = "instance kind"
print(loop(c, 20))
del c.value
del c.kind
print(loop(c, 20))

# Deleting the subclass override brings back the base's.
del Child.describe
print(loop(c, 20))


# A subclass created after warm-up overrides a method.
class Late(Child):
    def value(self):
        return "Late.value"


objs = [Child(), Late(), Child(), Late()]
for _ in range(10):
    res = [o.value() for o in objs]
print(res)

# Many types through one site (more than the cache holds).
classes = [type("K%d" % i, (Base,), {"value": (lambda i: lambda self: i)(i)}) for i in range(9)]
insts = [k() for k in classes]
for _ in range(3):
    print([o.value() for o in insts], [o.kind for o in insts])
