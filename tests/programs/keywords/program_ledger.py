from dataclasses import dataclass, field
from enum import Enum, auto
from collections import defaultdict, Counter, deque
from functools import reduce, total_ordering, partial
import itertools, heapq, bisect, json, re

class Kind(Enum):
    DEPOSIT = auto()
    WITHDRAW = auto()
    TRANSFER = auto()

@dataclass(frozen=True)
class Tx:
    kind: Kind
    amount: int
    src: str = ''
    dst: str = ''

class InsufficientFunds(Exception):
    def __init__(self, who, need, have):
        super().__init__(f'{who} needs {need}, has {have}')
        self.who, self.need, self.have = who, need, have

@total_ordering
class Account:
    def __init__(self, name, balance=0):
        self.name, self.balance = name, balance
        self.history = []
    def __eq__(self, o): return self.balance == o.balance
    def __lt__(self, o): return self.balance < o.balance
    def __repr__(self): return f'Account({self.name!r}, {self.balance})'
    def apply(self, tx):
        match tx:
            case Tx(kind=Kind.DEPOSIT, amount=a):
                self.balance += a
            case Tx(kind=Kind.WITHDRAW, amount=a) if a > self.balance:
                raise InsufficientFunds(self.name, a, self.balance)
            case Tx(kind=Kind.WITHDRAW, amount=a):
                self.balance -= a
            case _:
                raise ValueError(f'unsupported {tx.kind.name}')
        self.history.append(tx)

accounts = {n: Account(n, b) for n, b in [('ann', 100), ('bob', 50), ('cy', 0)]}
txs = [Tx(Kind.DEPOSIT, 30, dst='bob'), Tx(Kind.WITHDRAW, 500, src='cy'), Tx(Kind.WITHDRAW, 20, src='ann'), Tx(Kind.TRANSFER, 5)]
errors = []
for tx in txs:
    who = tx.dst or tx.src or 'ann'
    try:
        accounts[who].apply(tx)
    except InsufficientFunds as e:
        errors.append((e.who, e.need, str(e)))
    except ValueError as e:
        errors.append(str(e))
print(sorted(accounts.values()), errors)
print(max(accounts.values()).name, [a.name for a in sorted(accounts.values(), reverse=True)])
by_kind = defaultdict(list)
for tx in txs: by_kind[tx.kind.name].append(tx.amount)
print(dict(by_kind), Counter(t.kind for t in txs).most_common(1))
def running(xs):
    total = 0
    for x in xs:
        total += x
        yield total
print(list(running(t.amount for t in txs)), list(itertools.accumulate([t.amount for t in txs], max)))
q = deque(maxlen=2)
for t in txs: q.append(t.amount)
print(q, heapq.nlargest(2, txs, key=lambda t: t.amount)[0].amount, bisect.bisect([10, 20, 30], 25))
print(json.dumps({'accounts': {k: v.balance for k, v in accounts.items()}, 'errors': len(errors)}, sort_keys=True))
print(re.findall(r'(\w+) needs (\d+)', ' '.join(str(e) for e in errors)))
add = partial(reduce, lambda a, b: a + b)
print(add([1, 2, 3]), add(['x', 'y'], ''))
grouped = {k: [t.amount for t in g] for k, g in itertools.groupby(sorted(txs, key=lambda t: t.kind.value), key=lambda t: t.kind)}
print(grouped)
