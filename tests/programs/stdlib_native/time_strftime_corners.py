# struct_time and strftime corners natively (C locale; no local-time values printed).
import time
t = time.gmtime(1_234_567_890)
print(t, t.tm_zone, t.tm_gmtoff, t.tm_isdst, type(t.tm_isdst).__name__)
print(time.strftime('%a %A %b %B %h %c|%x|%X|%D|%F|%T|%R|%r', t))
print(time.strftime('%C %y %Y %G %g %V %U %W %u %w %j %e %k %l %I %p %P %n%t|%%|%Q|%', t))
print(time.strftime('[%-d] [%_m] [%05Y] [%^a] [%10A] [%Ey] [%Od]', t))
print(time.strftime('%z %Z', t), repr(time.strftime('', t)))
for y in (1, 99, 999, 1000, 1900, 2000, 9999, 12345):
    print(y, time.strftime('%Y|%C|%y|%G|%g|%F', (y, 3, 1, 0, 0, 0, 0, 60, 0)))
for secs in (0, -1, 86399, 86400, 951782400, 4102444800, -62135596800, 253402300799):
    g = time.gmtime(secs)
    print(secs, tuple(g), time.asctime(g))
print(time.gmtime(1.9), time.gmtime(-1.5)[:6], time.gmtime(True)[:6])
print(time.asctime((2024, 2, 29, 23, 59, 60, 3, 60, 0)))
print(time.strftime('%m %d %j', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 8, 'XYZ', 3600)).tm_zone,
      time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 8, 'XYZ', 3600)).tm_gmtoff,
      time.struct_time([1, 2, 3, 4, 5, 6, 7, 8, 9]).tm_zone)
s = time.struct_time(range(9))
print(s, s[2:5], s + (1,), len(s), s == tuple(range(9)), s > (0, 1), list(s)[-1], hash(s) == hash(tuple(range(9))))
print(type(s).__name__, isinstance(s, tuple), s.n_fields, s.n_sequence_fields, s.n_unnamed_fields)
for bad in [(1, 2), list(range(12)), 5]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print('TypeError:', e)
for args in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0),
             (2024, 1, 1, 0, 60, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0), (2024, 1, 1, 0, 0, 0, -2, 1, 0),
             (2024, 1, 1, 0, 0, 0, 0, 367, 0), (2024, 1, 1), (2024, 1, 1, 0, 0, 0, 0, 1.5, 0), [2024, 1, 1, 0, 0, 0, 0, 1, 0],
             (2024, 1, 1, 0, 0, 'x', 0, 1, 0)]:
    try:
        print(time.strftime('%Y', args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
for bad in ['x', float('nan'), 1e300, 10 ** 30, None]:
    try:
        print(time.gmtime(bad) if bad is not None else type(time.gmtime(bad)).__name__)
    except (TypeError, ValueError, OverflowError, OSError) as e:
        print(type(e).__name__ + ':', e)
try:
    time.strftime(5)
except TypeError as e:
    print('TypeError:', e)
try:
    time.asctime('x')
except TypeError as e:
    print('TypeError:', e)
print(time.strftime('%Y-%m-%d', time.localtime(0))[:2], type(time.mktime(time.localtime(0))).__name__)
print(time.mktime(time.localtime(1_000_000_000)) == 1_000_000_000.0, time.ctime(0) == time.asctime(time.localtime(0)))
print(type(time.timezone).__name__, type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
