# Module globals named like builtins: the builtin while the global is unbound (before the
# assignment runs, after `del`), in functions, the module body and class bodies.


def f():
    return len('abc'), sorted([3, 1, 2])


def g():
    return max


print(len('ab'), f(), g()(1, 2))
len = lambda s: 'mine'
max = 5
print(len('ab'), f(), g())
del len
print(len('ab'), f()[0])
del max
print(g()(4, 9))


class C:
    x = len('abcd')
    sorted = 'class attr'
    y = sorted
    print(x, y, max(0, 1))


print(C.x, C.y)
try:
    del max
except NameError as e:
    print('NameError:', e)
