# copy: shallow vs deep copies of nested data and objects, custom hooks, shared references.
import copy


class Config:
    def __init__(self, name, options):
        self.name = name
        self.options = options

    def __repr__(self):
        return 'Config(%r, %r)' % (self.name, self.options)


base = Config('base', {'retries': 3, 'hosts': ['a', 'b']})
shallow = copy.copy(base)
deep = copy.deepcopy(base)
base.options['hosts'].append('c')
base.name = 'changed'
print(shallow, deep, shallow.options is base.options, deep.options is base.options)
matrix = [[0] * 3] * 2
grid = copy.deepcopy(matrix)
grid[0][0] = 1
print(matrix, grid, grid[0] is grid[1])
a = [1, 2]
pair = (a, a)
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is a)


class Counted:
    copies = 0

    def __init__(self, items):
        self.items = items

    def __deepcopy__(self, memo):
        Counted.copies += 1
        return Counted(copy.deepcopy(self.items, memo))


c = Counted([[1], [2]])
d = copy.deepcopy({'one': c, 'again': c})
print(Counted.copies, d['one'] is d['again'], d['one'].items == c.items)
loop = {'name': 'loop'}
loop['self'] = loop
lc = copy.deepcopy(loop)
print(lc['self'] is lc, lc is not loop, sorted(lc))
print(copy.copy((1, 2)) == (1, 2), copy.deepcopy('text'), copy.copy([1, [2]]))
