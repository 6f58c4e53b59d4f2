# super() reaching builtin base types from classes deriving from them.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


class Counter(dict):
    def __getitem__(self, key):
        return super().__getitem__(key) if key in self else 0

    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)


cnt = Counter()
cnt['a'] = 1
t('dict subclass', lambda: (cnt['a'], cnt['b'], len(cnt)))


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())


t('str __new__', lambda: (Upper('abc'), type(Upper('abc')).__name__))


class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other) * 1)

    def __repr__(self):
        return 'Money(' + super().__repr__() + ')'


t('int subclass', lambda: repr(Money(2) + 3))


class Stack(list):
    def push(self, x):
        super().append(x)
        return self

    def __len__(self):
        return super().__len__() * 100


t('list subclass', lambda: (Stack().push(1).push(2), len(Stack([1]))))


class Tagged(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = 'T'

    def __str__(self):
        return self.tag + ':' + super().__str__()


t('exception subclass', lambda: (str(Tagged('a')), Tagged('a', 'b').args))
