# Data attributes of numbers and builtin functions: int/float/complex real, imag,
# numerator, denominator; __name__/__qualname__/__module__/__self__ of builtins.
print((5).real, (5).imag, (5).numerator, (5).denominator, (-7).numerator, (10 ** 30).real)
print(True.real, True.imag, True.numerator, type(True.real), False.denominator)
print((2.5).real, (2.5).imag, (-0.0).real, type((1.5).imag))
z = 3 - 4j
print(z.real, z.imag, type(z.real), (1j).imag)
print(int.real, float.imag, complex.real, int.numerator)
print(getattr(7, 'real'), hasattr(7, 'imag'), hasattr(7, 'nope'), getattr(1.5, 'imag'))
print(len.__name__, print.__qualname__, len.__module__, abs.__name__, [].append.__name__)
print(len.__self__ is None or True, "abc".upper.__self__, [1].pop.__name__)
for f in [lambda: setattr(5, 'real', 1), lambda: setattr(z, 'imag', 2.0),
          lambda: delattr(1.5, 'real')]:
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
