# for loops over lists (FOR_ITER_LIST when profiled): the list changing under the
# iterator (append, pop, clear, slice assignment), nested loops, break/else, iterators
# shared between loops, and list subclasses' own __iter__.


def total(xs):
    t = 0
    for x in xs:
        t += x
    return t


xs = list(range(10))
for _ in range(20):
    s = total(xs)
print(s)

grow = [1, 2, 3]
seen = []
for x in grow:
    seen.append(x)
    if len(grow) < 8:
        grow.append(x * 10)
print(seen)

shrink = list(range(10))
seen = []
for x in shrink:
    seen.append(x)
    shrink.pop()
print(seen, shrink)

clear = [1, 2, 3, 4]
seen = []
for x in clear:
    seen.append(x)
    clear.clear()
print(seen, clear)

sl = [0, 1, 2, 3, 4, 5]
seen = []
for x in sl:
    seen.append(x)
    if x == 1:
        sl[2:] = ["a", "b"]
print(seen)

it = iter([1, 2, 3, 4, 5, 6])
pairs = []
for a in it:
    for b in it:
        pairs.append((a, b))
        break
print(pairs)

for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no break")

found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = (row, v)
            break
    if found:
        break
print(found)



mixed = [[1, 2], (3, 4), "ab", range(2)]
print([[y for y in m] for m in mixed])

exhausted = iter([7, 8])
print(list(exhausted), [z for z in exhausted])
