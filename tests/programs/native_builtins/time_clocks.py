# The clock functions of the time module: types, monotonicity, sleeping, and CPython's errors.
import time
from time import perf_counter_ns, time_ns
t = time.time(); m = time.monotonic(); p = time.perf_counter()
time.sleep(0.02)
time.sleep(0)
time.sleep(True)
print(type(t).__name__, t > 1.6e9, time.time() - t >= 1.0, time.perf_counter() - p >= 1.0)
print(type(perf_counter_ns()).__name__, time_ns() > 10**18, time.monotonic_ns() >= 0, time.process_time() >= 0, type(time.process_time_ns()).__name__)
for f, a in [(time.time, (1,)), (time.sleep, ()), (time.sleep, (1, 2)), (time.sleep, ('a',)), (time.sleep, (-1,)), (time.sleep, (float('nan'),)), (time.time_ns, (1,))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.sleep(secs=1)
except TypeError as e:
    print(e)
print(time.sleep, time.time)
