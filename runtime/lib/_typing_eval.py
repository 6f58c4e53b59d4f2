"""String annotations for edgepyc's typing module: a small parser and evaluator.

typing.get_type_hints() and ForwardRef evaluate annotations written as strings
("List[int]", "Optional['Node']", "int | None").  CPython does it with eval(); edgepyc
has no eval, and annotations only ever use a small part of the expression grammar, so
this module parses that part into a tree of tuples once (parse_annotation, which raises
SyntaxError for anything else) and evaluates the tree against namespaces (evaluate,
which raises NameError for unknown names, as eval would).
"""

def _builtin_names():
    # The builtins module when the runtime provides one, else the builtin types and
    # constants annotations name.
    try:
        import builtins
        return builtins.__dict__
    except ImportError:
        pass
    table = {}
    for obj in (int, float, complex, str, bytes, bytearray, bool, list, tuple, dict, set,
                frozenset, type, object, range, slice, memoryview, property, classmethod,
                staticmethod, super, enumerate, zip, map, filter, reversed,
                BaseException, Exception, ArithmeticError, LookupError, ValueError,
                TypeError, KeyError, IndexError, AttributeError, RuntimeError,
                StopIteration, OSError, NotImplementedError):
        table[obj.__name__] = obj
    for name, obj in (('len', len), ('print', print), ('callable', callable),
                      ('isinstance', isinstance), ('Ellipsis', Ellipsis),
                      ('NotImplemented', NotImplemented)):
        table[name] = obj
    return table


_BUILTINS = _builtin_names()


# The evaluator: tokens -> a small tree of tuples -> value.  Grammar:
#   expr    := primary ('|' primary)*
#   primary := atom ('.' NAME | '[' items ']')*
#   atom    := NAME | STRING | NUMBER | '...' | '[' items ']' | '(' items ')'
#   items   := expr (',' expr)* [',']

def tokenize(text):
    tokens = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in ' \t\n':
            i += 1
        elif c.isalpha() or c == '_':
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == '_'):
                j += 1
            tokens.append(('name', text[i:j]))
            i = j
        elif c.isdigit() or (c == '-' and i + 1 < n and text[i + 1].isdigit()):
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in '._'):
                j += 1
            literal = text[i:j]
            try:
                value = int(literal, 0)
            except ValueError:
                try:
                    value = float(literal)
                except ValueError:
                    raise SyntaxError(literal) from None
            tokens.append(('const', value))
            i = j
        elif c in '\'"':
            j = i + 1
            chars = []
            while j < n and text[j] != c:
                if text[j] == '\\' and j + 1 < n:
                    j += 1
                chars.append(text[j])
                j += 1
            if j >= n:
                raise SyntaxError('unterminated string')
            tokens.append(('const', ''.join(chars)))
            i = j + 1
        elif text.startswith('...', i):
            tokens.append(('const', ...))
            i += 3
        elif c in '.[](),|':
            tokens.append(('op', c))
            i += 1
        else:
            raise SyntaxError(c)
    return tokens


def parse_annotation(text):
    tokens = tokenize(text)
    pos = [0]

    def peek():
        return tokens[pos[0]] if pos[0] < len(tokens) else (None, None)

    def take(kind, value=None):
        tok = peek()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise SyntaxError(text)
        pos[0] += 1
        return tok[1]

    def items(close):
        elems = []
        trailing_comma = False
        while peek() != ('op', close):
            elems.append(expr())
            trailing_comma = False
            if peek() == ('op', ','):
                take('op', ',')
                trailing_comma = True
            else:
                break
        take('op', close)
        return elems, trailing_comma

    def atom():
        kind, value = peek()
        if kind == 'name':
            pos[0] += 1
            if value in ('None', 'True', 'False'):
                return ('const', {'None': None, 'True': True, 'False': False}[value])
            return ('name', value)
        if kind == 'const':
            pos[0] += 1
            return ('const', value)
        if (kind, value) == ('op', '['):
            pos[0] += 1
            elems, _ = items(']')
            return ('list', elems)
        if (kind, value) == ('op', '('):
            pos[0] += 1
            elems, comma = items(')')
            if len(elems) == 1 and not comma:
                return elems[0]
            return ('tuple', elems)
        raise SyntaxError(text)

    def primary():
        node = atom()
        while True:
            tok = peek()
            if tok == ('op', '.'):
                pos[0] += 1
                node = ('attr', node, take('name'))
            elif tok == ('op', '['):
                pos[0] += 1
                elems, comma = items(']')
                if not elems:
                    raise SyntaxError(text)
                index = elems[0] if len(elems) == 1 and not comma else ('tuple', elems)
                node = ('item', node, index)
            else:
                return node

    def expr():
        node = primary()
        while peek() == ('op', '|'):
            pos[0] += 1
            node = ('or', node, primary())
        return node

    tree = expr()
    if pos[0] != len(tokens):
        raise SyntaxError(text)
    return tree


def evaluate(node, globalns, localns):
    kind = node[0]
    if kind == 'const':
        return node[1]
    if kind == 'name':
        name = node[1]
        if localns is not None and name in localns:
            return localns[name]
        if globalns is not None and name in globalns:
            return globalns[name]
        if name in _BUILTINS:
            return _BUILTINS[name]
        raise NameError("name '%s' is not defined" % (name,))
    if kind == 'attr':
        return getattr(evaluate(node[1], globalns, localns), node[2])
    if kind == 'item':
        return evaluate(node[1], globalns, localns)[evaluate(node[2], globalns,
                                                                         localns)]
    if kind == 'list':
        return [evaluate(e, globalns, localns) for e in node[1]]
    if kind == 'tuple':
        return tuple([evaluate(e, globalns, localns) for e in node[1]])
    return evaluate(node[1], globalns, localns) | evaluate(node[2], globalns, localns)
