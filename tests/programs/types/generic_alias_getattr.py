# types.GenericAlias: attributes forwarded to the origin (ga_getattro), its own names, and
# the errors of setting or deleting attributes.
import types
g = list[int]
print(g.__name__, g.__qualname__, g.__module__, g.__doc__ == list.__doc__, g.append is list.append)
print(dict[str, int].fromkeys('ab'), g.__origin__, g.__args__, g.__parameters__)
print(g.__class__, type(g), g.__mro_entries__((g,)))
for name in ['nope', '__nope__']:
    try:
        print(name, getattr(g, name))
    except AttributeError as e:
        print('AttributeError:', e)
try:
    g.x = 1
except AttributeError as e:
    print('AttributeError on g.x')
for name in ['__origin__', '__args__', '__unpacked__']:
    try:
        setattr(g, name, 1)
    except AttributeError as e:
        print('AttributeError:', e)
try:
    del g.__origin__
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ':', e)
print(hasattr(g, '__len__'), hasattr(g, 'nope'), getattr(g, 'nope', 'dflt'))
class C:
    pass
cg = types.GenericAlias(C, (int,))
C.extra = 5
print(cg.extra, cg.__name__)
try:
    cg.missing
except AttributeError as e:
    print('AttributeError:', e)
