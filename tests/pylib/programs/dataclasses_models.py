# dataclasses: models with defaults, ordering, frozen values and conversion.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar
from typing import List, Optional


@dataclass
class Address:
    city: str
    zip_code: str = '00000'


@dataclass
class Customer:
    name: str
    email: str
    addresses: List[Address] = field(default_factory=list)
    vip: bool = False
    notes: str = field(default='', repr=False, compare=False)


c = Customer('Ann', 'ann@example.com', [Address('Oslo', '0150')])
print(c, asdict(c), astuple(c))
print(c == Customer('Ann', 'ann@example.com', [Address('Oslo', '0150')], notes='x'), [f.name for f in fields(c)])
print(replace(c, vip=True))


@dataclass(order=True, frozen=True)
class Money:
    amount: int
    currency: str = 'EUR'

    def __add__(self, other):
        return Money(self.amount + other.amount, self.currency)


wallet = [Money(5), Money(2, 'USD'), Money(5, 'AUD')]
print(sorted(wallet), sum(wallet[1:], Money(0)), hash(Money(1)) == hash(Money(1)))
try:
    wallet[0].amount = 9
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)


@dataclass
class Order:
    items: List[str]
    discount: InitVar[float] = 0.0
    total: Optional[float] = field(init=False, default=None)

    def __post_init__(self, discount):
        self.total = round(len(self.items) * 9.99 * (1 - discount), 2)


print(Order(['a', 'b']), Order(['a'], 0.5).total)
try:
    Customer('Bob')
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: str
except TypeError as e:
    print('TypeError:', e)
