"""Compiler of edgepyc's pure-Python `re`: parse tree -> program for the backtracking VM.

Second stage of the package (`_parser` -> here -> `_engine`).  `compile_tree(parsed)`
returns a `Program`: a flat list of instruction tuples (op codes and layouts are listed
in `_engine`), the sizes of the VM's mark and repeat-counter arrays, and what the
searcher can use to skip ahead (a literal prefix, a set of possible first characters, or
an anchor at the start of the string).

Invariants the engine relies on:
- characters are tested through frozensets when the class is small (case-insensitive
  classes are expanded into every equivalent character), else through a predicate;
- a greedy loop over a single-character item is one OP_REP1 instruction, never a
  backtracking frame per character;
- loops over items that can match the empty string go through OP_REPEAT / OP_*_UNTIL,
  which implement CPython's rule that an iteration matching the empty string ends the
  loop; other loops are plain OP_SPLIT cycles;
- lookarounds and atomic groups are sub-programs ending in OP_SUCCESS.

Case-insensitive matching follows CPython 3.11: with UNICODE, characters are equal when
they belong to one class of `_casetable`/str.lower()/str.upper(); with ASCII (and for
bytes patterns) only ASCII letters fold.
"""

from ._constants import (
    error, TEMPLATE, IGNORECASE, MULTILINE, DOTALL, UNICODE, TYPE_FLAGS, MAXREPEAT,
    N_LIT, N_NOT_LIT, N_ANY, N_IN, N_AT, N_GROUP, N_BRANCH, N_REPEAT, N_GROUPREF,
    N_GROUPREF_EXISTS, N_ASSERT, N_ATOMIC, I_LIT, I_RANGE,
    CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD,
    AT_BEGINNING, AT_BEGINNING_STRING, AT_END, AT_END_STRING, AT_BOUNDARY,
    GREEDY, LAZY, POSSESSIVE,
)
from ._parser import width
from ._engine import (
    OP_LIT, OP_LIT_IC, OP_SET, OP_NSET, OP_ANY, OP_ALL, OP_FN, OP_REP1, OP_SAVE_S,
    OP_SAVE_E, OP_SPLIT, OP_JMP, OP_AT, OP_REPEAT, OP_MAX_UNTIL, OP_MIN_UNTIL,
    OP_GROUPREF, OP_GROUPREF_EXISTS, OP_ASSERT, OP_ATOMIC, OP_SUCCESS, OP_MATCH,
    CT_LIT, CT_NLIT, CT_SET, CT_NSET, CT_ANY, CT_ALL, CT_FN,
    AT_BEG, AT_BEG_LINE, AT_END_ONLY, AT_END_LINE, AT_END_STR, AT_BOUND_U, AT_NBOUND_U,
    AT_BOUND_A, AT_NBOUND_A, IC_NONE, IC_UNICODE, IC_ASCII, Program,
    ASCII_WORD, ASCII_DIGIT, ASCII_SPACE, eqclass_unicode,
)

# Classes whose members (after case expansion) number at most this many are frozensets.
_SMALL_CLASS = 512
# A range wider than this is tested by comparison rather than expanded into a set.
_SMALL_RANGE = 256
_MAX_FIRST = 1024

_ASCII_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
_ASCII_LOWER = 'abcdefghijklmnopqrstuvwxyz'


def _ascii_class(ch):
    i = _ASCII_LOWER.find(ch)
    if i >= 0:
        return ch + _ASCII_UPPER[i]
    i = _ASCII_UPPER.find(ch)
    if i >= 0:
        return ch + _ASCII_LOWER[i]
    return ch


def _icmode(flags):
    if not flags & IGNORECASE:
        return IC_NONE
    if flags & UNICODE:
        return IC_UNICODE
    return IC_ASCII


def _equivalents(ch, icmode):
    """Every character equal to ch under the given case-folding mode (ch included)."""
    if icmode == IC_UNICODE:
        return eqclass_unicode(ch)
    if icmode == IC_ASCII:
        return _ascii_class(ch)
    return ch


# Category predicates for UNICODE patterns (CPython: Py_UNICODE_ISDECIMAL, ISSPACE,
# ISALNUM plus '_').
def _u_digit(ch):
    return ch.isdecimal()


def _u_not_digit(ch):
    return not ch.isdecimal()


def _u_space(ch):
    return ch.isspace()


def _u_not_space(ch):
    return not ch.isspace()


def _u_word(ch):
    return ch.isalnum() or ch == '_'


def _u_not_word(ch):
    return not (ch.isalnum() or ch == '_')


_UNICODE_CATS = {
    CAT_DIGIT: _u_digit, CAT_NOT_DIGIT: _u_not_digit, CAT_SPACE: _u_space,
    CAT_NOT_SPACE: _u_not_space, CAT_WORD: _u_word, CAT_NOT_WORD: _u_not_word,
}
# ASCII categories: (positive set, whether the category is its complement).
_ASCII_CATS = {
    CAT_DIGIT: (ASCII_DIGIT, False), CAT_NOT_DIGIT: (ASCII_DIGIT, True),
    CAT_SPACE: (ASCII_SPACE, False), CAT_NOT_SPACE: (ASCII_SPACE, True),
    CAT_WORD: (ASCII_WORD, False), CAT_NOT_WORD: (ASCII_WORD, True),
}


def _class_predicate(chars, ranges, tests, negate, icmode):
    """A predicate for classes that are not a plain set of characters.

    chars: frozenset of members (already case-expanded); ranges: (lo, hi) pairs tested
    on every equivalent of the character; tests: predicates (categories)."""
    if not ranges and len(tests) == 1 and not chars:
        test = tests[0]
        if not negate:
            return test

        def negated(ch):
            return not test(ch)
        return negated

    def predicate(ch):
        if ch in chars:
            return not negate
        for test in tests:
            if test(ch):
                return not negate
        if ranges:
            if icmode == IC_NONE:
                for lo, hi in ranges:
                    if lo <= ch <= hi:
                        return not negate
            else:
                for v in _equivalents(ch, icmode):
                    for lo, hi in ranges:
                        if lo <= v <= hi:
                            return not negate
        return negate
    return predicate


def char_test(node, flags):
    """(CT_*, argument) testing one character for a single-character node."""
    kind = node[0]
    icmode = _icmode(flags)
    if kind == N_LIT:
        ch = node[1]
        eq = _equivalents(ch, icmode)
        if len(eq) == 1:
            return (CT_LIT, ch)
        return (CT_SET, frozenset(eq))
    if kind == N_NOT_LIT:
        ch = node[1]
        eq = _equivalents(ch, icmode)
        if len(eq) == 1:
            return (CT_NLIT, ch)
        return (CT_NSET, frozenset(eq))
    if kind == N_ANY:
        if flags & DOTALL:
            return (CT_ALL, None)
        return (CT_ANY, None)
    # N_IN
    negate = node[1]
    chars = set()
    ranges = []
    tests = []
    for item in node[2]:
        ik = item[0]
        if ik == I_LIT:
            for c in _equivalents(item[1], icmode):
                chars.add(c)
        elif ik == I_RANGE:
            lo = item[1]
            hi = item[2]
            if ord(hi) - ord(lo) <= _SMALL_RANGE:
                for code in range(ord(lo), ord(hi) + 1):
                    for c in _equivalents(chr(code), icmode):
                        chars.add(c)
            else:
                ranges.append((lo, hi))
        else:
            cat = item[1]
            if flags & UNICODE:
                tests.append(_UNICODE_CATS[cat])
            else:
                members, complement = _ASCII_CATS[cat]
                if complement:
                    tests.append(_complement_of(members))
                else:
                    for c in members:
                        chars.add(c)
    if not ranges and not tests and len(chars) <= _SMALL_CLASS:
        if len(chars) == 1 and not negate:
            for c in chars:
                return (CT_LIT, c)
        return (CT_NSET if negate else CT_SET, frozenset(chars))
    return (CT_FN, _with_ascii_set(_class_predicate(frozenset(chars), ranges, tests, negate,
                                                    icmode)))


def _with_ascii_set(predicate):
    """(ASCII characters accepted, predicate): the engine tests the set first and calls
    the predicate only for non-ASCII characters."""
    accepted = []
    for code in range(128):
        if predicate(chr(code)):
            accepted.append(chr(code))
    return (frozenset(accepted), predicate)


def _complement_of(members):
    def test(ch):
        return ch not in members
    return test


def _at_kind(kind, flags):
    if kind == AT_BEGINNING:
        return AT_BEG_LINE if flags & MULTILINE else AT_BEG
    if kind == AT_BEGINNING_STRING:
        return AT_BEG
    if kind == AT_END:
        return AT_END_LINE if flags & MULTILINE else AT_END_ONLY
    if kind == AT_END_STRING:
        return AT_END_STR
    if kind == AT_BOUNDARY:
        return AT_BOUND_U if flags & UNICODE else AT_BOUND_A
    return AT_NBOUND_U if flags & UNICODE else AT_NBOUND_A


def _combine_flags(flags, add_flags, del_flags):
    if add_flags & TYPE_FLAGS:
        flags &= ~TYPE_FLAGS
    return (flags | add_flags) & ~del_flags


def _has_groups(seq):
    for node in seq:
        kind = node[0]
        if kind == N_GROUP:
            if node[1] is not None or _has_groups(node[4]):
                return True
        elif kind == N_BRANCH:
            for alt in node[1]:
                if _has_groups(alt):
                    return True
        elif kind == N_REPEAT or kind == N_ASSERT:
            if _has_groups(node[4] if kind == N_REPEAT else node[3]):
                return True
        elif kind == N_ATOMIC:
            if _has_groups(node[1]):
                return True
        elif kind == N_GROUPREF_EXISTS:
            if _has_groups(node[2]) or (node[3] is not None and _has_groups(node[3])):
                return True
    return False


def _is_single(seq):
    if len(seq) != 1:
        return False
    kind = seq[0][0]
    return kind == N_LIT or kind == N_NOT_LIT or kind == N_ANY or kind == N_IN


_REPEAT_NAMES = {GREEDY: 'MAX_REPEAT', LAZY: 'MIN_REPEAT', POSSESSIVE: 'POSSESSIVE_REPEAT'}

_SINGLE_OPS = {CT_SET: OP_SET, CT_NSET: OP_NSET, CT_ANY: OP_ANY, CT_ALL: OP_ALL,
               CT_FN: OP_FN}


class _Compiler:
    def __init__(self, state):
        self.code = []
        self.nrep = 0
        self.state = state

    def emit(self, ins):
        self.code.append(ins)
        return len(self.code) - 1

    def sequence(self, seq, flags):
        i = 0
        n = len(seq)
        while i < n:
            node = seq[i]
            if node[0] == N_LIT:
                # A run of literal characters becomes one instruction.
                j = i
                while j < n and seq[j][0] == N_LIT:
                    j += 1
                self.literals([seq[k][1] for k in range(i, j)], flags)
                i = j
                continue
            self.node(node, flags)
            i += 1

    def literals(self, chars, flags):
        icmode = _icmode(flags)
        sets = []
        folded = False
        for ch in chars:
            eq = _equivalents(ch, icmode)
            if len(eq) > 1:
                folded = True
            sets.append(frozenset(eq))
        if not folded:
            text = ''.join(chars)
            self.emit((OP_LIT, text, len(text)))
        elif len(chars) == 1:
            self.emit((OP_SET, sets[0]))
        else:
            self.emit((OP_LIT_IC, tuple(sets), len(sets)))

    def single(self, node, flags):
        ct, arg = char_test(node, flags)
        if ct == CT_LIT:
            self.emit((OP_LIT, arg, 1))
        elif ct == CT_NLIT:
            self.emit((OP_NSET, frozenset(arg)))
        else:
            self.emit((_SINGLE_OPS[ct], arg))

    def node(self, node, flags):
        kind = node[0]
        if kind == N_LIT or kind == N_NOT_LIT or kind == N_ANY or kind == N_IN:
            self.single(node, flags)
        elif kind == N_AT:
            self.emit((OP_AT, _at_kind(node[1], flags)))
        elif kind == N_GROUP:
            inner = _combine_flags(flags, node[2], node[3])
            gid = node[1]
            if gid is None:
                self.sequence(node[4], inner)
            else:
                self.emit((OP_SAVE_S, 2 * gid))
                self.sequence(node[4], inner)
                self.emit((OP_SAVE_E, 2 * gid + 1, gid))
        elif kind == N_BRANCH:
            self.branch(node[1], flags)
        elif kind == N_REPEAT:
            self.repeat(node[1], node[2], node[3], node[4], flags)
        elif kind == N_GROUPREF:
            self.emit((OP_GROUPREF, node[1], _icmode(flags)))
        elif kind == N_GROUPREF_EXISTS:
            test = self.emit(None)
            self.sequence(node[2], flags)
            if node[3] is not None:
                jump = self.emit(None)
                self.code[test] = (OP_GROUPREF_EXISTS, node[1], len(self.code))
                self.sequence(node[3], flags)
                self.code[jump] = (OP_JMP, len(self.code))
            else:
                self.code[test] = (OP_GROUPREF_EXISTS, node[1], len(self.code))
        elif kind == N_ASSERT:
            back = 0
            if node[1] < 0:
                lo, hi = width(node[3], self.state)
                if lo != hi:
                    raise error('look-behind requires fixed-width pattern')
                back = lo
            start = self.emit(None)
            self.sequence(node[3], flags)
            end = self.emit((OP_SUCCESS,))
            self.code[start] = (OP_ASSERT, end, back, node[2], _has_groups(node[3]))
        elif kind == N_ATOMIC:
            self.atomic(node[1], flags)

    def atomic(self, seq, flags):
        start = self.emit(None)
        self.sequence(seq, flags)
        end = self.emit((OP_SUCCESS,))
        self.code[start] = (OP_ATOMIC, end, _has_groups(seq))

    def branch(self, alts, flags):
        jumps = []
        last = len(alts) - 1
        for i, alt in enumerate(alts):
            if i < last:
                split = self.emit(None)
                self.sequence(alt, flags)
                jumps.append(self.emit(None))
                self.code[split] = (OP_SPLIT, split + 1, len(self.code))
            else:
                self.sequence(alt, flags)
        end = len(self.code)
        for j in jumps:
            self.code[j] = (OP_JMP, end)

    def repeat(self, lo, hi, mode, body, flags):
        if flags & TEMPLATE:
            # CPython 3.11's compiler refuses repeats in (deprecated) template patterns.
            raise error('internal: unsupported template operator %s' % _REPEAT_NAMES[mode])
        if hi == 0:
            # Never runs, but CPython still compiles it (and reports its errors).
            mark = len(self.code)
            self.sequence(body, flags)
            del self.code[mark:]
            return
        if _is_single(body):
            ct, arg = char_test(body[0], flags)
            if lo == 1 and hi == 1:
                self.single(body[0], flags)
            else:
                self.emit((OP_REP1, ct, arg, lo, hi, mode, None))
            return
        if mode == POSSESSIVE:
            start = self.emit(None)
            self.repeat(lo, hi, GREEDY, body, flags)
            end = self.emit((OP_SUCCESS,))
            self.code[start] = (OP_ATOMIC, end, _has_groups(body))
            return
        lazy = mode == LAZY
        if lo == 1 and hi == 1:
            self.sequence(body, flags)
            return
        if lo == 0 and hi == 1:
            split = self.emit(None)
            self.sequence(body, flags)
            out = len(self.code)
            self.code[split] = (OP_SPLIT, out, split + 1) if lazy else (OP_SPLIT, split + 1, out)
            return
        if hi == MAXREPEAT and lo <= 1 and width(body, self.state)[0] > 0:
            # The body cannot match the empty string: a plain loop is exact.
            if lo == 0:
                split = self.emit(None)
                self.sequence(body, flags)
                self.emit((OP_JMP, split))
                out = len(self.code)
                self.code[split] = ((OP_SPLIT, out, split + 1) if lazy
                                    else (OP_SPLIT, split + 1, out))
            else:
                top = len(self.code)
                self.sequence(body, flags)
                split = len(self.code)
                self.code.append((OP_SPLIT, split + 1, top) if lazy
                                 else (OP_SPLIT, top, split + 1))
            return
        slot = self.nrep
        self.nrep += 2
        start = self.emit(None)
        self.sequence(body, flags)
        until = self.emit((OP_MIN_UNTIL if lazy else OP_MAX_UNTIL, slot, start + 1, lo, hi))
        self.code[start] = (OP_REPEAT, slot, until)


def _link_next_chars(code):
    """Give each greedy or lazy OP_REP1 the first character of a literal that must
    follow it, so backtracking can jump straight to the positions where it occurs."""
    n = len(code)
    for pc in range(n):
        ins = code[pc]
        if ins[0] != OP_REP1 or ins[5] == POSSESSIVE:
            continue
        nxt = pc + 1
        while nxt < n and (code[nxt][0] == OP_SAVE_S or code[nxt][0] == OP_SAVE_E):
            nxt += 1
        if nxt < n and code[nxt][0] == OP_LIT:
            code[pc] = ins[:6] + (code[nxt][1][0],)


def _first_chars(seq, flags):
    """(set of possible first characters or None when unknown, whether seq can be empty)."""
    acc = set()
    for node in seq:
        chars, nullable = _first_node(node, flags)
        if chars is None:
            return None, False
        acc |= chars
        if len(acc) > _MAX_FIRST:
            return None, False
        if not nullable:
            return acc, False
    return acc, True


def _first_node(node, flags):
    kind = node[0]
    if kind == N_LIT or kind == N_IN:
        ct, arg = char_test(node, flags)
        if ct == CT_LIT:
            return {arg}, False
        if ct == CT_SET:
            return set(arg), False
        return None, False
    if kind == N_AT or kind == N_ASSERT:
        return set(), True
    if kind == N_GROUP:
        return _first_chars(node[4], _combine_flags(flags, node[2], node[3]))
    if kind == N_ATOMIC:
        return _first_chars(node[1], flags)
    if kind == N_BRANCH:
        acc = set()
        nullable = False
        for alt in node[1]:
            chars, n = _first_chars(alt, flags)
            if chars is None:
                return None, False
            acc |= chars
            nullable = nullable or n
        return acc, nullable
    if kind == N_REPEAT:
        if node[2] == 0:
            return set(), True
        chars, nullable = _first_chars(node[4], flags)
        return chars, nullable or node[1] == 0
    return None, False


def _first_test(seq, flags):
    """(CT_*, arg) of the single-character test the first consumed character must pass,
    or None; used to skip start positions when no set of first characters is known."""
    for node in seq:
        kind = node[0]
        if kind == N_AT or kind == N_ASSERT:
            continue
        if kind == N_LIT or kind == N_NOT_LIT or kind == N_ANY or kind == N_IN:
            return char_test(node, flags)
        if kind == N_GROUP:
            inner = _combine_flags(flags, node[2], node[3])
            if _nonempty(node[4]):
                return _first_test(node[4], inner)
            return None
        if kind == N_REPEAT and node[1] >= 1 and _is_single(node[4]):
            return char_test(node[4][0], flags)
        return None
    return None


def _nonempty(seq):
    for node in seq:
        kind = node[0]
        if kind == N_LIT or kind == N_NOT_LIT or kind == N_ANY or kind == N_IN:
            return True
        if kind == N_REPEAT and node[1] >= 1 and _is_single(node[4]):
            return True
        if kind != N_AT and kind != N_ASSERT:
            return False
    return False


def _leading_repeat(code):
    """(ct, arg) when the program starts with an unbounded single-character loop of at
    least one iteration and has no backreference: then a failed attempt at a start
    position also fails at every later position inside the same run of characters."""
    for ins in code:
        if ins[0] == OP_GROUPREF or ins[0] == OP_GROUPREF_EXISTS:
            return None
    pc = 0
    while code[pc][0] == OP_SAVE_S:
        pc += 1
    ins = code[pc]
    if ins[0] == OP_REP1 and ins[3] >= 1 and ins[4] == MAXREPEAT:
        return (ins[1], ins[2])
    return None


def _literal_prefix(seq, flags, out):
    """Append to `out` the characters every match starts with; True if seq was all
    literal (zero-width nodes are skipped: they consume nothing)."""
    icmode = _icmode(flags)
    for node in seq:
        kind = node[0]
        if kind == N_LIT:
            if len(_equivalents(node[1], icmode)) != 1:
                return False
            out.append(node[1])
        elif kind == N_AT or kind == N_ASSERT:
            continue
        elif kind == N_GROUP:
            if not _literal_prefix(node[4], _combine_flags(flags, node[2], node[3]), out):
                return False
        else:
            return False
    return True


def compile_tree(parsed):
    flags = parsed.flags
    comp = _Compiler(parsed.state)
    comp.sequence(parsed.seq, flags)
    comp.emit((OP_MATCH,))
    code = comp.code
    _link_next_chars(code)
    prefix = []
    _literal_prefix(parsed.seq, flags, prefix)
    first, nullable = _first_chars(parsed.seq, flags)
    if nullable:
        first = None
    anchored = False
    if parsed.seq:
        head = parsed.seq[0]
        if head[0] == N_AT and (head[1] == AT_BEGINNING_STRING
                                or (head[1] == AT_BEGINNING and not flags & MULTILINE)):
            anchored = True
    test = None
    if not first:
        first = None
        test = _first_test(parsed.seq, flags)
        if test is not None and (test[0] == CT_ALL or test[0] == CT_LIT or test[0] == CT_SET):
            test = None
    return Program(code, 2 * parsed.groups, comp.nrep, ''.join(prefix),
                   frozenset(first) if first else None, test, anchored,
                   _leading_repeat(code))
