d = {'a': 1}
val = d['a'] + d['b']
