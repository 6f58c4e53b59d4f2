print(dict.fromkeys.__qualname__, int.from_bytes.__qualname__, float.fromhex.__name__)
print(repr(dict.fromkeys).split(' at ')[0], repr({}.fromkeys).split(' at ')[0])
print(dict.fromkeys('ab'), {}.fromkeys([1], 0))
class A:
    @classmethod
    def c(cls): pass
    def m(self): pass
print(repr(A.c).split(' at ')[0], repr(A().m).split(' at ')[0])
