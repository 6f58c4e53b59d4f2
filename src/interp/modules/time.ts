// The time module: clocks, sleeping, and broken-down time (struct_time) with strftime.
//
// Clocks follow CPython's types: time()/monotonic()/perf_counter() are floats, the *_ns
// variants ints. Broken-down time is a struct sequence of 9 tuple fields plus tm_zone and
// tm_gmtoff (Modules/timemodule.c); localtime() uses the process's time zone through JS
// Date (the TZ environment variable, like the C library). strftime formats from the
// struct's fields, as C's strftime does, in the C/POSIX locale.

import { fn } from '../bi.js';
import { intOf } from '../arith.js';
import { OverflowError, pyErr, TypeError, ValueError } from '../exceptions.js';
import { PyFloat, type PyModule, PyTuple } from '../objects.js';
import { None, newTuple, typeName } from '../protocol.js';
import { toFloat } from '../builtins/numbers.js';
import { structSeq, structSeqType } from '../structseq.js';

const t0 = process.hrtime.bigint();

const STRUCT_TIME_FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'];

function structTimeType(): any {
  return structSeqType('time.struct_time', STRUCT_TIME_FIELDS, 9);
}

function sleepMs(ms: number): void {
  if (ms <= 0) return;
  const sab = new SharedArrayBuffer(4);
  Atomics.wait(new Int32Array(sab), 0, 0, ms);
}

/** Offset of local time from UTC at `date`, in seconds east. */
function gmtoff(date: Date): number {
  return -date.getTimezoneOffset() * 60;
}

/** The zone abbreviation JS reports for `date` (e.g. "UTC", "CET"). */
function zoneName(date: Date): string {
  const m = /\(([^)]+)\)$/.exec(date.toString());
  if (m === null) return 'UTC';
  const full = m[1];
  if (full === 'Coordinated Universal Time') return 'UTC';
  if (/^[A-Z]{2,5}$/.test(full)) return full;
  const off = gmtoff(date);
  if (off === 0) return 'UTC';
  const parts = full.split(' ').filter((w) => w.length > 0);
  return parts.map((w) => w[0]).join('').toUpperCase();
}

function dayOfYear(y: number, mo: number, d: number): number {
  return Math.round((Date.UTC(y, mo, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

function structTime(date: Date, utc: boolean): PyTuple {
  if (Number.isNaN(date.getTime())) throw pyErr(OverflowError, 'timestamp out of range for platform time_t');
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const mo = utc ? date.getUTCMonth() : date.getMonth();
  const d = utc ? date.getUTCDate() : date.getDate();
  const h = utc ? date.getUTCHours() : date.getHours();
  const mi = utc ? date.getUTCMinutes() : date.getMinutes();
  const s = utc ? date.getUTCSeconds() : date.getSeconds();
  const wd = ((utc ? date.getUTCDay() : date.getDay()) + 6) % 7;
  const yd = dayOfYear(y, mo, d);
  const off = utc ? 0 : gmtoff(date);
  const isdst = utc ? 0 : isDst(date) ? 1 : 0;
  return structSeq('time.struct_time', STRUCT_TIME_FIELDS, [y, mo + 1, d, h, mi, s, wd, yd, isdst, utc ? 'GMT' : zoneName(date), off], 9);
}

function isDst(date: Date): boolean {
  const y = date.getFullYear();
  const jan = new Date(y, 0, 1).getTimezoneOffset();
  const jul = new Date(y, 6, 1).getTimezoneOffset();
  return Math.max(jan, jul) !== date.getTimezoneOffset() && jan !== jul;
}

/** The seconds argument of gmtime()/localtime()/ctime(): None means now. */
function secondsArg(a: any[]): Date {
  if (a.length === 0 || a[0] === None) return new Date();
  const v = a[0];
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return new Date(Number(v) * 1000);
  if (v instanceof PyFloat) {
    if (!Number.isFinite(v.v)) throw pyErr(v.v !== v.v ? ValueError : OverflowError, v.v !== v.v ? 'Invalid value NaN (not a number)' : 'timestamp out of range for platform time_t');
    return new Date(Math.floor(v.v) * 1000);
  }
  throw pyErr(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
}

interface Tm {
  year: number;
  mon: number; // 1..12
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number; // Monday = 0
  yday: number; // 1..366
  isdst: number;
  zone: string | null;
  gmtoff: number | null;
}

/** A struct_time or 9-tuple argument, checked like CPython's gettmarg/checktm. */
function tmArg(fname: string, v: any): Tm {
  if (!(v instanceof PyTuple)) throw pyErr(TypeError, `Tuple or struct_time argument required`);
  const items = v.items;
  if (items.length !== 9 && !(v.cls === structTimeType() && items.length === 9)) {
    throw pyErr(TypeError, `${fname}(): illegal time tuple argument`);
  }
  const n = items.map((x) => {
    const i = intOf(x);
    if (i === null) throw pyErr(TypeError, `'${typeName(x)}' object cannot be interpreted as an integer`);
    return Number(i);
  });
  let zone: string | null = null;
  let off: number | null = null;
  if (v.cls === structTimeType()) {
    const z = (v as any).cls.lookup('tm_zone').get(v);
    const o = (v as any).cls.lookup('tm_gmtoff').get(v);
    zone = typeof z === 'string' ? z : null;
    off = typeof o === 'number' ? o : null;
  }
  const tm: Tm = { year: n[0], mon: n[1], mday: n[2], hour: n[3], min: n[4], sec: n[5], wday: n[6], yday: n[7], isdst: n[8], zone, gmtoff: off };
  // checktm: out-of-range fields are errors (mon/mday/yday of 0 are normalised to 1).
  if (tm.mon === 0) tm.mon = 1;
  if (tm.mday === 0) tm.mday = 1;
  if (tm.yday === 0) tm.yday = 1;
  if (tm.mon < 1 || tm.mon > 12) throw pyErr(ValueError, 'month out of range');
  if (tm.mday < 1 || tm.mday > 31) throw pyErr(ValueError, 'day of month out of range');
  if (tm.hour < 0 || tm.hour > 23) throw pyErr(ValueError, 'hour out of range');
  if (tm.min < 0 || tm.min > 59) throw pyErr(ValueError, 'minute out of range');
  if (tm.sec < 0 || tm.sec > 61) throw pyErr(ValueError, 'seconds out of range');
  if (tm.wday < 0) throw pyErr(ValueError, 'day of week out of range');
  if (tm.yday < 1 || tm.yday > 366) throw pyErr(ValueError, 'day of year out of range');
  tm.wday = tm.wday % 7;
  return tm;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad(n: number, w = 2, c = '0'): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(w, c);
}

/** ISO 8601 week-based year and week number: the week's Thursday decides the year. */
function isoWeek(tm: Tm): [number, number] {
  const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const thursday = tm.yday - 1 - tm.wday + 3;
  if (thursday < 0) {
    const prev = thursday + (isLeap(tm.year - 1) ? 366 : 365);
    return [tm.year - 1, Math.floor(prev / 7) + 1];
  }
  if (thursday >= (isLeap(tm.year) ? 366 : 365)) return [tm.year + 1, 1];
  return [tm.year, Math.floor(thursday / 7) + 1];
}

/** C strftime in the POSIX locale over broken-down time. */
function strftime(fmt: string, tm: Tm): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch !== '%' || i + 1 >= fmt.length) {
      out += ch;
      continue;
    }
    // glibc's extensions between '%' and the conversion: flags - _ 0 ^ #, a field width, and
    // the E/O modifiers (no alternative forms in the C locale).
    const start = i;
    let flags = '';
    while (i + 1 < fmt.length && '-_0^#'.includes(fmt[i + 1])) flags += fmt[++i];
    let width = '';
    while (i + 1 < fmt.length && fmt[i + 1] >= '0' && fmt[i + 1] <= '9') width += fmt[++i];
    while (i + 1 < fmt.length && (fmt[i + 1] === 'E' || fmt[i + 1] === 'O')) i++;
    if (i + 1 >= fmt.length) {
      out += fmt.slice(start);
      break;
    }
    const c = fmt[++i];
    if (flags === '' && width === '' && i === start + 1) {
      out += conversion(c, tm);
      continue;
    }
    const field = conversion(c, tm);
    if (field === `%${c}`) {
      // glibc copies an unknown conversion as written, still padded to the width.
      out += fmt.slice(start, i + 1).padStart(width === '' ? 0 : Number(width), ' ');
      continue;
    }
    out += applyFlags(field, c, flags, width === '' ? 0 : Number(width));
  }
  return out;
}

/** Conversions whose result is one number (padded with zeros or, for e k l, spaces). */
const NUMERIC_CONVERSIONS = 'CdegGHIjklmMsSuUVwWyY';

/** glibc strftime's flags and width applied to one converted field. */
function applyFlags(field: string, c: string, flags: string, width: number): string {
  const numeric = NUMERIC_CONVERSIONS.includes(c) && /^[ 0-9-]+$/.test(field);
  let f = field;
  let padChar = numeric && !'ekl'.includes(c) ? '0' : ' ';
  for (const fl of flags) {
    if (fl === '-') padChar = '';
    else if (fl === '_') padChar = ' ';
    else if (fl === '0') padChar = '0';
  }
  if (numeric) {
    // Re-pad the digits: strip the conversion's own padding, then pad as the flags say.
    const neg = f.trimStart().startsWith('-');
    const digits = f.replace(/^[ 0-]+(?=\d)/, '') || '0';
    const natural = Math.max(f.length, width);
    const body = (neg ? '-' : '') + digits;
    f = padChar === '' ? body.padStart(width, ' ') : body.padStart(natural, padChar);
    if (padChar === '0' && neg) f = '-' + digits.padStart(natural - 1, '0');
  } else if (width > f.length) {
    f = f.padStart(width, padChar === '0' ? '0' : ' ');
  }
  if (flags.includes('^')) f = f.toUpperCase();
  else if (flags.includes('#')) f = 'pP'.includes(c) || c === 'Z' ? f.toLowerCase() : 'aAbBh'.includes(c) ? f.toUpperCase() : f;
  return f;
}

/** One strftime conversion without flags, in the POSIX locale; unknown ones stay as written. */
function conversion(c: string, tm: Tm): string {
  let out = '';
  {
    const sundayWday = (tm.wday + 1) % 7; // Sunday = 0
    switch (c) {
      case 'a': out += DAYS[tm.wday].slice(0, 3); break;
      case 'A': out += DAYS[tm.wday]; break;
      case 'b': case 'h': out += MONTHS[tm.mon - 1].slice(0, 3); break;
      case 'B': out += MONTHS[tm.mon - 1]; break;
      case 'c': out += `${DAYS[tm.wday].slice(0, 3)} ${MONTHS[tm.mon - 1].slice(0, 3)} ${pad(tm.mday, 2, ' ')} ${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)} ${tm.year}`; break;
      case 'C': out += String(Math.floor(tm.year / 100)); break; // glibc: unpadded, like %Y
      case 'd': out += pad(tm.mday); break;
      case 'D': out += `${pad(tm.mon)}/${pad(tm.mday)}/${pad(((tm.year % 100) + 100) % 100)}`; break;
      case 'e': out += pad(tm.mday, 2, ' '); break;
      case 'F': out += `${tm.year}-${pad(tm.mon)}-${pad(tm.mday)}`; break;
      case 'G': out += String(isoWeek(tm)[0]); break;
      case 'g': out += pad(((isoWeek(tm)[0] % 100) + 100) % 100); break;
      case 'H': out += pad(tm.hour); break;
      case 'I': out += pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12); break;
      case 'j': out += pad(tm.yday, 3); break;
      case 'k': out += pad(tm.hour, 2, ' '); break;
      case 'l': out += pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2, ' '); break;
      case 'm': out += pad(tm.mon); break;
      case 'M': out += pad(tm.min); break;
      case 'n': out += '\n'; break;
      case 'p': out += tm.hour < 12 ? 'AM' : 'PM'; break;
      case 'P': out += tm.hour < 12 ? 'am' : 'pm'; break;
      case 'r': out += `${pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12)}:${pad(tm.min)}:${pad(tm.sec)} ${tm.hour < 12 ? 'AM' : 'PM'}`; break;
      case 'R': out += `${pad(tm.hour)}:${pad(tm.min)}`; break;
      case 's': out += String(Math.floor(mktimeOf(tm))); break;
      case 'S': out += pad(tm.sec); break;
      case 't': out += '\t'; break;
      case 'T': out += `${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)}`; break;
      case 'u': out += String(tm.wday + 1); break;
      case 'U': out += pad(Math.floor((tm.yday - 1 + 7 - sundayWday) / 7)); break;
      case 'V': out += pad(isoWeek(tm)[1]); break;
      case 'w': out += String(sundayWday); break;
      case 'W': out += pad(Math.floor((tm.yday - 1 + 7 - tm.wday) / 7)); break;
      case 'x': out += `${pad(tm.mon)}/${pad(tm.mday)}/${pad(((tm.year % 100) + 100) % 100)}`; break;
      case 'X': out += `${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)}`; break;
      case 'y': out += pad(((tm.year % 100) + 100) % 100); break;
      case 'Y': out += String(tm.year); break;
      case 'z': {
        const off = tm.gmtoff ?? gmtoff(new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec));
        const a = Math.abs(off);
        out += `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 3600))}${pad(Math.floor((a % 3600) / 60))}`;
        break;
      }
      case 'Z': out += tm.zone ?? zoneName(new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec)); break;
      case '%': out += '%'; break;
      default: out += `%${c}`;
    }
  }
  return out;
}

/** mktime: broken-down local time to seconds since the epoch. */
function mktimeOf(tm: Tm): number {
  const d = new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec);
  if (tm.year < 100 && tm.year >= 0) d.setFullYear(tm.year);
  return d.getTime() / 1000;
}

function asctime(tm: Tm): string {
  return `${DAYS[tm.wday].slice(0, 3)} ${MONTHS[tm.mon - 1].slice(0, 3)} ${pad(tm.mday, 2, ' ')} ${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)} ${tm.year}`;
}

function tmOfDate(date: Date): Tm {
  const st = structTime(date, false);
  return tmArg('localtime', st);
}

export function initTime(m: PyModule): void {
  const d = m.dict!;
  const def = (name: string, impl: (a: any[]) => any): void => {
    d.setStr(name, fn(name, impl));
  };
  /** A clock: METH_NOARGS, so no arguments and no keywords (CPython's messages). */
  const clock = (name: string, impl: () => any): void => {
    d.setStr(name, fn(name, (a, kw) => {
      if (kw !== null && kw.size > 0) throw pyErr(TypeError, `time.${name}() takes no keyword arguments`);
      if (a.length !== 0) throw pyErr(TypeError, `time.${name}() takes no arguments (${a.length} given)`);
      return impl();
    }));
  };
  d.setStr('struct_time', structTimeType());
  clock('time', () => new PyFloat((performance.timeOrigin + performance.now()) / 1000));
  clock('time_ns', () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6)));
  clock('perf_counter', () => new PyFloat(Number(process.hrtime.bigint() - t0) / 1e9));
  clock('perf_counter_ns', () => normBig(process.hrtime.bigint() - t0));
  clock('monotonic', () => new PyFloat(Number(process.hrtime.bigint() - t0) / 1e9));
  clock('monotonic_ns', () => normBig(process.hrtime.bigint() - t0));
  clock('process_time', () => new PyFloat((process.cpuUsage().user + process.cpuUsage().system) / 1e6));
  clock('process_time_ns', () => (process.cpuUsage().user + process.cpuUsage().system) * 1000);
  clock('thread_time', () => new PyFloat(process.cpuUsage().user / 1e6));
  clock('thread_time_ns', () => process.cpuUsage().user * 1000);
  d.setStr('sleep', fn('sleep', (a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'time.sleep() takes no keyword arguments');
    if (a.length !== 1) throw pyErr(TypeError, `time.sleep() takes exactly one argument (${a.length} given)`);
    const v = a[0];
    if (!(typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat)) {
      throw pyErr(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
    }
    const secs = toFloat(v);
    if (secs !== secs) throw pyErr(ValueError, 'Invalid value NaN (not a number)');
    if (secs < 0) throw pyErr(ValueError, 'sleep length must be non-negative');
    sleepMs(secs * 1000);
    return None;
  }));
  def('gmtime', (a) => structTime(secondsArg(a), true));
  def('localtime', (a) => structTime(secondsArg(a), false));
  def('mktime', (a) => new PyFloat(mktimeOf(tmArg('mktime', a[0]))));
  def('asctime', (a) => asctime(a.length === 0 || a[0] === None ? tmOfDate(new Date()) : tmArg('asctime', a[0])));
  def('ctime', (a) => asctime(tmOfDate(secondsArg(a))));
  def('strftime', (a) => {
    if (a.length < 1 || a.length > 2) throw pyErr(TypeError, `strftime() takes at least 1 argument (${a.length} given)`);
    if (typeof a[0] !== 'string') throw pyErr(TypeError, `strftime() argument 1 must be str, not ${typeName(a[0])}`);
    const tm = a.length > 1 ? tmArg('strftime', a[1]) : tmOfDate(new Date());
    return strftime(a[0], tm);
  });
  const now = new Date();
  const jan = new Date(now.getFullYear(), 0, 1);
  const jul = new Date(now.getFullYear(), 6, 1);
  const std = Math.max(jan.getTimezoneOffset(), jul.getTimezoneOffset());
  const dst = Math.min(jan.getTimezoneOffset(), jul.getTimezoneOffset());
  d.setStr('timezone', std * 60);
  d.setStr('altzone', dst * 60);
  d.setStr('daylight', std !== dst ? 1 : 0);
  const stdDate = jan.getTimezoneOffset() === std ? jan : jul;
  const dstDate = jan.getTimezoneOffset() === dst ? jan : jul;
  d.setStr('tzname', newTuple([zoneName(stdDate), zoneName(dstDate)]));
}

function normBig(b: bigint): number | bigint {
  return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}
