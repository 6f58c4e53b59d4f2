"""Behaviour of types, printed for comparison (see run.sh compare)."""
import types
import sys


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
show('namespace', lambda: (ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b='two', c=[3]),
                           ns != types.SimpleNamespace(), repr(types.SimpleNamespace())))
del ns.a
show('namespace del', lambda: ns)
show('namespace positional', lambda: types.SimpleNamespace(1))
show('namespace hash', lambda: hash(types.SimpleNamespace()))
rec = types.SimpleNamespace()
rec.me = rec
show('namespace recursive', lambda: rec)


class Sub(types.SimpleNamespace):
    pass


show('namespace subclass', lambda: (Sub(x=1), Sub(x=1) == types.SimpleNamespace(x=1)))
mp = types.MappingProxyType({'a': 1, 'b': 2})
show('mappingproxy', lambda: (mp['a'], len(mp), list(mp), 'a' in mp, mp.get('z', 0), repr(mp), str(mp),
                              dict(mp.items()), mp | {'c': 3}, mp == {'a': 1, 'b': 2}, mp.copy()))
show('mappingproxy set', lambda: mp.__setitem__('c', 3))
show('mappingproxy bad', lambda: types.MappingProxyType([1]))


def fn():
    pass


def gen():
    yield


async def co():
    pass


async def agen():
    yield


class C:
    def m(self):
        pass


c = co()
show('isinstance types', lambda: (isinstance(fn, types.FunctionType), isinstance(lambda: 0, types.LambdaType),
                                  isinstance(gen(), types.GeneratorType), isinstance(c, types.CoroutineType),
                                  isinstance(agen(), types.AsyncGeneratorType), isinstance(C().m, types.MethodType),
                                  isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType),
                                  isinstance(sys, types.ModuleType), isinstance(None, types.NoneType),
                                  isinstance(..., types.EllipsisType), isinstance(NotImplemented, types.NotImplementedType),
                                  isinstance(list[int], types.GenericAlias), isinstance(int | str, types.UnionType),
                                  isinstance(fn, types.MethodType)))
c.close()
show('type names', lambda: (types.FunctionType.__name__, types.MethodType.__name__, types.GeneratorType.__name__,
                            types.ModuleType.__name__, types.NoneType.__name__))
show('ModuleType()', lambda: types.ModuleType('mymod').__name__)
bound = types.MethodType(lambda self, x: (type(self).__name__, x), C())
show('MethodType()', lambda: bound(5))
Kls = types.new_class('Kls', (C,), {}, lambda ns: ns.update({'v': 42}))
show('new_class', lambda: (Kls.__name__, Kls.v, Kls.__bases__, isinstance(Kls(), C)))
show('prepare_class', lambda: types.prepare_class('X', (), {'metaclass': type, 'k': 1}))
show('resolve_bases', lambda: types.resolve_bases((C, int)))


class MroEntry:
    def __mro_entries__(self, bases):
        return (C,)


show('resolve_bases entries', lambda: types.resolve_bases((MroEntry(), int)))
show('metaclass conflict', lambda: types.new_class('Y', (type, int)))


class WithDCA:
    @types.DynamicClassAttribute
    def dyn(self):
        return 'instance value'

    def __getattr__(self, name):
        return 'getattr ' + name


show('DynamicClassAttribute', lambda: (WithDCA().dyn, hasattr(WithDCA, 'dyn')))
show('coroutine', lambda: types.coroutine(fn) is fn)
show('coroutine bad', lambda: types.coroutine(5))
