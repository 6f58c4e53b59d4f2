#!/usr/bin/env python3
"""Generate tests/native/containers-fixtures.json: CPython 3.11's answers for the native
container runtime's tests (runtime/core/list*, dict*, set*, range*, slice*, tupleops).

Run from the repository root: python3 scripts/gen-container-fixtures.py
The output is deterministic (a fixed random seed; no str hashes, which CPython randomises).

Values are encoded as JSON: ints as numbers (or {"big": "<decimal>"} beyond 2**53), floats as
{"float": "<repr>"}, None as
null, bools as true/false, strs as strings, lists as arrays, tuples as {"t": [...]},
sets as {"set": [...]} in iteration order, exceptions as {"exc": "TypeError", "args": [...]}.
"""

import json
import random
import sys

assert sys.version_info[:2] == (3, 11), 'CPython 3.11 is the oracle'

BIG = 2 ** 70


def enc(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v if abs(v) < 2 ** 53 else {'big': str(v)}
    if isinstance(v, float):
        return {'float': repr(v)}
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, tuple):
        return {'t': [enc(x) for x in v]}
    if isinstance(v, frozenset):
        return {'frozenset': [enc(x) for x in v]}
    if isinstance(v, set):
        return {'set': [enc(x) for x in v]}
    if isinstance(v, dict):
        return {'dict': [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(type(v))


def outcome(f):
    try:
        return enc(f())
    except Exception as e:  # noqa: BLE001 - the exception is the expected answer
        return {'exc': type(e).__name__, 'args': enc(list(e.args))}


def bound(b):
    return {'big': str(b)} if isinstance(b, int) and abs(b) >= 2 ** 53 else b


rng = random.Random(20240611)
out = {}

# ---- slices: PySlice_GetIndicesEx through list slicing, and slice.indices ----------------
BOUNDS = [None, 0, 1, 2, 3, 5, 7, 10, -1, -2, -3, -7, -10, -11, 100, -100, BIG, -BIG]
STEPS = [None, 1, 2, 3, -1, -2, -3, 5, -5, 100, -100, BIG, -BIG, 0]
cases = []
for length in [0, 1, 2, 5, 10]:
    for _ in range(60):
        s = (rng.choice(BOUNDS), rng.choice(BOUNDS), rng.choice(STEPS))
        sl = slice(*s)
        cases.append({
            'slice': [bound(x) for x in s],
            'length': length,
            'items': outcome(lambda: list(range(length))[sl]),
            'indices': outcome(lambda: sl.indices(length)),
            'tuple': outcome(lambda: tuple(range(length))[sl]),
        })
out['slices'] = cases

# ---- slice assignment and deletion on lists ---------------------------------------------------
assign = []
for _ in range(250):
    n = rng.choice([0, 1, 3, 6, 10])
    s = (rng.choice(BOUNDS[:14]), rng.choice(BOUNDS[:14]), rng.choice([None, 1, 1, 2, -1, -2, 3, -3, 0]))
    sl = slice(*s)
    if rng.random() < 0.3:
        def run(sl=sl, n=n):
            lst = list(range(n))
            del lst[sl]
            return lst
        value = 'del'
    else:
        value = [100 + i for i in range(rng.choice([0, 1, 2, 3, 5]))]

        def run(sl=sl, n=n, value=value):
            lst = list(range(n))
            lst[sl] = value
            return lst
    assign.append({'slice': list(s), 'n': n, 'value': value, 'result': outcome(run)})
out['slice_assign'] = assign

# ---- list capacities (list_resize's over-allocation, seen through sys.getsizeof) ---------------
def capacity(lst):
    return (sys.getsizeof(lst) - sys.getsizeof([])) // 8


caps = {'append': [], 'pop': [], 'extend': []}
lst = []
for i in range(120):
    caps['append'].append(capacity(lst))
    lst.append(None)
while lst:
    lst.pop()
    caps['pop'].append(capacity(lst))
for k in [0, 1, 3, 7, 8, 20, 100]:
    lst = [None] * 5
    lst.extend([None] * k)
    caps['extend'].append([k, capacity(lst)])
out['list_capacity'] = caps

# ---- tuple hashes (deterministic for ints and nested tuples) -----------------------------------
tuples = [(), (0,), (1,), (-1,), (1, 2), (2, 1), (1, 2, 3), (-2, -1), ((1, 2), 3), ((),), (2 ** 47 - 1, -(2 ** 47)),
          (1, (2, (3, (4,)))), tuple(range(20)), (None,) * 0]
out['tuple_hash'] = [{'tuple': enc(t), 'hash': str(hash(t))} for t in tuples]

# ---- sets: iteration orders after construction, operation sequences and algebra ------------
def elem(big=0.03):
    """A set element: mostly small ints (many colliding modulo the table size), some
    multiples of 8, floats, 2-tuples, and now and then an int beyond 48 bits."""
    if rng.random() < big:
        return rng.choice([2 ** 40, -(2 ** 40), 2 ** 47 - 1, -(2 ** 47), 2 ** 61 - 1, 2 ** 61, 2 ** 64 + 7])
    k = rng.random()
    if k < 0.6:
        return rng.randint(-20, 60)
    if k < 0.75:
        return rng.choice([8, 16, 24, 32, 64, 128, 256, 512]) * rng.randint(1, 4)
    if k < 0.88:
        return rng.choice([0.5, 1.5, -2.25, 1e100, 3.0, -0.0])
    return (rng.randint(0, 5), rng.randint(0, 5))


def elems(n, big=0.03):
    return [elem(big) for _ in range(n)]


out['set_orders'] = [{'items': enc(xs), 'order': enc(list(set(xs)))} for xs in (elems(rng.randint(0, 40)) for _ in range(120))]

SEQ_OPS = ['add', 'add', 'add', 'discard', 'remove', 'pop', 'update', 'update_list', 'update_dict', 'ior', 'iand', 'isub', 'ixor',
           'intersection_update', 'difference_update', 'symmetric_difference_update', 'clear']
sequences = []
for _ in range(60):
    start = elems(rng.randint(0, 25))
    st = set(start)
    steps = []
    for _ in range(rng.randint(5, 25)):
        op = rng.choice(SEQ_OPS)
        arg = None
        if op in ('add', 'discard', 'remove'):
            arg = rng.choice(list(st)) if st and rng.random() < 0.5 else elem()
            res = outcome(lambda: getattr(st, op)(arg))
        elif op == 'pop':
            res = outcome(st.pop)
        elif op == 'clear':
            res = outcome(st.clear)
        else:
            arg = elems(rng.randint(0, 20))
            if op == 'update':
                res = outcome(lambda: st.update(set(arg)))
            elif op == 'update_list':
                res = outcome(lambda: st.update(arg))
            elif op == 'update_dict':
                res = outcome(lambda: st.update(dict.fromkeys(arg)))
            elif op == 'ior':
                st |= set(arg)
                res = None
            elif op == 'iand':
                st &= set(arg)
                res = None
            elif op == 'isub':
                st -= set(arg)
                res = None
            elif op == 'ixor':
                st ^= set(arg)
                res = None
            else:
                res = outcome(lambda: getattr(st, op)(arg))
        steps.append({'op': op, 'arg': enc(arg), 'result': res, 'state': enc(list(st))})
    sequences.append({'start': enc(start), 'steps': steps})
out['set_sequences'] = sequences

algebra = []
for _ in range(80):
    a_src = elems(rng.randint(0, 20))
    b_src = elems(rng.randint(0, 20))
    if rng.random() < 0.3:
        b_src += rng.sample(a_src, min(len(a_src), 5))
    a, b = set(a_src), set(b_src)
    algebra.append({
        'a': enc(a_src), 'b': enc(b_src), 'b_list': enc(list(b)),
        'or': enc(list(a | b)), 'and': enc(list(a & b)), 'sub': enc(list(a - b)), 'xor': enc(list(a ^ b)),
        'union3': enc(list(a.union(b, [1, 2, 3]))), 'inter_list': enc(list(a.intersection(list(b)))),
        'diff_dict': enc(list(a.difference(dict.fromkeys(b)))), 'symdiff_list': enc(list(a.symmetric_difference(list(b)))),
        'cmp': [a < b, a <= b, a == b, a != b, a > b, a >= b],
        'disjoint': a.isdisjoint(b), 'subset_list': a.issubset(list(b)), 'superset_list': a.issuperset(list(b)),
        'hash_a': str(hash(frozenset(a))), 'hash_b': str(hash(frozenset(b))),
    })
out['set_algebra'] = algebra
out['frozenset_hash'] = [{'items': enc(xs), 'hash': str(hash(frozenset(xs)))} for xs in
                         [[], [0], [1], [-1], [1, 2, 3], [3, 2, 1], list(range(100)), [(1, 2), (2, 1)], [frozenset([1]), frozenset()], [0.5, 2 ** 61]]]

# ---- ranges -----------------------------------------------------------------------------
ranges = []
for _ in range(150):
    step = rng.choice([1, 1, 2, 3, -1, -2, -3, 7, -7, 100])
    args = [rng.randint(-30, 30), rng.randint(-30, 30), step]
    r = range(*args)
    sl = (rng.choice(BOUNDS[:14]), rng.choice(BOUNDS[:14]), rng.choice([None, 1, 2, -1, -2, 3]))
    probe = [rng.randint(-35, 35) for _ in range(4)] + [rng.choice([1.0, 2.5, -3.0, 'x', None])]
    ranges.append({
        # hash(None) is address-based in 3.11: ranges of 0 or 1 values hash differently per process.
        'args': args, 'list': list(r), 'len': len(r), 'hash': str(hash(r)) if len(r) > 1 else None, 'repr': repr(r),
        'slice': list(sl), 'sliced': enc((r[slice(*sl)].start, r[slice(*sl)].stop, r[slice(*sl)].step)),
        'items': [outcome(lambda i=i: r[i]) for i in (0, -1, 3, -4, 30)],
        'contains': [[enc(p), p in r] for p in probe],
        'index': [[enc(p), outcome(lambda p=p: r.index(p)), r.count(p)] for p in probe],
        'reversed': list(reversed(r)),
    })
out['ranges'] = ranges
big_ranges = []
for args in [(2 ** 62, 2 ** 62 + 7, 3), (2 ** 70, -5, -2 ** 68), (-2 ** 64, 2 ** 64, 2 ** 63), (0, 2 ** 64), (5, 2 ** 100, 2 ** 99)]:
    r = range(*args)
    probes = [args[0], args[0] + 1, -1, 0, 2 ** 63, 2 ** 99 + 5]
    big_ranges.append({
        'args': enc(list(args)), 'repr': repr(r), 'len': outcome(lambda: len(r)), 'bool': bool(r), 'hash': str(hash(r)),
        'items': [outcome(lambda i=i: r[i]) for i in (0, -1, 2, 2 ** 63)],
        'contains': [[enc(p), p in r] for p in probes],
        'head': enc(list(r[:4])),
        'reversed_head': enc([x for _, x in zip(range(3), reversed(r))]),
        'index': [[enc(p), outcome(lambda p=p: r.index(p))] for p in probes[:3]],
    })
out['big_ranges'] = big_ranges
out['range_eq'] = [[[a, b, c], [d, e, f], range(a, b, c) == range(d, e, f)] for (a, b, c, d, e, f) in
                   [(0, 0, 1, 5, 1, 1), (0, 3, 2, 0, 4, 2), (1, 2, 5, 1, 3, 7), (0, 10, 1, 0, 10, 2), (3, 0, -1, 3, 0, -1), (0, 5, 1, 1, 5, 1)]]

# ---- dict views as sets -----------------------------------------------------------------
view_ops = []
for _ in range(60):
    d1 = {rng.randint(-5, 30): rng.randint(0, 3) for _ in range(rng.randint(0, 15))}
    d2 = {rng.randint(-5, 30): rng.randint(0, 3) for _ in range(rng.randint(0, 15))}
    s_src = [rng.randint(-5, 30) for _ in range(rng.randint(0, 12))]
    s1 = set(s_src)  # the test builds it the same way (same table history)
    lst = [rng.randint(-5, 30) for _ in range(rng.randint(0, 8))]
    k1, k2, i1, i2 = d1.keys(), d2.keys(), d1.items(), d2.items()
    view_ops.append({
        'd1': [[k, x] for k, x in d1.items()], 'd2': [[k, x] for k, x in d2.items()], 's': s_src, 'list': lst,
        'k_and_s': list(k1 & s1), 's_and_k': list(s1 & k1), 'k_and_k': list(k1 & k2), 'k_or_l': list(k1 | lst), 'k_sub_s': list(k1 - s1),
        's_sub_k': list(s1 - k1), 'k_xor_s': list(k1 ^ s1), 'i_xor_i': enc(list(i1 ^ i2)), 'i_and_i': enc(list(i1 & i2)), 'i_or_i': enc(list(i1 | i2)),
        'cmp_ks': [k1 < s1, k1 <= s1, k1 == s1, k1 != s1, k1 > s1, k1 >= s1], 'cmp_ii': [i1 < i2, i1 <= i2, i1 == i2, i1 != i2, i1 > i2, i1 >= i2],
        'disjoint_ks': k1.isdisjoint(s1), 'disjoint_kl': k1.isdisjoint(lst), 'disjoint_ii': i1.isdisjoint(i2),
    })
out['view_ops'] = view_ops

# ---- list.sort: every comparison CPython makes, in order (timsort step for step) -------------
class LogInt:
    log = []
    fail_at = None

    def __init__(self, ident, v):
        self.id, self.v = ident, v

    def __lt__(self, other):
        LogInt.log.append(self.id)
        LogInt.log.append(other.id)
        if LogInt.fail_at is not None and len(LogInt.log) // 2 == LogInt.fail_at:
            raise ValueError('boom')
        return self.v < other.v


def values(n, kind):
    if kind == 'dups':
        return [rng.randint(0, max(1, n // 8)) for _ in range(n)]
    if kind == 'sorted':
        return sorted(rng.randint(0, 1000) for _ in range(n))
    if kind == 'reversed':
        return sorted((rng.randint(0, 1000) for _ in range(n)), reverse=True)
    if kind == 'saw':
        return [(i * 7) % 23 + (i // 40) for i in range(n)]
    if kind == 'runs':
        out = []
        while len(out) < n:
            run = sorted(rng.randint(0, 500) for _ in range(rng.randint(1, 40)))
            out += run if rng.random() < 0.5 else run[::-1]
        return out[:n]
    return [rng.randint(-10 ** 6, 10 ** 6) for _ in range(n)]


sorts = []
for n in [0, 1, 2, 3, 5, 8, 31, 33, 64, 65, 100, 130, 257, 400]:
    for kind in ['dups', 'sorted', 'reversed', 'saw', 'runs', 'random']:
        if n <= 3 and kind != 'random':
            continue
        reverse = rng.random() < 0.3
        use_key = rng.random() < 0.3
        vals = values(n, kind)
        LogInt.log = []
        LogInt.fail_at = None
        items = [LogInt(i, v) for i, v in enumerate(vals)]
        key = (lambda x: LogInt(x.id, x.v // 3)) if use_key else None
        items.sort(key=key, reverse=reverse)
        total = len(LogInt.log) // 2
        case = {'values': vals, 'reverse': reverse, 'key': use_key, 'log': LogInt.log, 'order': [x.id for x in items]}
        sorts.append(case)
        if total > 4 and rng.random() < 0.4:
            fail_at = rng.randint(1, total)
            LogInt.log = []
            LogInt.fail_at = fail_at
            items = [LogInt(i, v) for i, v in enumerate(vals)]
            try:
                items.sort(key=key, reverse=reverse)
            except ValueError:
                pass
            sorts.append({'values': vals, 'reverse': reverse, 'key': use_key, 'fail_at': fail_at, 'log': LogInt.log,
                          'order': [x.id for x in items]})
out['sorts'] = sorts

# ---- messages of argument and type errors -------------------------------------------------------
L = [1, 2, 3]
D = {1: 2}
errors = {
    'list.append()': lambda: L.append(),
    'list.append(1, 2)': lambda: L.append(1, 2),
    'list.append(x=1)': lambda: L.append(x=1),
    'list.insert(1)': lambda: L.insert(1),
    'list.pop(1, 2)': lambda: L.pop(1, 2),
    'list.index()': lambda: L.index(),
    'list.index(1, 2, 3, 4)': lambda: L.index(1, 2, 3, 4),
    'list.copy(1)': lambda: L.copy(1),
    'list.remove(9)': lambda: [1, 2, 3].remove(9),
    'list.index(9)': lambda: [1, 2, 3].index(9),
    'list.index("x")': lambda: [1, 2, 3].index('x'),
    'list.index(1, "a")': lambda: [1].index(1, 'a'),
    'list.insert("a", 1)': lambda: [1].insert('a', 1),
    'list.insert(2**70, 1)': lambda: [1].insert(2 ** 70, 1),
    '[].pop()': lambda: [].pop(),
    '[1].pop(5)': lambda: [1].pop(5),
    '[1,2,3].pop(-4)': lambda: [1, 2, 3].pop(-4),
    'list[1.5]': lambda: L[1.5],
    'list[2**70]': lambda: L[2 ** 70],
    'list[10]': lambda: L[10],
    'list[10] = 1': lambda: L.__setitem__(10, 1),
    'del list[10]': lambda: L.__delitem__(10),
    'list + 1': lambda: L + 1,
    'list * "a"': lambda: L * 'a',
    'list * 2**70': lambda: L * 2 ** 70,
    'tuple + 1': lambda: (1,) + 1,
    'tuple[5]': lambda: (1,)[5],
    'tuple["a"]': lambda: (1,).__getitem__('a'),
    'tuple.index(9)': lambda: (1,).index(9),
    'tuple.count()': lambda: (1,).count(),
    'tuple(1, 2)': lambda: tuple(1, 2),
    'list(1, 2)': lambda: list(1, 2),
    'list(1)': lambda: list(1),
    'slice()': lambda: slice(),
    'slice(1, 2, 3, 4)': lambda: slice(1, 2, 3, 4),
    'hash(slice(1))': lambda: hash(slice(1)),
    'list[::0]': lambda: L[::0],
    'list["a":]': lambda: L['a':],
    'slice(1).indices(-1)': lambda: slice(1).indices(-1),
    'slice(1.5).indices(3)': lambda: slice(1.5).indices(3),
    'list[0:1] = 1': lambda: L.__setitem__(slice(0, 1), 1),
    'list[::2] = 1': lambda: [1, 2, 3].__setitem__(slice(None, None, 2), 1),
    'list[::2] = [1]': lambda: [1, 2, 3].__setitem__(slice(None, None, 2), [1]),
    'hash(list)': lambda: hash([]),
    'hash(dict)': lambda: hash({}),
    'list < tuple': lambda: [] < (),
    'dict[[1]]': lambda: {}[[1]],
    'dict < dict': lambda: {} < {},
    'dict | list': lambda: {} | [],
    'dict.pop()': lambda: {}.pop(),
    'dict.popitem()': lambda: {}.popitem(),
    'dict.popitem(1)': lambda: {}.popitem(1),
    'dict.get()': lambda: {}.get(),
    'dict.get(1, 2, 3)': lambda: {}.get(1, 2, 3),
    'dict.update(1, 2)': lambda: {}.update(1, 2),
    'dict.update(1)': lambda: {}.update(1),
    'dict.update([1])': lambda: {}.update([1]),
    'dict.update([(1, 2, 3)])': lambda: {}.update([(1, 2, 3)]),
    'dict.keys(1)': lambda: {}.keys(1),
    'dict.setdefault()': lambda: {}.setdefault(),
    'dict.fromkeys()': lambda: dict.fromkeys(),
    'dict.fromkeys(1)': lambda: dict.fromkeys(1),
    'dict(1, 2)': lambda: dict(1, 2),
    'dict([1])': lambda: dict([1]),
    'dict.get(x=1)': lambda: {}.get(x=1),
    'set.pop()': lambda: set().pop(),
    'set.remove(3)': lambda: set().remove(3),
    'set.add()': lambda: set().add(),
    'set.union(x=1)': lambda: set().union(x=1),
    'set < list': lambda: set() < [],
    'set | list': lambda: set() | [],
    'set.issubset()': lambda: set().issubset(),
    'set(1, 2)': lambda: set(1, 2),
    'set(x=1)': lambda: set(x=1),
    'frozenset(x=1)': lambda: frozenset(x=1),
    'frozenset(1, 2)': lambda: frozenset(1, 2),
    'set(1)': lambda: set(1),
    'hash(set)': lambda: hash(set()),
    'set.add([])': lambda: set().add([]),
    'frozenset.copy(1)': lambda: frozenset().copy(1),
    'range()': lambda: range(),
    'range(1.0)': lambda: range(1.0),
    'range(1, 2, 0)': lambda: range(1, 2, 0),
    'range(1, 2, 3, 4)': lambda: range(1, 2, 3, 4),
    'range(1, x=2)': lambda: range(1, x=2),
    'range(3)[5]': lambda: range(3)[5],
    'range(3)["a"]': lambda: range(3).__getitem__('a'),
    'range(3)[2**70]': lambda: range(3)[2 ** 70],
    'range(10)[::0]': lambda: range(10)[::0],
    'range < range': lambda: range(3) < range(4),
    'range.count()': lambda: range(3).count(),
    'sort(1)': lambda: [].sort(1),
    'sort(foo=1)': lambda: [].sort(foo=1),
    'sort(reverse=1.5)': lambda: [].sort(reverse=1.5),
    'sort(reverse=2**40)': lambda: [].sort(reverse=2 ** 40),
    'sort mixed': lambda: [1, 'a'].sort(),
    'reversed()': lambda: reversed(),
    'reversed(1)': lambda: reversed(1),
    'reversed([], 1)': lambda: reversed([], 1),
    'reversed(x=[])': lambda: reversed(x=[]),
    'reversed({1})': lambda: reversed({1}),
    'min()': lambda: min(),
    'min([])': lambda: min([]),
    'max([], key=None)': lambda: max([], key=None),
    'min(1, 2, default=5)': lambda: min(1, 2, default=5),
    'min(1)': lambda: min(1),
    'max(1, 2, foo=3)': lambda: max(1, 2, foo=3),
    'max([1, "a"])': lambda: max([1, 'a']),
    'sum()': lambda: sum(),
    'sum(1, 2, 3)': lambda: sum(1, 2, 3),
    'sum(["a"], "")': lambda: sum(['a'], ''),
    'sum([b"a"], b"")': lambda: sum([b'a'], b''),
    'sum([1], foo=3)': lambda: sum([1], foo=3),
    'sum(1)': lambda: sum(1),
    'sorted()': lambda: sorted(),
    'sorted([], 1)': lambda: sorted([], 1),
    'sorted([], foo=1)': lambda: sorted([], foo=1),
}
out['builtins'] = {
    'min_ints': min([5, 3, 9, 3]), 'max_ints': max(5, 3, 9, 9), 'min_default': min([], default='d'), 'max_floats': enc(max([1.5, -2.0, 1.5])),
    'min_strs': min(['pear', 'apple', 'fig']), 'max_mixed': enc(max([1, 1.0, True])), 'min_mixed': enc(min([1.0, 1, True])),
    'sum_ints': sum([1, 2, 3, -4]), 'sum_start': sum([1, 2], 10), 'sum_floats': enc(sum([0.1] * 10)), 'sum_mixed': enc(sum([1, 2.5, 3])),
    'sum_start_kw': sum([1], start=3), 'sum_float_start': enc(sum([1, 2], 0.5)), 'sum_empty': sum([]), 'sum_bools': sum([True, True, 3]),
    'sorted_ints': sorted([3, 1, 2, 1]), 'sorted_rev': sorted('bca', reverse=True), 'sorted_tuple': enc(sorted((2.5, 1, -3))),
    'reversed_tuple': list(reversed((1, 2, 3))), 'reversed_str': list(reversed('héllo')), 'reversed_list': list(reversed([1, 2])),
    'reversed_range': list(reversed(range(1, 10, 4))), 'reversed_dict': list(reversed({1: 2, 3: 4})),
}
out['errors'] = {k: outcome(f) for k, f in errors.items()}

# One line per section, compact inside (the file is large; diffs stay per section).
sys.stdout.write('{\n' + ',\n'.join(f'{json.dumps(k)}: {json.dumps(v, separators=(",", ":"), sort_keys=True)}' for k, v in sorted(out.items())) + '\n}\n')
