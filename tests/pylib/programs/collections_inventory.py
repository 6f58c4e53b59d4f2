# collections in a small inventory / routing program: Counter, defaultdict, deque,
# OrderedDict (LRU), namedtuple, ChainMap.
from collections import Counter, defaultdict, deque, OrderedDict, namedtuple, ChainMap

Item = namedtuple('Item', 'sku name price qty', defaults=(0,))
stock = [Item('A1', 'apple', 0.5, 40), Item('B2', 'banana', 0.25, 100), Item('C3', 'cherry', 3.0),
         Item('A1', 'apple', 0.5, 10)]
print(stock[2], stock[0]._asdict(), Item._fields, Item._field_defaults)
totals = Counter()
for it in stock:
    totals[it.sku] += it.qty
print(totals, totals.most_common(1), sorted(totals.elements())[:3], totals.total())
orders = Counter(A1=30, B2=120, D4=1)
print('shortfall', -(totals - orders) if False else orders - totals, 'left', totals - orders)
print('union', totals | orders, 'intersection', totals & orders)
by_letter = defaultdict(list)
for it in stock:
    by_letter[it.name[0]].append(it.sku)
print(dict(by_letter), by_letter['z'], len(by_letter))
cheap = [it._replace(price=round(it.price * 0.9, 3)) for it in stock if it.price < 1]
print(cheap)

graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}


def bfs(start, goal):
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        if path[-1] == goal:
            return path
        for nxt in graph[path[-1]]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])


print(bfs('a', 'f'), bfs('c', 'f'))
recent = deque(maxlen=3)
for event in ['login', 'view', 'edit', 'save', 'logout']:
    recent.append(event)
print(recent, list(reversed(recent)), recent.maxlen)
ring = deque(range(8))
ring.rotate(3)
print(ring, ring.index(0), ring[2])
ring.rotate(-5)
print(ring)


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            print('  evict', self.data.popitem(last=False))


cache = LRUCache(2)
cache.put('x', 1)
cache.put('y', 2)
cache.get('x')
cache.put('z', 3)
print(cache.data, cache.data.keys(), list(cache.data.items()))
defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'admin'}
cli = {}
settings = ChainMap(cli, env, defaults)
print(settings['user'], settings['color'], len(settings), sorted(settings))
cli['color'] = 'blue'
print(settings, settings.parents)
