"""Constants shared by the parts of edgepyc's pure-Python `re` package.

edgepyc's `re` is written in plain Python (no _sre): `_parser` turns a pattern into a
tree of tuples, `_compiler` turns the tree into a program for the backtracking VM in
`_engine`, and `__init__` wraps it all in CPython 3.11's public API.  This module holds
what they share: the flag bits (values from CPython's sre_constants, which programs see
through `re.I.value` and `Pattern.flags`), the `re.error` exception, the limits, and the
kinds of the parse-tree nodes.

Parse tree (produced by _parser, consumed by _compiler).  A *sequence* is a list of
nodes; a node is a tuple whose first item is one of the N_* kinds below:

    (N_LIT, ch)                       one character (str of length 1)
    (N_NOT_LIT, ch)                   any character but ch ([^x])
    (N_ANY,)                          '.'
    (N_IN, negate, items)             a class; items are (I_LIT, ch), (I_RANGE, lo, hi)
                                      or (I_CAT, CAT_*)
    (N_AT, AT_*)                      a zero-width anchor
    (N_GROUP, gid, add, delete, seq)  gid None for (?flags:...) groups
    (N_BRANCH, [seq, seq, ...])       alternation (two or more sequences)
    (N_REPEAT, lo, hi, mode, seq)     mode is GREEDY, LAZY or POSSESSIVE; hi MAXREPEAT=inf
    (N_GROUPREF, gid)                 backreference
    (N_GROUPREF_EXISTS, gid, yes, no) conditional; no is None when absent
    (N_ASSERT, direction, negate, seq) lookahead (direction 1) or lookbehind (-1)
    (N_ATOMIC, seq)                   (?>...)
"""

# Flag bits: the numbers CPython 3.11 uses (re.TEMPLATE ... re.ASCII).
TEMPLATE = 1
IGNORECASE = 2
LOCALE = 4
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64
DEBUG = 128
ASCII = 256

TYPE_FLAGS = ASCII | LOCALE | UNICODE
GLOBAL_FLAGS = DEBUG | TEMPLATE

# Limits of CPython's _sre on 64-bit builds (_sre.MAXREPEAT, _sre.MAXGROUPS).
MAXREPEAT = 4294967295
MAXGROUPS = 1073741823

# Parse-tree node kinds.
N_LIT = 1
N_NOT_LIT = 2
N_ANY = 3
N_IN = 4
N_AT = 5
N_GROUP = 6
N_BRANCH = 7
N_REPEAT = 8
N_GROUPREF = 9
N_GROUPREF_EXISTS = 10
N_ASSERT = 11
N_ATOMIC = 12

# Class item kinds.
I_LIT = 1
I_RANGE = 2
I_CAT = 3

# Character categories (\d \D \s \S \w \W).
CAT_DIGIT = 1
CAT_NOT_DIGIT = 2
CAT_SPACE = 3
CAT_NOT_SPACE = 4
CAT_WORD = 5
CAT_NOT_WORD = 6

# Anchors.
AT_BEGINNING = 1          # ^
AT_BEGINNING_STRING = 2   # \A
AT_END = 3                # $
AT_END_STRING = 4         # \Z
AT_BOUNDARY = 5           # \b
AT_NON_BOUNDARY = 6       # \B

# Repeat modes.
GREEDY = 0
LAZY = 1
POSSESSIVE = 2


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes:

        msg: The unformatted error message
        pattern: The regular expression pattern
        pos: The index in the pattern where compilation failed
        lineno: The line corresponding to pos
        colno: The column corresponding to pos
    """

    __module__ = 're'

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)
