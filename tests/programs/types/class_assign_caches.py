# __class__ assignment while method and attribute sites are specialized: every call after
# the switch sees the new class (the interpreter's caches key on the class).
class A:
    kind = 'A'
    def who(self): return 'A.who'
    @property
    def p(self): return 'A.p'
class B:
    kind = 'B'
    def who(self): return 'B.who'
    @property
    def p(self): return 'B.p'
objs = [A() for _ in range(4)]
out = []
for i in range(40):
    o = objs[i % 4]
    if i == 21:
        objs[1].__class__ = B
    if i == 30:
        for x in objs:
            x.__class__ = B
    out.append((o.who(), o.kind, o.p, type(o).__name__))
for i in range(0, 40, 3):
    print(i, out[i])
class S1:
    __slots__ = ('v',)
    def get(self): return ('S1', self.v)
class S2:
    __slots__ = ('v',)
    def get(self): return ('S2', self.v)
s = S1(); s.v = 7
r = []
for i in range(20):
    if i == 10:
        s.__class__ = S2
    r.append(s.get())
print(r[9], r[10], r[19])
