# struct_time, strftime over fields, sys struct sequences (no wall-clock values printed).
import time, sys
print(time.gmtime(0))
print(sys.version_info[:2] >= (3, 11), sys.float_info.max, sys.version_info > (3, 10))
t = time.gmtime(1_000_000_000)
for f in '%a %A %b %B %c %C %d %D %e %F %G %g %H %I %j %m %M %p %S %u %U %V %w %W %x %X %y %Y %%'.split():
    print(f, time.strftime(f, t))
for y in range(2018, 2026):
    print(y, time.strftime('%G %V %U %W', (y, 1, 1, 0, 0, 0, (y * 365 + (y - 1) // 4 - (y - 1) // 100 + (y - 1) // 400) % 7, 1, 0)))
print(time.asctime(t))
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9)))
print(tuple(t), t.tm_zone, t.tm_gmtoff, len(t), t == tuple(t), t[-1], t[1:3])
print(type(sys.version_info).__name__, sys.version_info.major, type(t).__name__)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print(e)
