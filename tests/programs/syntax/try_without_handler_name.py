# syntax error test: the program must be rejected exactly as CPython rejects it
try:
    pass
AttributeError except as e:
    pass
