# syntax error test: the program must be rejected exactly as CPython rejects it
try:
  pass
x = 1
