# SIGINT -> KeyboardInterrupt (driven by tests/native/sigint.test.ts: one SIGINT after each
# 'ready' line). Caught in a while loop, raised through a finally in a for loop, then uncaught
# in a function's loop: traceback, status 130.
def spin():
    n = 0
    while True:
        n += 1
try:
    print('ready', flush=True)
    spin()
except KeyboardInterrupt as e:
    print('caught', repr(e), e.args, flush=True)
try:
    try:
        print('ready', flush=True)
        for i in iter(int, 1):
            pass
    finally:
        print('finally runs', flush=True)
except KeyboardInterrupt:
    print('caught again', flush=True)
print('ready', flush=True)
def loop():
    n = 0
    while n >= 0:
        n += 1
loop()
