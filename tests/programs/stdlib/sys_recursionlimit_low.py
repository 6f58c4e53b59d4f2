import sys
def f(n):
    if n == 0:
        try: sys.setrecursionlimit(10)
        except RecursionError as e: print(e)
        return
    f(n-1)
f(50)
sys.setrecursionlimit(5)
print(sys.getrecursionlimit())
try: sys.setrecursionlimit(1)
except RecursionError as e: print(e)
