"""edgepyc's pure-Python implementation of the heapq module (CPython 3.11).

Covers the whole public API: heappush, heappop, heapify, heapreplace, heappushpop,
nlargest, nsmallest and merge (key=, reverse=).

The list layout after every operation is the one CPython produces, because the sifting
algorithm is the same: pushing bubbles the new item up; popping moves the last item to
the root, walks the hole down to a leaf always taking the smaller child (the right one
unless left < right), then bubbles the item up from there.  Only `<` is used, with the
operands in CPython's order.  heapify sifts every parent from the last one up to the root;
any children-before-parents order gives the same list, so this equals CPython's
cache-friendly variant too.  nsmallest/nlargest return what sorted(...)[:n] returns
(ties keep input order), merge is a stable merge, as documented.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(heap, fname, argument=' argument 1'):
    if not isinstance(heap, list):
        raise TypeError('%s()%s must be list, not %s' % (fname, argument, type(heap).__name__))


def _sift_toward_root(heap, startpos, pos):
    # Move heap[pos] up while it is smaller than its parent; startpos bounds the walk.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _sift_to_leaf(heap, pos):
    # Walk the hole at pos down to a leaf along the smaller children, then put the
    # displaced item there and bubble it back up (Floyd's bottom-up variant).
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _sift_toward_root(heap, startpos, pos)


def _sift_toward_root_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _sift_to_leaf_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _sift_toward_root_max(heap, startpos, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, 'heappush')
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list(heap, 'heappop', '')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _sift_to_leaf(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (faster than heappop
    then heappush; the result may be larger than item)."""
    _check_list(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _sift_to_leaf(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    _check_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_to_leaf(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list(x, 'heapify', ' argument')
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_to_leaf(x, i)


def _heapify_max(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _sift_to_leaf_max(x, i)


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _sift_to_leaf_max(heap, 0)
    return returnitem


def merge(*iterables, key=None, reverse=False):
    """Merge sorted iterables into one sorted iterator, lazily; like
    sorted(chain(*iterables), key=key, reverse=reverse) for sorted inputs, stable.

    >>> list(merge([1, 4], [2, 3, 5]))
    [1, 2, 3, 4, 5]
    """
    # Heap entries are [sort key, tie-breaker, value, iterator]: the tie-breaker is the
    # input's position (negated when reversed, for the max-heap) so equal keys come out
    # in input order and values themselves are never compared.
    entries = []
    direction = -1 if reverse else 1
    order = 0
    for iterable in iterables:
        it = iter(iterable)
        for value in it:
            entries.append([value if key is None else key(value), order * direction, value, it])
            break
        order += 1
    if reverse:
        _heapify_max(entries)
        replace = _heapreplace_max
    else:
        heapify(entries)
        replace = heapreplace
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        it = top[3]
        for value in it:
            top[0] = value if key is None else key(value)
            top[2] = value
            replace(entries, top)
            break
        else:
            if reverse:
                last = entries.pop()
                if entries:
                    entries[0] = last
                    _sift_to_leaf_max(entries, 0)
            else:
                heappop(entries)
    if entries:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            yield value


def nsmallest(n, iterable, key=None):
    """Return the n smallest items; the same as sorted(iterable, key=key)[:n]."""
    if n == 1:
        sentinel = object()
        result = min(iter(iterable), default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    # A max-heap of the n best (key, index, value) seen so far; the index makes earlier
    # items win ties and keeps values from being compared.
    heap = []
    i = 0
    it = iter(iterable)
    for value in it:
        heap.append((value if key is None else key(value), i, value))
        i += 1
        if i == n:
            break
    if not heap:
        return []
    _heapify_max(heap)
    top = heap[0][0]
    for value in it:
        k = value if key is None else key(value)
        if k < top:
            _heapreplace_max(heap, (k, i, value))
            top = heap[0][0]
        i += 1
    heap.sort()
    return [entry[2] for entry in heap]


def nlargest(n, iterable, key=None):
    """Return the n largest items; the same as
    sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        sentinel = object()
        result = max(iter(iterable), default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    # A min-heap of the n best (key, -index, value): a later item has a smaller
    # tie-breaker, so among equal keys the earliest items stay.
    heap = []
    i = 0
    it = iter(iterable)
    for value in it:
        heap.append((value if key is None else key(value), -i, value))
        i += 1
        if i == n:
            break
    if not heap:
        return []
    heapify(heap)
    top = heap[0][0]
    for value in it:
        k = value if key is None else key(value)
        if top < k:
            heapreplace(heap, (k, -i, value))
            top = heap[0][0]
        i += 1
    heap.sort(reverse=True)
    return [entry[2] for entry in heap]
