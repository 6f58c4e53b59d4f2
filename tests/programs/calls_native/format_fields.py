# str.format fields that read attributes: instances of classes (the generic lookup after the
# class's slot), attributes of builtin types named only inside format strings.
class P:
    kind = 'cls'
    def __init__(self):
        self.x = 1
        self.items = [10, 20]
p = P()
print('{0.x} {0.kind} {0.items[1]} {p.x}'.format(p, p=p), '{0.real} {0.__class__.__name__}'.format(5))
try:
    '{0.nope}'.format(p)
except AttributeError as e:
    print(e)
try:
    '{0.nope}'.format(3)
except AttributeError as e:
    print(e)
print('{0.__class__.__name__} {0.imag.real}'.format(5))
