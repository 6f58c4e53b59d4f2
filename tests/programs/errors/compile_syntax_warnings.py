# The compiler's SyntaxWarnings go to stderr before the program runs.
x = 'abc'
if x is 'abc' or x is not ():
    pass
print((1, 2)[0, 1] if len(x) > 5 else 'no index')
print('abc'() if len(x) > 5 else 'no call')
print({1}[0] if len(x) > 5 else 'no subscript')
assert (x, 'always true')
print(1 is -1, [1][False], x is None, x is ...)
def withdraw(balance, amount):
    assert amount > 0 and amount <= balance, 'insufficient funds'
    return balance - amount
print(withdraw(10, 5))
withdraw(10, 50)
