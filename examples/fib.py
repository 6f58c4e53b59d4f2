"""Naive recursive Fibonacci: a classic interpreter and compiler benchmark."""
import sys

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

n = int(sys.argv[1]) if len(sys.argv) > 1 else 25
print(f"fib({n}) = {fib(n)}")
