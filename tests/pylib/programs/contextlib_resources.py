# contextlib: generator-based context managers, suppress, ExitStack, redirect_stdout.
from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext, redirect_stdout


@contextmanager
def opened(name, log):
    log.append('open ' + name)
    try:
        yield name.upper()
    finally:
        log.append('close ' + name)


log = []
with opened('a', log) as a, opened('b', log) as b:
    log.append('use %s %s' % (a, b))
print(log)
log.clear()
try:
    with opened('c', log):
        raise ValueError('boom')
except ValueError as e:
    log.append('handled ' + str(e))
print(log)
with suppress(ZeroDivisionError):
    print('before')
    1 / 0
    print('never')
print('after')
log.clear()
with ExitStack() as stack:
    names = [stack.enter_context(opened(n, log)) for n in 'xyz']
    stack.callback(log.append, 'callback')
    log.append('got %s' % names)
print(log)


class Conn:
    def close(self):
        print('connection closed')


with closing(Conn()):
    print('working')
with nullcontext('value') as v:
    print(v)


class Collector:
    def __init__(self):
        self.text = ''

    def write(self, s):
        self.text += s


out = Collector()
with redirect_stdout(out):
    print('hidden', 42)
print('captured:', repr(out.text))


@opened('deco', log)
def task():
    return 'ran'


try:
    print(task())
except TypeError as e:
    print('TypeError:', e)
