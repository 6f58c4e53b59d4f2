# syntax error test: the program must be rejected exactly as CPython rejects it
print('café', 'naïve' 'x' 1)
