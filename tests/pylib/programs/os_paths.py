# os / os.path: path manipulation with the pure-string functions.
import os
import os.path
from os.path import basename, dirname, join, splitext

files = ['src/main.py', 'src/util/strings.py', 'README.md', 'build/out/app.tar.gz',
         '.gitignore', 'docs/../LICENSE', './scripts//run.sh']
for f in files:
    root, ext = splitext(f)
    print(f'{f:24} base={basename(f):12} dir={dirname(f)!r:14} ext={ext!r:6} norm={os.path.normpath(f)}')

by_ext = {}
for f in files:
    by_ext.setdefault(splitext(f)[1] or '(none)', []).append(basename(f))
print(sorted(by_ext.items()))
print(join('project', 'src', 'pkg', '__init__.py'), join('/abs', 'x', '/root', 'y'), join('a/', 'b'))
print(os.path.split('/usr/local/lib/'), os.path.split('file'), os.path.isabs('/x'), os.path.isabs('x'))
print(os.path.commonprefix(['interstellar', 'internet', 'interval']))
print(os.path.commonpath(['/srv/app/static/css', '/srv/app/static/js', '/srv/app/templates']))
print(os.path.relpath('/srv/app/static/css/site.css', '/srv/app/templates'))
print(os.path.abspath('/srv/app/../app/./x'), os.path.normpath('//a//b/../c/.'))
print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.name, os.path.sep)
print(os.fspath('plain'), os.path.splitext(b'archive.zip'), os.path.basename(b'/b/ytes'))
os.environ['APP_HOME'] = '/opt/app'
print(os.path.expandvars('$APP_HOME/bin:${APP_HOME}/lib:$UNSET_VAR_XYZ'), os.getenv('APP_HOME'))
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.exists('no/such/file.txt'))
try:
    join('a', 5)
except TypeError as e:
    print('TypeError:', e)
try:
    os.path.commonpath(['/a', 'b'])
except ValueError as e:
    print('ValueError:', e)
