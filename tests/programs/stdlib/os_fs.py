# os: getcwd, listdir, mkdir/makedirs, remove, rmdir, rename, environ, and os.path's
# file-system queries, with CPython's errors.
import os
import os.path

print(os.getcwd() == os.path.abspath('.'), os.getcwdb() == os.getcwd().encode())
print(os.path.abspath('x/../y') == os.path.join(os.getcwd(), 'y'), os.path.relpath(os.getcwd()))
d = '/tmp/edgepyc-test-os-fs'


def clean(path):
    if os.path.isdir(path):
        for name in os.listdir(path):
            clean(os.path.join(path, name))
        os.rmdir(path)
    elif os.path.exists(path):
        os.remove(path)


clean(d)
os.makedirs(d + '/a/b')
os.makedirs(d + '/a/b', exist_ok=True)
try:
    os.makedirs(d + '/a/b')
except FileExistsError as e:
    print('FileExistsError', e)
for i in range(40):
    with open('%s/f%02d.txt' % (d, i), 'w') as f:
        f.write('x' * i)
names = os.listdir(d)
print(len(names), sorted(names)[:3], sorted(os.listdir(d.encode()))[:2])
print(os.path.exists(d), os.path.isdir(d), os.path.isfile(d + '/f01.txt'), os.path.isdir(d + '/f01.txt'))
print(os.path.exists(d + '/nope'), os.path.isfile('/dev/null'), os.path.exists('/dev/null'), os.path.exists(''))
os.rename(d + '/f01.txt', d + '/g.txt')
os.replace(d + '/g.txt', d + '/f02.txt')
print(sorted(os.listdir(d))[:3], open(d + '/f02.txt').read())
os.unlink(d + '/f03.txt')
print(len(os.listdir(d)))
for bad in (lambda: os.listdir(d + '/nope'), lambda: os.listdir(d + '/f05.txt'),
            lambda: os.mkdir(d), lambda: os.mkdir(d + '/nope/x'), lambda: os.rmdir(d + '/nope'),
            lambda: os.rmdir(d), lambda: os.remove(d), lambda: os.rename(d + '/x', d + '/y'),
            lambda: os.path.exists(1.5), lambda: os.listdir('a\0b'), lambda: os.listdir(3.0)):
    try:
        bad()
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
clean(d)
print(os.path.exists(d), os.path.exists(0), os.path.exists(99))

# os.environ is the process environment, as /proc/self/environ lists it.
with open('/proc/self/environ', 'rb') as f:
    raw = [e.partition(b'=') for e in f.read().split(b'\0') if e]
env = {k.decode(): v.decode() for k, _, v in raw}
print(env == dict(os.environ), os.getenv('EDGEPYC_SURELY_UNSET', 'default'))
os.environ['EDGEPYC_SET'] = 'v'
print(os.environ['EDGEPYC_SET'], os.path.expandvars('$EDGEPYC_SET/x'))
