# syntax error test: the program must be rejected exactly as CPython rejects it
a = 1 if x
