# syntax error test: the program must be rejected exactly as CPython rejects it
try:
  pass
except* ValueError:
  pass
except TypeError:
  pass
