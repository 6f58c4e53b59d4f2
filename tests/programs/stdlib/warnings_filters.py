# warnings: default filters (DeprecationWarning only from __main__, once per location),
# stacklevel, catch_warnings(record=True), filterwarnings with regexes, 'error', 'once',
# a replaced showwarning, formatwarning; the report goes to a captured sys.stderr.
import io, os, sys
_cap = io.StringIO()
sys.stderr = _cap
import warnings, sys
def old():
    warnings.warn('old() is deprecated', DeprecationWarning, stacklevel=2)
warnings.warn('careful')
warnings.warn('dep', DeprecationWarning)
warnings.warn('user', UserWarning, stacklevel=5)
for i in range(3):
    warnings.warn('loop')
old()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('rec')
    warnings.warn('rec')
    old()
    print(len(w), str(w[0].message), w[0].category.__name__, w[2].lineno, w[2].filename.rsplit('/', 1)[-1])
warnings.filterwarnings('ignore', category=RuntimeWarning)
warnings.warn('rt', RuntimeWarning)
warnings.filterwarnings('error', message='bad.*')
try:
    warnings.warn('bad thing')
except UserWarning as e:
    print('raised', repr(e))
try:
    warnings.warn('Bad case-insensitive?')
except UserWarning as e:
    print('raised too', e)
warnings.resetwarnings()
warnings.simplefilter('once')
warnings.warn('o1'); warnings.warn('o1')
def show(message, category, filename, lineno, file=None, line=None):
    print('custom:', message, category.__name__, lineno)
warnings.showwarning = show
warnings.warn('via hook')
print(warnings.formatwarning('m', UserWarning, 'f.py', 3, 'src line  '), end='')
try:
    warnings.warn('x', 'notacategory')
except TypeError as e:
    print(e)
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn(RuntimeWarning('inst'))
    except RuntimeWarning as e:
        print('err', e)
print('done')
sys.stderr = sys.__stderr__
print(_cap.getvalue().replace(os.path.dirname(os.path.abspath(__file__)), '{dir}'), end='')
