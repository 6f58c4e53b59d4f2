def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r)[:80])
    except BaseException as e:
        print(label, type(e).__name__, str(e)[:100])
class M(type):
    def __new__(m, n, b, d): return 42
class X(metaclass=M): pass
t('meta-nontype', lambda: X)
class A: pass
class B: pass
a = A()
def cls_assign():
    a.__class__ = B
    return type(a).__name__
t('class-assign', cls_assign)
t('class-assign-int', lambda: setattr(a, '__class__', int))
def bases_assign():
    class P: pass
    class Q: pass
    class R(P): pass
    R.__bases__ = (Q,)
    return R.__mro__
t('bases-assign', bases_assign)
l = [1]; l.append(l)
t('rec-list', lambda: repr(l))
d = {}; d['self'] = d
t('rec-dict', lambda: repr(d))
def selfgen():
    yield from g2
g2 = selfgen()
t('self-yield-from', lambda: next(g2))
class E:
    def __eq__(self, o): return [1]
t('eq-nonbool', lambda: E() == E())
t('eq-nonbool-in', lambda: E() in [E()])
class H:
    def __hash__(self): return 2**80
t('big-hash', lambda: hash(H()))
t('del-builtin-attr', lambda: delattr(int, 'real'))
t('set-builtin-attr', lambda: setattr(list, 'x', 1))
t('exc-weird-args', lambda: str(Exception(1, [2], {3: 4})))
t('raise-class-weird-init', lambda: exec_raise())
def exec_raise():
    class Bad(Exception):
        def __init__(self): raise KeyError('init')
    raise Bad
t('str-of-exc-class', lambda: str(ValueError))
t('nested-fstring', lambda: f"{'a' + f'{1 + 1}'}")
t('walrus-comp', lambda: [y := i for i in range(3)] + [y])
t('star-assign', lambda: [*range(3), *'ab'])
t('dict-unpack', lambda: {**{'a': 1}, 'b': 2, **{'a': 3}})
t('chained-cmp', lambda: 1 < 2 < 3 > 2 != 4)
t('big-int', lambda: 2**200 // 3**50 % 1000)
t('float-int-mix', lambda: (2**53 + 1) == float(2**53 + 1))
t('neg-zero', lambda: (-0.0, 0.0 == -0.0, str(-0.0)))
t('slice-assign', lambda: (lambda x: (x.__setitem__(slice(1, 3), [9, 9, 9]), x)[1])([1, 2, 3, 4]))
t('del-slice', lambda: (lambda x: (x.__delitem__(slice(None, None, 2)), x)[1])(list(range(7))))
def gen_close_running():
    def g():
        me.close()
        yield 1
    me = g()
    return next(me)
t('gen-close-running', gen_close_running)
t('lambda-default-late', lambda: (lambda x=[]: x)())
class Slots:
    __slots__ = ()
t('slots-empty', lambda: Slots().__class__.__name__)
t('type-call-3', lambda: type('T', (), {'a': 1}).a)
t('type-bad', lambda: type('T', 1, {}))
t('object-setattr-class', lambda: object.__setattr__(A, 'z', 1))
t('super-outside', lambda: super())
import sys
t('getframe-deep', lambda: sys._getframe(1000))
t('isinstance-tuple-nested', lambda: isinstance(1, (str, (int, float))))
t('issubclass-abc', lambda: issubclass(list, __import__('collections.abc').abc.Sequence))
t('vars-noargs-in-lambda', lambda: sorted(vars())[:0])
t('locals', lambda: locals())
t('globals-type', lambda: type(globals()).__name__)
t('id-equal', lambda: id(a) == id(a))
t('callable', lambda: (callable(len), callable(1), callable(A)))
t('format-spec-weird', lambda: format(3.14159, '+010.3f'))
t('bytes-ops', lambda: (b'ab' + b'c', b'x' * 3, bytes([65, 66]), bytearray(b'q')))
t('complex', lambda: (1+2j) * (3-1j))
t('int-base', lambda: (int('ff', 16), int('0b101', 0), int(' 42 ')))
t('round-half', lambda: (round(2.5), round(3.5), round(-0.5), round(1.25, 1)))
t('divmod-neg', lambda: (divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2))
t('pow-neg', lambda: (2 ** -1, (-8) ** (1/3) if False else 0, pow(2, 10, 1000)))
t('str-mul-neg', lambda: 'ab' * -1)
t('unicode', lambda: ('ß'.upper(), 'İ'.lower(), len('🐍'), '🐍'[0]))
