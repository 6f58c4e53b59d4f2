# print(..., file=obj) calls obj.write(text) for each piece; print() follows a replaced
# sys.stdout; flush=True calls obj.flush(); errors from write propagate.
import sys
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append('<flush>')
w = W()
print('a', 1, None, sep='-', end='!\n', file=w)
print(file=w, flush=True)
print('x', 'y', file=w, sep=None, end=None)
print(*[1, 2, 3], sep='', file=w)
print(w.parts)
class Bad:
    pass
try:
    print('z', file=Bad())
except AttributeError as e:
    print('AttributeError', e)
class Boom:
    def __init__(self):
        self.n = 0
    def write(self, s):
        self.n += 1
        if self.n == 2:
            raise ValueError('boom at ' + repr(s))
bm = Boom()
try:
    print('q', 'r', file=bm)
except ValueError as e:
    print('ValueError', e, bm.n)
old = sys.stdout
sys.stdout = w
print('captured', 2)
print('flushed', flush=True)
sys.stdout = old
print(w.parts[-7:])
sys.stdout = sys.__stdout__
print('to __stdout__')
sys.stdout = old
print('back', file=sys.stdout)
print('none file', file=None)
