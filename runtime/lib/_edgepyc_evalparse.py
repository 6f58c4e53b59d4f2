"""The parser of eval() for natively compiled programs (runtime/lib/_edgepyc_eval.py).

parse(text) turns an eval-mode source text into a tree of tuples, kind first: source text
-> tokens (_tokenize: names, numbers, string and f-string literals with their escapes,
operators, newlines outside brackets) -> tree (_Parser: the eval-mode grammar of CPython
3.11's python.gram, `expressions NEWLINE* ENDMARKER`, by recursive descent, one method per
rule).  Malformed text raises SyntaxError (IndentationError for an unexpected indent) with
CPython's message for the common errors and its fields (msg, filename '<string>', lineno,
offset, text, end_lineno, end_offset): the runtime's own class when it has those fields,
else subclasses named like the builtins that add them.  Constructs the evaluator does not
implement (\\N{...} escapes) raise NotImplementedError saying so.
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


def decode_utf8(data):
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
        # NAME ':=' expression | expression
        t = self.peek()
        if t[0] == 'name' and self.at_op(':=', 1):
            if t[1] in _KEYWORDS:
                raise self.src.error("cannot use assignment expressions with %s" % t[1], t[2], t[3])
            self.i += 2
            return ('walrus', t[1], self.expression())
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


def parse(text):
    """The tree of an eval-mode source text; SyntaxError as CPython's compile() raises it."""
    if '\0' in text:
        raise _SyntaxError('source code string cannot contain null bytes')
    src = _Source(text)
    return _Parser(src, _tokenize(src)).parse_eval()
