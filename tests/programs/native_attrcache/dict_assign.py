# obj.__dict__ = d replaces the instance dict under warm caches (loads, stores, method
# lookups); a non-dict is a TypeError; deleting it starts an empty dict.


class P:
    def __init__(self):
        self.a = 1
        self.b = 2

    def m(self):
        return "method"


def get_b(p):
    return p.b


def set_b(p, v):
    p.b = v


def call_m(p):
    return p.m()


r = P()
for i in range(10):
    set_b(r, get_b(r) + i)
    call_m(r)
print(get_b(r), call_m(r), r.__dict__)

r.__dict__ = {"b": "from new dict"}
print(get_b(r), hasattr(r, "a"), r.__dict__)
set_b(r, "stored in new dict")
print(r.__dict__)

shared = {"b": "shared"}
s1, s2 = P(), P()
s1.__dict__ = shared
setattr(s2, "__dict__", shared)
set_b(s1, "via s1")
print(get_b(s2), s1.__dict__ is s2.__dict__)

r.__dict__ = {"m": lambda: "shadowing lambda", "b": 0}
print(call_m(r))

try:
    r.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    r.__dict__ = [("b", 1)]
except TypeError as e:
    print("TypeError:", e)

del r.__dict__
print(r.__dict__, hasattr(r, "b"))
set_b(r, "after del")
print(get_b(r), r.__dict__)
