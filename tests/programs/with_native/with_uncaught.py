# An exception leaving a with block whose __exit__ does not suppress it: the traceback
# shows the raising line; the exit handler ran first.
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print('exit ran', a[0] and a[0].__name__)

def work(n):
    with CM():
        return 10 // n

print(work(2))
with CM() as c:
    work(0)
