# Instance attribute caches: the cached entry index must be re-checked against the
# instance's current dict (deletion, re-insertion in another order, __dict__ assignment,
# vars() changes, other instances with other key orders).


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def get_b(p):
    return p.b


def set_b(p, v):
    p.b = v


ps = [P(i, i * 10) for i in range(5)]
for _ in range(10):
    total = sum(get_b(p) for p in ps)
print(total)

# Same class, other insertion order.
q = P.__new__(P)
q.b = "b first"
q.a = "a second"
print(get_b(q), [get_b(p) for p in ps][:2])

# Deletion and re-insertion moves the entry.
p = ps[0]
del p.a
print(get_b(p))
p.a = "back"
del p.b
try:
    get_b(p)
except AttributeError as e:
    print("AttributeError:", e)
p.b = "new b"
print(get_b(p), p.a)

# The dict changed through vars().
r = P(1, 2)
for _ in range(10):
    set_b(r, get_b(r) + 1)
print(get_b(r))
vars(r)["b"] = "through vars"
print(get_b(r))
vars(r).clear()
try:
    get_b(r)
except AttributeError as e:
    print("AttributeError:", e)
set_b(r, "stored again")
print(r.__dict__)
vars(r).update({"a": 1, "c": 3})
for _ in range(3):
    set_b(r, get_b(r) + "!")
print(r.__dict__)

# Many attributes: the dict grows and is rebuilt under the cache.
big = P(0, 0)
for i in range(40):
    setattr(big, "x%d" % i, i)
    set_b(big, get_b(big) + i)
for i in range(0, 40, 2):
    delattr(big, "x%d" % i)
for _ in range(5):
    set_b(big, get_b(big) + 1)
print(get_b(big), len(vars(big)))

# An equal but distinct name string reaches the same attribute.
name = "".join(["b"])
setattr(big, name, "via setattr")
print(get_b(big), getattr(big, name))
