# reversed() of dict subclasses: dict's own reverse order unless the class defines __reversed__.
from collections import OrderedDict


class D(dict):
    pass


class R(dict):
    def __reversed__(self):
        return iter(["custom"])


d = OrderedDict(a=1, b=2, c=3)
print(list(reversed(d)), d.popitem(), list(d))
print(list(reversed(D(x=1, y=2))), list(reversed(R(x=1))))
e = D()
print(list(reversed(e)))
