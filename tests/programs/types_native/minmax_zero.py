# min/max with float zeros and defaults natively: 0.0 is a value like any other (first of equal items wins).
print(max(-0.0, 0.0), min(0.0, -0.0), min([0.0, -0.0]), max([], default=0.0), min([], default=0), max([0.0]), min(0.0, 1.0), max(0.0, -1.0))
print(max([3, 1, 2]), min('bca'), max([1, 5, 3], key=lambda x: -x), min([], default=None), max(2, 2.0), min(1, 1.0, key=None))
try:
    max([])
except ValueError as e:
    print(e)
try:
    max(1, 2, default=0.0)
except TypeError as e:
    print(e)
