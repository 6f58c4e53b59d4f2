# Starred assignment (UNPACK_EX) with CPython's errors.

a, *b, c = range(6)
print(a, b, c)
*x, y = [1]
print(x, y)
first, *rest = "hello"
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
p, q, *r = iter([1, 2])
print(p, q, r)
[h, *t] = {"k": 1, "l": 2}
print(h, t)
for i, *more in [(1, 2, 3), (4,), "ab"]:
    print(i, more)
(m, *n), o = [1, 2, 3], 4
print(m, n, o)
*s, = range(3)
print(s)
head, *_, tail = [0] * 10
print(head, tail, len(_))


def gen():
    yield "g1"
    yield "g2"
    yield "g3"


g0, *gs = gen()
print(g0, gs, type(gs).__name__)


def unpack(value, n):
    try:
        if n == 1:
            a, *b, c = value
        elif n == 2:
            a, b, *c, d, e = value
        else:
            *a, b = value
        print("ok", a, b)
    except Exception as e:
        print(type(e).__name__, e)


unpack([1], 1)
unpack((1, 2, 3), 2)
unpack(5, 1)
unpack(None, 3)
unpack([], 3)
unpack(iter(range(10)), 2)


def tail_error():
    a, *b, c = "x"


tail_error()
