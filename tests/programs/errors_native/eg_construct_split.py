# ExceptionGroup / BaseExceptionGroup: construction rules and messages, str/repr, message,
# exceptions, split / subgroup / derive (predicates, types, tuples, nesting, metadata).
def show(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)
show('no args', lambda: ExceptionGroup())
show('one arg', lambda: ExceptionGroup('m'))
show('msg int', lambda: ExceptionGroup(1, [ValueError()]))
show('not seq', lambda: ExceptionGroup('m', ValueError()))
show('set', lambda: ExceptionGroup('m', {ValueError()}))
show('empty', lambda: ExceptionGroup('m', ()))
show('item', lambda: ExceptionGroup('m', [ValueError(), 3]))
show('base', lambda: ExceptionGroup('m', [SystemExit()]))
show('kw', lambda: ExceptionGroup('m', [ValueError()], x=1))
g = BaseExceptionGroup('m', (ValueError(1), KeyError(2)))
print(type(g).__name__, g.message, g.exceptions, str(g), repr(g), g.args)
b = BaseExceptionGroup('b', [KeyboardInterrupt()])
print(type(b).__name__, isinstance(b, Exception), isinstance(g, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(ExceptionGroup.__mro__)
inner = ExceptionGroup('inner', [TypeError('t'), ValueError('v2')])
eg = ExceptionGroup('outer', [ValueError('v1'), inner, KeyError('k')])
eg.add_note('outer note')
try:
    raise eg from OSError('cause')
except ExceptionGroup as e:
    caught = e
m, r = caught.split(ValueError)
print(repr(m), repr(r))
print(m.__notes__, r.__notes__, m.__notes__ is caught.__notes__, repr(m.__cause__), m.__traceback__ is caught.__traceback__)
print(m.exceptions[1].__notes__ if hasattr(m.exceptions[1], '__notes__') else 'no notes')
print(repr(caught.subgroup(lambda x: isinstance(x, KeyError))))
print(repr(caught.subgroup((TypeError, KeyError))))
print(caught.subgroup(ExceptionGroup) is caught, caught.split(BaseException)[0] is caught)
print(caught.subgroup(lambda x: False), caught.split(OSError)[0], caught.split(OSError)[1] is caught)
print(repr(caught.subgroup(lambda x: x is inner)))
show('bad cond', lambda: caught.split(3))
show('bad tuple', lambda: caught.split((ValueError, 3)))
print(repr(caught.derive([ZeroDivisionError()])))
class Mine(ExceptionGroup):
    def derive(self, excs):
        return Mine(self.message.upper(), excs)
mine = Mine('mine', [ValueError(1), TypeError(2)])
print(repr(mine.split(TypeError)), type(mine.subgroup(ValueError)).__name__)
class Bad(ExceptionGroup):
    def derive(self, excs):
        return 42
show('bad derive', lambda: Bad('x', [ValueError(), TypeError()]).split(ValueError))
print(len(str(ExceptionGroup('x' * 3000, [ValueError()]))))
for attr in ('message', 'exceptions'):
    try:
        setattr(g, attr, 'x')
    except AttributeError as e:
        print(attr, 'AttributeError', e)
    try:
        delattr(g, attr)
    except AttributeError as e:
        print(attr, 'AttributeError', e)
g.extra = 5
print(g.extra, g.message)
