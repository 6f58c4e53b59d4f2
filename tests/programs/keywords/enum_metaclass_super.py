# super() inside a metaclass's __setattr__, called often enough to be specialized.
class M(type):
    def __setattr__(cls, name, value):
        if name.startswith('block'):
            raise AttributeError('blocked ' + name)
        super().__setattr__(name, value)
class A(metaclass=M):
    pass
for i in range(40):
    setattr(A, 'x' + str(i), i)
print(sum(getattr(A, 'x' + str(i)) for i in range(40)))
try:
    A.block = 1
except AttributeError as e:
    print(e)
