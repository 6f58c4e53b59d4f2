# input() end to end: lines read without their "\n" ("\r" stays: stdin has newline="\n"
# on Linux), empty lines, prompts (str() of any object), non-ASCII text, a line longer than
# the reader's buffer, the last line without a newline, then EOFError.

print(repr(input()))
print(repr(input('prompt> ')))
print(repr(input()))
print(repr(input(42)))
print(repr(input()))
long = input()
print(len(long), long[:6], long[39998:40003], long[-3:], long.count('é'))
print(repr(input()))
try:
    input()
except EOFError as e:
    print('EOFError:', e)
try:
    input('again: ')
except EOFError as e:
    print('EOFError:', e)
try:
    input('a', 'b')
except TypeError as e:
    print(e)
try:
    input(prompt='x')
except TypeError as e:
    print(e)
