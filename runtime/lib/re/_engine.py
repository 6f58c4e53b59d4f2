"""Backtracking matcher of edgepyc's pure-Python `re` (the part CPython writes in C).

Last stage of the package: `_compiler` produces a `Program` (a list of instruction
tuples), and `run()` executes it at one position of a subject string; `search()` and
`match_at()` choose the start positions.  The subject is always a str (bytes subjects are
decoded as latin-1 by the caller) already cut at `endpos`, so the end of the subject is
`len(s)`.

The VM keeps its backtracking state on an explicit list, never on the Python call
stack, so a loop over 100,000 characters needs no recursion; the only recursion is one
level per nested lookaround or atomic group, bounded by the pattern.  Entries on the
backtrack stack are tuples whose first item is a B_* kind: choice points to resume at,
and undo records restoring a mark or a repeat counter.  Every change of the marks or
counters pushes an undo record, so when a run fails completely the arrays are back in
their initial state and can be reused for the next start position.

State shared by a run and its sub-runs:
    m    marks: m[2g], m[2g+1] = start, end of group g >= 1 (-1 when unset); m[0] is
         lastindex (-1 for None); m[1] is unused (group 0 is the run's own span).
    rep  two slots per counted repeat: the iteration count and the position where the
         current iteration began (CPython's zero-width protection).

Instruction layouts (first item is the op):
    (OP_LIT, text, len)          literal text
    (OP_LIT_IC, sets, len)       case-insensitive literal: a frozenset per character
    (OP_SET, fs) / (OP_NSET, fs) one character in / not in fs
    (OP_ANY,) / (OP_ALL,)        '.' without / with DOTALL
    (OP_FN, (aset, pred))        one character in aset (the ASCII characters accepted) or,
                                 if not ASCII, accepted by pred
    (OP_REP1, ct, arg, lo, hi, mode, nextch)
                                 lo..hi repetitions of a single-character test (CT_*);
                                 nextch: a character that must follow (or None)
    (OP_SAVE_S, i) / (OP_SAVE_E, i, gid)   set mark i (end marks also set lastindex)
    (OP_SPLIT, x, y)             continue at x; on failure resume at y
    (OP_JMP, x)
    (OP_AT, AT_*)                zero-width anchor
    (OP_REPEAT, slot, until)     start a counted repeat; its body follows; until: the
                                 OP_MAX_UNTIL / OP_MIN_UNTIL closing it
    (OP_MAX_UNTIL, slot, body, lo, hi) / (OP_MIN_UNTIL, ...)  greedy / lazy loop test
    (OP_GROUPREF, gid, icmode)   backreference
    (OP_GROUPREF_EXISTS, gid, no)  continue if the group matched, else jump to no
    (OP_ASSERT, end, back, negate, hasgroups)  lookaround: body from pc+1 to OP_SUCCESS
                                 at end, run `back` characters before the position
    (OP_ATOMIC, end, hasgroups)  atomic group: body from pc+1 to OP_SUCCESS at end
    (OP_SUCCESS,)                end of a sub-program
    (OP_MATCH,)                  end of the program (checks fullmatch / must-advance)
"""

from ._casetable import CLASSES as _CASE_CLASSES

OP_LIT = 1
OP_SET = 2
OP_REP1 = 3
OP_SAVE_S = 4
OP_SAVE_E = 5
OP_SPLIT = 6
OP_JMP = 7
OP_ANY = 8
OP_FN = 9
OP_NSET = 10
OP_LIT_IC = 11
OP_ALL = 12
OP_AT = 13
OP_MATCH = 14
OP_SUCCESS = 15
OP_REPEAT = 16
OP_MAX_UNTIL = 17
OP_MIN_UNTIL = 18
OP_GROUPREF = 19
OP_GROUPREF_EXISTS = 20
OP_ASSERT = 21
OP_ATOMIC = 22

# Single-character tests (OP_REP1).
CT_LIT = 1
CT_NLIT = 2
CT_SET = 3
CT_NSET = 4
CT_ANY = 5
CT_ALL = 6
CT_FN = 7

# Anchors after flags are applied.
AT_BEG = 1          # \A, or ^ without MULTILINE
AT_BEG_LINE = 2     # ^ with MULTILINE
AT_END_ONLY = 3     # $ without MULTILINE: end, or before a final newline
AT_END_LINE = 4     # $ with MULTILINE
AT_END_STR = 5      # \Z
AT_BOUND_U = 6
AT_NBOUND_U = 7
AT_BOUND_A = 8
AT_NBOUND_A = 9

# Case-folding modes of backreferences.
IC_NONE = 0
IC_UNICODE = 1
IC_ASCII = 2

# Backtrack stack entry kinds.
B_CHOICE = 1    # (B_CHOICE, pc, pos)
B_MARK = 2      # (B_MARK, i, old)
B_MARK2 = 3     # (B_MARK2, i, old, old_lastindex)
B_GREEDY = 4    # (B_GREEDY, pc, minpos, cur, nextch)
B_LAZY = 5      # (B_LAZY, pc, cur, limit, ct, arg, nextch)
B_REP = 6       # (B_REP, slot, old_count, old_last)
B_ITER = 7      # (B_ITER, body, slot, count, pos)
B_SNAP = 8      # (B_SNAP, marks copy)

# GREEDY/LAZY/POSSESSIVE as in _constants (not imported to keep this module a leaf).
_GREEDY = 0
_LAZY = 1

ASCII_DIGIT = frozenset('0123456789')
ASCII_WORD = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
ASCII_SPACE = frozenset(' \t\n\r\f\v')

_EQ_CACHE = {}


def eqclass_unicode(ch):
    """The characters equal to ch under IGNORECASE with UNICODE, as a string."""
    cls = _EQ_CACHE.get(ch)
    if cls is not None:
        return cls
    cls = _CASE_CLASSES.get(ch)
    if cls is None:
        found = [ch]
        k = 0
        while k < len(found):
            c = found[k]
            for t in (c.lower(), c.upper()):
                if len(t) == 1 and t not in found:
                    found.append(t)
            k += 1
        cls = ''.join(found)
    _EQ_CACHE[ch] = cls
    return cls


def _lower1(ch):
    # Simple (one-character) lowercase mapping, as _sre's backreferences compare.
    low = ch.lower()
    if len(low) == 1:
        return low
    if ch == '\u0130':
        return 'i'
    return ch


def _ascii_lower(ch):
    if 'A' <= ch <= 'Z':
        return chr(ord(ch) + 32)
    return ch


class Program:
    def __init__(self, code, nmarks, nrep, prefix, first, test, anchored, lead):
        self.code = code
        self.nmarks = nmarks
        self.nrep = nrep
        self.prefix = prefix          # literal every match starts with ('' if none)
        self.first = first            # frozenset of possible first characters, or None
        self.test = test              # (ct, arg) the first character passes, or None
        self.anchored = anchored      # can only match at position 0
        self.lead = lead              # (ct, arg) of a leading x+ loop (see _compiler)


def _is_word_u(ch):
    return ch.isalnum() or ch == '_'


def _at(kind, s, pos, end):
    if kind == AT_BEG:
        return pos == 0
    if kind == AT_BEG_LINE:
        return pos == 0 or s[pos - 1] == '\n'
    if kind == AT_END_ONLY:
        return pos == end or (pos == end - 1 and s[pos] == '\n')
    if kind == AT_END_LINE:
        return pos == end or s[pos] == '\n'
    if kind == AT_END_STR:
        return pos == end
    # Word boundaries never match in an empty string (CPython's SRE_AT_*BOUNDARY).
    if end == 0:
        return False
    if kind == AT_BOUND_U or kind == AT_NBOUND_U:
        before = pos > 0 and _is_word_u(s[pos - 1])
        after = pos < end and _is_word_u(s[pos])
        if kind == AT_BOUND_U:
            return before != after
        return before == after
    before = pos > 0 and s[pos - 1] in ASCII_WORD
    after = pos < end and s[pos] in ASCII_WORD
    if kind == AT_BOUND_A:
        return before != after
    return before == after


def _scan(ct, arg, s, i, limit):
    """Index after the longest run from i (< limit) of characters passing the test."""
    if ct == CT_ALL:
        return limit
    if ct == CT_ANY:
        j = s.find('\n', i, limit)
        return limit if j < 0 else j
    if ct == CT_NLIT:
        j = s.find(arg, i, limit)
        return limit if j < 0 else j
    if ct == CT_SET:
        while i < limit and s[i] in arg:
            i += 1
    elif ct == CT_LIT:
        while i < limit and s[i] == arg:
            i += 1
    elif ct == CT_FN:
        aset = arg[0]
        fn = arg[1]
        while i < limit:
            c = s[i]
            if c in aset or (c >= '\x80' and fn(c)):
                i += 1
            else:
                break
    else:
        while i < limit and s[i] not in arg:
            i += 1
    return i


def _test1(ct, arg, ch):
    if ct == CT_SET:
        return ch in arg
    if ct == CT_LIT:
        return ch == arg
    if ct == CT_FN:
        return ch in arg[0] or (ch >= '\x80' and arg[1](ch))
    if ct == CT_ANY:
        return ch != '\n'
    if ct == CT_ALL:
        return True
    if ct == CT_NLIT:
        return ch != arg
    return ch not in arg


def _groupref_ic(s, a, b, pos, end, icmode):
    n = b - a
    if pos + n > end:
        return False
    lower = _lower1 if icmode == IC_UNICODE else _ascii_lower
    for k in range(n):
        x = s[pos + k]
        y = s[a + k]
        if x != y and lower(x) != lower(y):
            return False
    return True


def run(code, pc, s, pos, m, rep, start, full, noempty):
    """Run code from pc at pos; return the end position of the match, or -1.

    At OP_MATCH, `full` requires the match to reach the end and `noempty` forbids an
    empty match (the must-advance rule of finditer/sub/split after an empty match)."""
    end = len(s)
    stack = []
    push = stack.append
    pop = stack.pop
    while True:
        ins = code[pc]
        op = ins[0]
        if op == OP_LIT:
            if s.startswith(ins[1], pos):
                pos += ins[2]
                pc += 1
                continue
        elif op == OP_SET:
            if pos < end and s[pos] in ins[1]:
                pos += 1
                pc += 1
                continue
        elif op == OP_REP1:
            ct = ins[1]
            arg = ins[2]
            lo = ins[3]
            hi = ins[4]
            limit = end if hi >= end - pos else pos + hi
            if ins[5] != _LAZY:
                i = _scan(ct, arg, s, pos, limit)
                if i - pos >= lo:
                    if ins[5] == _GREEDY and i - pos > lo:
                        push((B_GREEDY, pc + 1, pos + lo, i, ins[6]))
                    pos = i
                    pc += 1
                    continue
            else:
                need = pos + lo
                if need <= end:
                    i = _scan(ct, arg, s, pos, need)
                    if i == need:
                        if hi > lo:
                            push((B_LAZY, pc + 1, i, limit, ct, arg, ins[6]))
                        pos = i
                        pc += 1
                        continue
        elif op == OP_SAVE_S:
            i = ins[1]
            push((B_MARK, i, m[i]))
            m[i] = pos
            pc += 1
            continue
        elif op == OP_SAVE_E:
            i = ins[1]
            push((B_MARK2, i, m[i], m[0]))
            m[i] = pos
            m[0] = ins[2]
            pc += 1
            continue
        elif op == OP_SPLIT:
            push((B_CHOICE, ins[2], pos))
            pc = ins[1]
            continue
        elif op == OP_JMP:
            pc = ins[1]
            continue
        elif op == OP_ANY:
            if pos < end and s[pos] != '\n':
                pos += 1
                pc += 1
                continue
        elif op == OP_FN:
            if pos < end:
                c = s[pos]
                if c in ins[1][0] or (c >= '\x80' and ins[1][1](c)):
                    pos += 1
                    pc += 1
                    continue
        elif op == OP_NSET:
            if pos < end and s[pos] not in ins[1]:
                pos += 1
                pc += 1
                continue
        elif op == OP_LIT_IC:
            sets = ins[1]
            n = ins[2]
            if pos + n <= end:
                k = 0
                while k < n and s[pos + k] in sets[k]:
                    k += 1
                if k == n:
                    pos += n
                    pc += 1
                    continue
        elif op == OP_ALL:
            if pos < end:
                pos += 1
                pc += 1
                continue
        elif op == OP_AT:
            if _at(ins[1], s, pos, end):
                pc += 1
                continue
        elif op == OP_MATCH:
            if not ((full and pos != end) or (noempty and pos == start)):
                return pos
        elif op == OP_SUCCESS:
            return pos
        elif op == OP_REPEAT:
            slot = ins[1]
            push((B_REP, slot, rep[slot], rep[slot + 1]))
            rep[slot] = -1
            rep[slot + 1] = -1
            pc = ins[2]
            continue
        elif op == OP_MAX_UNTIL:
            slot = ins[1]
            count = rep[slot] + 1
            if count < ins[3]:
                push((B_REP, slot, rep[slot], rep[slot + 1]))
                rep[slot] = count
                pc = ins[2]
                continue
            if count < ins[4] and pos != rep[slot + 1]:
                # Try one more iteration; if it fails, continue with the tail.
                push((B_CHOICE, pc + 1, pos))
                push((B_REP, slot, rep[slot], rep[slot + 1]))
                rep[slot] = count
                rep[slot + 1] = pos
                pc = ins[2]
                continue
            pc += 1
            continue
        elif op == OP_MIN_UNTIL:
            slot = ins[1]
            count = rep[slot] + 1
            if count < ins[3]:
                push((B_REP, slot, rep[slot], rep[slot + 1]))
                rep[slot] = count
                pc = ins[2]
                continue
            if count < ins[4] and pos != rep[slot + 1]:
                push((B_ITER, ins[2], slot, count, pos))
            pc += 1
            continue
        elif op == OP_GROUPREF:
            g = 2 * ins[1]
            a = m[g]
            b = m[g + 1]
            if a >= 0 and b >= a:
                if ins[2] == IC_NONE:
                    if s.startswith(s[a:b], pos):
                        pos += b - a
                        pc += 1
                        continue
                elif _groupref_ic(s, a, b, pos, end, ins[2]):
                    pos += b - a
                    pc += 1
                    continue
        elif op == OP_GROUPREF_EXISTS:
            g = 2 * ins[1]
            if m[g] >= 0 and m[g + 1] >= m[g]:
                pc += 1
            else:
                pc = ins[2]
            continue
        elif op == OP_ASSERT:
            at = pos - ins[2]
            negate = ins[3]
            if at >= 0:
                snap = m[:] if ins[4] else None
                r = run(code, pc + 1, s, at, m, rep, at, False, False)
                if negate:
                    if r < 0:
                        pc = ins[1] + 1
                        continue
                    if snap is not None:
                        m[:] = snap
                elif r >= 0:
                    if snap is not None:
                        push((B_SNAP, snap))
                    pc = ins[1] + 1
                    continue
            elif negate:
                pc = ins[1] + 1
                continue
        elif op == OP_ATOMIC:
            snap = m[:] if ins[2] else None
            r = run(code, pc + 1, s, pos, m, rep, pos, False, False)
            if r >= 0:
                if snap is not None:
                    push((B_SNAP, snap))
                pos = r
                pc = ins[1] + 1
                continue

        # The instruction failed: resume at the latest choice point.
        while True:
            if not stack:
                return -1
            e = pop()
            kind = e[0]
            if kind == B_CHOICE:
                pc = e[1]
                pos = e[2]
                break
            if kind == B_MARK:
                m[e[1]] = e[2]
            elif kind == B_MARK2:
                m[e[1]] = e[2]
                m[0] = e[3]
            elif kind == B_GREEDY:
                minpos = e[2]
                cur = e[3] - 1
                nextch = e[4]
                if nextch is not None:
                    cur = s.rfind(nextch, minpos, cur + 1)
                if cur < minpos:
                    continue
                if cur > minpos:
                    push((B_GREEDY, e[1], minpos, cur, nextch))
                pc = e[1]
                pos = cur
                break
            elif kind == B_LAZY:
                cur = e[2]
                limit = e[3]
                if cur >= limit:
                    continue
                nextch = e[6]
                if nextch is None:
                    if not _test1(e[4], e[5], s[cur]):
                        continue
                    cur += 1
                else:
                    # Jump to the next place where the following literal can start,
                    # if every character before it passes the test.
                    p = s.find(nextch, cur + 1, limit + 1)
                    if p < 0 or _scan(e[4], e[5], s, cur, p) != p:
                        continue
                    cur = p
                if cur < limit:
                    push((B_LAZY, e[1], cur, limit, e[4], e[5], nextch))
                pc = e[1]
                pos = cur
                break
            elif kind == B_REP:
                slot = e[1]
                rep[slot] = e[2]
                rep[slot + 1] = e[3]
            elif kind == B_ITER:
                slot = e[2]
                push((B_REP, slot, rep[slot], rep[slot + 1]))
                rep[slot] = e[3]
                rep[slot + 1] = e[4]
                pc = e[1]
                pos = e[4]
                break
            else:
                m[:] = e[1]


def _next_candidate(s, start, end, chars, cache):
    """Smallest index >= start holding one of a few `chars` (cache: next index of each)."""
    best = end
    for k in range(len(chars)):
        p = cache[k]
        if p < start:
            p = s.find(chars[k], start)
            if p < 0:
                p = end
            cache[k] = p
        if p < best:
            best = p
    return best


def _skip_to(ct, arg, s, i, end):
    """First index >= i whose character passes the test (end if none)."""
    if ct == CT_FN:
        aset = arg[0]
        fn = arg[1]
        while i < end:
            c = s[i]
            if c in aset or (c >= '\x80' and fn(c)):
                return i
            i += 1
        return end
    if ct == CT_NSET:
        while i < end and s[i] in arg:
            i += 1
        return i
    if ct == CT_NLIT:
        while i < end and s[i] == arg:
            i += 1
        return i
    if ct == CT_ANY:
        while i < end and s[i] == '\n':
            i += 1
        return i
    return i


def iterate(prog, s, pos, avoid):
    """Yield (start, end, marks) for successive non-overlapping matches from pos.

    After an empty match the next match may not be empty at the same position (the
    rule of findall/finditer/sub/split since Python 3.7); `avoid` is such a position
    for the first match (-1 for none).  The marks list of a yielded match is not
    reused."""
    end = len(s)
    code = prog.code
    nmarks = prog.nmarks
    m = [-1] * nmarks
    rep = [-1] * prog.nrep
    anchored = prog.anchored
    prefix = prog.prefix
    first = prog.first
    test = prog.test
    lead = prog.lead
    chars = None
    cache = None
    if not prefix and first is not None and len(first) <= 4:
        chars = list(first)
        cache = [-1] * len(chars)
    start = pos
    while start <= end:
        if anchored:
            if start != 0:
                return
        elif prefix:
            start = s.find(prefix, start)
            if start < 0:
                return
        elif chars is not None:
            start = _next_candidate(s, start, end, chars, cache)
            if start >= end:
                return
        elif first is not None:
            while start < end and s[start] not in first:
                start += 1
            if start >= end:
                return
        elif test is not None:
            start = _skip_to(test[0], test[1], s, start, end)
            if start >= end:
                return
        r = run(code, 0, s, start, m, rep, start, False, start == avoid)
        if r >= 0:
            yield (start, r, m)
            m = [-1] * nmarks
            avoid = r if r == start else -1
            start = r
            continue
        if lead is not None:
            i = _scan(lead[0], lead[1], s, start, end)
            if i > start:
                start = i
        start += 1


def search(prog, s, pos, avoid):
    """First match at or after pos: (start, end, marks) or None."""
    for found in iterate(prog, s, pos, avoid):
        return found
    return None


def match_at(prog, s, pos, full, avoid):
    """Match anchored at pos: (pos, end, marks) or None."""
    if pos > len(s):
        return None
    m = [-1] * prog.nmarks
    rep = [-1] * prog.nrep
    r = run(prog.code, 0, s, pos, m, rep, pos, full, pos == avoid)
    if r < 0:
        return None
    return (pos, r, m)
