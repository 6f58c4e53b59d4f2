import sys
print("big exit")
sys.exit(2**70)
