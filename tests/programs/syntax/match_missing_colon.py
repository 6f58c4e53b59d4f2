# syntax error test: the program must be rejected exactly as CPython rejects it
match 'subject'
    case _:
        pass
