# Subclasses of list, set and frozenset: instances behave as the base in builtin operations,
# carry an instance __dict__, and operators return the base type as CPython does.


class L(list):
    def total(self):
        return sum(self)


a = L([3, 1, 2])
a.tag = 'x'
a.append(4)
print(a, len(a), a.total(), a.tag, a.__dict__, type(a).__name__)
print(type(a + [5]).__name__, a + [5], type(a * 2).__name__, type(a[:2]).__name__, a[1:3])
a += [9]
print(type(a).__name__, a, sorted(a), list(reversed(a)), 9 in a, a.index(9))
a.sort()
print(a, a == [1, 2, 3, 4, 9], isinstance(a, list), issubclass(L, list), L.__mro__)
print(repr(L()), bool(L()), bool(L([0])), list(L('abc')), [x * 2 for x in L([1, 2])])


class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
        self.pushes = 0

    def push(self, x):
        self.pushes += 1
        self.append(x)
        return self

    def __repr__(self):
        return 'Stack' + super().__repr__()


s = Stack(1, 2).push(3).push(4)
print(s, s.pushes, s.pop(), s, len(s), str(s))


class Sized(list):
    def __len__(self):
        return 42

    def __getitem__(self, i):
        return 'item%r' % (i,)

    def __iter__(self):
        return iter([7, 8])

    def __contains__(self, x):
        return x == 'yes'


z = Sized([1, 2, 3])
print(len(z), z[0], z[1:2], list(z), 'yes' in z, 1 in z, bool(z))


class S(set):
    def describe(self):
        return 'S of %d' % len(self)


t = S([3, 1, 3])
t.note = 1
t.add(5)
print(sorted(t), t.describe(), t.note, type(t | {2}).__name__, type(t.copy()).__name__, S() == set())
print(type(t & {1}).__name__, type(t - {1}).__name__, 1 in t, len(t), isinstance(t, set))


class FS(frozenset):
    pass


f = FS([1, 2])
print(sorted(f), type(f).__name__, hash(f) == hash(frozenset([1, 2])), f == {1, 2}, {f: 1}[frozenset([1, 2])])
print(type(f | {3}).__name__, sorted(f | {3}))


class Deep(L):
    pass


d = Deep([5, 6])
d.x = 1
print(d, d.total(), d.x, Deep.__mro__)
try:
    class Bad(list, dict):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    class Bad2(L, Exception):
        pass
except TypeError as e:
    print('TypeError', e)
