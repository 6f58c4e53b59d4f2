# random.Random instances and subclasses: independent streams, overriding random().
import random


class Dice(random.Random):
    """A subclass adding a method; the generator is inherited unchanged."""

    def roll(self, n=2, sides=6):
        return sum(self.randint(1, sides) for _ in range(n))


d1, d2 = Dice(2023), Dice(2023)
print([d1.roll() for _ in range(10)])
d3 = Dice(2023)
print([d2.roll() for _ in range(10)] == [d3.roll() for _ in range(10)], d1.roll(3, 20))
print(isinstance(d1, random.Random), Dice.__mro__[1].__name__)


class Lcg(random.Random):
    """Overrides random() only, so randrange/choice/shuffle must use random() too."""

    def __init__(self, seed):
        self.state = seed
        super().__init__(seed)

    def random(self):
        self.state = (self.state * 1103515245 + 12345) % 2 ** 31
        return self.state / 2 ** 31


g = Lcg(1)
print([g.randrange(100) for _ in range(8)], g.choice('abcdefgh'))
deck = list(range(10))
g.shuffle(deck)
print(deck, round(g.uniform(0, 1), 12))

a = random.Random(5)
b = random.Random()
b.setstate(a.getstate())
print([a.randint(0, 99) for _ in range(6)] == [b.randint(0, 99) for _ in range(6)])
print(random.Random(0).random(), random.Random(-0).random() == random.Random(0).random())
print(random.Random(1.5).random(), random.Random('1.5').random())
