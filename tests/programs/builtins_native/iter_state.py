# __length_hint__, __reduce__ and __setstate__ of list and tuple iterators, as CPython 3.11.
it = iter([1, 2, 3])
print(it.__length_hint__(), it.__reduce__())
next(it)
r = it.__reduce__()
print(r[0] is iter, r[1:], it.__length_hint__())
it.__setstate__(2)
print(list(it), it.__reduce__(), it.__length_hint__())
it.__setstate__(0)
print(list(it))
it2 = iter(['a', 'b', 'c', 'd'])
it2.__setstate__(-5)
print(next(it2))
it2.__setstate__(99)
print(it2.__length_hint__(), list(it2))
f, args, *state = iter([7, 8, 9]).__reduce__()
rebuilt = f(*args)
rebuilt.__setstate__(*state)
print(list(rebuilt))
ti = iter((4, 5))
print(ti.__reduce__()[1:], ti.__length_hint__())
next(ti)
next(ti)
print(ti.__reduce__()[1:], ti.__length_hint__())
ti2 = iter((1, 2, 3))
ti2.__setstate__(True)
print(list(ti2))
lst = [1, 2]
li = iter(lst)
lst.append(3)
print(li.__length_hint__())
lst.clear()
print(li.__length_hint__())
for bad in ('x', 1.5):
    try:
        iter([1]).__setstate__(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    iter([1]).__setstate__(2 ** 80)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    iter([1]).__reduce__(1)
except TypeError as e:
    print(e)
try:
    iter(()).__setstate__()
except TypeError as e:
    print(e)
print([iter([i] * i).__reduce__() for i in range(3)])
