# An exception raised by evaluated code and not caught: the traceback shows the caller's
# frames, then the evaluated code as `File "<string>", line 1, in <module>`.
def check(expr, **names):
    return eval(expr, None, names)


def fail(x):
    return 10 // x


print(check('a + b', a=1, b=2))
print(check('[fail(k) for k in (1, 2)]', fail=fail))
print(check('fail(k) + 1', fail=fail, k=0))
