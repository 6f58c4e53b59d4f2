# The namespaces eval() reads: the calling function's locals (cells and free variables
# too), a class body's namespace, the module's globals at the time of the call, builtins.
counter = 0


def bump():
    global counter
    counter += 1
    return 'counter'


# The arguments run before the namespaces are read.
print(eval(bump()), eval(bump()))


def outer(a):
    b = [a]

    def inner(c):
        # a is not a free variable of inner (never named in its code): NameError, as CPython.
        assert b
        try:
            eval('a')
        except NameError as e:
            print('NameError:', e)
        return eval('b[0] + c')
    return inner


print(outer(5)(1))


def loop():
    out = []
    for i in range(3):
        out.append(eval('i * i'))
    try:
        eval('later')
    except NameError as e:
        print('NameError:', e)
    later = 1
    out.append(eval('later'))
    del later
    try:
        eval('later')
    except NameError as e:
        print('NameError:', e)
    return out


print(loop())


def gen(n):
    for k in range(n):
        yield eval('k + n')


print(list(gen(3)))


class Body:
    x = 3
    y = eval('x * 2')
    z = eval('[x for _ in range(2)]' if False else '(lambda: counter)()')


print(Body.y, Body.z)


def comp(xs):
    scale = 10
    # The first iterable is evaluated in the calling scope; the body sees only globals.
    print(eval('[x + 1 for x in xs]'))
    try:
        eval('[x * scale for x in xs]')
    except NameError as e:
        print('NameError:', e)
    print(eval('[y for x in xs for y in range(x)]'))
    f = eval('lambda k: (k, counter)')
    print(f(2))


comp([1, 2])

# Nested eval sees the namespaces of the evaluated code.
v = 4
print(eval('eval("v + 1")'))
print(eval("eval('w', {'w': 9})"))


def nested(p):
    return eval("eval('p * 2')")


print(nested(21))

# eval(*args) and eval(s, **{}) forms.
args = ('v * 3',)
print(eval(*args))
print(eval(*('q', {'q': 'Q'})))
try:
    eval(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    eval('1', **{'globals': {}})
except TypeError as e:
    print('TypeError:', e)

# Module level: the globals are the locals.
print(eval('v, counter'))
g = {'n': 1}
print(eval('n + 1', g), list(g), type(g['__builtins__']).__name__, g['__builtins__']['len']('ab'))
g2 = {}
eval('0', g2, {})
print(list(g2), g2['__builtins__'] is g['__builtins__'])
print(eval('[n * 2 for _ in range(2)]', g))
print(eval('len("abc")', {}))
print(eval('abs', {'__builtins__': {'abs': 'own'}}))


# Assignment expressions bind in the eval-level locals (a function's are a snapshot, as in
# CPython) or a lambda's scope.
def walrus():
    print(eval('(t := 2) * t'), eval('(lambda: (u := 3) + u)()'))
    ns = {}
    print(eval('[(m := 5), m + 1]', ns), ns['m'])


walrus()
