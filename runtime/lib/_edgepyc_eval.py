"""eval() for natively compiled programs: Python 3.11 expressions, evaluated here.

A native binary carries no compiler, so the program builder (src/native/program.ts) turns a
direct call `eval(...)` into a call of native_eval() below with the caller's namespaces:
a snapshot dict of the module's globals (decision 0012), a dict of the calling function's
bound locals (or the class namespace, or the globals again at module level) and the
runtime's builtins dict.  This module and its parser (_edgepyc_evalparse) are compiled with
the program like the rest of runtime/lib (decision 0013); docs/eval-native.md.

The whole text is parsed before anything is evaluated, as CPython compiles before it runs,
so a SyntaxError never follows a side effect.  Evaluation (_ev, over the parser's tree of
tuples) applies the runtime's own operators, calls, attribute and item accesses, so results
and error messages are the runtime's (= CPython's).  Names resolve as in code compiled for
eval: the top level reads the locals mapping, then the globals, then the builtins
(LOAD_NAME); lambda and comprehension bodies read their own and enclosing nested scopes,
then the globals and the builtins, skipping the locals mapping (LOAD_GLOBAL), as CPython does.

Tracebacks: the program builder gives the frames of both modules no traceback text, except
_run's, which prints as CPython's `File "<string>", line 1, in <module>` entry for the
evaluated code.
"""

from _edgepyc_evalparse import decode_utf8, parse


# ---- evaluation

class _Scope:
    """A lambda's or comprehension's own names, over the scope it was created in."""

    def __init__(self, names, parent, comprehension=False):
        self.names = names
        self.parent = parent
        self.comprehension = comprehension


class _Env:
    """Namespaces of the evaluated code: the eval-level locals mapping, globals, builtins."""

    def __init__(self, locals_, globals_, builtins_):
        self.locals = locals_
        self.globals = globals_
        self.builtins = builtins_
        # The runtime's builtins dict: its `eval` called from evaluated code evaluates here.
        self.runtime_builtins = builtins_
        # The locals are the snapshot of the caller's module globals (module level).
        self.snapshot_locals = False


def _missing_name(name):
    return NameError("name '%s' is not defined" % name, name=name)


def _lookup(name, env, scope):
    if scope is None:
        # LOAD_NAME: the locals mapping first (any mapping: a KeyError means absent).
        loc = env.locals
        if type(loc) is dict:
            if name in loc:
                return loc[name]
        else:
            try:
                return loc[name]
            except KeyError:
                pass
    else:
        s = scope
        while s is not None:
            if name in s.names:
                return s.names[name]
            s = s.parent
    g = env.globals
    if name in g:
        return g[name]
    b = env.builtins
    if name in b:
        return b[name]
    raise _missing_name(name)


def _walrus(node, env, scope):
    # NAME := value binds in the innermost lambda scope, or the eval-level locals mapping.
    if scope is not None and scope.comprehension:
        raise NotImplementedError("eval() in a natively compiled program does not support ':=' in comprehensions")
    if scope is None and env.snapshot_locals:
        raise NotImplementedError("eval() in a natively compiled program does not support ':=' at module level without an explicit globals dict")
    value = _ev(node[2], env, scope)
    if scope is None:
        env.locals[node[1]] = value
    else:
        scope.names[node[1]] = value
    return value


def _binop(op, a, b):
    if op == '+':
        return a + b
    if op == '-':
        return a - b
    if op == '*':
        return a * b
    if op == '/':
        return a / b
    if op == '//':
        return a // b
    if op == '%':
        return a % b
    if op == '**':
        return a ** b
    if op == '<<':
        return a << b
    if op == '>>':
        return a >> b
    if op == '&':
        return a & b
    if op == '|':
        return a | b
    if op == '^':
        return a ^ b
    if op == '@':
        return a @ b
    raise SystemError('eval: operator ' + op)


def _compare(op, a, b):
    if op == '<':
        return a < b
    if op == '<=':
        return a <= b
    if op == '>':
        return a > b
    if op == '>=':
        return a >= b
    if op == '==':
        return a == b
    if op == '!=':
        return a != b
    if op == 'in':
        return a in b
    if op == 'not in':
        return a not in b
    if op == 'is':
        return a is b
    if op == 'is not':
        return a is not b
    raise SystemError('eval: comparison ' + op)


def _function_str(fn):
    # _PyObject_FunctionStr: "module.qualname()" (no module for builtins), else "<type> object".
    qual = getattr(fn, '__qualname__', None)
    if not isinstance(qual, str):
        return type(fn).__name__ + ' object'
    mod = getattr(fn, '__module__', None)
    if isinstance(mod, str) and mod != 'builtins':
        return '%s.%s()' % (mod, qual)
    return qual + '()'


def _extend_items(out, value):
    # `*value` in a display: CPython's message for a non-iterable.
    try:
        it = iter(value)
    except TypeError:
        raise TypeError("Value after * must be an iterable, not %s" % type(value).__name__) from None
    for x in it:
        out.append(x)


def _items(nodes, env, scope):
    out = []
    for node in nodes:
        if node[0] == 'star':
            _extend_items(out, _ev(node[1], env, scope))
        else:
            out.append(_ev(node, env, scope))
    return out


def _nested_eval(env, scope, args, kwargs):
    # eval() called by evaluated code: its namespaces are the caller's, as for any caller.
    if scope is None:
        local = env.locals
    else:
        local = {}
        s = scope
        while s is not None:
            for key in s.names:
                if key not in local:
                    local[key] = s.names[key]
            s = s.parent
    return native_eval(env.globals, local, env.runtime_builtins, tuple(kwargs) if kwargs else None, *args)


def _call(node, env, scope):
    fn = _ev(node[1], env, scope)
    args = []
    for starred, arg in node[2]:
        if starred:
            value = _ev(arg, env, scope)
            try:
                it = iter(value)
            except TypeError:
                raise TypeError('%s argument after * must be an iterable, not %s' % (_function_str(fn), type(value).__name__)) from None
            for x in it:
                args.append(x)
        else:
            args.append(_ev(arg, env, scope))
    is_eval = fn is env.runtime_builtins.get('eval')
    if not node[3]:
        if is_eval:
            return _nested_eval(env, scope, args, None)
        return fn(*args)
    kwargs = {}
    for name, arg in node[3]:
        value = _ev(arg, env, scope)
        if name is not None:
            if name in kwargs:
                raise TypeError("%s got multiple values for keyword argument '%s'" % (_function_str(fn), name))
            kwargs[name] = value
            continue
        if not hasattr(value, 'keys'):
            raise TypeError('%s argument after ** must be a mapping, not %s' % (_function_str(fn), type(value).__name__))
        for key in value.keys():
            if not isinstance(key, str):
                raise TypeError('keywords must be strings')
            if key in kwargs:
                raise TypeError("%s got multiple values for keyword argument '%s'" % (_function_str(fn), key))
            kwargs[key] = value[key]
    if is_eval:
        return _nested_eval(env, scope, args, kwargs)
    return fn(*args, **kwargs)


def _unpack(target, value, names):
    # Bind a comprehension target (a name or a tuple of targets, one starred at most).
    if target[0] == 'name':
        names[target[1]] = value
        return
    items = target[1]
    try:
        it = iter(value)
    except TypeError:
        raise TypeError('cannot unpack non-iterable %s object' % type(value).__name__) from None
    star = -1
    for k in range(len(items)):
        if items[k][0] == 'star':
            star = k
    if star < 0:
        got = []
        for x in it:
            if len(got) == len(items):
                raise ValueError('too many values to unpack (expected %d)' % len(items))
            got.append(x)
        if len(got) < len(items):
            raise ValueError('not enough values to unpack (expected %d, got %d)' % (len(items), len(got)))
    else:
        got = list(it)
        need = len(items) - 1
        if len(got) < need:
            raise ValueError('not enough values to unpack (expected at least %d, got %d)' % (need, len(got)))
        after = len(items) - star - 1
        got = got[:star] + [got[star:len(got) - after]] + got[len(got) - after:]
    for k in range(len(items)):
        t = items[k]
        if t[0] == 'star':
            t = t[1]
        _unpack(t, got[k], names)


def _comprehension(clauses, env, scope, emit):
    # Runs the clauses; emit(inner scope) for each innermost iteration.  The first iterable
    # is evaluated in the enclosing scope, the rest in the comprehension's own.
    names = {}
    inner = _Scope(names, scope, True)
    first = iter(_ev(clauses[0][1], env, scope))
    _clause(clauses, 0, first, env, inner, emit)


def _clause(clauses, k, it, env, inner, emit):
    target, _, conds = clauses[k]
    for value in it:
        _unpack(target, value, inner.names)
        ok = True
        for cond in conds:
            if not _ev(cond, env, inner):
                ok = False
                break
        if not ok:
            continue
        if k + 1 == len(clauses):
            emit(inner)
        else:
            _clause(clauses, k + 1, iter(_ev(clauses[k + 1][1], env, inner)), env, inner, emit)


def _genexp(node, env, scope):
    # A generator: the first iterable now, everything else as it is consumed.
    clauses = node[2]
    first = iter(_ev(clauses[0][1], env, scope))
    return _gen_clause(node[1], clauses, 0, first, env, _Scope({}, scope, True))


def _gen_clause(elt, clauses, k, it, env, inner):
    target, _, conds = clauses[k]
    for value in it:
        _unpack(target, value, inner.names)
        ok = True
        for cond in conds:
            if not _ev(cond, env, inner):
                ok = False
                break
        if not ok:
            continue
        if k + 1 == len(clauses):
            yield _ev(elt, env, inner)
        else:
            yield from _gen_clause(elt, clauses, k + 1, iter(_ev(clauses[k + 1][1], env, inner)), env, inner)


def _lambda(node, env, scope):
    from _argbind import bind
    params = node[1]
    body = node[2]
    positional = []
    kwonly = []
    defaults = {}
    varargs = None
    varkw = None
    for name, default, kind in params:
        if kind == 'pos':
            positional.append(name)
        elif kind == 'kwonly':
            kwonly.append(name)
        elif kind == 'varargs':
            varargs = name
        elif kind == 'varkw':
            varkw = name
        if default is not None:
            defaults[name] = _ev(default, env, scope)
    known = positional + kwonly

    def function(*args, **kwargs):
        extra = ()
        if varargs is not None:
            extra = args[len(positional):]
            args = args[:len(positional)]
        more = {}
        if varkw is not None:
            for key in list(kwargs):
                if key not in known:
                    more[key] = kwargs.pop(key)
        values = bind('<lambda>', positional, kwonly, defaults, args, kwargs, 0)
        names = {}
        for k in range(len(known)):
            names[known[k]] = values[k]
        if varargs is not None:
            names[varargs] = tuple(extra)
        if varkw is not None:
            names[varkw] = more
        return _ev(body, env, _Scope(names, scope))

    function.__name__ = '<lambda>'
    function.__qualname__ = '<lambda>'
    return function


def _ev(node, env, scope):
    kind = node[0]
    if kind == 'const':
        return node[1]
    if kind == 'name':
        return _lookup(node[1], env, scope)
    if kind == 'binop':
        return _binop(node[1], _ev(node[2], env, scope), _ev(node[3], env, scope))
    if kind == 'compare':
        left = _ev(node[1], env, scope)
        ops = node[2]
        result = True
        for k in range(len(ops)):
            op, right_node = ops[k]
            right = _ev(right_node, env, scope)
            result = _compare(op, left, right)
            if k + 1 < len(ops) and not result:
                return result
            left = right
        return result
    if kind == 'attr':
        return getattr(_ev(node[1], env, scope), node[2])
    if kind == 'subscript':
        obj = _ev(node[1], env, scope)
        return obj[_ev(node[2], env, scope)]
    if kind == 'call':
        return _call(node, env, scope)
    if kind == 'unary':
        value = _ev(node[2], env, scope)
        op = node[1]
        if op == '-':
            return -value
        if op == '+':
            return +value
        return ~value
    if kind == 'not':
        return not _ev(node[1], env, scope)
    if kind == 'and':
        value = True
        for item in node[1]:
            value = _ev(item, env, scope)
            if not value:
                return value
        return value
    if kind == 'or':
        value = False
        for item in node[1]:
            value = _ev(item, env, scope)
            if value:
                return value
        return value
    if kind == 'ifexp':
        if _ev(node[1], env, scope):
            return _ev(node[2], env, scope)
        return _ev(node[3], env, scope)
    if kind == 'tuple':
        return tuple(_items(node[1], env, scope))
    if kind == 'list':
        return _items(node[1], env, scope)
    if kind == 'set':
        out = set()
        for x in _items(node[1], env, scope):
            out.add(x)
        return out
    if kind == 'dict':
        out = {}
        for key, value in node[1]:
            if key is None:
                mapping = _ev(value, env, scope)
                if not hasattr(mapping, 'keys'):
                    raise TypeError("'%s' object is not a mapping" % type(mapping).__name__)
                for k in mapping.keys():
                    out[k] = mapping[k]
            else:
                k = _ev(key, env, scope)
                out[k] = _ev(value, env, scope)
        return out
    if kind == 'slice':
        lower = None if node[1] is None else _ev(node[1], env, scope)
        upper = None if node[2] is None else _ev(node[2], env, scope)
        step = None if node[3] is None else _ev(node[3], env, scope)
        return slice(lower, upper, step)
    if kind == 'listcomp':
        out = []
        elt = node[1]
        _comprehension(node[2], env, scope, lambda inner: out.append(_ev(elt, env, inner)))
        return out
    if kind == 'setcomp':
        out = set()
        elt = node[1]
        _comprehension(node[2], env, scope, lambda inner: out.add(_ev(elt, env, inner)))
        return out
    if kind == 'dictcomp':
        out = {}
        key_node = node[1]
        value_node = node[2]

        def put(inner):
            key = _ev(key_node, env, inner)
            out[key] = _ev(value_node, env, inner)
        _comprehension(node[3], env, scope, put)
        return out
    if kind == 'genexp':
        return _genexp(node, env, scope)
    if kind == 'fstring':
        return _fstring(node[1], env, scope)
    if kind == 'walrus':
        return _walrus(node, env, scope)
    if kind == 'lambda':
        return _lambda(node, env, scope)
    if kind == 'star':
        raise SystemError('eval: starred expression outside a display')
    raise SystemError('eval: node ' + kind)


def _fstring(parts, env, scope):
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        _, node, conversion, spec, debug = part
        value = _ev(node, env, scope)
        if conversion == 'r':
            value = repr(value)
        elif conversion == 's':
            value = str(value)
        elif conversion == 'a':
            value = ascii(value)
        if debug is not None:
            out.append(debug)
        out.append(format(value, '' if spec is None else _fstring(spec, env, scope)))
    return ''.join(out)


def _run(tree, env):
    # The frame of the evaluated code: its traceback entry reads
    # `File "<string>", line 1, in <module>` (src/native/program.ts).
    return _ev(tree, env, None)


def _is_mapping(value):
    # PyMapping_Check: the type has a __getitem__ (lists and strs too).
    return hasattr(type(value), '__getitem__')


def evaluate(text, globals_, locals_, builtins_):
    """eval(text, globals_, locals_) with this builtins dict."""
    return _run(parse(text), _Env(locals_, globals_, builtins_))


_BUILTINS = []


def _builtins_dict(runtime_builtins):
    # One writable copy of the runtime's (read-only, static) builtins dict, as CPython hands
    # every globals dict the same builtins dict.
    if not _BUILTINS:
        _BUILTINS.append(dict(runtime_builtins))
    return _BUILTINS[0]


def native_eval(caller_globals, caller_locals, builtins_, kwnames, *args):
    """The builtin eval, called by compiled code with the caller's namespaces.

    kwnames is the tuple of keyword names of the call (None for none), args its arguments;
    kwnames True: the call was eval(*args[, **kwargs]) and args are that tuple and dict.
    Checks and defaults follow Python/bltinmodule.c builtin_eval_impl.
    """
    if kwnames is True:
        if len(args) > 1 and args[1]:
            raise TypeError('eval() takes no keyword arguments')
        try:
            args = tuple(args[0])
        except TypeError:
            if hasattr(type(args[0]), '__iter__'):
                raise
            raise TypeError('eval() argument after * must be an iterable, not %s' % type(args[0]).__name__) from None
    elif kwnames:
        raise TypeError('eval() takes no keyword arguments')
    n = len(args)
    if n < 1:
        raise TypeError('eval expected at least 1 argument, got %d' % n)
    if n > 3:
        raise TypeError('eval expected at most 3 arguments, got %d' % n)
    source = args[0]
    globals_ = args[1] if n > 1 else None
    locals_ = args[2] if n > 2 else None
    if locals_ is not None and not _is_mapping(locals_):
        raise TypeError('locals must be a mapping')
    if globals_ is not None and not isinstance(globals_, dict):
        if _is_mapping(globals_):
            raise TypeError('globals must be a real dict; try eval(expr, {}, mapping)')
        raise TypeError('globals must be a dict')
    runtime_builtins = builtins_
    if globals_ is None:
        # The caller's module has its __builtins__ (the snapshot leaves dunder names out).
        globals_ = caller_globals
        if locals_ is None:
            locals_ = caller_locals
    else:
        if locals_ is None:
            locals_ = globals_
        if '__builtins__' not in globals_:
            # CPython stores the builtins dict in a globals dict that has none.
            globals_['__builtins__'] = _builtins_dict(runtime_builtins)
    if '__builtins__' in globals_:
        given = globals_['__builtins__']
        if isinstance(given, dict):
            builtins_ = given
        else:
            builtins_ = getattr(given, '__dict__', builtins_)
    if isinstance(source, str):
        text = source
    elif isinstance(source, (bytes, bytearray)):
        text = decode_utf8(bytes(source))
    else:
        raise TypeError('eval() arg 1 must be a string, bytes or code object')
    # CPython skips leading spaces and tabs (builtin_eval_impl).
    i = 0
    while i < len(text) and (text[i] == ' ' or text[i] == '\t'):
        i += 1
    env = _Env(locals_, globals_, builtins_)
    env.runtime_builtins = runtime_builtins
    env.snapshot_locals = locals_ is caller_globals
    return _run(parse(text[i:]), env)
