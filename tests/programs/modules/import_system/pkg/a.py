A_VAL = 'a'
print('pkg.a loaded', __name__, __package__)
