# operator: getters for sorting and functional arithmetic.
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce


class Employee:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary

    def __repr__(self):
        return self.name


staff = [Employee('ann', 'eng', 120), Employee('bob', 'ops', 90), Employee('cy', 'eng', 100), Employee('di', 'ops', 95)]
print(sorted(staff, key=attrgetter('dept', 'salary')), max(staff, key=attrgetter('salary')))
rows = [('b', 2, 9.5), ('a', 2, 1.0), ('c', 1, 3.3)]
print(sorted(rows, key=itemgetter(1, 0)), list(map(itemgetter(2), rows)), itemgetter(0, 2)(rows[0]))
print(list(map(methodcaller('title'), ['ann lee', 'bo'])), methodcaller('split', '-', 1)('a-b-c'))
print(itemgetter(1), attrgetter('name', 'dept'), methodcaller('count', 'a'))
print(reduce(operator.add, [1, 2, 3]), reduce(operator.or_, [1, 2, 4]), list(map(operator.neg, [1, -2])))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(-7, 3), operator.pow(2, 10))
print(operator.contains('team', 'ea'), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
print(operator.is_(None, None), operator.not_([]), operator.truth('x'), operator.index(5))
totals = {}
for e in staff:
    totals[e.dept] = operator.add(totals.get(e.dept, 0), e.salary)
print(sorted(totals.items(), key=itemgetter(1), reverse=True))
