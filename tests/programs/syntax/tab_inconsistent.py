# syntax error test: the program must be rejected exactly as CPython rejects it
def f():
	return 1
        return 2
