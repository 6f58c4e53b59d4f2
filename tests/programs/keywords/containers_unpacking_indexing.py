def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def unpack(v, n):
    if n == 2:
        a, b = v
        return a, b
    a, *b, c = v
    return a, b, c
t(lambda: unpack([1], 2))
t(lambda: unpack([1, 2, 3], 2))
t(lambda: unpack(iter([1, 2, 3]), 2))
t(lambda: unpack(5, 2))
t(lambda: unpack([1], 3))
t(lambda: unpack('ab', 2))
t(lambda: unpack({'x': 1, 'y': 2}, 2))
t(lambda: unpack(range(5), 3))
class G:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
t(lambda: unpack(G(), 3))
t(lambda: list(iter(G())))
t(lambda: 2 in G())
t(lambda: 7 in G())
class BadIter:
    def __iter__(self): return self
t(lambda: list(BadIter()))
class NotIter: pass
t(lambda: [x for x in NotIter()])
t(lambda: 1 in NotIter())
t(lambda: len(NotIter()))
t(lambda: NotIter()[0])
t(lambda: NotIter.__class_getitem__)
class Cont:
    def __contains__(self, x): return x == 'yes'
t(lambda: ('yes' in Cont(), 'no' in Cont(), 'no' not in Cont()))
d = {'a': 1}
t(lambda: d['b'])
t(lambda: [1, 2][3])
t(lambda: (1,)[5])
t(lambda: 'abc'[10])
t(lambda: [1, 2]['x'])
t(lambda: {}.__getitem__(1))
t(lambda: range(3)[5])
t(lambda: [][::0])
t(lambda: [1, 2, 3][::-1])
t(lambda: 'hello'[1:4:2])
t(lambda: (1, 2, 3)[-5:])
def setd():
    l = [1, 2, 3]
    l[1:2] = 'xyz'
    del l[::2]
    l[0] += 'q'
    return l
t(setd)
def extslice():
    l = [0, 1, 2, 3]
    l[::2] = [9]
t(extslice)
t(lambda: [1][True])
class Idx:
    def __index__(self): return 1
t(lambda: [10, 20][Idx()])
t(lambda: [10, 20][2**70])
t(lambda: 'x' * 2**70)
t(lambda: dict.fromkeys('ab') | {'c': 3})
t(lambda: [*range(3)] + [*{'k': 1}])
m = memoryview(b'abc') if 'memoryview' in dir(__builtins__) else None
t(lambda: sorted({3: 'a', 1: 'b'}))
t(lambda: next(iter({})))
t(lambda: list(zip([1, 2], 'ab', strict=True)))
t(lambda: list(zip([1, 2], 'a', strict=True)))
