# syntax error test: the program must be rejected exactly as CPython rejects it
def f() -> int return 1
