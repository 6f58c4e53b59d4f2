# Exceptions raised inside loops the optimized copy runs: caught in the loop, caught
# outside, and one that ends the program with a traceback.
import sys

TRAIN = len(sys.argv) > 1


def ratios(n, zero_at):
    out = 0
    for i in range(1, n):
        try:
            out += 100 // (i - zero_at)
        except ZeroDivisionError:
            out += 1000
    return out


def mods(n, d):
    s = 0
    for i in range(n):
        s += i % d
    return s


def shift(n, by):
    s = 0
    for i in range(n):
        s += i >> by
    return s


def deep(n, bad):
    acc = 0
    for i in range(n):
        acc += inner(i, bad)
    return acc


def inner(i, bad):
    return 10 // (i - bad) + i


if TRAIN:
    print(ratios(10, 50), mods(10, 3), shift(10, 1), deep(5, 50))
else:
    print(ratios(10, 4))
    try:
        print(mods(10, 0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(shift(10, -1))
    except ValueError as e:
        print("ValueError:", e)
    print(mods(10, 2**50), shift(5, 100))
    print(deep(3, 7))
    print(deep(6, 4))
