# syntax error test: the program must be rejected exactly as CPython rejects it
def f(a, a): pass
