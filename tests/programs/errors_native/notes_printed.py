# Notes of exceptions in tracebacks (PEP 678): each note's str() on its own line(s), after
# the exception line, for every exception of a chain; a failing str() prints a placeholder;
# a __notes__ that is not a list or tuple prints its repr().
class BadNote:
    def __str__(self):
        raise RuntimeError('no str')

class Named:
    def __str__(self):
        return 'named note'

def inner():
    e = KeyError('k')
    e.add_note('first line\nsecond line')
    raise e

def middle():
    try:
        inner()
    except KeyError as e:
        err = ValueError('middle failed')
        err.__notes__ = [Named(), BadNote(), 'plain']
        raise err from e

def outer():
    try:
        middle()
    except ValueError:
        t = TypeError('outer')
        t.__notes__ = {'not': 'a list'}
        raise t

outer()
