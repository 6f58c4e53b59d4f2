# object's own behaviour reached through its dunders, where it depends on the generic
# comparison and attribute protocols.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


t('object.__ne__ delegates to __eq__', lambda: object.__ne__(1, 2))
t('object.__ne__ same', lambda: object.__ne__(1, 1))


def documented():
    "a docstring"


t('function docstring', lambda: documented.__doc__)
t('property doc from getter', lambda: property(documented).__doc__)
t('classmethod doc', lambda: classmethod(documented).__doc__)
t('int.__hash__ matches hash', lambda: int.__hash__(2 ** 61) == hash(2 ** 61))
t('int.real', lambda: object.__getattribute__(1, 'real'))
t('list.__hash__ is None', lambda: list.__hash__)
