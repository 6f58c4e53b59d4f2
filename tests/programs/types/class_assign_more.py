import types
def t(label, obj, cls):
    try:
        obj.__class__ = cls
        print(label, 'ok', type(obj).__name__)
    except TypeError as e:
        print(label, 'TypeError', e)
class P:
    __slots__ = ('a',)
class Q:
    __slots__ = ('a', '__dict__')
class R:
    __slots__ = ('a', '__dict__')
class W1:
    __slots__ = ('__weakref__', '__dict__')
class Mix(P): pass
class Mix2(P):
    __slots__ = ('__weakref__', '__dict__')
class I(int): pass
class I2(I): pass
class B1: pass
class B2: pass
class C(B1, B2): pass
class D(B2, B1): pass
class SL(P, B1): pass
class F(float): pass
class G(float): pass
class St(str): pass
class St2(str): pass
class Dd(dict): pass
class Ee(dict): pass
class DE(Exception):
    __slots__ = ('x',)
class DF(Exception):
    __slots__ = ('x',)
t('P->Q', P(), Q)
t('Q->R', Q(), R)
t('Q->P', Q(), P)
t('W1->B1', W1(), B1)
t('Mix->Mix2', Mix(), Mix2)
t('Mix2->Mix', Mix2(), Mix)
t('Mix->P', Mix(), P)
t('I->I2', I(3), I2)
t('I2->I', I2(3), I)
t('C->D', C(), D)
t('SL->Mix', SL(), Mix)
t('F->G', F(1.5), G)
t('St->St2', St('x'), St2)
t('Dd->Ee', Dd(), Ee)
t('DE->DF', DE(), DF)
t('DE->P', DE(), P)
o = Q(); o.a = 5; o.b = 6
o.__class__ = R
print(o.a, o.b, o.__dict__)
x = P(); x.a = 1
x.__class__ = Mix if False else P
class M1(types.ModuleType):
    def hello(self): return 'hi ' + self.__name__
import sys
me = sys.modules[__name__]
me.__class__ = M1
print(me.hello())
t('mod->B1', me, B1)
