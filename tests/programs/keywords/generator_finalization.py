# A generator a for loop alone references is finalized when the loop is left early
# (CPython's reference counting closes it): its finally blocks run at that point.
def g(tag):
    try:
        yield 1
        yield 2
    finally:
        print('cleanup', tag)
for x in g('break'):
    break
print('after break')
def f():
    for x in g('return'):
        return x
print('returned', f())
try:
    for x in g('exception'):
        raise ValueError('boom')
except ValueError:
    print('caught')
it = g('named')
for x in it:
    break
print('named not closed yet', next(it))
for x in it:
    pass
class Box:
    def __iter__(self):
        try:
            yield 'a'
            yield 'b'
        finally:
            print('box cleanup')
for v in Box():
    break
print('after box')
b = Box()
for v in b:
    break
print('after named box')
def outer():
    for x in g('nested-outer'):
        for y in g('nested-inner'):
            return (x, y)
print(outer())
for x in g('exhausted'):
    pass
print('done')
for x in (y for y in g('genexp')):
    break
print('after genexp')
print([x for x in g('listcomp')][:1])
