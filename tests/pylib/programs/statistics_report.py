# statistics: a small report over measurement data, with exact results.
import statistics
from fractions import Fraction

scores = [88, 92, 79, 93, 85, 92, 71, 92, 88, 100, 64, 85]
print('mean', statistics.mean(scores), 'fmean', statistics.fmean(scores))
print('median', statistics.median(scores), statistics.median_low(scores), statistics.median_high(scores))
print('grouped', statistics.median_grouped(scores, interval=5))
print('mode', statistics.mode(scores), 'multimode', statistics.multimode(scores))
print('pvariance', statistics.pvariance(scores), 'variance', statistics.variance(scores))
print('pstdev', statistics.pstdev(scores), 'stdev', statistics.stdev(scores))
print('quartiles', statistics.quantiles(scores), statistics.quantiles(scores, method='inclusive'))
print('deciles', statistics.quantiles(scores, n=10))

temps = [21.4, 22.1, 19.8, 23.5, 24.0, 22.7, 20.9, 21.4]
print('temps', statistics.mean(temps), statistics.stdev(temps), statistics.variance(temps))
print('geometric', statistics.geometric_mean([1.5, 2.5, 4.0]), 'harmonic', statistics.harmonic_mean([40, 60]))
print('weighted', statistics.fmean([3.5, 4.0, 5.25], weights=[0.7, 0.2, 0.1]),
      statistics.harmonic_mean([40, 60], weights=[5, 30]))
exact = [Fraction(1, 3), Fraction(1, 6), Fraction(1, 2)]
print('fractions', statistics.mean(exact), statistics.variance(exact), statistics.median(exact))
print('ints stay ints', statistics.mean([1, 2, 3, 6]), statistics.variance([2, 4, 6]), statistics.mean([1, 2]))
hours = [1, 2, 3, 4, 5, 6, 7]
grades = [52, 55, 61, 70, 74, 79, 88]
print('covariance', statistics.covariance(hours, grades))
print('correlation', statistics.correlation(hours, grades))
slope, intercept = statistics.linear_regression(hours, grades)
print('regression', slope, intercept, round(slope * 8 + intercept, 6))

iq = statistics.NormalDist(100, 15)
print(iq, round(iq.cdf(130), 12), round(iq.pdf(100), 12), iq.inv_cdf(0.975), iq.quantiles(4))
print(iq.overlap(statistics.NormalDist(110, 10)), iq.zscore(85), (iq * 2 + 5).stdev)
sample = statistics.NormalDist.from_samples(temps)
print(sample.mean, sample.stdev)

for fn, data in [(statistics.mean, []), (statistics.stdev, [5]), (statistics.mode, []),
                 (statistics.quantiles, [1])]:
    try:
        fn(data)
    except statistics.StatisticsError as e:
        print('StatisticsError:', e)
