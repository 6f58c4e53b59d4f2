# types: SimpleNamespace, MappingProxyType and type checks.
import types

point = types.SimpleNamespace(x=1, y=2)
point.z = 3
print(point, point.x + point.z, point == types.SimpleNamespace(x=1, y=2, z=3), vars(point))
frozen = types.MappingProxyType({'debug': False, 'level': 2})
print(frozen['level'], len(frozen), dict(frozen), 'debug' in frozen)
try:
    frozen['level'] = 3
except TypeError as e:
    print('TypeError:', e)


def gen():
    yield 1


print(isinstance(gen, types.FunctionType), isinstance(gen(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType))
Dyn = types.new_class('Dyn', (), {}, lambda ns: ns.update({'hello': lambda self: 'hi'}))
print(Dyn().hello(), Dyn.__name__)
print(type(None) is types.NoneType, isinstance(list[int], types.GenericAlias), isinstance(int | None, types.UnionType))
