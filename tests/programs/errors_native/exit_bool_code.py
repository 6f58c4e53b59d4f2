# sys.exit(True): bool is an int, so the status is 1 and nothing is printed (CPython's
# handle_system_exit); the test harness sees status 1 and an empty stderr.
import sys
print("exiting with True")
sys.exit(True)
