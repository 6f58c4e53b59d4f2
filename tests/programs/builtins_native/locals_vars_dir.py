# locals(), vars() and dir() without an argument: the caller's namespace (functions, closures,
# class bodies, module level as read at once).

def f(a, b=2, *args, **kw):
    c = a + b
    d = locals()
    print(sorted(d.items(), key=lambda kv: kv[0]))
    print(list(d))
    print(dir())
    v = vars()
    print(sorted(v))
    return d


r = f(1, 3, 4, k=5)
print(type(r).__name__, r['c'])


def unbound():
    print(locals())
    if False:
        x = 1
    print(dir())
    x = 2
    print(locals())


unbound()


def outer():
    n = 10
    m = [1]

    def inner():
        k = n + 1
        print(locals())
        print(dir())
        return k

    print(sorted(locals()))
    inner()
    m.append(n)
    return inner


outer()


class C:
    x = 1
    y = x + 1
    print(sorted(locals()))
    print(dir())
    z = locals()['y'] * 3
    ns = vars()
    ns['w'] = 7


print(C.z, C.w)
print('f' in locals(), 'nope' in vars())
print(locals()['C'].__name__)
print(locals().get('r') is r)


def gen():
    i = 0
    yield sorted(locals().items())
    i += 5
    yield dir()


for x in gen():
    print(x)

print((lambda q: locals())(4))


def big():
    s = 'x' * 3
    t = (s, s)
    out = []
    for i in range(3):
        out.append(locals().copy())
    return out


print(len(big()), sorted(big()[-1]))
