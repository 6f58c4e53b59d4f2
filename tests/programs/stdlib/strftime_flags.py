# glibc strftime flags (- _ 0 ^ #), field widths and E/O modifiers in the C locale, including
# unknown conversions (copied as written, padded to the width).
import time
t = time.gmtime(1_234_567_890)
for f in ['%-j', '%_H', '%#p', '%^B', '%-5d', '%_5d', '%05e', '%-e', '%3j', '%#Z', '%^p', '%#a', '%10%', '%-y', '%_y', '%8F', '%^10b', '%E', '%-', '%5Q', '%#B', '%_-d', '%-_d', '%012s', '%-C', '%4C', '%_k', '%-l', '%0k']:
    print(repr(f), repr(time.strftime(f, t)))
for f in ['%-3H', '%_-5m', '%-05d', '%^-8a', '%#-8A', '%-#10p', '%3%', '%-3%', '%010Y', '%-2Y', '%_3G', '%-10c', '%^c', '%#c', '%#x', '%_10T']:
    print(repr(f), repr(time.strftime(f, t)))
