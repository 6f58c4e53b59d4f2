# syntax error test: the program must be rejected exactly as CPython rejects it
name = 'x'
print(f"{name upper}")
