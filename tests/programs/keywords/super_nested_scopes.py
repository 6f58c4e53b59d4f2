class B:
    def f(self): return 'B.f'
class C(B):
    def f(self):
        try:
            r = [super().f() for _ in range(1)]
        except TypeError as e:
            r = str(e)
        return super().f(), r, (lambda: __class__)(), [__class__ for _ in '1']
    def g(self):
        return [[x for x in [__class__]] for _ in '1']
print(C().f(), C().g())
def outside():
    try:
        super()
    except RuntimeError as e:
        print(e)
outside()
def nested():
    class K(B):
        def f(self):
            def deep():
                return __class__
            return deep(), super().f()
    return K().f()
print(nested())
