import types, weakref
def t(label, obj, cls):
    try:
        obj.__class__ = cls
        print(label, 'ok', type(obj).__name__)
    except TypeError as e:
        print(label, 'TypeError', e)
class A: pass
class B: pass
class AS:
    __slots__ = ()
class BS:
    __slots__ = ()
class X1:
    __slots__ = ('a', 'b')
class X2:
    __slots__ = ('b', 'a')
class X3:
    __slots__ = ('a', 'c')
class XW:
    __slots__ = ('a', 'b', '__weakref__')
class XD:
    __slots__ = ('a', 'b', '__dict__')
class YD:
    __slots__ = ('__dict__',)
class YW:
    __slots__ = ('__weakref__',)
class YDW:
    __slots__ = ('__dict__', '__weakref__')
class L(list): pass
class M(list): pass
class LS(list):
    __slots__ = ()
class I(int): pass
class J(int): pass
class T(tuple): pass
class TS(tuple):
    __slots__ = ()
class D(dict): pass
class E(Exception): pass
class F(Exception): pass
class G(ValueError): pass
class O(OSError): pass
class ES(Exception):
    __slots__ = ()
class KE(KeyError): pass
class CE(ConnectionError): pass
class A2(A): pass
class A3(A):
    __slots__ = ('z',)
class MA(A, B): pass
class Mod(types.ModuleType): pass
class Meta(type): pass
class Meta2(type): pass
for name, mk in [('A', A), ('AS', AS), ('X1', X1), ('XW', XW), ('XD', XD), ('YD', YD), ('YW', YW), ('YDW', YDW), ('L', lambda: L()), ('I', lambda: I(1)), ('T', lambda: T()), ('TS', lambda: TS()), ('E', E), ('ES', ES), ('O', O), ('CE', CE), ('A2', A2), ('A3', A3), ('MA', MA), ('LS', lambda: LS())]:
    for c in [A, B, AS, BS, X1, X2, X3, XW, XD, YD, YW, YDW, L, M, LS, I, J, T, TS, D, E, F, G, O, ES, KE, CE, A2, A3, MA, int, object, list, Exception]:
        t(name + '->' + c.__name__, mk(), c)
m = types.ModuleType('m')
t('mod->Mod', m, Mod)
t('Mod->module', m, types.ModuleType)
t('mod->A', types.ModuleType('q'), A)
t('int->I', 1, I)
t('obj->A', object(), A)
class C1(metaclass=Meta): pass
t('cls->Meta2', C1, Meta2)
t('A->type', A(), 1)
try:
    del A().__class__
except TypeError as e:
    print(e)
try:
    del (1).__class__
except TypeError as e:
    print(e)
t('fn', lambda: 0, A)
