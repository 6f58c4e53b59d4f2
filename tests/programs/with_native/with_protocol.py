# with statements compiled natively: enter/exit order, several items, suppression,
# return/break/continue inside, exceptions in __enter__/__exit__, special-method lookup.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, v, tb is None)
        return self.suppress

with CM('a') as x, CM('b') as y:
    print('body', x, y)

with CM('s', True):
    raise ValueError('swallowed')
print('after suppression')

with CM('outer', True), CM('inner'):
    1 / 0
print('outer suppressed the inner error')

def ret():
    with CM('r') as v:
        return v + '!'
print(ret())

for i in range(4):
    with CM(f'l{i}'):
        if i == 0:
            continue
        if i == 2:
            break
        print('loop body', i)

def gen():
    with CM('g'):
        yield 1
        yield 2
print(list(gen()))

class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print('TypeError', e)

class InstanceOnly:
    pass
o = InstanceOnly()
o.__enter__ = lambda: 1
o.__exit__ = lambda *a: None
try:
    with o:
        pass
except TypeError as e:
    print('TypeError', e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise KeyError('from exit')
try:
    with ExitRaises():
        raise ValueError('body')
except KeyError as e:
    print('KeyError', e, type(e.__context__).__name__, e.__context__)

class Truthy:
    def __bool__(self):
        print('bool called')
        return True
class ReturnsTruthy:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return Truthy()
with ReturnsTruthy():
    raise RuntimeError('hidden')
print('truthy object suppressed')

def nested_finally():
    try:
        with CM('f'):
            raise IndexError('in with')
    finally:
        print('finally runs')
try:
    nested_finally()
except IndexError as e:
    print('IndexError', e)

with CM('reraise', True):
    try:
        raise OSError('inner')
    except OSError as e:
        print('handling', type(e).__name__)
        raise
print('done')
