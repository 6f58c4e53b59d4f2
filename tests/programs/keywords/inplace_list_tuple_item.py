# `t[i] += x` on a list inside a tuple mutates the list and then raises.
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print('TypeError:', e)
print(t)
a = [1]
b = a
a += [2]
print(a is b, b)
s = 'x'
s += 'y'
print(s)
