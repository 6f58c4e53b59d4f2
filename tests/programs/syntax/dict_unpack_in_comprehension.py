# syntax error test: the program must be rejected exactly as CPython rejects it
x = {**a for a in b}
