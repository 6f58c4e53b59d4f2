# NameError suggestions: the frame's locals first, then the module's globals, then builtins.
counter_total = 10
def work(values):
    resultt = 0
    for v in values:
        resultt += v
    return counter_totl + resultt
print('start')
work([1, 2])
