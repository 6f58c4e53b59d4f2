# syntax error test: the program must be rejected exactly as CPython rejects it
match x:
    case y:
        pass
    case 1:
        pass
