# syntax error test: the program must be rejected exactly as CPython rejects it
lambda a=1, b: 0
