import traceback, sys
def inner(x):
    return 1 / x
def outer():
    return inner(0)
try:
    outer()
except ZeroDivisionError:
    s = traceback.format_exc()
    print(s.replace(__file__, 'FILE'))
    print(traceback.format_exc(limit=1).replace(__file__, 'FILE'))
    print(traceback.format_exc(limit=-1).replace(__file__, 'FILE'))
try:
    try:
        outer()
    except ZeroDivisionError as e:
        raise ValueError('wrapped') from e
except ValueError as e:
    parts = traceback.format_exception(e)
    print(len(parts), [p.replace(__file__, 'FILE') for p in parts])
    print(traceback.format_exception_only(e), traceback.format_exception(e, chain=False)[-1])
    tb = e.__traceback__
    ex = traceback.extract_tb(tb)
    print(type(ex).__name__, len(ex), [(f.name, f.lineno, f.line) for f in ex])
    fname, lineno, name, line = ex[0]
    print(name, lineno, line, ex[0] == (fname, lineno, name, line))
    print([s.replace(__file__, 'FILE') for s in traceback.format_tb(tb)])
    print([s.replace(__file__, 'FILE') for s in ex.format()])
    traceback.print_exception(type(e), e, tb, file=sys.stdout)
def show_stack():
    return [(f.name, f.line) for f in traceback.extract_stack()][-2:]
print(show_stack())
print([s.replace(__file__, 'FILE') for s in traceback.format_stack()][-1:])
print(traceback.format_exc())
try:
    {}['k']
except KeyError:
    traceback.print_exc(file=sys.stdout)
print(traceback.format_list([('f.py', 3, 'fn', 'x = 1')]))
print(traceback.format_exception_only(SyntaxError('bad', ('f.py', 2, 3, 'a b c\n', 2, 4))))
