# abc: abstract base classes, registration and __subclasshook__.
from abc import ABC, abstractmethod, ABCMeta


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return '%s area=%.2f perimeter=%.2f' % (type(self).__name__, self.area(), self.perimeter())


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)


class Broken(Shape):
    def area(self):
        return 0


for cls in (Rect, Square, Broken, Shape):
    try:
        obj = cls(2, 3) if cls is Rect else cls(2)
        print(obj.describe())
    except TypeError as e:
        print('TypeError:', e)


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

    def perimeter(self):
        return 2 * 3.14159 * self.r


Shape.register(Circle)
print(isinstance(Circle(1), Shape), issubclass(Circle, Shape), Circle.__mro__[-1].__name__)


class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return hasattr(C, 'draw')
        return NotImplemented


class Sprite:
    def draw(self):
        return 'sprite'


print(isinstance(Sprite(), Drawable), isinstance(Rect(1, 1), Drawable), sorted(Shape.__abstractmethods__))
