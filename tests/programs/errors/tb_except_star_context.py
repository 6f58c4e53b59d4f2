def f():
    raise ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), KeyError(3)])])
try:
    f()
except* TypeError:
    raise RuntimeError('handler')
