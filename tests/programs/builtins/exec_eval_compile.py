def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
g = {'a': 1}; l = {'b': 2}
exec('c = a + b', g, l); print(sorted(g.keys()), l, type(g['__builtins__']).__name__)
def f():
    x = 5
    exec('y = x + 1')
    print(locals()['y'], eval('x * 2'))
    return locals()
print(sorted(f().items()))
print(eval('x', {'x': 3}), eval('x+y', {'x': 3}, {'y': 4}))
class M:
    def __getitem__(self, k):
        if k == 'z': return 42
        raise KeyError(k)
print(eval('z', {}, M()))
exec('import math; r = math.sqrt(4)', g); print(g['r'])
print(eval(b'1 + 2'), eval('\t 3'))
c = compile('1+1', 'f', 'eval'); print(type(c).__name__, eval(c), exec(c))
exec(compile('1+2\n', 's', 'single'))
exec(compile('x = [1]\nx\n', 's', 'exec'))
t(lambda: exec(compile('1+2\n3', 's', 'single')))
t(lambda: __import__(1))
print(__import__('os.path').__name__, __import__('os.path', fromlist=['join']).__name__)
ns = {}
exec('''
def fib(n):
    return n if n < 2 else fib(n-1) + fib(n-2)
class K:
    v = 3
    def m(self): return self.v * fib(10)
''', ns)
print(ns['fib'](15), ns['K']().m(), ns['K'].__module__ if '__name__' in ns else ns['K'].__module__)
t(lambda: eval('1/0'))
t(lambda: exec('raise ValueError("boom")'))
t(lambda: eval('undefined_name'))
x = 10
def g2():
    y = 20
    return eval('x + y'), [eval('x + y + z', None, {'z': i}) for i in range(2)]
t(g2)
code = compile('a = 5\nb = a * 2', '<test>', 'exec'); ns2 = {}; exec(code, ns2); print(ns2['b'], code.co_filename, code.co_name)
t(lambda: compile('def f(:', '<x>', 'exec'))
try:
    compile('x = (1,\n', 'fname.py', 'exec')
except SyntaxError as e:
    print(e.filename, e.lineno, e.msg)
print(eval('[i*2 for i in range(3)]'), eval('(lambda q: q+1)(4)'))
exec('global gv\ngv = 7'); print(gv)
class Cls:
    exec('inside = 1')
    loc = sorted(locals())
print(Cls.inside, Cls.loc)
print(eval('__name__'), eval('__name__', {}), eval('len')('ab'))
exec('print(__builtins__ is not None)', {})
t(lambda: exec('a', {}, []))
