import enum, sys
class E(enum.IntEnum):
    BAD = 3
sys.exit(E.BAD)
