"""Behaviour of operator, printed for comparison (see run.sh compare)."""
import operator
from operator import itemgetter, attrgetter, methodcaller


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


binary = ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and_', 'or_',
          'xor', 'lt', 'le', 'eq', 'ne', 'gt', 'ge', 'is_', 'is_not', 'contains', 'concat', 'getitem',
          'countOf', 'indexOf']
for name in binary:
    f = getattr(operator, name)
    for a, b in [(7, 3), (-7, 2), ([1, 2, 2], 2), ('ab', 'b'), ((1,), (2,))]:
        show('%s(%r, %r)' % (name, a, b), lambda: f(a, b))
for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
    f = getattr(operator, name)
    for a in [5, -2, 0, 2.5, True]:
        show('%s(%r)' % (name, a), lambda: f(a))
for name in ['iadd', 'isub', 'imul', 'ifloordiv', 'itruediv', 'imod', 'ipow', 'ilshift', 'irshift',
             'iand', 'ior', 'ixor', 'iconcat']:
    f = getattr(operator, name)
    show(name, lambda: f(6, 2) if name != 'iconcat' else f([1], [2]))
lst = [1]
show('iadd list identity', lambda: operator.iadd(lst, [2]) is lst)
show('matmul', lambda: operator.matmul(1, 2))
show('concat bad', lambda: operator.concat(1, 2))
show('indexOf missing', lambda: operator.indexOf([1], 5))
show('length_hint', lambda: (operator.length_hint([1, 2]), operator.length_hint(iter([1, 2, 3])),
                             operator.length_hint(x for x in ()), operator.length_hint(5, 7)))
show('length_hint bad default', lambda: operator.length_hint([], 'x'))
show('call', lambda: operator.call(max, 1, 5, key=None))
d = {'a': 1}
operator.setitem(d, 'b', 2)
operator.delitem(d, 'a')
show('setitem/delitem', lambda: d)
show('dunder aliases', lambda: (operator.__add__ is operator.add, operator.__not__ is operator.not_,
                                operator.__inv__ is operator.inv, operator.__call__ is operator.call))
show('itemgetter', lambda: (itemgetter(1)('abc'), itemgetter(0, -1)('abc'), itemgetter('k')({'k': 3}),
                            itemgetter(slice(1, None))([1, 2, 3]), repr(itemgetter(1)),
                            repr(itemgetter('a', 2))))
show('itemgetter none', lambda: itemgetter())
show('itemgetter err', lambda: itemgetter(5)('ab'))


class A:
    def __init__(self):
        self.name = 'n'
        self.child = self

    def greet(self, who, punct='!'):
        return 'hi ' + who + punct


a = A()
show('attrgetter', lambda: (attrgetter('name')(a), attrgetter('child.child.name')(a),
                            attrgetter('name', 'child.name')(a), repr(attrgetter('a.b', 'c'))))
show('attrgetter err', lambda: attrgetter('missing')(a))
show('attrgetter none', lambda: attrgetter())
show('attrgetter bad', lambda: attrgetter(1))
show('methodcaller', lambda: (methodcaller('greet', 'bo')(a), methodcaller('greet', 'bo', punct='?')(a),
                              repr(methodcaller('greet', 'bo', punct='?')), repr(methodcaller('x'))))
show('methodcaller none', lambda: methodcaller())
show('methodcaller bad', lambda: methodcaller(2))
show('sorted with getters', lambda: sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=itemgetter(0, 1)))
show('__all__', lambda: sorted(operator.__all__))
