# Class attributes that change while instances keep looking them up: every lookup must see
# the current class dicts (base classes included), whatever was looked up before.


class Base:
    kind = "base"

    def who(self):
        return "Base.who"


class Mid(Base):
    pass


class Leaf(Mid):
    pass


leaf = Leaf()
seen = []
for step in range(6):
    seen.append((leaf.kind, leaf.who()))
    if step == 0:
        Base.kind = "base2"
    elif step == 1:
        Mid.kind = "mid"
    elif step == 2:
        Leaf.who = lambda self: "Leaf.who"
    elif step == 3:
        del Mid.kind
    elif step == 4:
        del Leaf.who
print(seen)


class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return self.count


c = Counter()
print([c.bump() for _ in range(5)], Counter.count)

# An instance attribute shadows a non-data class attribute; a data descriptor wins over it.
class P:
    x = 1

    @property
    def y(self):
        return "prop"


p = P()
print(p.x, p.y)
p.__dict__["x"] = 2
p.__dict__["y"] = "inst"
print(p.x, p.y)
P.y = 5
print(p.x, p.y)
del P.x
print(p.x)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)

# Many classes and names: lookups must not confuse one (class, name) with another.
classes = [type("C%d" % i, (), {"v%d" % j: i * 100 + j for j in range(8)}) for i in range(40)]
total = 0
for rnd in range(3):
    for i, cls in enumerate(classes):
        for j in range(8):
            total += getattr(cls(), "v%d" % j)
    classes[rnd].v0 = -1
print(total)


def make_and_drop(n):
    # Classes created and collected: a new class at a reused address sees its own dict.
    out = []
    for i in range(n):
        K = type("K", (), {"tag": i})
        out.append(K().tag)
        del K
    return sum(out)


print(make_and_drop(2000))
