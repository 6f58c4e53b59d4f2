# Loops the profile saw over ranges that get other iterables; an iterator replaced in the
# loop variable's stack slot's place; nested loops; a generator; a while loop.
import sys

TRAIN = len(sys.argv) > 1


def total(seq):
    t = 0
    for x in seq:
        t += x
    return t


def pairs(a, b):
    n = 0
    for i in a:
        for j in b:
            n += i * j
    return n


def gen(n):
    for i in range(n):
        yield i * i


def evens(n):
    i = 0
    count = 0
    while i < n:
        if i % 2 == 0:
            count += 1
        i += 1
    return count


def early(n, stop):
    s = 0
    for i in range(n):
        if i == stop:
            break
        s += i
    else:
        s = -1
    return s


def skipping(r):
    # The loop's own iterator advanced from inside the loop.
    it = iter(r)
    s = 0
    for x in it:
        s += x * 10 + next(it, 0)
    return s


if TRAIN:
    print(skipping(range(9)))
    print(total(range(10)), pairs(range(5), range(6)), total(gen(5)), evens(30), early(10, 20))
else:
    print(total(range(100)))
    print(total([1, 2, 3]))
    print(total((x for x in range(5))))
    print(total([1.5, 2.5]))
    print(total(range(2**47 - 2, 2**47 + 2)))
    print(pairs(range(10), [1, 2]))
    print(pairs([3, 4], range(4)))
    print(pairs(range(3), range(3)))
    print(total(gen(10)), list(gen(4)))
    print(evens(101), evens(2.5), evens(2**47 + 3 - 2**47))
    print(early(10, 4), early(10, 20), early(range(3), 1) if False else 0)
    print(skipping(range(11)), skipping(range(2**47 - 5, 2**47 + 5)), skipping([1, 2, 3]))
