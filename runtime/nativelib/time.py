"""edgepyc's time module for natively compiled programs (edgepyc build / run --jit).

The clocks and sleep are the native builtins of _edgepyc_time (runtime/core/timemodule.ts,
raw clock_gettime / nanosleep). The calendar functions are written here, as CPython 3.11's
Modules/timemodule.c over glibc behaves on Linux: struct_time (a structseq: a 9-tuple with
tm_* attributes, tm_zone and tm_gmtoff), gmtime, localtime, mktime, asctime, ctime,
strftime (glibc's C-locale conversions) and timezone, altzone, daylight, tzname.

Local time follows glibc's tzset: TZ unset reads /etc/localtime; TZ empty is UTC; TZ=":x" or
TZ="x" reads the TZif file x (RFC 8536; relative names under /usr/share/zoneinfo) and,
failing that, parses x as a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0"); anything else is
UTC under the name it starts with. Timestamps past a TZif file's last transition follow
the file's footer TZ string, as glibc does. The zone is read once, at import (CPython too
reads it at import; tzset() is not provided).

Known difference: the item tm_isdst of a struct_time that has tm_zone/tm_gmtoff is an
instance of a private int subclass carrying them (it prints, compares and hashes as the
int), because instances of tuple subclasses have no __dict__ in the native runtime yet.

Anything else a program names from this module (strptime, tzset, get_clock_info,
clock_gettime...) is refused when it is compiled (src/native/program.ts).
"""

from _edgepyc_time import (
    monotonic, monotonic_ns, perf_counter, perf_counter_ns, process_time, process_time_ns,
    sleep, time, time_ns, _readfile, _tzenv,
)
import math as _math

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
           'tm_yday', 'tm_isdst')
_DAYS = ('Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December')


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers.

 Note that several fields' values are not the same as those defined by
 the C language standard for struct tm.  For example, the value of the
 field tm_year is the actual year, not year - 1900.  See individual
 fields' descriptions for details."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        # structseq_new: a sequence of 9 to 11 items; items past the 9th are the
        # attribute-only fields tm_zone and tm_gmtoff.
        try:
            seq = tuple(seq)
        except TypeError:
            raise TypeError('constructor requires a sequence') from None
        n = len(seq)
        if n < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % n)
        if n > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % n)
        extra = list(seq[9:])
        while len(extra) < 2:
            name = ('tm_zone', 'tm_gmtoff')[len(extra)]
            extra.append(None if dict is None else dict.get(name))
        items = seq[:9]
        if (extra[0] is not None or extra[1] is not None) and type(items[8]) is int:
            # Instances of tuple subclasses have no __dict__ in the native runtime yet: the
            # attribute-only fields ride on the tm_isdst value (an int that prints as one).
            flag = _IsDst(items[8])
            flag._tm_extra = (extra[0], extra[1])
            items = items[:8] + (flag,)
        return tuple.__new__(cls, items)

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join(
            '%s=%r' % (_FIELDS[i], self[i]) for i in range(9))

    __str__ = __repr__

    def __reduce__(self):
        return (struct_time, (tuple(self), {'tm_zone': self.tm_zone, 'tm_gmtoff': self.tm_gmtoff}))

    @property
    def tm_year(self):
        """year, for example, 1993"""
        return self[0]

    @property
    def tm_mon(self):
        """month of year, range [1, 12]"""
        return self[1]

    @property
    def tm_mday(self):
        """day of month, range [1, 31]"""
        return self[2]

    @property
    def tm_hour(self):
        """hours, range [0, 23]"""
        return self[3]

    @property
    def tm_min(self):
        """minutes, range [0, 59]"""
        return self[4]

    @property
    def tm_sec(self):
        """seconds, range [0, 61])"""
        return self[5]

    @property
    def tm_wday(self):
        """day of week, range [0, 6], Monday is 0"""
        return self[6]

    @property
    def tm_yday(self):
        """day of year, range [1, 366]"""
        return self[7]

    @property
    def tm_isdst(self):
        """1 if summer time is in effect, 0 if not, and -1 if unknown"""
        v = self[8]
        return int(v) if type(v) is _IsDst else v

    @property
    def tm_zone(self):
        """abbreviation of timezone name"""
        return getattr(self[8], '_tm_extra', (None, None))[0]

    @property
    def tm_gmtoff(self):
        """offset from UTC in seconds"""
        return getattr(self[8], '_tm_extra', (None, None))[1]


class _IsDst(int):
    """tm_isdst of a struct_time that has tm_zone / tm_gmtoff: it carries them."""




# ---- calendar arithmetic (proleptic Gregorian, days counted from 1970-01-01) ----

def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_from_civil(y, m, d):
    # Years start in March, so the leap day is the last day of the (shifted) year; a
    # 400-year era has 146097 days.
    if m <= 2:
        y -= 1
    era = y // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    if m <= 2:
        y += 1
    return y, m, d


# tm_year is an int holding year - 1900 in glibc: years outside fail with EOVERFLOW.
_YEAR_MIN = -2147483648 + 1900
_YEAR_MAX = 2147483647 + 1900


def _fields(t, off, isdst, zone):
    """The struct_time of UTC timestamp t seen at UTC offset off."""
    local = t + off
    days, secs = divmod(local, 86400)
    y, m, d = _civil_from_days(days)
    if y < _YEAR_MIN or y > _YEAR_MAX:
        raise OSError(75, 'Value too large for defined data type')
    yday = days - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, secs // 3600, secs // 60 % 60, secs % 60, wday, yday,
                        isdst, zone, off))


def _timestamp(secs):
    """_PyTime_ObjectToTime_t with _PyTime_ROUND_FLOOR: None is now."""
    if secs is None:
        return time_ns() // 1000000000
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if not -9.223372036854776e18 <= secs < 9.223372036854776e18:
            raise OverflowError('timestamp out of range for platform time_t')
        return int(_math.floor(secs))
    if not isinstance(secs, int):
        if hasattr(type(secs), '__index__'):
            secs = secs.__index__()
        else:
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)
    if not -9223372036854775808 <= secs <= 9223372036854775807:
        raise OverflowError('timestamp out of range for platform time_t')
    return secs


# ---- time zones: TZif files (RFC 8536) and POSIX TZ strings ----

def _be(data, pos, n):
    v = int.from_bytes(data[pos:pos + n], 'big')
    if v >= 1 << (8 * n - 1):
        v -= 1 << (8 * n)
    return v


def _latin1(data, start, end):
    return ''.join([chr(data[k]) for k in range(start, end)])


def _parse_tzif(data):
    """(transition times, their type indices, types [(utoff, isdst, abbr)], footer) or None."""
    if data is None or len(data) < 44 or data[:4] != b'TZif':
        return None
    version = data[4]
    pos = 0
    size = 4
    for block in (1, 2):
        counts = [_be(data, pos + 20 + 4 * i, 4) for i in range(6)]
        isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
        body = pos + 44
        length = timecnt * size + timecnt + typecnt * 6 + charcnt + leapcnt * (size + 4) + isstdcnt + isutcnt
        if block == 1 and version >= 0x32:
            # Version 2+: skip the 32-bit block, read the 64-bit one that follows.
            pos = body + length
            size = 8
            if len(data) < pos + 44 or data[pos:pos + 4] != b'TZif':
                return None
            continue
        if len(data) < body + length:
            return None
        times = [_be(data, body + i * size, size) for i in range(timecnt)]
        p = body + timecnt * size
        idxs = [data[p + i] for i in range(timecnt)]
        p += timecnt
        types = []
        chars_at = p + typecnt * 6
        for i in range(typecnt):
            utoff = _be(data, p + 6 * i, 4)
            isdst = data[p + 6 * i + 4]
            ai = data[p + 6 * i + 5]
            end = ai
            while end < charcnt and data[chars_at + end] != 0:
                end += 1
            types.append((utoff, 1 if isdst else 0, _latin1(data, chars_at + ai, chars_at + end)))
        if not types or any(i >= len(types) for i in idxs):
            return None
        footer = None
        if size == 8:
            q = body + length
            if q < len(data) and data[q] == 10:
                e = q + 1
                while e < len(data) and data[e] != 10:
                    e += 1
                if e > q + 1:
                    footer = _parse_posix(_latin1(data, q + 1, e))
        return times, idxs, types, footer
    return None


def _posix_name(s, i):
    if i < len(s) and s[i] == '<':
        j = s.find('>', i)
        if j < 0:
            return None, i
        return s[i + 1:j], j + 1
    j = i
    while j < len(s) and s[j].isalpha():
        j += 1
    if j - i < 3:
        return None, i
    return s[i:j], j


def _posix_hms(s, i):
    """[+-]hh[:mm[:ss]] -> (seconds, next index), or (None, i)."""
    sign = 1
    j = i
    if j < len(s) and s[j] in '+-':
        sign = -1 if s[j] == '-' else 1
        j += 1
    total = 0
    for part in range(3):
        k = j
        while k < len(s) and s[k].isdigit():
            k += 1
        if k == j:
            if part == 0:
                return None, i
            return None, i
        total += int(s[j:k]) * (3600, 60, 1)[part]
        j = k
        if part < 2 and j < len(s) and s[j] == ':':
            j += 1
            continue
        break
    return sign * total, j


def _posix_date(s, i):
    """A rule date: ('J', n) | ('N', n) | ('M', m, w, d), then [/time]."""
    if i >= len(s):
        return None, i
    if s[i] == 'M':
        parts = []
        j = i + 1
        for n in range(3):
            k = j
            while k < len(s) and s[k].isdigit():
                k += 1
            if k == j:
                return None, i
            parts.append(int(s[j:k]))
            j = k
            if n < 2:
                if j >= len(s) or s[j] != '.':
                    return None, i
                j += 1
        date = ('M', parts[0], parts[1], parts[2])
    else:
        kind = 'N'
        j = i
        if s[j] == 'J':
            kind = 'J'
            j += 1
        k = j
        while k < len(s) and s[k].isdigit():
            k += 1
        if k == j:
            return None, i
        date = (kind, int(s[j:k]))
        j = k
    at = 7200
    if j < len(s) and s[j] == '/':
        at, j = _posix_hms(s, j + 1)
        if at is None:
            return None, i
    return (date, at), j


def _parse_posix(s):
    """A POSIX TZ string -> (std name, std utoff, dst name or None, dst utoff, start, end)."""
    std, i = _posix_name(s, 0)
    if std is None:
        return None
    off, i = _posix_hms(s, i)
    if off is None:
        # glibc keeps the name and UTC's offset; its daylight name stays empty.
        return (std, 0, '', 0, None, None)
    dst, j = _posix_name(s, i)
    if dst is None:
        return (std, -off, None, 0, None, None)
    i = j
    doff = off - 3600
    if i < len(s) and s[i] != ',':
        o, i = _posix_hms(s, i)
        if o is not None:
            doff = o
    start = end = None
    if i < len(s) and s[i] == ',':
        start, i = _posix_date(s, i + 1)
        if start is not None and i < len(s) and s[i] == ',':
            end, i = _posix_date(s, i + 1)
    if start is None or end is None:
        # No rule: the US rules POSIX leaves to the implementation (glibc: M3.2.0,M11.1.0).
        start = (('M', 3, 2, 0), 7200)
        end = (('M', 11, 1, 0), 7200)
    return (std, -off, dst, -doff, start, end)


def _rule_day(year, date):
    """Days since the epoch of a rule date in a year."""
    jan1 = _days_from_civil(year, 1, 1)
    if date[0] == 'J':
        n = date[1]
        if _is_leap(year) and n >= 60:
            n += 1
        return jan1 + n - 1
    if date[0] == 'N':
        return jan1 + date[1]
    _, m, w, d = date
    first = _days_from_civil(year, m, 1)
    day = first + (d - (first + 4) % 7) % 7  # first weekday d of the month (Sunday = 0)
    day += 7 * (w - 1)
    dim = (31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
    while day >= first + dim:
        day -= 7
    return day


def _posix_lookup(rule, t):
    """(utoff, isdst, abbr) of UTC timestamp t under a parsed POSIX TZ string."""
    std, soff, dst, doff, start, end = rule
    if dst is None or start is None:
        return soff, 0, std
    # glibc's compute_change counts from 1970-01-01 for years before 1970: earlier times
    # sit before both changes of 1970.
    year = max(_civil_from_days((t + soff) // 86400)[0], 1970)
    # The start time is in standard time, the end time in daylight time.
    s = _rule_day(year, start[0]) * 86400 + start[1] - soff
    e = _rule_day(year, end[0]) * 86400 + end[1] - doff
    if s < e:
        in_dst = s <= t < e
    else:
        in_dst = not (e <= t < s)
    return (doff, 1, dst) if in_dst else (soff, 0, std)


class _Zone:
    def __init__(self, tzif, rule):
        self.tzif = tzif
        self.rule = rule

    def lookup(self, t):
        if self.tzif is None:
            if self.rule is None:
                return 0, 0, 'UTC'
            return _posix_lookup(self.rule, t)
        times, idxs, types, footer = self.tzif
        if not times or t < times[0]:
            return types[0]
        if t >= times[-1] and footer is not None:
            return _posix_lookup(footer, t)
        lo, hi = 0, len(times)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if times[mid] <= t:
                lo = mid
            else:
                hi = mid
        return types[idxs[lo]]

    def names(self):
        """glibc's tzname after tzset: (standard, daylight) abbreviations."""
        rule = self.rule
        if self.tzif is not None:
            times, idxs, types, footer = self.tzif
            if footer is not None:
                rule = footer
            else:
                std = dst = None
                for i in (idxs if idxs else [0]):
                    utoff, isdst, abbr = types[i]
                    if isdst:
                        dst = abbr
                    else:
                        std = abbr
                std = std if std is not None else types[0][2]
                return std, dst if dst is not None else std
        if rule is None:
            return 'UTC', 'UTC'
        return rule[0], rule[2] if rule[2] is not None else rule[0]


def _load_zone():
    tz = _tzenv()
    if tz is None:
        data = _parse_tzif(_readfile(b'/etc/localtime'))
        return _Zone(data, None)
    if tz == '':
        return _Zone(None, None)
    if tz[0] == ':':
        tz = tz[1:]
    path = tz if tz.startswith('/') else '/usr/share/zoneinfo/' + tz
    data = None
    if '\x00' not in path and '..' not in tz.split('/'):
        data = _parse_tzif(_readfile(path.encode('utf-8', 'surrogateescape')))
    if data is not None:
        return _Zone(data, None)
    return _Zone(None, _parse_posix(tz))


_zone = _load_zone()


def _init_timezone():
    # CPython's init_timezone: the zones of (roughly) January 1st and July 1st this year.
    year = (365 * 24 + 6) * 3600
    t = (time_ns() // 1000000000 // year) * year
    jan = _zone.lookup(t)
    jul = _zone.lookup(t + year // 2)
    janzone, julzone = -jan[0], -jul[0]
    if janzone < julzone:
        return julzone, janzone, int(janzone != julzone), (jul[2], jan[2])
    return janzone, julzone, int(janzone != julzone), (jan[2], jul[2])


timezone, altzone, daylight, tzname = _init_timezone()


def gmtime(seconds=None):
    """gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,
                       tm_sec, tm_wday, tm_yday, tm_isdst)

Convert seconds since the Epoch to a time tuple expressing UTC (a.k.a.
GMT).  When 'seconds' is not passed in, convert the current time instead.

If the platform supports the tm_gmtoff and tm_zone, they are available as
attributes only."""
    return _fields(_timestamp(seconds), 0, 0, 'GMT')


def localtime(seconds=None):
    """localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,
                          tm_sec,tm_wday,tm_yday,tm_isdst)

Convert seconds since the Epoch to a time tuple expressing local time.
When 'seconds' is not passed in, convert the current time instead."""
    t = _timestamp(seconds)
    off, isdst, abbr = _zone.lookup(t)
    return _fields(t, off, isdst, abbr)


def _tm_arg(t, fname):
    """gettmarg: a 9-tuple of ints (or a struct_time) -> the C struct tm's fields as a
    list [year, mon0, mday, hour, min, sec, wday0sun, yday0, isdst, zone, gmtoff]."""
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % fname)
    vals = []
    for v in t:
        if not isinstance(v, int):
            if hasattr(type(v), '__index__'):
                v = v.__index__()
            else:
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
        if not -2147483648 <= v <= 2147483647:
            if v > 0:
                raise OverflowError('signed integer is greater than maximum')
            raise OverflowError('signed integer is less than minimum')
        vals.append(v)
    y, mon, mday, hour, minute, sec, wday, yday, isdst = vals
    w = (wday + 1) % 7
    if wday + 1 < 0 and w != 0:
        w -= 7  # C's remainder keeps the sign of the dividend
    zone = gmtoff = None
    if type(t) is struct_time:
        zone = t.tm_zone
        gmtoff = t.tm_gmtoff
    return [y, mon - 1, mday, hour, minute, sec, w, yday - 1, isdst, zone, gmtoff]


def _checktm(tm):
    if tm[1] == -1:
        tm[1] = 0
    elif not 0 <= tm[1] <= 11:
        raise ValueError('month out of range')
    if tm[2] == 0:
        tm[2] = 1
    elif not 0 <= tm[2] <= 31:
        raise ValueError('day of month out of range')
    if not 0 <= tm[3] <= 23:
        raise ValueError('hour out of range')
    if not 0 <= tm[4] <= 59:
        raise ValueError('minute out of range')
    if not 0 <= tm[5] <= 61:
        raise ValueError('seconds out of range')
    if tm[6] < 0:
        raise ValueError('day of week out of range')
    if tm[7] == -1:
        tm[7] = 0
    elif not 0 <= tm[7] <= 365:
        raise ValueError('day of year out of range')


def _iso_week_days(yday, wday):
    # Days since the Monday starting the ISO week-numbering year (week 1 holds a Thursday).
    return yday - (yday - wday + 4 + 378) % 7 + 3


def _iso(tm):
    year = tm[0]
    yday, wday = tm[7], tm[6]
    days = _iso_week_days(yday, wday)
    if days < 0:
        year -= 1
        days = _iso_week_days(yday + (366 if _is_leap(year) else 365), wday)
    else:
        d = _iso_week_days(yday - (366 if _is_leap(year) else 365), wday)
        if d >= 0:
            year += 1
            days = d
    return year, days // 7 + 1


def _yy(year):
    yy = year % 100
    return yy


def _mktime_tm(tm):
    """mktime(3) of C struct tm fields (normalizing out-of-range values) -> UTC timestamp."""
    y, mon0, mday, hour, minute, sec = tm[0], tm[1], tm[2], tm[3], tm[4], tm[5]
    y += mon0 // 12
    mon0 %= 12
    local = (_days_from_civil(y, mon0 + 1, 1) + mday - 1) * 86400 + hour * 3600 + minute * 60 + sec
    isdst = tm[8]
    off = _zone.lookup(local)[0]
    t = local - off
    off2 = _zone.lookup(t)
    t = local - off2[0]
    if isdst >= 0 and off2[1] != (1 if isdst else 0):
        # The tuple's DST flag disagrees with the zone at that time: glibc reads the wall
        # time in the offset of the flag's kind nearest in time.
        for probe in (t - 86400 * 183, t + 86400 * 183):
            o = _zone.lookup(probe)
            if o[1] == (1 if isdst else 0):
                t = local - o[0]
                break
    return t


def _strftime(fmt, tm):
    out = []
    i = 0
    n = len(fmt)
    y = tm[0]
    while i < n:
        c = fmt[i]
        if c != '%':
            out.append(c)
            i += 1
            continue
        start = i
        i += 1
        pad = None
        upper = False
        change_case = False
        while i < n and fmt[i] in '_-0^#':
            if fmt[i] == '^':
                upper = True
            elif fmt[i] == '#':
                change_case = True
            else:
                pad = fmt[i]
            i += 1
        w = 0
        while i < n and fmt[i].isdigit():
            w = w * 10 + int(fmt[i])
            i += 1
        while i < n and fmt[i] in 'EO':
            i += 1
        if i >= n:
            out.append(fmt[start:])
            break
        d = fmt[i]
        i += 1
        num = None  # (value, width, default pad)
        text = None
        lower = False
        if d == '%':
            text = '%'
        elif d == 'a':
            text = _DAYS[tm[6]][:3]
            upper = upper or change_case
        elif d == 'A':
            text = _DAYS[tm[6]]
            upper = upper or change_case
        elif d in 'bh':
            text = _MONTHS[tm[1]][:3]
            upper = upper or change_case
        elif d == 'B':
            text = _MONTHS[tm[1]]
            upper = upper or change_case
        elif d == 'c':
            text = _strftime('%a %b %e %H:%M:%S %Y', tm)
        elif d == 'C':
            num = (y // 100 if y >= 0 else -((-y) // 100), 1, '0')
        elif d == 'd':
            num = (tm[2], 2, '0')
        elif d == 'D':
            text = _strftime('%m/%d/%y', tm)
        elif d == 'e':
            num = (tm[2], 2, '_')
        elif d == 'F':
            text = _strftime('%Y-%m-%d', tm)
        elif d == 'G':
            num = (_iso(tm)[0], 1, '0')
        elif d == 'g':
            num = (_iso(tm)[0] % 100, 2, '0')
        elif d == 'H':
            num = (tm[3], 2, '0')
        elif d == 'I':
            num = (tm[3] % 12 or 12, 2, '0')
        elif d == 'j':
            num = (tm[7] + 1, 3, '0')
        elif d == 'k':
            num = (tm[3], 2, '_')
        elif d == 'l':
            num = (tm[3] % 12 or 12, 2, '_')
        elif d == 'm':
            num = (tm[1] + 1, 2, '0')
        elif d == 'M':
            num = (tm[4], 2, '0')
        elif d == 'n':
            text = '\n'
        elif d == 'p':
            text = 'PM' if tm[3] >= 12 else 'AM'
            lower = change_case
        elif d == 'P':
            text = 'pm' if tm[3] >= 12 else 'am'
        elif d == 'r':
            text = _strftime('%I:%M:%S %p', tm)
        elif d == 'R':
            text = _strftime('%H:%M', tm)
        elif d == 's':
            num = (_mktime_tm(tm), 1, '0')
        elif d == 'S':
            num = (tm[5], 2, '0')
        elif d == 't':
            text = '\t'
        elif d == 'T':
            text = _strftime('%H:%M:%S', tm)
        elif d == 'u':
            num = ((tm[6] - 1) % 7 + 1, 1, '0')
        elif d == 'U':
            num = ((tm[7] - tm[6] + 7) // 7, 2, '0')
        elif d == 'V':
            num = (_iso(tm)[1], 2, '0')
        elif d == 'w':
            num = (tm[6], 1, '0')
        elif d == 'W':
            num = ((tm[7] - (tm[6] - 1 + 7) % 7 + 7) // 7, 2, '0')
        elif d == 'x':
            text = _strftime('%m/%d/%y', tm)
        elif d == 'X':
            text = _strftime('%H:%M:%S', tm)
        elif d == 'y':
            num = (_yy(y), 2, '0')
        elif d == 'Y':
            num = (y, 1, '0')
        elif d == 'z':
            if tm[8] < 0:
                continue  # glibc writes nothing when DST is unknown
            off = tm[10] if tm[10] is not None else 0
            sign = '-' if off < 0 else '+'
            off = abs(off) // 60
            text = '%s%02d%02d' % (sign, off // 60, off % 60)
        elif d == 'Z':
            zone = tm[9]
            if not zone and tm[8] >= 0:
                zone = _zone.names()[1 if tm[8] else 0]
            text = zone or ''
            lower = change_case
        else:
            # glibc's bad_format: the conversion as written, padded to the width.
            text = fmt[start:i]
            if w and len(text) < w:
                text = text.rjust(w, '0' if pad == '0' else ' ')
            out.append(text)
            continue
        if num is not None:
            value, width, dpad = num
            p = pad if pad is not None else dpad
            if w:
                width = w
            digits = str(abs(value))
            sign = '-' if value < 0 else ''
            if p == '-':
                # No padding to the conversion's own width; an explicit width still pads
                # with spaces (glibc's add() pads with '0' only for the '0' flag).
                text = sign + digits
                if w and len(text) < w:
                    text = text.rjust(w)
            elif p == '_':
                text = (sign + digits).rjust(width)
            else:
                text = sign + digits.rjust(width - len(sign), '0')
        else:
            if w and len(text) < w:
                text = text.rjust(w, '0' if pad == '0' else ' ')
            # glibc: '^' upper-cases; '#' swaps the case of %a %A %b %B %h (upper) and of
            # %p %Z (lower), and wins over '^' for %p and %Z.
            if lower:
                text = text.lower()
            elif upper:
                text = text.upper()
        out.append(text)
    return ''.join(out)


def strftime(format, tuple=None):
    """strftime(format[, tuple]) -> string

Convert a time tuple to a string according to a format specification.
See the library reference manual for formatting codes. When the time tuple
is not present, current time as returned by localtime() is used."""
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    if tuple is None:
        tuple = localtime()
    tm = _tm_arg(tuple, 'strftime')
    _checktm(tm)
    if tm[8] < -1:
        tm[8] = -1
    elif tm[8] > 1:
        tm[8] = 1
    if '\x00' in format:
        raise ValueError('embedded null character')
    return _strftime(format, tm)


def _asctime(tm):
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (
        _DAYS[tm[6]][:3], _MONTHS[tm[1]][:3], tm[2], tm[3], tm[4], tm[5], tm[0])


def asctime(tuple=None):
    """asctime([tuple]) -> string

Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.
When the time tuple is not present, current time as returned by localtime()
is used."""
    if tuple is None:
        tuple = localtime()
    tm = _tm_arg(tuple, 'asctime')
    _checktm(tm)
    return _asctime(tm)


def ctime(seconds=None):
    """ctime(seconds) -> string

Convert a time in seconds since the Epoch to a string in local time.
This is equivalent to asctime(localtime(seconds)). When the time tuple is
not present, current time as returned by localtime() is used."""
    t = localtime(seconds)
    return _asctime(_tm_arg(t, 'asctime'))


def mktime(tuple):
    """mktime(tuple) -> floating point number

Convert a time tuple in local time to seconds since the Epoch.
Note that mktime(gmtime(0)) will not generally return zero for most
time zones; instead the returned value will either be equal to that
of the timezone or altzone attributes on the time module."""
    tm = _tm_arg(tuple, 'mktime')
    return float(_mktime_tm(tm))
