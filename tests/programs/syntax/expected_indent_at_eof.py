# syntax error test: the program must be rejected exactly as CPython rejects it
for item in range(3):
    print(item)
for other in range(2):