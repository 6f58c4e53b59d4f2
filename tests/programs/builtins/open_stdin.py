# open(0): stdin as a file (not seekable); the rest of input read line by line.
f = open(0)
print(f.seekable(), repr(f.readline()), [line for line in f])
try:
    f.tell()
except OSError as e:
    print(type(e).__name__, e)
print(repr(open('/dev/null').read()))
