"""edgepyc's pure-Python implementation of the bisect module (CPython 3.11).

Covers the whole API: bisect_left, bisect_right (alias bisect), insort_left, insort_right
(alias insort), each with lo/hi bounds and the key= argument.  Only `<` is used to
compare, in the same operand order as CPython's _bisect module, so the probes a user
type sees are the same.
"""

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right']


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Return the index where x should be inserted in the sorted list a to keep it
    sorted, after any items equal to x.  lo and hi (default 0 and len(a)) bound the
    search; key is applied to the items of a, not to x."""
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Return the index where x should be inserted in the sorted list a to keep it
    sorted, before any items equal to x.  lo and hi (default 0 and len(a)) bound the
    search; key is applied to the items of a, not to x."""
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted list a, after any items equal to it (lo, hi and
    key as for bisect_right; key is applied to x too)."""
    if key is None:
        lo = bisect_right(a, x, lo, hi)
    else:
        lo = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into the sorted list a, before any items equal to it (lo, hi and
    key as for bisect_left; key is applied to x too)."""
    if key is None:
        lo = bisect_left(a, x, lo, hi)
    else:
        lo = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


bisect = bisect_right
insort = insort_right
