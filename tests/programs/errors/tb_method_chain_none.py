class A:
    def b(self): return None
a = A()
a.b().c()
