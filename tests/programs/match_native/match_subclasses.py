# Class and mapping patterns over subclasses of builtin types: the self-matching flag is
# inherited, and a dict subclass's own get() is what MATCH_KEYS calls.
class MyList(list):
    pass
class MyInt(int):
    pass
for v in [MyList([6]), MyInt(7)]:
    match v:
        case int(i):
            print('int', i, type(i).__name__)
        case list(l):
            print('list', l, type(l).__name__)
class LoggingDict(dict):
    def get(self, key, default=None):
        print('get', key)
        return super().get(key, default)
d = LoggingDict(a=1, b=2, c=3)
match d:
    case {'a': 1, 'z': _}:
        print('no')
    case {'a': 1, 'b': bb, **others}:
        print('matched', bb, others, type(others).__name__)
