# syntax error test: the program must be rejected exactly as CPython rejects it
f(a=1, a=2)
