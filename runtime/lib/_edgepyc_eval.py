"""eval() for natively compiled programs: Python 3.11 expressions, parsed and evaluated here.

A native binary carries no compiler, so the program builder (src/native/program.ts) turns a
direct call `eval(...)` into a call of native_eval() below with the caller's namespaces:
a snapshot dict of the module's globals (decision 0012), a dict of the calling function's
bound locals (or the class namespace, or the globals again at module level) and the
runtime's builtins dict.  This module is compiled with the program like the rest of
runtime/lib (decision 0013).

Pipeline: source text -> tokens (_tokenize) -> a tree of tuples (_Parser, the eval-mode
grammar of CPython 3.11's python.gram: `expressions NEWLINE* ENDMARKER`) -> a value
(_ev).  The whole text is parsed before anything is evaluated, as CPython compiles before
it runs, so a SyntaxError never follows a side effect.  Evaluation applies the runtime's
own operators, calls, attribute and item accesses, so results and error messages are the
runtime's (= CPython's).  Names resolve as in code compiled for eval: the top level reads
the locals mapping, then the globals, then the builtins (LOAD_NAME); lambda and
comprehension bodies read their own and enclosing nested scopes, then the globals and the
builtins, skipping the locals mapping (LOAD_GLOBAL), as CPython does.

Tracebacks: the program builder gives this module's frames no traceback text, except
_run's, which prints as CPython's `File "<string>", line 1, in <module>` entry for the
evaluated code.  Constructs not implemented here (f-strings, assignment expressions,
\\N{...} escapes) raise NotImplementedError saying so; they never give a wrong result.
"""

_KEYWORDS = ('False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
             'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
             'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
             'pass', 'raise', 'return', 'try', 'while', 'with', 'yield')

# Longest first: the tokenizer takes the first operator the text starts with.
_OPERATORS = ('...', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', ':=', '->',
              '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']',
              '{', '}', ',', ':', '.', ';', '=')

_CLOSERS = {')': '(', ']': '[', '}': '{'}

# Keywords that may directly follow a number (`1if x else y`: CPython warns, still valid).
_AFTER_NUMBER = ('and', 'else', 'for', 'if', 'in', 'is', 'not', 'or')


def _has_syntax_error_fields():
    try:
        SyntaxError('m', ('f', 1, 1, 't', 1, 1)).lineno
        return True
    except AttributeError:
        return False


def _syntax_error_init(self, msg, details=None):
    if details is None:
        Exception.__init__(self, msg)
        details = (None, None, None, None, None, None)
    else:
        Exception.__init__(self, msg, details)
    self.msg = msg
    self.filename = details[0]
    self.lineno = details[1]
    self.offset = details[2]
    self.text = details[3]
    self.end_lineno = details[4]
    self.end_offset = details[5]
    self.print_file_and_line = None


def _syntax_error_str(self):
    # SyntaxError_str: "msg (file, line N)" with the file's base name.
    name = self.filename
    if isinstance(name, str):
        name = name[name.rfind('/') + 1:]
        if isinstance(self.lineno, int):
            return '%s (%s, line %d)' % (self.msg, name, self.lineno)
        return '%s (%s)' % (self.msg, name)
    if isinstance(self.lineno, int):
        return '%s (line %d)' % (self.msg, self.lineno)
    return str(self.msg)


# The runtime's SyntaxError when it has CPython's fields (msg, filename, lineno, offset, text,
# end_lineno, end_offset), else subclasses with the builtins' names that add them
# (Objects/exceptions.c SyntaxError_init and SyntaxError_str).
_SyntaxError = SyntaxError
_IndentationError = IndentationError
if not _has_syntax_error_fields():
    class SyntaxError(_SyntaxError):
        __module__ = 'builtins'
        __init__ = _syntax_error_init
        __str__ = _syntax_error_str

    class IndentationError(_IndentationError):
        __module__ = 'builtins'
        __init__ = _syntax_error_init
        __str__ = _syntax_error_str

    _SyntaxError = SyntaxError
    _IndentationError = IndentationError


def _decode_utf8(data):
    # bytes.decode('utf-8') where the runtime has it; else decoded here (strict).
    try:
        return data.decode('utf-8')
    except AttributeError:
        pass
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if 0xc2 <= b <= 0xdf:
            need, code = 1, b & 0x1f
        elif 0xe0 <= b <= 0xef:
            need, code = 2, b & 0x0f
        elif 0xf0 <= b <= 0xf4:
            need, code = 3, b & 0x07
        else:
            raise _SyntaxError("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte" % (b, i))
        if i + need > n - 1:
            raise _SyntaxError("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: unexpected end of data" % (b, i))
        for k in range(1, need + 1):
            c = data[i + k]
            if c & 0xc0 != 0x80:
                raise _SyntaxError("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: invalid continuation byte" % (b, i))
            code = (code << 6) | (c & 0x3f)
        out.append(chr(code))
        i += need + 1
    return ''.join(out)


def _unsupported(what):
    return NotImplementedError('eval() in a natively compiled program does not support ' + what)


class _Source:
    """The text being evaluated, for SyntaxError locations."""

    def __init__(self, text):
        self.text = text
        self.lines = text.split('\n')

    def position(self, pos):
        # (line number, 1-based column) of a character offset.
        line = self.text.count('\n', 0, pos) + 1
        start = self.text.rfind('\n', 0, pos) + 1
        return line, pos - start + 1

    def error(self, msg, pos, end=None, cls=None):
        line, col = self.position(pos)
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ''
        if line < len(self.lines):
            text = text + '\n'
        if end is None:
            end_line, end_col = line, col
        else:
            end_line, end_col = self.position(end)
        if cls is None:
            cls = _SyntaxError
        return cls(msg, ('<string>', line, col, text, end_line, end_col))


# ---- tokens: (kind, value, start, end); kinds 'name', 'number', 'string', 'op', 'nl', 'end'

def _is_name_start(c):
    return c == '_' or c.isalpha()


def _is_name_char(c):
    return c == '_' or c.isalnum()


def _tokenize(src):
    text = src.text
    n = len(text)
    tokens = []
    depth = []
    i = 0
    while i < n:
        c = text[i]
        if c == ' ' or c == '\t' or c == '\f':
            i += 1
        elif c == '#':
            while i < n and text[i] != '\n':
                i += 1
        elif c == '\\':
            if i + 1 < n and text[i + 1] == '\n':
                i += 2
            elif i + 2 < n and text[i + 1] == '\r' and text[i + 2] == '\n':
                i += 3
            else:
                raise src.error('unexpected character after line continuation character', i + 1)
        elif c == '\n' or c == '\r':
            if not depth:
                tokens.append(('nl', None, i, i + 1))
                # A line that starts with blanks after a newline is indented.
                j = i + 1
                while j < n and (text[j] == ' ' or text[j] == '\t'):
                    j += 1
                if j > i + 1 and j < n and text[j] not in '\n\r#':
                    raise src.error('unexpected indent', j, None, _IndentationError)
            i += 1
        elif _is_name_start(c) or ord(c) > 127:
            j = i + 1
            while j < n and (_is_name_char(text[j]) or ord(text[j]) > 127):
                j += 1
            word = text[i:j]
            if j < n and text[j] in '\'"' and word.lower() in ('r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf'):
                i = _string(src, tokens, i, j)
                continue
            if not word.isidentifier():
                raise src.error('invalid character in identifier', i)
            tokens.append(('name', word, i, j))
            i = j
        elif c.isdigit() or (c == '.' and i + 1 < n and text[i + 1].isdigit()):
            i = _number(src, tokens, i)
        elif c == '"' or c == "'":
            i = _string(src, tokens, i, i)
        else:
            for op in _OPERATORS:
                if text.startswith(op, i):
                    break
            else:
                raise src.error('invalid syntax', i, i + 1)
            if op in ('(', '[', '{'):
                depth.append((op, i))
            elif op in _CLOSERS:
                if not depth:
                    raise src.error("unmatched '%s'" % op, i, i + 1)
                opener, at = depth.pop()
                if opener != _CLOSERS[op]:
                    o_line, _ = src.position(at)
                    c_line, _ = src.position(i)
                    if o_line != c_line:
                        raise src.error("closing parenthesis '%s' does not match opening parenthesis '%s' on line %d" % (op, opener, o_line), i, i + 1)
                    raise src.error("closing parenthesis '%s' does not match opening parenthesis '%s'" % (op, opener), i, i + 1)
            tokens.append(('op', op, i, i + len(op)))
            i += len(op)
    if depth:
        opener, at = depth[-1]
        raise src.error("'%s' was never closed" % opener, at, at + 1)
    tokens.append(('end', None, n, n))
    return tokens


_DIGITS = {'x': ('0123456789abcdefABCDEF', 16, 'hexadecimal'),
           'o': ('01234567', 8, 'octal'),
           'b': ('01', 2, 'binary')}


def _digits(src, text, i, allowed, kind):
    # Digits with single underscores between them; returns the end offset.
    n = len(text)
    start = i
    while i < n:
        c = text[i]
        if c in allowed:
            i += 1
        elif c == '_' and i > start and i + 1 < n and text[i + 1] in allowed:
            i += 1
        else:
            break
    if i < n and text[i] == '_':
        raise src.error('invalid %s literal' % kind, i + 1)
    return i


def _end_of_number(src, text, i, kind):
    # A number directly followed by a name character is invalid, except before a keyword.
    n = len(text)
    if i < n and (_is_name_char(text[i]) or ord(text[i]) > 127):
        for kw in _AFTER_NUMBER:
            if text.startswith(kw, i):
                return
        raise src.error('invalid %s literal' % kind, i)


def _number(src, tokens, i):
    text = src.text
    n = len(text)
    start = i
    if text[i] == '0' and i + 1 < n and text[i + 1] in 'xXoObB':
        allowed, base, kind = _DIGITS[text[i + 1].lower()]
        j = i + 2
        if j < n and text[j] == '_':
            j += 1
        end = _digits(src, text, j, allowed, kind)
        if end == j:
            if end < n and text[end].isdigit():
                raise src.error("invalid digit '%s' in %s literal" % (text[end], kind), end + 1)
            raise src.error('invalid %s literal' % kind, end)
        if end < n and text[end].isdigit():
            raise src.error("invalid digit '%s' in %s literal" % (text[end], kind), end + 1)
        _end_of_number(src, text, end, kind)
        tokens.append(('number', int(text[j:end].replace('_', ''), base), start, end))
        return end
    end = _digits(src, text, i, '0123456789', 'decimal')
    is_float = False
    if end < n and text[end] == '.':
        is_float = True
        end += 1
        if end < n and text[end].isdigit():
            end = _digits(src, text, end, '0123456789', 'decimal')
    if end < n and text[end] in 'eE':
        j = end + 1
        if j < n and text[j] in '+-':
            j += 1
        if j < n and text[j].isdigit():
            is_float = True
            end = _digits(src, text, j, '0123456789', 'decimal')
        else:
            raise src.error('invalid decimal literal', start)
    literal = text[start:end].replace('_', '')
    if end < n and text[end] in 'jJ':
        tokens.append(('number', complex(0.0, float(literal)), start, end + 1))
        _end_of_number(src, text, end + 1, 'imaginary')
        return end + 1
    _end_of_number(src, text, end, 'decimal')
    if is_float:
        tokens.append(('number', float(literal), start, end))
    else:
        if literal[0] == '0' and literal.strip('0') != '':
            raise src.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', start, end + 1)
        tokens.append(('number', int(literal), start, end))
    return end


_SIMPLE_ESCAPES = {'\n': '', '\\': '\\', "'": "'", '"': '"', 'a': '\x07', 'b': '\x08',
                   'f': '\x0c', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\x0b'}


def _string(src, tokens, start, body):
    # A string literal whose prefix is text[start:body]; returns the end offset.
    text = src.text
    n = len(text)
    prefix = text[start:body].lower()
    raw = 'r' in prefix
    is_bytes = 'b' in prefix
    q = text[body]
    triple = text.startswith(q * 3, body)
    quote = q * 3 if triple else q
    i = body + len(quote)
    while True:
        if i >= n or (not triple and text[i] == '\n'):
            line, _ = src.position(i if i < n else n)
            if triple:
                raise src.error('unterminated triple-quoted string literal (detected at line %d)' % line, start)
            raise src.error('unterminated string literal (detected at line %d)' % line, start)
        c = text[i]
        if c == '\\':
            i += 2
        elif text.startswith(quote, i):
            break
        else:
            i += 1
    content = text[body + len(quote):i]
    end = i + len(quote)
    if 'f' in prefix:
        parts, _ = _fstring_parts(src, content, 0, raw, start, end, False)
        tokens.append(('fstring', parts, start, end))
        return end
    if is_bytes:
        for ch in content:
            if ord(ch) > 127:
                raise src.error('bytes can only contain ASCII literal characters', start, end)
    value = content if raw else _unescape(src, content, is_bytes, start, end)
    if is_bytes:
        value = bytes([ord(ch) for ch in value])
    tokens.append(('string', value, start, end))
    return end


def _unescape(src, s, is_bytes, start, end):
    if '\\' not in s:
        return s
    out = []
    i = 0
    n = len(s)
    codec = 'unicodeescape' if not is_bytes else None
    while i < n:
        c = s[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            out.append('\\')
            break
        e = s[i + 1]
        if e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
            i += 2
        elif e == '\r':
            i += 3 if i + 2 < n and s[i + 2] == '\n' else 2
        elif e in '01234567':
            j = i + 1
            while j < n and j < i + 4 and s[j] in '01234567':
                j += 1
            out.append(chr(int(s[i + 1:j], 8)))
            i = j
        elif e == 'x' or (codec is not None and e in 'uU'):
            width = 2 if e == 'x' else 4 if e == 'u' else 8
            hexits = s[i + 2:i + 2 + width]
            if len(hexits) < width or any(h not in '0123456789abcdefABCDEF' for h in hexits):
                name = 'xXX' if e == 'x' else 'uXXXX' if e == 'u' else 'UXXXXXXXX'
                k = i + 2
                while k < n and k < i + 2 + width and s[k] in '0123456789abcdefABCDEF':
                    k += 1
                if is_bytes:
                    raise src.error('(value error) invalid \\x escape at position %d' % i, start, end)
                raise src.error("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\%s escape" % (i, k - 1, name), start, end)
            code = int(hexits, 16)
            if code > 0x10ffff:
                raise src.error("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character" % (i, i + 1 + width), start, end)
            out.append(chr(code))
            i += 2 + width
        elif e == 'N' and codec is not None:
            raise _unsupported('\\N{...} escapes')
        else:
            # An unknown escape keeps its backslash (CPython 3.11 warns only under -W).
            out.append('\\')
            i += 1
    return ''.join(out)


def _fstring_parts(src, s, i, raw, start, end, in_spec):
    # The literal text and replacement fields of an f-string body from s[i] (a format spec's
    # when in_spec: up to its closing '}'), as CPython 3.11's fstring_find_literal and
    # fstring_find_expr scan it. Returns (parts, end index): parts are strs and
    # ('field', expression node, conversion or None, spec parts or None, debug text or None).
    parts = []
    buf = []
    n = len(s)

    def flush():
        if buf:
            chunk = ''.join(buf)
            parts.append(chunk if raw else _unescape(src, chunk, False, start, end))
            del buf[:]

    while i < n:
        c = s[i]
        if c == '{':
            if not in_spec and i + 1 < n and s[i + 1] == '{':
                buf.append('{')
                i += 2
                continue
            flush()
            i, field = _fstring_field(src, s, i + 1, raw, start, end)
            parts.append(field)
        elif c == '}':
            if in_spec:
                break
            if i + 1 < n and s[i + 1] == '}':
                buf.append('}')
                i += 2
                continue
            raise src.error("f-string: single '}' is not allowed", start, end)
        elif c == '\\' and not raw and i + 1 < n and s[i + 1] not in '{}':
            buf.append(s[i:i + 2])
            i += 2
        else:
            buf.append(c)
            i += 1
    flush()
    return parts, i


def _fstring_field(src, s, i, raw, start, end):
    # One replacement field after its '{': returns (index after its '}', field).
    n = len(s)
    j = i
    depth = 0
    quote = None
    while j < n:
        c = s[j]
        if quote is not None:
            if s.startswith(quote, j):
                j += len(quote)
                quote = None
            else:
                j += 1
            continue
        if c == "'" or c == '"':
            quote = c * 3 if s.startswith(c * 3, j) else c
            j += len(quote)
            continue
        if c == '\\':
            raise src.error('f-string expression part cannot include a backslash', start, end)
        if c == '#':
            raise src.error("f-string expression part cannot include '#'", start, end)
        if c in '([{':
            depth += 1
        elif c in ')]}':
            if depth == 0:
                if c == '}':
                    break
                raise src.error("f-string: unmatched '%s'" % c, start, end)
            depth -= 1
        elif depth == 0 and c == '!' and s[j + 1:j + 2] != '=':
            break
        elif depth == 0 and c == ':':
            break
        elif depth == 0 and c == '=' and s[j + 1:j + 2] != '=' and s[j - 1:j] not in ('=', '!', '<', '>'):
            break
        j += 1
    if j >= n:
        raise src.error("f-string: expecting '}'", start, end)
    expr = s[i:j]
    if expr.strip(' \t\n\r\f') == '':
        raise src.error('f-string: empty expression not allowed', start, end)
    # CPython parses the expression in parentheses.
    inner = _Source('(' + expr + ')')
    try:
        node = _Parser(inner, _tokenize(inner)).parse_eval()
    except _SyntaxError as e:
        raise src.error('f-string: ' + e.msg, start, end) from None
    debug = None
    if s[j] == '=':
        j += 1
        while j < n and s[j] in ' \t\n\r\f':
            j += 1
        debug = s[i:j]
    conversion = None
    if j < n and s[j] == '!':
        conversion = s[j + 1:j + 2]
        if conversion not in ('s', 'r', 'a') or conversion == '':
            raise src.error("f-string: invalid conversion character: expected 's', 'r', or 'a'", start, end)
        j += 2
    spec = None
    if j < n and s[j] == ':':
        spec, j = _fstring_parts(src, s, j + 1, raw, start, end, True)
    if j >= n or s[j] != '}':
        raise src.error("f-string: expecting '}'", start, end)
    if debug is not None and conversion is None and spec is None:
        conversion = 'r'
    return j + 1, ('field', node, conversion, spec, debug)


# ---- the parser: tokens -> tree of tuples (kind first)

class _Parser:
    def __init__(self, src, tokens):
        self.src = src
        self.tokens = tokens
        self.i = 0

    def peek(self, k=0):
        return self.tokens[self.i + k]

    def next(self):
        t = self.tokens[self.i]
        self.i += 1
        return t

    def at_op(self, op, k=0):
        t = self.tokens[self.i + k]
        return t[0] == 'op' and t[1] == op

    def at_kw(self, word, k=0):
        t = self.tokens[self.i + k]
        return t[0] == 'name' and t[1] == word

    def accept_op(self, op):
        if self.at_op(op):
            self.i += 1
            return True
        return False

    def fail(self, t=None, msg='invalid syntax'):
        if t is None:
            t = self.peek()
        if t[0] == 'end' or t[0] == 'nl':
            # CPython reports an unexpected end at offset 0 of the last line.
            line = self.src.text.count('\n', 0, t[2]) + 1
            text = self.src.lines[line - 1] if line - 1 < len(self.src.lines) else ''
            if line < len(self.src.lines):
                text = text + '\n'
            return _SyntaxError(msg, ('<string>', line, 0, text, line, 0))
        return self.src.error(msg, t[2], t[3])

    def expect_op(self, op):
        if not self.accept_op(op):
            raise self.fail()

    def ends_expression(self):
        t = self.peek()
        return t[0] in ('end', 'nl') or (t[0] == 'op' and t[1] in (')', ']', '}', ':', '=', ';'))

    # eval: expressions NEWLINE* ENDMARKER
    def parse_eval(self):
        while self.peek()[0] == 'nl':
            self.i += 1
        if self.peek()[0] == 'end':
            if self.src.text.strip(' \t\n\r\f') == '':
                raise _SyntaxError('invalid syntax', ('<string>', 0, 0, '', 0, 0))
            raise self.fail()
        node = self.expressions()
        while self.peek()[0] == 'nl':
            self.i += 1
        if self.peek()[0] != 'end':
            raise self.fail()
        return node

    def expressions(self):
        first = self.expression()
        if not self.at_op(','):
            return first
        items = [first]
        while self.accept_op(','):
            if self.ends_expression():
                break
            items.append(self.expression())
        return ('tuple', items)

    def expression(self):
        if self.at_kw('lambda'):
            return self.lambdef()
        t = self.peek()
        body = self.disjunction()
        if self.at_kw('if'):
            self.i += 1
            test = self.disjunction()
            if not self.at_kw('else'):
                raise self.src.error("expected 'else' after 'if' expression", t[2], self.peek()[2])
            self.i += 1
            orelse = self.expression()
            return ('ifexp', test, body, orelse)
        return body

    def named_expression(self):
        if self.peek()[0] == 'name' and self.at_op(':=', 1):
            raise _unsupported("assignment expressions (':=')")
        return self.expression()

    def star_item(self):
        # star_named_expression: '*' bitwise_or | named_expression
        if self.at_op('*'):
            self.i += 1
            return ('star', self.bitor())
        return self.named_expression()

    def disjunction(self):
        node = self.conjunction()
        if not self.at_kw('or'):
            return node
        items = [node]
        while self.at_kw('or'):
            self.i += 1
            items.append(self.conjunction())
        return ('or', items)

    def conjunction(self):
        node = self.inversion()
        if not self.at_kw('and'):
            return node
        items = [node]
        while self.at_kw('and'):
            self.i += 1
            items.append(self.inversion())
        return ('and', items)

    def inversion(self):
        if self.at_kw('not'):
            self.i += 1
            return ('not', self.inversion())
        return self.comparison()

    def comparison(self):
        node = self.bitor()
        ops = []
        while True:
            t = self.peek()
            if t[0] == 'op' and t[1] in ('==', '!=', '<', '<=', '>', '>='):
                op = t[1]
                self.i += 1
            elif self.at_kw('in'):
                op = 'in'
                self.i += 1
            elif self.at_kw('not') and self.at_kw('in', 1):
                op = 'not in'
                self.i += 2
            elif self.at_kw('is'):
                self.i += 1
                op = 'is'
                if self.at_kw('not'):
                    self.i += 1
                    op = 'is not'
            else:
                break
            ops.append((op, self.bitor()))
        if not ops:
            return node
        return ('compare', node, ops)

    def binary(self, operators, operand):
        node = operand()
        while True:
            t = self.peek()
            if t[0] != 'op' or t[1] not in operators:
                return node
            self.i += 1
            node = ('binop', t[1], node, operand())

    def bitor(self):
        return self.binary(('|',), self.bitxor)

    def bitxor(self):
        return self.binary(('^',), self.bitand)

    def bitand(self):
        return self.binary(('&',), self.shift)

    def shift(self):
        return self.binary(('<<', '>>'), self.arith)

    def arith(self):
        return self.binary(('+', '-'), self.term)

    def term(self):
        return self.binary(('*', '/', '//', '%', '@'), self.factor)

    def factor(self):
        t = self.peek()
        if t[0] == 'op' and t[1] in ('+', '-', '~'):
            self.i += 1
            return ('unary', t[1], self.factor())
        return self.power()

    def power(self):
        if self.at_kw('await'):
            t = self.peek()
            raise _SyntaxError("'await' outside function", ('<string>', self.src.position(t[2])[0], self.src.position(t[2])[1], None, 1, 1))
        node = self.primary()
        if self.accept_op('**'):
            return ('binop', '**', node, self.factor())
        return node

    def primary(self):
        node = self.atom()
        while True:
            if self.accept_op('.'):
                t = self.next()
                if t[0] != 'name' or t[1] in _KEYWORDS:
                    raise self.fail(t)
                node = ('attr', node, t[1])
            elif self.at_op('('):
                self.i += 1
                node = self.call(node)
            elif self.at_op('['):
                self.i += 1
                node = ('subscript', node, self.slices())
                self.expect_op(']')
            else:
                return node

    def slices(self):
        if self.at_op(']'):
            raise self.fail()
        first = self.slice_item()
        if not self.at_op(','):
            return ('tuple', [first]) if first[0] == 'star' else first
        items = [first]
        while self.accept_op(','):
            if self.at_op(']'):
                break
            items.append(self.slice_item())
        return ('tuple', items)

    def slice_item(self):
        if self.at_op('*'):
            return self.star_item()
        lower = None
        if not self.at_op(':'):
            lower = self.named_expression()
            if not self.at_op(':'):
                return lower
        self.i += 1
        upper = None
        if not self.at_op(':') and not self.at_op(']') and not self.at_op(','):
            upper = self.expression()
        step = None
        if self.accept_op(':'):
            if not self.at_op(']') and not self.at_op(','):
                step = self.expression()
        return ('slice', lower, upper, step)

    def call(self, func):
        # '(' consumed.  Positional items are (starred, node); keyword items (name or None, node).
        args = []
        kwargs = []
        seen_kw = set()
        while not self.at_op(')'):
            t = self.peek()
            if self.at_op('*'):
                self.i += 1
                if any(k[0] is None for k in kwargs):
                    raise self.src.error('iterable argument unpacking follows keyword argument unpacking', t[2], self.peek()[3])
                args.append((True, self.expression()))
            elif self.at_op('**'):
                self.i += 1
                kwargs.append((None, self.expression()))
            elif t[0] == 'name' and self.at_op('=', 1):
                self.i += 2
                if t[1] in _KEYWORDS:
                    raise self.src.error('expression cannot contain assignment, perhaps you meant "=="?', t[2], t[3])
                if t[1] in seen_kw:
                    raise _SyntaxError('keyword argument repeated: %s' % t[1], ('<string>', self.src.position(t[2])[0], self.src.position(t[2])[1], None, 1, 1))
                seen_kw.add(t[1])
                kwargs.append((t[1], self.expression()))
            else:
                node = self.named_expression()
                if self.at_kw('for') or self.at_kw('async'):
                    gen = ('genexp', node, self.comprehension_clauses())
                    if args or kwargs or not self.at_op(')'):
                        raise self.src.error('Generator expression must be parenthesized', t[2], self.peek()[2])
                    args.append((False, gen))
                    break
                if kwargs:
                    if any(k[0] is None for k in kwargs):
                        raise self.src.error('positional argument follows keyword argument unpacking', t[2], self.peek()[2])
                    raise self.src.error('positional argument follows keyword argument', t[2], self.peek()[2])
                args.append((False, node))
            if not self.accept_op(','):
                break
        if not self.at_op(')'):
            raise self.fail()
        self.i += 1
        return ('call', func, args, kwargs)

    def atom(self):
        t = self.next()
        kind = t[0]
        if kind == 'name':
            word = t[1]
            if word == 'True':
                return ('const', True)
            if word == 'False':
                return ('const', False)
            if word == 'None':
                return ('const', None)
            if word in _KEYWORDS:
                raise self.fail(t)
            if word == 'print' and self.peek()[0] in ('string', 'number', 'name'):
                raise self.src.error("Missing parentheses in call to 'print'. Did you mean print(...)?", t[2], self.peek()[3])
            return ('name', word)
        if kind == 'number':
            return ('const', t[1])
        if kind == 'string' or kind == 'fstring':
            # Adjacent literals concatenate; with an f-string among them, into one f-string.
            parts = [t[1]] if kind == 'string' else list(t[1])
            is_bytes = kind == 'string' and isinstance(t[1], bytes)
            formatted = kind == 'fstring'
            while self.peek()[0] in ('string', 'fstring'):
                u = self.next()
                if is_bytes != (u[0] == 'string' and isinstance(u[1], bytes)):
                    raise self.src.error('cannot mix bytes and nonbytes literals', t[2], u[3])
                if u[0] == 'fstring':
                    formatted = True
                    parts.extend(u[1])
                else:
                    parts.append(u[1])
            if formatted:
                return ('fstring', parts)
            value = parts[0]
            for part in parts[1:]:
                value = value + part
            return ('const', value)
        if kind == 'op':
            op = t[1]
            if op == '...':
                return ('const', ...)
            if op == '(':
                return self.paren(t)
            if op == '[':
                return self.bracket()
            if op == '{':
                return self.brace()
        raise self.fail(t)

    def paren(self, open_tok):
        if self.accept_op(')'):
            return ('tuple', [])
        if self.at_kw('yield'):
            t = self.peek()
            raise _SyntaxError("'yield' outside function", ('<string>', self.src.position(t[2])[0], self.src.position(t[2])[1], None, 1, 1))
        t = self.peek()
        first = self.star_item()
        if self.at_kw('for') or self.at_kw('async'):
            if first[0] == 'star':
                raise self.src.error('iterable unpacking cannot be used in comprehension', t[2], self.peek()[2])
            node = ('genexp', first, self.comprehension_clauses())
            self.expect_op(')')
            return node
        if self.accept_op(')'):
            if first[0] == 'star':
                raise self.src.error('cannot use starred expression here', t[2], self.tokens[self.i - 1][2])
            return first
        if not self.at_op(','):
            raise self.fail()
        items = [first]
        while self.accept_op(','):
            if self.at_op(')'):
                break
            items.append(self.star_item())
        self.expect_op(')')
        return ('tuple', items)

    def bracket(self):
        if self.accept_op(']'):
            return ('list', [])
        t = self.peek()
        first = self.star_item()
        if self.at_kw('for') or self.at_kw('async'):
            if first[0] == 'star':
                raise self.src.error('iterable unpacking cannot be used in comprehension', t[2], self.peek()[2])
            node = ('listcomp', first, self.comprehension_clauses())
            self.expect_op(']')
            return node
        items = [first]
        while self.accept_op(','):
            if self.at_op(']'):
                break
            items.append(self.star_item())
        self.expect_op(']')
        return ('list', items)

    def brace(self):
        if self.accept_op('}'):
            return ('dict', [])
        if self.accept_op('**'):
            first = (None, self.bitor())
            return self.dict_rest(first)
        t = self.peek()
        first = self.star_item()
        if self.accept_op(':'):
            value = self.expression()
            if self.at_kw('for') or self.at_kw('async'):
                node = ('dictcomp', first, value, self.comprehension_clauses())
                self.expect_op('}')
                return node
            return self.dict_rest((first, value))
        if self.at_kw('for') or self.at_kw('async'):
            if first[0] == 'star':
                raise self.src.error('iterable unpacking cannot be used in comprehension', t[2], self.peek()[2])
            node = ('setcomp', first, self.comprehension_clauses())
            self.expect_op('}')
            return node
        items = [first]
        while self.accept_op(','):
            if self.at_op('}'):
                break
            items.append(self.star_item())
        self.expect_op('}')
        return ('set', items)

    def dict_rest(self, first):
        items = [first]
        while self.accept_op(','):
            if self.at_op('}'):
                break
            if self.accept_op('**'):
                items.append((None, self.bitor()))
                continue
            key = self.expression()
            if not self.accept_op(':'):
                t = self.peek()
                if t[0] == 'op' and t[1] in (',', '}'):
                    raise self.src.error("':' expected after dictionary key", self.tokens[self.i - 1][2], t[2])
                raise self.fail()
            items.append((key, self.expression()))
        self.expect_op('}')
        return ('dict', items)

    def comprehension_clauses(self):
        # for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+
        clauses = []
        while self.at_kw('for') or self.at_kw('async'):
            if self.at_kw('async'):
                t = self.peek()
                raise _SyntaxError('asynchronous comprehension outside of an asynchronous function', ('<string>', self.src.position(t[2])[0], self.src.position(t[2])[1], None, 1, 1))
            self.i += 1
            target = self.targets()
            if not self.at_kw('in'):
                raise self.fail()
            self.i += 1
            source = self.disjunction()
            conds = []
            while self.at_kw('if'):
                self.i += 1
                conds.append(self.disjunction())
            clauses.append((target, source, conds))
        return clauses

    def targets(self):
        first = self.target()
        if not self.at_op(','):
            return first
        items = [first]
        while self.accept_op(','):
            if self.at_kw('in'):
                break
            items.append(self.target())
        return ('tuple', items)

    def target(self):
        t = self.peek()
        if self.accept_op('*'):
            return ('star', self.target())
        if self.accept_op('('):
            if self.accept_op(')'):
                return ('tuple', [])
            inner = self.targets()
            self.expect_op(')')
            return inner if inner[0] == 'tuple' or inner[0] == 'name' else inner
        if self.accept_op('['):
            items = []
            while not self.at_op(']'):
                items.append(self.target())
                if not self.accept_op(','):
                    break
            self.expect_op(']')
            return ('tuple', items)
        if t[0] == 'name' and t[1] not in _KEYWORDS:
            self.i += 1
            if self.at_op('.') or self.at_op('['):
                raise _unsupported('attribute or item targets in comprehensions')
            return ('name', t[1])
        raise self.fail(t)

    def lambdef(self):
        # lambda [params]: expression.  params: (name, default node or None, kind)
        self.i += 1
        params = []
        seen = set()
        star_seen = False
        while not self.at_op(':'):
            t = self.peek()
            if self.accept_op('/'):
                params.append(('/', None, 'slash'))
            elif self.accept_op('**'):
                name = self.next()
                if name[0] != 'name':
                    raise self.fail(name)
                params.append((name[1], None, 'varkw'))
            elif self.accept_op('*'):
                star_seen = True
                if self.at_op(',') or self.at_op(':'):
                    params.append(('*', None, 'star'))
                else:
                    name = self.next()
                    if name[0] != 'name' or name[1] in _KEYWORDS:
                        raise self.fail(name)
                    params.append((name[1], None, 'varargs'))
            elif t[0] == 'name' and t[1] not in _KEYWORDS:
                self.i += 1
                default = None
                if self.accept_op('='):
                    default = self.expression()
                elif not star_seen and any(p[1] is not None and p[2] == 'pos' for p in params):
                    raise self.src.error('non-default argument follows default argument', t[2], t[3])
                params.append((t[1], default, 'kwonly' if star_seen else 'pos'))
            else:
                raise self.fail(t)
            name = params[-1][0]
            if name not in ('/', '*'):
                if name in seen:
                    raise self.src.error("duplicate argument '%s' in function definition" % name, t[2], t[3])
                seen.add(name)
            if not self.accept_op(','):
                break
        self.expect_op(':')
        body = self.expression()
        return ('lambda', params, body)


# ---- evaluation

class _Scope:
    """A lambda's or comprehension's own names, over the scope it was created in."""

    def __init__(self, names, parent):
        self.names = names
        self.parent = parent


class _Env:
    """Namespaces of the evaluated code: the eval-level locals mapping, globals, builtins."""

    def __init__(self, locals_, globals_, builtins_):
        self.locals = locals_
        self.globals = globals_
        self.builtins = builtins_
        # The runtime's builtins dict: its `eval` called from evaluated code evaluates here.
        self.runtime_builtins = builtins_


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
    inner = _Scope(names, scope)
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
    return _gen_clause(node[1], clauses, 0, first, env, _Scope({}, scope))


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


def parse(text):
    """The tree of an eval-mode source text; SyntaxError as CPython's compile() raises it."""
    if '\0' in text:
        raise _SyntaxError('source code string cannot contain null bytes')
    src = _Source(text)
    return _Parser(src, _tokenize(src)).parse_eval()


def evaluate(text, globals_, locals_, builtins_):
    """eval(text, globals_, locals_) with this builtins dict."""
    return _run(parse(text), _Env(locals_, globals_, builtins_))


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
    if globals_ is None:
        globals_ = caller_globals
        if locals_ is None:
            locals_ = caller_locals
    elif locals_ is None:
        locals_ = globals_
    runtime_builtins = builtins_
    if '__builtins__' in globals_:
        given = globals_['__builtins__']
        if isinstance(given, dict):
            builtins_ = given
        else:
            builtins_ = getattr(given, '__dict__', builtins_)
    if isinstance(source, str):
        text = source
    elif isinstance(source, (bytes, bytearray)):
        text = _decode_utf8(bytes(source))
    else:
        raise TypeError('eval() arg 1 must be a string, bytes or code object')
    # CPython skips leading spaces and tabs (builtin_eval_impl).
    i = 0
    while i < len(text) and (text[i] == ' ' or text[i] == '\t'):
        i += 1
    env = _Env(locals_, globals_, builtins_)
    env.runtime_builtins = runtime_builtins
    return _run(parse(text[i:]), env)
