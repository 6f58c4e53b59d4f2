# syntax error test: the program must be rejected exactly as CPython rejects it
d = {'a': 1, 'b': }
