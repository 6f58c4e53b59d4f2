"""Argument binding with CPython's error messages, for library code that builds callables
without exec (edgepyc's pure-Python stdlib: collections.namedtuple, dataclasses).

CPython generates such methods (a namedtuple's __new__, a dataclass's __init__) as source
text and execs it, so a bad call fails inside the interpreter's own argument binding.
edgepyc has no exec, so these methods take *args/**kwargs and call bind(), which
reproduces the binding order and messages of CPython 3.11's ceval.c initialize_locals():
keywords first (unexpected / multiple values), then too many positionals, then missing
positionals, then missing keyword-only arguments.
"""

_MISSING = object()


def _name_list(names):
    # "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as in ceval.c format_missing().
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % (quoted[0], quoted[1])
    return '%s, and %s' % (', '.join(quoted[:-1]), quoted[-1])


def bind(qualname, positional, kwonly, defaults, args, kwargs, nself=1):
    """Return the argument values in the order positional + kwonly.

    qualname   -- the function's qualified name used in messages ("Point.__new__")
    positional -- names of positional-or-keyword parameters, after self/cls
    kwonly     -- names of keyword-only parameters
    defaults   -- dict name -> default value for parameters that have one
    args       -- positional values passed, not counting self/cls
    kwargs     -- keyword values passed
    nself      -- how many implicit leading parameters (self/cls) messages count
    """
    npos = len(positional)
    values = list(args[:npos])
    values.extend([_MISSING] * (npos - len(values)))
    kwvalues = [_MISSING] * len(kwonly)
    for key, value in kwargs.items():
        if key in positional:
            i = positional.index(key)
            if values[i] is not _MISSING:
                raise TypeError("%s() got multiple values for argument '%s'" % (qualname, key))
            values[i] = value
        elif key in kwonly:
            kwvalues[kwonly.index(key)] = value
        else:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, key))
    if len(args) > npos:
        ndefaults = 0
        for name in positional:
            if name in defaults:
                ndefaults += 1
        if ndefaults:
            sig = 'from %d to %d' % (npos - ndefaults + nself, npos + nself)
            plural = 's'
        else:
            sig = '%d' % (npos + nself)
            plural = '' if npos + nself == 1 else 's'
        given = len(args) + nself
        kwgiven = 0
        for v in kwvalues:
            if v is not _MISSING:
                kwgiven += 1
        if kwgiven:
            extra = ' positional argument%s (and %d keyword-only argument%s)' % (
                '' if given == 1 else 's', kwgiven, '' if kwgiven == 1 else 's')
        else:
            extra = ''
        raise TypeError('%s() takes %s positional argument%s but %d%s %s given' % (
            qualname, sig, plural, given, extra,
            'was' if given == 1 and not kwgiven else 'were'))
    missing = []
    for i in range(npos):
        if values[i] is _MISSING:
            name = positional[i]
            if name in defaults:
                values[i] = defaults[name]
            else:
                missing.append(name)
    if missing:
        raise TypeError('%s() missing %d required positional argument%s: %s' % (
            qualname, len(missing), '' if len(missing) == 1 else 's', _name_list(missing)))
    for i in range(len(kwonly)):
        if kwvalues[i] is _MISSING:
            name = kwonly[i]
            if name in defaults:
                kwvalues[i] = defaults[name]
            else:
                missing.append(name)
    if missing:
        raise TypeError('%s() missing %d required keyword-only argument%s: %s' % (
            qualname, len(missing), '' if len(missing) == 1 else 's', _name_list(missing)))
    values.extend(kwvalues)
    return values
