# syntax error test: the program must be rejected exactly as CPython rejects it
with open(f) as 1: pass
