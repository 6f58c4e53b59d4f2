"""edgepyc's pure-Python implementation of the itertools module (CPython 3.11).

Covers every 3.11 function: count, cycle, repeat, accumulate, chain (+ from_iterable),
compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap, takewhile, tee,
zip_longest, product, permutations, combinations, combinations_with_replacement.

Design: most tools are generator functions behind a plain function that does CPython's
eager work at call time (iter() of the arguments, argument validation, materializing the
pools of the combinatoric tools), so errors are raised when CPython raises them.  count,
repeat, groupby and tee are classes because their objects have a visible repr or
shared state.  Generators here never `yield from` a caller's iterator: closing an
abandoned itertools object must not close the iterator it reads from.
Every next() on a caller's iterator inside a generator is guarded, because a
StopIteration escaping a generator body becomes RuntimeError (PEP 479).
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']

import sys


class count:
    """Return a count object whose .__next__() method returns consecutive values."""

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        # CPython omits the step only when it is an int equal to 1 (count_repr).
        if isinstance(step, int) and step == 1:
            return '%s(%r)' % (type(self).__name__, self._n)
        return '%s(%r, %r)' % (type(self).__name__, self._n, step)


def _is_number(x):
    return isinstance(x, (int, float, complex)) or hasattr(type(x), '__add__') and \
        (hasattr(type(x), '__index__') or hasattr(type(x), '__float__'))


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, object, times=None):
        self._object = object
        if times is None:
            self._left = -1
        else:
            times = _index(times)
            self._left = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        left = self._left
        if left == 0:
            raise StopIteration
        if left > 0:
            self._left = left - 1
        return self._object

    def __length_hint__(self):
        if self._left < 0:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        if self._left < 0:
            return '%s(%r)' % (type(self).__name__, self._object)
        return '%s(%r, %d)' % (type(self).__name__, self._object, self._left)


def _index(x):
    if isinstance(x, int):
        return x
    try:
        method = type(x).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__) from None
    return method(x)


def cycle(iterable):
    """Return elements from the iterable until it is exhausted. Then repeat the
    sequence indefinitely."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def accumulate(iterable, func=None, *, initial=None):
    "Return series of accumulated sums (or other binary function results)."
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, total):
    if total is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def chain(*iterables):
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""
    for iterable in iterables:
        for element in iterable:
            yield element


def _from_iterable(iterables):
    "Alternative chain() constructor taking a single iterable argument."
    return _chain_from(iter(iterables))


def _chain_from(iterables):
    for iterable in iterables:
        for element in iterable:
            yield element


chain.from_iterable = _from_iterable


def compress(data, selectors):
    "Return data elements corresponding to true selector elements."
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true.
    Afterwards, return every element until the iterable is exhausted."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    "Return successive entries from an iterable as long as the predicate evaluates to true for each entry."
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable):
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""
    return _filterfalse(function, iter(iterable))


def _filterfalse(function, it):
    if function is None or function is bool:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not function(x):
                yield x


def starmap(function, iterable):
    "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

    Follows CPython's groupby_next/_grouper_next: advancing the groupby object
    invalidates the previous group; keys are compared as target == current."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _EMPTY
        self._currkey = _EMPTY
        self._currvalue = _EMPTY
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        keyfunc = self._keyfunc
        self._currkey = value if keyfunc is None else keyfunc(value)
        self._currvalue = value

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _EMPTY:
                pass
            elif self._tgtkey is _EMPTY:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return self._currkey, grouper


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gb = self._parent
        if gb._currgrouper is not self:
            raise StopIteration
        if gb._currvalue is _EMPTY:
            gb._step()
        if not (self._tgtkey == gb._currkey):
            raise StopIteration
        value = gb._currvalue
        gb._currvalue = _EMPTY
        return value


_EMPTY = object()

_ISLICE_STOP = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_ISLICE_INDICES = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'


def _islice_arg(value, message):
    if value is None:
        return None
    try:
        value = _index(value)
    except TypeError:
        raise ValueError(message) from None
    if value < 0 or value > sys.maxsize:
        raise ValueError(message)
    return value


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object"""
    nargs = len(args)
    if nargs == 0:
        raise TypeError('islice expected at least 2 arguments, got 1')
    if nargs > 3:
        raise TypeError('islice expected at most 4 arguments, got %d' % (nargs + 1))
    if nargs == 1:
        start = 0
        stop = _islice_arg(args[0], _ISLICE_STOP)
        step = 1
    else:
        stop = _islice_arg(args[1], _ISLICE_STOP)
        start = _islice_arg(args[0], _ISLICE_INDICES)
        if start is None:
            start = 0
        step = 1
        if nargs == 3 and args[2] is not None:
            try:
                step = _index(args[2])
            except TypeError:
                raise ValueError('Step for islice() must be a positive integer or None.') from None
            if step < 1:
                raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _islice(it, nxt, stop, step):
    # Mirrors islice_next: skip to the next wanted index, stop once the count reaches
    # stop without reading further, and clamp the next index to stop.
    cnt = 0
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def pairwise(iterable):
    "Return an iterator of overlapping pairs taken from the input iterator."
    return _pairwise(iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


class _tee:
    """One of the iterators returned by tee(): they share the source iterator and a
    singly linked list of the values read so far (each link is [value, next])."""

    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        nxt = link[1]
        if nxt is None:
            value = next(self._it)
            nxt = link[1]
            if nxt is None:
                nxt = [value, None]
                link[1] = nxt
        self._link = nxt
        return nxt[0]

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    "Returns a tuple of n independent iterators."
    n = _index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, [None, None])
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


def zip_longest(*iterables, fillvalue=None):
    """Return a zip_longest object whose .__next__() method returns a tuple where
    the i-th element comes from the i-th iterable argument, missing values being
    replaced by fillvalue, until every iterable is exhausted."""
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    n = active
    while True:
        values = []
        for i in range(n):
            it = iterators[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    repeat = _index(repeat)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    for pool in pools:
        if not pool:
            return
    indices = [0] * n
    result = [pool[0] for pool in pools]
    yield tuple(result)
    # An odometer: the rightmost index turns fastest.
    while True:
        i = n - 1
        while i >= 0:
            pool = pools[i]
            k = indices[i] + 1
            if k < len(pool):
                indices[i] = k
                result[i] = pool[k]
                break
            indices[i] = 0
            result[i] = pool[0]
            i -= 1
        if i < 0:
            return
        yield tuple(result)


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable."""
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else _check_r(r)
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    a = list(range(n))
    yield tuple([pool[i] for i in a[:r]])
    # Lexicographic order of index tuples: reversing the (ascending) tail past r makes
    # the next full-permutation step skip every arrangement of the unused indices.
    while True:
        if r < n:
            a[r:] = a[:r - 1 - n:-1] if r else a[::-1]
        i = n - 2
        while i >= 0 and a[i] > a[i + 1]:
            i -= 1
        if i < 0:
            return
        j = n - 1
        while a[j] < a[i]:
            j -= 1
        a[i], a[j] = a[j], a[i]
        a[i + 1:] = a[:i:-1]
        yield tuple([pool[k] for k in a[:r]])


_NO_R = object()


def combinations(iterable, r=_NO_R):
    """Return successive r-length combinations of elements in the iterable."""
    if r is _NO_R:
        raise TypeError("combinations() missing required argument 'r' (pos 2)")
    pool = tuple(iterable)
    return _combinations(pool, len(pool), _check_r(r))


def _combinations(pool, n, r):
    if r > n:
        return
    idx = list(range(r))
    yield tuple([pool[i] for i in idx])
    while True:
        i = r - 1
        while i >= 0 and idx[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        v = idx[i] + 1
        for j in range(i, r):
            idx[j] = v
            v += 1
        yield tuple([pool[k] for k in idx])


def combinations_with_replacement(iterable, r=_NO_R):
    """Return successive r-length combinations of elements in the iterable allowing
    individual elements to have successive repeats."""
    if r is _NO_R:
        raise TypeError("combinations_with_replacement() missing required argument 'r' (pos 2)")
    pool = tuple(iterable)
    return _combinations_wr(pool, len(pool), _check_r(r))


def _combinations_wr(pool, n, r):
    if n == 0 and r > 0:
        return
    idx = [0] * r
    yield tuple([pool[i] for i in idx])
    while True:
        i = r - 1
        while i >= 0 and idx[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = idx[i] + 1
        for j in range(i, r):
            idx[j] = v
        yield tuple([pool[k] for k in idx])
