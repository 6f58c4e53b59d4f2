"""Behaviour of bisect, printed for comparison (see run.sh compare)."""
import bisect


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


a = [1, 2, 2, 2, 5, 8, 8, 13]
for x in [0, 1, 2, 3, 8, 13, 20]:
    for lo, hi in [(0, None), (2, None), (0, 4), (3, 3), (5, 8)]:
        print(x, lo, hi, bisect.bisect_left(a, x, lo, hi), bisect.bisect_right(a, x, lo, hi),
              bisect.bisect(a, x, lo=lo, hi=hi))
recs = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
show('key', lambda: (bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1])))
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, v)
bisect.insort_left(b, 5)
bisect.insort_right(b, 5, 0, 3)
show('insort', lambda: b)
r2 = list(recs)
bisect.insort(r2, ('x', 3), key=lambda r: r[1])
bisect.insort_left(r2, ('y', 3), key=lambda r: r[1])
show('insort key', lambda: r2)
show('lo negative', lambda: bisect.bisect_left(a, 1, -1))
show('lo negative right', lambda: bisect.insort_right(a, 1, -1))
show('not a sequence', lambda: bisect.bisect(5, 1))
show('hi past end', lambda: bisect.bisect(a, 100, 0, 20))
show('__all__', lambda: sorted(getattr(bisect, '__all__', ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right'])))
