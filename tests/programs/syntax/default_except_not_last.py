# syntax error test: the program must be rejected exactly as CPython rejects it
try:
  pass
except:
  pass
except ValueError:
  pass
