# Iteration builtins end to end: iter (both forms), next, enumerate, zip (strict), map,
# filter, any, all; lambdas as functions, errors raised inside them, StopIteration.

def show(thunk):
    try:
        r = thunk()
        if type(r).__name__ in ('enumerate', 'zip', 'map', 'filter', 'callable_iterator', 'list_iterator'):
            r = list(r)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)


def drain(it):
    out = []
    try:
        for x in it:
            out.append(x)
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
    return out


it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'done'))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(str(e)))
show(lambda: next([1]))
show(lambda: iter(5))
show(lambda: iter(5, 0))
stack = [1, 2, 3, 4, 5]
print(list(iter(stack.pop, 2)), stack)


def counter():
    n = 0

    def step():
        nonlocal n
        n += 1
        if n > 5:
            raise StopIteration
        return n * n
    return step


print(list(iter(counter(), 16)), list(iter(counter(), -1)))

print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate('ab', start=-1)))
print(list(enumerate(['x', 'y'], 2**47 - 1)), list(enumerate('z', 2**70)))
print(list(enumerate(iterable=[1], start=True)))
show(lambda: enumerate([], start='a'))
show(lambda: enumerate())
show(lambda: enumerate([], 1, 2))
show(lambda: enumerate([], x=1))
for i, (a, b) in enumerate(zip('pqr', range(10, 13))):
    print(i, a, b)

print(list(zip()), list(zip([1, 2], 'ab', (True, None))), list(zip([1, 2, 3], [4])))
print(drain(zip([1, 2], [3], strict=True)))
print(drain(zip([1], [2, 3], strict=True)))
print(drain(zip([1, 2], [1, 2], [9], strict=True)))
print(drain(zip([1, 2], [1, 2], [7, 8, 9], strict=True)))
print(list(zip([1, 2], [3, 4], strict=True)))
show(lambda: zip(1))
show(lambda: zip([], x=1))

print(list(map(lambda x: x * 2, [1, 2, 3])), list(map(pow, [2, 3], [5, 2, 0])), list(map(str, range(3))))
print(drain(map(int, ['1', '2', 'x', '4'])))
print(drain(map(lambda x: 10 // x, [5, 2, 0, 1])))
show(lambda: map(abs))
show(lambda: map(abs, [], x=1))

print(list(filter(None, [0, 1, '', 'a', [], [0]])), list(filter(bool, [0, 2])), list(filter(lambda x: x % 3, range(10))))
print(drain(filter(len, ['a', '', 3])))
show(lambda: filter(None))

print(any([]), any([0, '', None]), any([0, 4]), all([]), all([1, 'a']), all([1, 0]))
seen = []


def note(x):
    seen.append(x)
    return x


print(any(map(note, [0, 0, 7, 8])), seen)
print(all(map(note, [1, 0, 9])), seen)
show(lambda: any(3))
show(lambda: all())
