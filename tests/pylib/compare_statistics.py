# Comparison script for runtime/lib/statistics.py: run once under CPython's statistics
# and once under edgepyc's (tests/pylib/run.sh compare statistics); outputs must match.
# Floats are printed with repr, so results must agree to the last bit.
import statistics as st
from fractions import Fraction as F


def show(label, thunk):
    try:
        r = thunk()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))


datasets = [
    [1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.5, 11.25, 11.75], [1, 2.5, 3], [0.1] * 10,
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], [1e16, 1.0, -1e16, 3.0], [F(1, 3), F(2, 3), F(5, 7)],
    [F(1, 2), 2, 3], [True, False, True], [10 ** 30, 10 ** 30 + 1, 10 ** 30 + 5],
    [-5, -1, 0, 1, 5], [3], [], [1.5, float('nan')], [1.0, float('inf')],
    [float('inf'), float('-inf')], [7, 7, 7, 7], [1, 1, 2, 3, 3, 3, 4], [1e308, 1e308],
    [5e-324, 5e-324, 1e-323], list(range(101)), [x * 0.37 for x in range(-20, 31)],
    [F(1, 2), 0.25], [2, 4, 4, 4, 5, 5, 7, 9],
]
functions = [st.mean, st.fmean, st.median, st.median_low, st.median_high,
             st.median_grouped, st.mode, st.multimode, st.pvariance, st.variance,
             st.pstdev, st.stdev, st.geometric_mean, st.harmonic_mean]
for data in datasets:
    for fn in functions:
        show('%s %r' % (fn.__name__, data), lambda: fn(data))
    show('quantiles %r' % data, lambda: st.quantiles(data))
    show('quantiles incl %r' % data, lambda: st.quantiles(data, n=10, method='inclusive'))
    show('iter mean %r' % data, lambda: st.mean(iter(data)))
    show('iter variance %r' % data, lambda: st.variance(iter(data)))

for data, centre in [([1, 2, 3, 4], 2.5), ([1.5, 2.5, 4.0], 2), ([1, 2, 3], F(2)),
                     ([F(1, 3), F(1, 2)], F(5, 12))]:
    show('variance xbar', lambda: st.variance(data, centre))
    show('pvariance mu', lambda: st.pvariance(data, centre))
    show('stdev xbar', lambda: st.stdev(data, centre))
    show('pstdev mu', lambda: st.pstdev(data, centre))

show('mode strings', lambda: st.mode('abracadabra'))
show('mode first of ties', lambda: st.mode(['b', 'a', 'a', 'b', 'c']))
show('multimode', lambda: st.multimode('aabbbbccddddeeffffgg'))
show('multimode empty', lambda: st.multimode(''))
show('mode unhashable', lambda: st.mode([[1], [1]]))
show('median strings', lambda: st.median(['b', 'a', 'c']))
show('median_low strings', lambda: st.median_low(['b', 'a', 'c', 'd']))
show('median_grouped interval', lambda: st.median_grouped([1, 3, 3, 5, 7], interval=2))
show('median_grouped str', lambda: st.median_grouped(['a', 'b']))
show('median_grouped classes', lambda: st.median_grouped([52, 52, 53, 54]))
show('fmean weights', lambda: st.fmean([3.5, 4.0, 5.25], weights=[0.7, 0.2, 0.1]))
show('fmean weights iter', lambda: st.fmean(iter([1, 2, 3]), weights=iter([3, 2, 1])))
show('fmean weights len', lambda: st.fmean([1, 2], weights=[1]))
show('fmean weights zero', lambda: st.fmean([1, 2], weights=[1, -1]))
show('fmean generator', lambda: st.fmean(x / 2 for x in range(7)))
show('harmonic weights', lambda: st.harmonic_mean([40, 60], weights=[5, 30]))
show('harmonic zero', lambda: st.harmonic_mean([1, 0, 3]))
show('harmonic negative', lambda: st.harmonic_mean([1, -2]))
show('harmonic single negative', lambda: st.harmonic_mean([-2]))
show('harmonic single str', lambda: st.harmonic_mean(['x']))
show('harmonic fractions', lambda: st.harmonic_mean([F(1, 2), F(1, 3)]))
show('harmonic weights len', lambda: st.harmonic_mean([1, 2], weights=[1]))
show('geometric', lambda: st.geometric_mean([54, 24, 36]))
show('geometric zero', lambda: st.geometric_mean([1, 0]))
show('mean mixed types', lambda: st.mean([F(1, 2), 0.5, 1]))
show('mean str', lambda: st.mean(['a', 'b']))
show('mean complex', lambda: st.mean([1j, 2j]))
show('quantiles n', lambda: st.quantiles([1, 2, 3], n=0))
show('quantiles method', lambda: st.quantiles([1, 2, 3], method='middle'))
show('quantiles fractions', lambda: st.quantiles([F(1), F(2), F(4), F(8)], n=3))
show('quantiles n1', lambda: st.quantiles([1, 2], n=1))
show('quantiles many', lambda: st.quantiles(range(1, 21), n=7))

xs = [1, 2, 3, 4, 5, 6, 7, 8, 9]
ys = [1, 2, 3, 1, 2, 3, 1, 2, 3]
zs = [9, 8, 7, 6, 5, 4, 3, 2, 1]
show('covariance', lambda: st.covariance(xs, ys))
show('covariance neg', lambda: st.covariance(xs, zs))
show('correlation', lambda: st.correlation(xs, ys))
show('correlation neg', lambda: st.correlation(xs, zs))
show('correlation floats', lambda: st.correlation([0.1, 0.5, 0.9, 1.7], [2.0, 2.2, 3.9, 4.1]))
show('correlation constant', lambda: st.correlation(xs, [5] * 9))
show('correlation len', lambda: st.correlation([1, 2], [1]))
show('covariance short', lambda: st.covariance([1], [1]))
show('regression', lambda: st.linear_regression(xs, [2 * x + 1.5 for x in xs]))
show('regression noisy', lambda: st.linear_regression([1971, 1975, 1979, 1982, 1983],
                                                      [1, 2, 3, 4, 5]))
show('regression proportional', lambda: st.linear_regression(xs, ys, proportional=True))
show('regression constant', lambda: st.linear_regression([1, 1], [1, 2]))
lr = st.linear_regression([1, 2, 3], [2, 4, 7])
print('regression fields', lr.slope, lr.intercept, lr._fields, type(lr).__name__)

for fn, args in [(st.mean, []), (st.median, []), (st.mode, []), (st.variance, [1]),
                 (st.stdev, [1]), (st.pvariance, []), (st.pstdev, []), (st.fmean, []),
                 (st.harmonic_mean, []), (st.median_grouped, []), (st.quantiles, [1])]:
    show('empty ' + fn.__name__, lambda: fn(args))
print('error type', issubclass(st.StatisticsError, ValueError), st.StatisticsError.__module__)

# NormalDist.
nd = st.NormalDist(100, 15)
print('nd', nd, nd.mean, nd.median, nd.mode, nd.stdev, nd.variance)
for x in [40, 85, 100, 115.5, 160]:
    print('nd pdf/cdf/zscore', x, repr(nd.pdf(x)), repr(nd.cdf(x)), repr(nd.zscore(x)))
for p in [1e-300, 1e-20, 1e-9, 0.001, 0.02425, 0.05, 0.075, 0.25, 0.5, 0.5000001, 0.925,
          0.975, 0.999, 1 - 1e-12]:
    print('inv_cdf', p, repr(nd.inv_cdf(p)), repr(st.NormalDist().inv_cdf(p)))
print('nd quantiles', nd.quantiles(), st.NormalDist().quantiles(10))
print('overlap', repr(nd.overlap(st.NormalDist(110, 15))), repr(nd.overlap(st.NormalDist(90, 8))),
      repr(st.NormalDist(0, 2).overlap(st.NormalDist(0, 1))))
print('arith', nd + 10, nd - 5, nd * 2, nd / 3, -nd, +nd, 10 + nd, 200 - nd, 3 * nd,
      nd + st.NormalDist(1, 20), nd - st.NormalDist(1, 20))
print('eq', nd == st.NormalDist(100, 15), nd == st.NormalDist(100, 16), nd == 5,
      hash(nd) == hash(st.NormalDist(100.0, 15.0)))
print('from_samples', st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print('from_samples ints', st.NormalDist.from_samples([1, 2, 3, 4, 5]))
print('samples', st.NormalDist(5, 2).samples(4, seed=42))
zero = st.NormalDist(3, 0)
for name, thunk in [('pdf', lambda: zero.pdf(3)), ('cdf', lambda: zero.cdf(3)),
                    ('inv_cdf', lambda: zero.inv_cdf(0.5)), ('zscore', lambda: zero.zscore(3)),
                    ('overlap', lambda: zero.overlap(nd)), ('p range', lambda: nd.inv_cdf(1.0)),
                    ('negative sigma', lambda: st.NormalDist(0, -1)),
                    ('overlap type', lambda: nd.overlap(3)),
                    ('from_samples short', lambda: st.NormalDist.from_samples([1]))]:
    show('nd error ' + name, thunk)
