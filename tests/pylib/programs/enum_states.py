# enum: a state machine, permissions flags and string enums.
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique


@unique
class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()

    def next(self):
        order = list(State)
        return order[(order.index(self) + 1) % len(order)]


s = State.IDLE
for _ in range(4):
    print(s, repr(s), s.name, s.value)
    s = s.next()
print(State(2), State['DONE'], State.DONE in State, len(State), [m.name for m in State])
try:
    State(9)
except ValueError as e:
    print('ValueError:', e)


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    ALL = READ | WRITE | EXEC


rw = Perm.READ | Perm.WRITE
print(rw, repr(rw), Perm.READ in rw, Perm.EXEC in rw, ~rw, list(rw), Perm.ALL, Perm(0), bool(Perm(0)))


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


print(Mode.R | Mode.X, int(Mode.R | Mode.W), repr(Mode(7)), Mode(8), Mode.R + 1)


class Level(IntEnum):
    LOW = 1
    HIGH = 3


print(Level.LOW < Level.HIGH, Level.HIGH * 2, sorted([Level.HIGH, Level.LOW]), f'{Level.HIGH}', str(Level.LOW))


class Color(StrEnum):
    RED = auto()
    GREEN = 'green'


print(Color.RED, repr(Color.RED), Color.RED == 'red', Color('green'), '-'.join(Color))
Animal = Enum('Animal', 'CAT DOG')
print(list(Animal), Animal.DOG.value)


def react(state):
    match state:
        case State.IDLE:
            return 'waiting'
        case State.RUNNING | State.DONE:
            return 'busy or done'


print([react(x) for x in State])
