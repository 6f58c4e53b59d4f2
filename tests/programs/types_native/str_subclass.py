# Subclasses of str natively (layout strsub: the STR, then the instance dict), and enum on them.
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hello")
s.tag = 1
print(s, repr(s), type(s).__name__, s.shout(), s.tag, len(s), s + " world", s == "hello", "hello" == s)
print(s.upper(), s[1:3], s[0], "ell" in s, hash(s) == hash("hello"), {s: 1}["hello"], {"hello": 2}[s])
print(f"{s}", f"{s!r}", "%s" % s, str(s), type(str(s)).__name__, s.split("l"), "-".join([s, s]))
e = S("")
print(repr(e), len(e), bool(e), S("é€😀"), len(S("é€😀")), S(12))
print(isinstance(s, str), sorted([S("b"), "a", S("c")]), s.startswith("he"), s.replace("l", "L"))
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, list(Color), Color(2), Color['GREEN'], Color.RED.value, len(Color), Color.GREEN in Color)
class Perm(enum.Flag):
    R = 4
    W = 2
print(Perm.R | Perm.W, Perm(6), Perm.R in (Perm.R | Perm.W))
class P(enum.IntEnum):
    LOW = 1
    HIGH = 3
print(P.LOW, P.HIGH + 1, P(3), P.LOW < P.HIGH, int(P.HIGH), repr(P.LOW))
class N(enum.StrEnum):
    A = "a"
print(N.A, N.A.upper(), N.A == "a", repr(N.A))
