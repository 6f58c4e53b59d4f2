# globals()[k] = v binds module globals (assigned ones, new ones, non-str keys).
counter = 0
def bump(name, value):
    globals()[name] = value
bump('counter', 41)
print(counter + 1)
bump('fresh', 'made at run time')
print(fresh)
def show():
    return fresh, counter
print(show())
globals()['lit'] = [1, 2]
print(lit, 'lit' in globals(), globals().get('lit'))
for i in range(3):
    key = f'v{i}'
    globals()[key] = i * i
print(globals()['v2'], 'v1' in globals())
globals()[7] = 'seven'
print(globals()[7] if 7 in globals() else 'missing')
try:
    bad = [1]
    globals()[bad] = 2
except TypeError as e:
    print('TypeError', e)
