# syntax error test: the program must be rejected exactly as CPython rejects it
for x in [1, 2 3]:
    pass
