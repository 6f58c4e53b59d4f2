# Iteration protocols natively: the sequence iterator of classes with __getitem__ only (IndexError/StopIteration end it), __reversed__, reversed() of sequences.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return self.n - i
print(list(Countdown(4)), list(reversed(Countdown(4))), sorted(Countdown(4)), 2 in Countdown(3), 9 in Countdown(3))
it = iter(Countdown(2))
print(type(it).__name__, next(it), next(it), next(it, 'done'), iter(it) is it)
class Stop:
    def __getitem__(self, i):
        if i == 3:
            raise StopIteration
        return i * i
print([x for x in Stop()], tuple(Stop()), sum(Stop()))
class Bad:
    def __getitem__(self, i):
        if i == 2:
            raise KeyError('boom')
        return i
try:
    for x in Bad():
        print('got', x)
except KeyError as e:
    print('KeyError', e)
class Mapping:
    def __getitem__(self, k):
        return k * 2
m = Mapping()
print(m['a'])
a, b = Countdown(2)
print(a, b)
class WithIter:
    def __iter__(self):
        return iter([7, 8])
    def __getitem__(self, i):
        return 0
print(list(WithIter()))
class WithReversed:
    def __reversed__(self):
        return iter(['custom', 'reverse'])
print(list(reversed(WithReversed())))
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try:
    reversed(NoRev())
except TypeError as e:
    print(e)
print(list(reversed([1, 2])), list(reversed('ab')))
