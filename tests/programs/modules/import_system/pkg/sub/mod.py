X = 42
def who(): return __name__
