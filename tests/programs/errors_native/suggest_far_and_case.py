# Nothing close enough: no suggestion; a case-only difference costs less than a substitution.
class C:
    Value = 1
    valve = 2
c = C()
try:
    c.completely_different
except AttributeError as e:
    print(e)
print(c.vAlue)
