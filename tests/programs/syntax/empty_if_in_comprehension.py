# syntax error test: the program must be rejected exactly as CPython rejects it
x = [i for i in range(3) if]
