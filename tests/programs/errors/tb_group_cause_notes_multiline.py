def f():
    raise ValueError('a\nmultiline')
try:
    f()
except ValueError as e:
    e.add_note('note A\nline two')
    raise ExceptionGroup('g', [e, KeyError('x')]) from TypeError('cause')
