# syntax error test: the program must be rejected exactly as CPython rejects it
print(sum(x * x for x in range(4),))
