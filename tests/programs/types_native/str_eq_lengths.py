# Str equality in dict and set probes and ==, for every length 0..40 and a difference at
# every position (the native rt_cont_streq compares 8, 4, 2 and 1 bytes at a time and the
# last bytes of a long str as one overlapping word), in the 1-, 2- and 4-byte kinds.
def variants(base):
    out = []
    for i in range(len(base)):
        c = base[i]
        out.append(base[:i] + chr(ord(c) + 1) + base[i + 1:])
    return out


total = 0
for fill in ("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", "é" * 3 + "ab" * 20, "ĀāĂ" * 14, "\U0001f600x" * 21):
    for n in range(41):
        base = fill[:n]
        d = {base: n}
        s = {base}
        copy = "".join(list(base))
        assert copy is not base or n < 2
        if d.get(copy) != n or copy not in s or not (copy == base) or copy != base:
            print("equal copy missed", n, repr(base))
        for v in variants(base):
            if v in d or v in s or v == base or not (v != base):
                print("different str matched", n, repr(base), repr(v))
            total += 1
        longer = base + "x"
        if longer in d or base[:-1] in d and n > 0:
            print("length mismatch matched", n)
print("checked", total)
words = {}
for w in ["ka", "kalo", "kalomine", "kalominer", "kalominerutashi", "kalominerutashipo", "kalominerutashipov"]:
    words[w] = len(w)
for w in ["ka", "kalo", "kalomine", "kalominer", "kalominerutashi", "kalominerutashipo", "kalominerutashipov", "kb", "kalominerutashipoV"]:
    print(w, words.get("".join(list(w))))
