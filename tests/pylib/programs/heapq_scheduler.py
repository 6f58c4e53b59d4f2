# heapq: a tiny event scheduler, top-k queries and merging sorted streams.
import heapq

events = []
for when, name in [(5, 'backup'), (1, 'boot'), (3, 'sync'), (1, 'log'), (8, 'report'), (3, 'alert')]:
    heapq.heappush(events, (when, name))
print(events)
while events:
    when, name = heapq.heappop(events)
    print('t=%d %s' % (when, name))
scores = {'ann': 88, 'bob': 95, 'cy': 70, 'dee': 95, 'eve': 60}
print(heapq.nlargest(3, scores, key=scores.get), heapq.nsmallest(2, scores.items(), key=lambda kv: kv[1]))
data = [9, 1, 8, 2, 7, 3, 6, 4, 5]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [5])), list(heapq.merge(['c', 'a'], ['d', 'b'], reverse=True)))
print(list(heapq.merge(['apple', 'fig'], ['kiwi', 'banana'], key=len)))


def kth_smallest(matrix, k):
    heap = [(row[0], r, 0) for r, row in enumerate(matrix)]
    heapq.heapify(heap)
    for _ in range(k - 1):
        value, r, c = heapq.heappop(heap)
        if c + 1 < len(matrix[r]):
            heapq.heappush(heap, (matrix[r][c + 1], r, c + 1))
    return heap[0][0]


print(kth_smallest([[1, 5, 9], [10, 11, 13], [12, 13, 15]], 8))
