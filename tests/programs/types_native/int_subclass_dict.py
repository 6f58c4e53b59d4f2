# Instances of int subclasses have an instance dict (after the limbs: layout intsub).
class Tagged(int):
    pass
t = Tagged(7)
t.label = "seven"
z = Tagged(0)
z.label = "zero"
b = Tagged(2 ** 80)
b.label = "big"
print(t, t.label, z.label, b.label, t.__dict__, t + 1, z == 0, b > 2 ** 79)
print(vars(z), hasattr(t, 'label'), getattr(b, 'nope', 'dflt'))
del t.label
print(hasattr(t, 'label'), t * 2)
