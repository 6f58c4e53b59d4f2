# sys.stdin natively: readline (with "\n", '' at the end), input() interleaved, iteration, read, readlines.
import sys
first = sys.stdin.readline()
print(repr(first))
print(repr(input()))
print(repr(sys.stdin.readline(-1)), repr(sys.stdin.readline()), sys.stdout is sys.__stdout__)
n = 0
for line in sys.stdin:
    n += 1
    print(n, repr(line))
    if line.startswith('stop'):
        break
print(sys.stdin.readlines(-1)[:2])
print(repr(sys.stdin.read(None)), repr(sys.stdin.readline()), sys.stdin.readlines(None))
print(list(sys.stdin), sys.stdin is sys.__stdin__, iter(sys.stdin) is sys.stdin)
try:
    input()
except EOFError as e:
    print('EOFError', e)
try:
    sys.stdin.readline(None)
except TypeError as e:
    print('TypeError', e)
try:
    next(sys.stdout)
except OSError as e:
    print('OSError subclass', isinstance(e, OSError))
