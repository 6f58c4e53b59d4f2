"""Pattern and replacement-template parser of edgepyc's pure-Python `re`.

First stage of the package: `parse(pattern, flags)` reads a regular expression (str, or
bytes decoded as latin-1) and returns a `Parsed` object holding the parse tree (the tuple
nodes described in `_constants`), the final flags, the group count and the group names.
`_compiler` turns that tree into a program for `_engine`.  `parse_template()` reads the
replacement strings of sub()/subn()/Match.expand().

The grammar, the simplifications that have observable effects (common single-character
prefixes of alternatives are factored out, alternations of single characters become a
class, flagless non-capturing groups are flattened) and every error message and error
position follow CPython 3.11's documented behaviour, so `re.error` reads the same
("nothing to repeat at position 0", "missing ), unterminated subpattern at position 0").
Positions are measured by a tokenizer that reads a backslash and the character after it
as one token, as CPython's does.
"""

from ._constants import (
    error, TEMPLATE, IGNORECASE, LOCALE, MULTILINE, DOTALL, UNICODE, VERBOSE, ASCII,
    TYPE_FLAGS, GLOBAL_FLAGS, MAXREPEAT, MAXGROUPS,
    N_LIT, N_NOT_LIT, N_ANY, N_IN, N_AT, N_GROUP, N_BRANCH, N_REPEAT, N_GROUPREF,
    N_GROUPREF_EXISTS, N_ASSERT, N_ATOMIC, I_LIT, I_RANGE, I_CAT,
    CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD,
    AT_BEGINNING, AT_BEGINNING_STRING, AT_END, AT_END_STRING, AT_BOUNDARY,
    AT_NON_BOUNDARY, GREEDY, LAZY, POSSESSIVE,
)

_DIGITS = frozenset('0123456789')
_OCTDIGITS = frozenset('01234567')
_HEXDIGITS = frozenset('0123456789abcdefABCDEF')
_ASCIILETTERS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
_WHITESPACE = frozenset(' \t\n\r\v\f')
_SPECIAL = frozenset('.\\[{()*+?^$|')
_REPEAT_CHARS = frozenset('*+?{')

# Escapes that stand for one character, inside and outside classes (outside a class
# \b is a word boundary and is looked up in _CATEGORIES first).
_ESCAPES = {
    '\\a': '\a', '\\b': '\b', '\\f': '\f', '\\n': '\n', '\\r': '\r', '\\t': '\t',
    '\\v': '\v', '\\\\': '\\',
}

_CATEGORIES = {
    '\\A': (N_AT, AT_BEGINNING_STRING),
    '\\b': (N_AT, AT_BOUNDARY),
    '\\B': (N_AT, AT_NON_BOUNDARY),
    '\\d': (N_IN, False, [(I_CAT, CAT_DIGIT)]),
    '\\D': (N_IN, False, [(I_CAT, CAT_NOT_DIGIT)]),
    '\\s': (N_IN, False, [(I_CAT, CAT_SPACE)]),
    '\\S': (N_IN, False, [(I_CAT, CAT_NOT_SPACE)]),
    '\\w': (N_IN, False, [(I_CAT, CAT_WORD)]),
    '\\W': (N_IN, False, [(I_CAT, CAT_NOT_WORD)]),
    '\\Z': (N_AT, AT_END_STRING),
}

_FLAGS = {
    'i': IGNORECASE, 'L': LOCALE, 'm': MULTILINE, 's': DOTALL, 'x': VERBOSE,
    'a': ASCII, 't': TEMPLATE, 'u': UNICODE,
}

# Width of an unbounded item, as CPython reports it.
_INF_WIDTH = MAXREPEAT


class _Source:
    """Tokenizer: `next` is the current token, one character or a backslash pair."""

    def __init__(self, pattern):
        self.istext = isinstance(pattern, str)
        self.string = pattern
        if self.istext:
            self.text = pattern
        else:
            self.text = str(pattern, 'latin1')
        self.index = 0
        self.next = None
        self._advance()

    def _advance(self):
        text = self.text
        index = self.index
        if index >= len(text):
            self.next = None
            return
        char = text[index]
        if char == '\\':
            index += 1
            if index >= len(text):
                raise error('bad escape (end of pattern)', self.string, len(self.string) - 1)
            char += text[index]
        self.index = index + 1
        self.next = char

    def match(self, char):
        if char == self.next:
            self._advance()
            return True
        return False

    def get(self):
        this = self.next
        self._advance()
        return this

    def getwhile(self, n, charset):
        result = ''
        for _ in range(n):
            c = self.next
            if c is None or c not in charset:
                break
            result += c
            self._advance()
        return result

    def getuntil(self, terminator, name):
        result = ''
        while True:
            c = self.next
            self._advance()
            if c is None:
                if not result:
                    raise self.error('missing ' + name)
                raise self.error('missing %s, unterminated name' % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error('missing ' + name, 1)
                break
            result += c
        return result

    def tell(self):
        if self.next is None:
            return self.index
        return self.index - len(self.next)

    def seek(self, index):
        self.index = index
        self._advance()

    def error(self, msg, offset=0):
        if not self.istext:
            msg = _ascii_backslash(msg)
        return error(msg, self.string, self.tell() - offset)

    def checkgroupname(self, name, offset):
        if not name.isidentifier():
            raise self.error('bad character in group name %r' % name, len(name) + offset)


def _ascii_backslash(msg):
    # msg.encode('ascii', 'backslashreplace').decode('ascii'), written out.
    out = []
    for ch in msg:
        code = ord(ch)
        if code < 128:
            out.append(ch)
        elif code < 0x100:
            out.append('\\x%02x' % code)
        elif code < 0x10000:
            out.append('\\u%04x' % code)
        else:
            out.append('\\U%08x' % code)
    return ''.join(out)


class _State:
    """What the parser knows about groups while it reads the pattern."""

    def __init__(self, flags):
        self.flags = flags
        self.groupdict = {}
        self.groupwidths = [None]      # None while a group is open; group 0 is the match
        self.lookbehindgroups = None   # group count when the outermost lookbehind began
        self.grouprefpos = {}          # conditional group numbers -> pattern position

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > MAXGROUPS:
            raise error('too many groups')
        if name is not None:
            ogid = self.groupdict.get(name)
            if ogid is not None:
                raise error('redefinition of group name %r as group %d; was group %d'
                            % (name, gid, ogid))
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, seq):
        self.groupwidths[gid] = width(seq, self)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error('cannot refer to an open group')
            if gid >= self.lookbehindgroups:
                raise source.error('cannot refer to group defined in the same '
                                   'lookbehind subpattern')


def width(seq, state):
    """(min, max) number of characters `seq` can match, as CPython computes it."""
    lo = hi = 0
    for node in seq:
        kind = node[0]
        if kind == N_LIT or kind == N_NOT_LIT or kind == N_ANY or kind == N_IN:
            lo += 1
            hi += 1
        elif kind == N_GROUP:
            i, j = width(node[4], state)
            lo += i
            hi += j
        elif kind == N_BRANCH:
            i = MAXREPEAT - 1
            j = 0
            for alt in node[1]:
                a, b = width(alt, state)
                if a < i:
                    i = a
                if b > j:
                    j = b
            lo += i
            hi += j
        elif kind == N_REPEAT:
            i, j = width(node[4], state)
            lo += i * node[1]
            hi += j * node[2]
        elif kind == N_ATOMIC:
            i, j = width(node[1], state)
            lo += i
            hi += j
        elif kind == N_GROUPREF:
            i, j = state.groupwidths[node[1]]
            lo += i
            hi += j
        elif kind == N_GROUPREF_EXISTS:
            i, j = width(node[2], state)
            if node[3] is not None:
                a, b = width(node[3], state)
                if a < i:
                    i = a
                if b > j:
                    j = b
            else:
                i = 0
            lo += i
            hi += j
    return min(lo, MAXREPEAT - 1), min(hi, MAXREPEAT)


class Parsed:
    """Result of parse(): the tree and what the compiler and the API need about it."""

    def __init__(self, seq, state, pattern):
        self.seq = seq
        self.flags = state.flags
        self.groups = state.groups          # including group 0
        self.groupindex = state.groupdict
        self.state = state
        self.pattern = pattern


def _hexvalue(digits):
    return int(digits, 16)


def _named_char(source, charname):
    try:
        import unicodedata
    except ImportError:
        unicodedata = None
    if unicodedata is not None:
        try:
            return unicodedata.lookup(charname)
        except (KeyError, TypeError):
            pass
    raise source.error('undefined character name %r' % charname, len(charname) + 4)


def _char_escape(source, escape):
    """The \\x \\u \\U \\N and (in a class) octal escapes; None when not one of them."""
    c = escape[1:2]
    if c == 'x':
        escape += source.getwhile(2, _HEXDIGITS)
        if len(escape) != 4:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return chr(_hexvalue(escape[2:]))
    if c == 'u' and source.istext:
        escape += source.getwhile(4, _HEXDIGITS)
        if len(escape) != 6:
            raise source.error('incomplete escape %s' % escape, len(escape))
        return chr(_hexvalue(escape[2:]))
    if c == 'U' and source.istext:
        escape += source.getwhile(8, _HEXDIGITS)
        if len(escape) != 10:
            raise source.error('incomplete escape %s' % escape, len(escape))
        code = _hexvalue(escape[2:])
        if code > 0x10FFFF:
            raise source.error('bad escape %s' % escape, len(escape))
        return chr(code)
    if c == 'N' and source.istext:
        if not source.match('{'):
            raise source.error('missing {')
        charname = source.getuntil('}', 'character name')
        return _named_char(source, charname)
    return None


def _class_escape(source, escape):
    """An escape inside [...]: an (I_LIT, ch) or (I_CAT, cat) item."""
    ch = _ESCAPES.get(escape)
    if ch is not None:
        return (I_LIT, ch)
    code = _CATEGORIES.get(escape)
    if code is not None and code[0] == N_IN:
        return code[2][0]
    ch = _char_escape(source, escape)
    if ch is not None:
        return (I_LIT, ch)
    c = escape[1:2]
    if c in _OCTDIGITS:
        escape += source.getwhile(2, _OCTDIGITS)
        value = int(escape[1:], 8)
        if value > 0o377:
            raise source.error('octal escape value %s outside of range 0-0o377' % escape,
                               len(escape))
        return (I_LIT, chr(value))
    if c in _DIGITS:
        raise source.error('bad escape %s' % escape, len(escape))
    if len(escape) == 2:
        if c in _ASCIILETTERS:
            raise source.error('bad escape %s' % escape, len(escape))
        return (I_LIT, escape[1])
    raise source.error('bad escape %s' % escape, len(escape))


def _escape(source, escape, state):
    """An escape outside a class: a node."""
    code = _CATEGORIES.get(escape)
    if code is not None:
        return code
    ch = _ESCAPES.get(escape)
    if ch is not None:
        return (N_LIT, ch)
    ch = _char_escape(source, escape)
    if ch is not None:
        return (N_LIT, ch)
    c = escape[1:2]
    if c == '0':
        escape += source.getwhile(2, _OCTDIGITS)
        return (N_LIT, chr(int(escape[1:], 8)))
    if c in _DIGITS:
        # An octal escape (three octal digits) or a group reference (sigh).
        if source.next is not None and source.next in _DIGITS:
            escape += source.get()
            if (escape[1] in _OCTDIGITS and escape[2] in _OCTDIGITS
                    and source.next is not None and source.next in _OCTDIGITS):
                escape += source.get()
                value = int(escape[1:], 8)
                if value > 0o377:
                    raise source.error('octal escape value %s outside of range 0-0o377'
                                       % escape, len(escape))
                return (N_LIT, chr(value))
        group = int(escape[1:])
        if group < state.groups:
            if not state.checkgroup(group):
                raise source.error('cannot refer to an open group', len(escape))
            state.checklookbehindgroup(group, source)
            return (N_GROUPREF, group)
        raise source.error('invalid group reference %d' % group, len(escape) - 1)
    if len(escape) == 2:
        if c in _ASCIILETTERS:
            raise source.error('bad escape %s' % escape, len(escape))
        return (N_LIT, escape[1])
    raise source.error('bad escape %s' % escape, len(escape))


def _uniq(items):
    out = []
    seen = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _factorable(node):
    # CPython factors a common first node out of alternatives only when the nodes
    # compare equal by value, which its tree allows for these kinds alone.
    kind = node[0]
    return (kind == N_LIT or kind == N_NOT_LIT or kind == N_ANY or kind == N_IN
            or kind == N_AT or kind == N_GROUPREF)


def _parse_sub(source, state, verbose, nested):
    """An alternation a|b|c; returns a sequence."""
    items = []
    while True:
        items.append(_parse(source, state, verbose, nested + 1, nested == 0 and not items))
        if not source.match('|'):
            break
        if not nested:
            verbose = state.flags & VERBOSE
    if len(items) == 1:
        return items[0]

    seq = []
    # Move a common first node of every alternative in front of the branch.
    while True:
        prefix = None
        common = True
        for item in items:
            if not item:
                common = False
                break
            if prefix is None:
                prefix = item[0]
                if not _factorable(prefix):
                    common = False
                    break
            elif item[0] != prefix:
                common = False
                break
        if not common:
            break
        for item in items:
            del item[0]
        seq.append(prefix)

    # An alternation of single characters and classes is a class.
    members = []
    for item in items:
        if len(item) != 1:
            break
        node = item[0]
        if node[0] == N_LIT:
            members.append((I_LIT, node[1]))
        elif node[0] == N_IN and not node[1]:
            members.extend(node[2])
        else:
            break
    else:
        seq.append((N_IN, False, _uniq(members)))
        return seq

    seq.append((N_BRANCH, items))
    return seq


def _parse_class(source, seq):
    here = source.tell() - 1
    items = []
    negate = source.match('^')
    while True:
        this = source.get()
        if this is None:
            raise source.error('unterminated character set', source.tell() - here)
        if this == ']' and items:
            break
        if this[0] == '\\':
            code1 = _class_escape(source, this)
        else:
            code1 = (I_LIT, this)
        if source.match('-'):
            that = source.get()
            if that is None:
                raise source.error('unterminated character set', source.tell() - here)
            if that == ']':
                items.append(code1)
                items.append((I_LIT, '-'))
                break
            if that[0] == '\\':
                code2 = _class_escape(source, that)
            else:
                code2 = (I_LIT, that)
            if code1[0] != I_LIT or code2[0] != I_LIT or code2[1] < code1[1]:
                raise source.error('bad character range %s-%s' % (this, that),
                                   len(this) + 1 + len(that))
            items.append((I_RANGE, code1[1], code2[1]))
        else:
            items.append(code1)
    items = _uniq(items)
    if len(items) == 1 and items[0][0] == I_LIT:
        if negate:
            seq.append((N_NOT_LIT, items[0][1]))
        else:
            seq.append((N_LIT, items[0][1]))
    else:
        seq.append((N_IN, bool(negate), items))


def _parse_repeat(source, seq, this):
    """Apply the quantifier `this` (already read) to the last node of seq.

    Returns False when '{' turned out to be a literal."""
    here = source.tell()
    if this == '?':
        lo, hi = 0, 1
    elif this == '*':
        lo, hi = 0, MAXREPEAT
    elif this == '+':
        lo, hi = 1, MAXREPEAT
    else:
        if source.next == '}':
            seq.append((N_LIT, '{'))
            return
        lo, hi = 0, MAXREPEAT
        lo_digits = hi_digits = ''
        while source.next is not None and source.next in _DIGITS:
            lo_digits += source.get()
        if source.match(','):
            while source.next is not None and source.next in _DIGITS:
                hi_digits += source.get()
        else:
            hi_digits = lo_digits
        if not source.match('}'):
            seq.append((N_LIT, '{'))
            source.seek(here)
            return
        if lo_digits:
            lo = int(lo_digits)
            if lo >= MAXREPEAT:
                raise OverflowError('the repetition number is too large')
        if hi_digits:
            hi = int(hi_digits)
            if hi >= MAXREPEAT:
                raise OverflowError('the repetition number is too large')
            if hi < lo:
                raise source.error('min repeat greater than max repeat',
                                   source.tell() - here)
    if not seq or seq[-1][0] == N_AT:
        raise source.error('nothing to repeat', source.tell() - here + len(this))
    item = seq[-1]
    if item[0] == N_REPEAT:
        raise source.error('multiple repeat', source.tell() - here + len(this))
    if item[0] == N_GROUP and item[1] is None and not item[2] and not item[3]:
        body = item[4]
    else:
        body = [item]
    if source.match('?'):
        mode = LAZY
    elif source.match('+'):
        mode = POSSESSIVE
    else:
        mode = GREEDY
    seq[-1] = (N_REPEAT, lo, hi, mode, body)


def _parse_flags(source, state, char):
    """Inline flags after '(?'; None for global flags '(?i)', else (add, delete)."""
    add_flags = 0
    del_flags = 0
    if char != '-':
        while True:
            flag = _FLAGS[char]
            if source.istext:
                if char == 'L':
                    raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            elif char == 'u':
                raise source.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            add_flags |= flag
            if (flag & TYPE_FLAGS) and (add_flags & TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = source.get()
            if char is None:
                raise source.error('missing -, : or )')
            if char == ')' or char == '-' or char == ':':
                break
            if char not in _FLAGS:
                msg = 'unknown flag' if char.isalpha() else 'missing -, : or )'
                raise source.error(msg, len(char))
    if char == ')':
        state.flags |= add_flags
        return None
    if add_flags & GLOBAL_FLAGS:
        raise source.error('bad inline flags: cannot turn on global flag', 1)
    if char == '-':
        char = source.get()
        if char is None:
            raise source.error('missing flag')
        if char not in _FLAGS:
            msg = 'unknown flag' if char.isalpha() else 'missing flag'
            raise source.error(msg, len(char))
        while True:
            flag = _FLAGS[char]
            if flag & TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            del_flags |= flag
            char = source.get()
            if char is None:
                raise source.error('missing :')
            if char == ':':
                break
            if char not in _FLAGS:
                msg = 'unknown flag' if char.isalpha() else 'missing :'
                raise source.error(msg, len(char))
    if del_flags & GLOBAL_FLAGS:
        raise source.error('bad inline flags: cannot turn off global flag', 1)
    if add_flags & del_flags:
        raise source.error('bad inline flags: flag turned on and off', 1)
    return add_flags, del_flags


def _parse_condition_head(source, state, start):
    """After '(?(': read the condition; returns the group number."""
    condname = source.getuntil(')', 'group name')
    if condname.isidentifier():
        condgroup = state.groupdict.get(condname)
        if condgroup is None:
            raise source.error('unknown group name %r' % condname, len(condname) + 1)
    else:
        try:
            condgroup = int(condname)
            if condgroup < 0:
                raise ValueError
        except ValueError:
            raise source.error('bad character in group name %r' % condname,
                               len(condname) + 1) from None
        if not condgroup:
            raise source.error('bad group number', len(condname) + 1)
        if condgroup >= MAXGROUPS:
            raise source.error('invalid group reference %d' % condgroup, len(condname) + 1)
        if condgroup not in state.grouprefpos:
            state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
    state.checklookbehindgroup(condgroup, source)
    return condgroup


# What _group_head asks _parse to do next (the body is parsed by _parse itself so that
# each level of nesting costs two Python frames, as in CPython's parser).
_G_DONE = 0        # nothing: the construct was complete (comment, (?P=name), flags)
_G_GROUP = 1       # (G, start, group or None, add, delete, atomic)
_G_ASSERT = 2      # (G, start, direction, negate, saved lookbehindgroups)
_G_COND = 3        # (G, start, condgroup)
_G_FLAGS = 4       # global flags were set: VERBOSE may have changed


def _group_head(source, state, verbose, first, seq):
    """After '(': read up to the group's body; returns a _G_* tuple."""
    start = source.tell() - 1
    capture = True
    atomic = False
    name = None
    add_flags = 0
    del_flags = 0
    if source.match('?'):
        char = source.get()
        if char is None:
            raise source.error('unexpected end of pattern')
        if char == 'P':
            if source.match('<'):
                name = source.getuntil('>', 'group name')
                source.checkgroupname(name, 1)
            elif source.match('='):
                name = source.getuntil(')', 'group name')
                source.checkgroupname(name, 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    raise source.error('unknown group name %r' % name, len(name) + 1)
                if not state.checkgroup(gid):
                    raise source.error('cannot refer to an open group', len(name) + 1)
                state.checklookbehindgroup(gid, source)
                seq.append((N_GROUPREF, gid))
                return (_G_DONE,)
            else:
                char = source.get()
                if char is None:
                    raise source.error('unexpected end of pattern')
                raise source.error('unknown extension ?P' + char, len(char) + 2)
        elif char == ':':
            capture = False
        elif char == '#':
            while True:
                if source.next is None:
                    raise source.error('missing ), unterminated comment',
                                       source.tell() - start)
                if source.get() == ')':
                    break
            return (_G_DONE,)
        elif char == '=' or char == '!' or char == '<':
            direction = 1
            saved = None
            if char == '<':
                char = source.get()
                if char is None:
                    raise source.error('unexpected end of pattern')
                if char != '=' and char != '!':
                    raise source.error('unknown extension ?<' + char, len(char) + 2)
                direction = -1
                saved = state.lookbehindgroups
                if saved is None:
                    state.lookbehindgroups = state.groups
            return (_G_ASSERT, start, direction, char == '!', saved)
        elif char == '(':
            return (_G_COND, start, _parse_condition_head(source, state, start))
        elif char == '>':
            capture = False
            atomic = True
        elif char in _FLAGS or char == '-':
            flags = _parse_flags(source, state, char)
            if flags is None:
                if not first or seq:
                    raise source.error('global flags not at the start of the expression',
                                       source.tell() - start)
                return (_G_FLAGS,)
            add_flags, del_flags = flags
            capture = False
        else:
            raise source.error('unknown extension ?' + char, len(char) + 1)
    if capture:
        try:
            group = state.opengroup(name)
        except error as err:
            raise source.error(err.msg, len(name) + 1) from None
    else:
        group = None
    return (_G_GROUP, start, group, add_flags, del_flags, atomic)


def _close_subpattern(source, start):
    if not source.match(')'):
        raise source.error('missing ), unterminated subpattern', source.tell() - start)


def _parse(source, state, verbose, nested, first=False):
    """A sequence of items up to '|', ')' or the end."""
    seq = []
    while True:
        this = source.next
        if this is None or this == '|' or this == ')':
            break
        source._advance()
        if verbose:
            if this in _WHITESPACE:
                continue
            if this == '#':
                while True:
                    this = source.get()
                    if this is None or this == '\n':
                        break
                continue
        if this[0] == '\\':
            seq.append(_escape(source, this, state))
        elif this not in _SPECIAL:
            seq.append((N_LIT, this))
        elif this == '[':
            _parse_class(source, seq)
        elif this in _REPEAT_CHARS:
            _parse_repeat(source, seq, this)
        elif this == '.':
            seq.append((N_ANY,))
        elif this == '(':
            head = _group_head(source, state, verbose, first, seq)
            what = head[0]
            if what == _G_DONE:
                continue
            if what == _G_FLAGS:
                verbose = state.flags & VERBOSE
                continue
            start = head[1]
            if what == _G_GROUP:
                add_flags = head[3]
                del_flags = head[4]
                sub_verbose = ((verbose or (add_flags & VERBOSE)) and not (del_flags & VERBOSE))
                body = _parse_sub(source, state, sub_verbose, nested + 1)
                _close_subpattern(source, start)
                group = head[2]
                if group is not None:
                    state.closegroup(group, body)
                if head[5]:
                    seq.append((N_ATOMIC, body))
                else:
                    seq.append((N_GROUP, group, add_flags, del_flags, body))
            elif what == _G_ASSERT:
                body = _parse_sub(source, state, verbose, nested + 1)
                if head[2] < 0 and head[4] is None:
                    state.lookbehindgroups = None
                _close_subpattern(source, start)
                seq.append((N_ASSERT, head[2], head[3], body))
            else:
                item_yes = _parse(source, state, verbose, nested + 1)
                if source.match('|'):
                    item_no = _parse(source, state, verbose, nested + 1)
                    if source.next == '|':
                        raise source.error('conditional backref with more than two branches')
                else:
                    item_no = None
                _close_subpattern(source, start)
                seq.append((N_GROUPREF_EXISTS, head[2], item_yes, item_no))
        elif this == '^':
            seq.append((N_AT, AT_BEGINNING))
        else:
            seq.append((N_AT, AT_END))

    # Flatten non-capturing groups that set no flags.
    out = []
    for node in seq:
        if node[0] == N_GROUP and node[1] is None and not node[2] and not node[3]:
            out.extend(node[4])
        else:
            out.append(node)
    return out


def fix_flags(pattern, flags):
    """Check the type flags against the pattern type; str patterns get UNICODE."""
    if isinstance(pattern, str):
        if flags & LOCALE:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if not flags & ASCII:
            flags |= UNICODE
        elif flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    else:
        if flags & UNICODE:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if flags & LOCALE and flags & ASCII:
            raise ValueError('ASCII and LOCALE flags are incompatible')
    return flags


def parse(pattern, flags=0):
    source = _Source(pattern)
    state = _State(flags)
    seq = _parse_sub(source, state, flags & VERBOSE, 0)
    state.flags = fix_flags(pattern, state.flags)
    if source.next is not None:
        raise source.error('unbalanced parenthesis')
    for g in state.grouprefpos:
        if g >= state.groups:
            raise error('invalid group reference %d' % g, pattern, state.grouprefpos[g])
    return Parsed(seq, state, pattern)


def new_state(flags=0):
    return _State(flags)


def parse_template(template, groups, groupindex):
    """Parse a replacement template.

    `groups` is the pattern's number of groups (group 0 not counted).  Returns a list
    of pieces: str (or bytes for bytes templates) literals and int group numbers, with
    adjacent literals joined."""
    source = _Source(template)
    pieces = []
    literal = []

    def addgroup(index, offset):
        if index > groups:
            raise source.error('invalid group reference %d' % index, offset)
        if literal:
            pieces.append(''.join(literal))
            del literal[:]
        pieces.append(index)

    while True:
        this = source.get()
        if this is None:
            break
        if this[0] != '\\':
            literal.append(this)
            continue
        c = this[1]
        if c == 'g':
            if not source.match('<'):
                raise source.error('missing <')
            name = source.getuntil('>', 'group name')
            if name.isidentifier():
                index = groupindex.get(name)
                if index is None:
                    raise IndexError('unknown group name %r' % name)
            else:
                try:
                    index = int(name)
                    if index < 0:
                        raise ValueError
                except ValueError:
                    raise source.error('bad character in group name %r' % name,
                                       len(name) + 1) from None
                if index >= MAXGROUPS:
                    raise source.error('invalid group reference %d' % index, len(name) + 1)
            addgroup(index, len(name) + 1)
        elif c == '0':
            if source.next is not None and source.next in _OCTDIGITS:
                this += source.get()
                if source.next is not None and source.next in _OCTDIGITS:
                    this += source.get()
            literal.append(chr(int(this[1:], 8) & 0xff))
        elif c in _DIGITS:
            isoctal = False
            if source.next is not None and source.next in _DIGITS:
                this += source.get()
                if (c in _OCTDIGITS and this[2] in _OCTDIGITS
                        and source.next is not None and source.next in _OCTDIGITS):
                    this += source.get()
                    isoctal = True
                    value = int(this[1:], 8)
                    if value > 0o377:
                        raise source.error('octal escape value %s outside of range 0-0o377'
                                           % this, len(this))
                    literal.append(chr(value))
            if not isoctal:
                addgroup(int(this[1:]), len(this) - 1)
        else:
            ch = _ESCAPES.get(this)
            if ch is not None:
                literal.append(ch)
            else:
                if c in _ASCIILETTERS:
                    raise source.error('bad escape %s' % this, len(this))
                literal.append(this)
    if literal:
        pieces.append(''.join(literal))
    if not source.istext:
        pieces = [p if isinstance(p, int) else p.encode('latin1') for p in pieces]
    return pieces
