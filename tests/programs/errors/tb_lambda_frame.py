f = lambda x: x.foo
def call(fn, v):
    return fn(v)
call(f, 3)
