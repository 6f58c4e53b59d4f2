# bisect: grading, interval lookup and keeping a sorted list.
import bisect

cutoffs = [60, 70, 80, 90]
print([('FDCBA'[bisect.bisect(cutoffs, s)]) for s in [59, 60, 75, 89, 90, 100]])
timeline = [(1990, 'a'), (2000, 'b'), (2010, 'c')]
years = [y for y, _ in timeline]
for y in [1985, 1990, 1999, 2015]:
    i = bisect.bisect_right(years, y) - 1
    print(y, timeline[i][1] if i >= 0 else None)
print(bisect.bisect_left(timeline, 2000, key=lambda t: t[0]), bisect.bisect_right(timeline, 2000, key=lambda t: t[0]))
sorted_list = []
for v in [5, 2, 8, 2, 9, 1]:
    bisect.insort(sorted_list, v)
print(sorted_list, bisect.bisect_left(sorted_list, 2), bisect.bisect_right(sorted_list, 2))
bisect.insort(timeline, (2005, 'x'), key=lambda t: t[0])
print(timeline)
try:
    bisect.bisect_left([1], 1, -1)
except ValueError as e:
    print('ValueError:', e)
