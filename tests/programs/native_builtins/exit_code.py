# exit() and quit() end to end: SystemExit carries the code; uncaught, it sets the exit
# status without a traceback.

for f in (exit, quit):
    try:
        f(5)
    except SystemExit as e:
        print('caught', type(e).__name__, e)
    try:
        f()
    except SystemExit as e:
        print('caught', type(e).__name__, repr(str(e)))
try:
    exit(1, 2)
except TypeError as e:
    print(e)
try:
    quit(code=1, x=2)
except TypeError as e:
    print(e)
print('bye')
exit(3)
print('not reached')
