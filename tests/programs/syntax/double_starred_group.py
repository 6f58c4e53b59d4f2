# syntax error test: the program must be rejected exactly as CPython rejects it
x = (**{'a': 1})
