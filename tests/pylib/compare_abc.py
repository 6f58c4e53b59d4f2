"""Behaviour of abc, printed for comparison (see run.sh compare)."""
import abc
from abc import ABC, ABCMeta, abstractmethod


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


class Base(ABC):
    @abstractmethod
    def run(self):
        pass

    @abstractmethod
    def stop(self):
        pass

    @property
    @abstractmethod
    def name(self):
        pass

    @classmethod
    @abstractmethod
    def make(cls):
        pass

    def helper(self):
        return 'helper'


class Half(Base):
    def run(self):
        return 'running'


class Full(Half):
    def stop(self):
        return 'stopped'

    @property
    def name(self):
        return 'full'

    @classmethod
    def make(cls):
        return cls()


show('abstracts', lambda: (sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__),
                           sorted(Full.__abstractmethods__)))
show('instantiate base', lambda: Base())
show('instantiate half', lambda: Half())
f = Full.make()
show('full', lambda: (f.run(), f.stop(), f.name, f.helper(), isinstance(f, Base)))


class One(ABC):
    @abstractmethod
    def only(self):
        pass


show('one method', lambda: One())


class Plain:
    pass


Base.register(Plain)
show('register', lambda: (issubclass(Plain, Base), isinstance(Plain(), Base), Plain.__mro__))
show('register non-class', lambda: Base.register(3))
show('register cycle', lambda: Half.register(Base))
show('register returns', lambda: Base.register(Full) is Full)


class Hooked(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return any('quack' in B.__dict__ for B in C.__mro__)
        return NotImplemented


class Duck:
    def quack(self):
        pass


show('subclasshook', lambda: (issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked)))
show('issubclass non-class', lambda: issubclass(3, Hooked))
token = abc.get_cache_token()
Hooked.register(int)
show('cache token', lambda: abc.get_cache_token() != token)
show('ABC meta', lambda: (type(ABC).__name__, type(Base) is ABCMeta, ABC.__abstractmethods__))


class Later(ABC):
    @abstractmethod
    def m(self):
        pass


Later.m = lambda self: 1
abc.update_abstractmethods(Later)
show('update_abstractmethods', lambda: (Later.__abstractmethods__, Later().m()))


class Deprecated(ABC):
    @abc.abstractproperty
    def p(self):
        pass

    @abc.abstractclassmethod
    def c(cls):
        pass

    @abc.abstractstaticmethod
    def s():
        pass


show('deprecated decorators', lambda: sorted(Deprecated.__abstractmethods__))
show('kwargs to init_subclass', lambda: type('K', (ABC,), {}).__name__)
