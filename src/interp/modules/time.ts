// The time module (the functions programs use for timing and sleeping).

import { fn } from '../bi.js';
import { pyErr, ValueError } from '../exceptions.js';
import { PyFloat, type PyModule } from '../objects.js';
import { None, newTuple } from '../protocol.js';
import { toFloat } from '../builtins/numbers.js';
import { structSeq } from './sys.js';

const t0 = process.hrtime.bigint();

function sleepMs(ms: number): void {
  if (ms <= 0) return;
  const sab = new SharedArrayBuffer(4);
  Atomics.wait(new Int32Array(sab), 0, 0, ms);
}

function structTime(date: Date, utc: boolean): any {
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const mo = utc ? date.getUTCMonth() : date.getMonth();
  const d = utc ? date.getUTCDate() : date.getDate();
  const h = utc ? date.getUTCHours() : date.getHours();
  const mi = utc ? date.getUTCMinutes() : date.getMinutes();
  const s = utc ? date.getUTCSeconds() : date.getSeconds();
  const wd = ((utc ? date.getUTCDay() : date.getDay()) + 6) % 7;
  const start = utc ? Date.UTC(y, 0, 1) : new Date(y, 0, 1).getTime();
  const yd = Math.floor(((utc ? Date.UTC(y, mo, d) : new Date(y, mo, d).getTime()) - start) / 86400000) + 1;
  return structSeq('time.struct_time', ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'], [y, mo + 1, d, h, mi, s, wd, yd, utc ? 0 : -1]);
}

export function initTime(m: PyModule): void {
  const d = m.dict!;
  const def = (name: string, impl: (a: any[]) => any): void => {
    d.setStr(name, fn(name, impl));
  };
  def('time', () => new PyFloat(Date.now() / 1000));
  def('time_ns', () => BigInt(Date.now()) * 1000000n);
  def('perf_counter', () => new PyFloat(Number(process.hrtime.bigint() - t0) / 1e9));
  def('perf_counter_ns', () => normBig(process.hrtime.bigint() - t0));
  def('monotonic', () => new PyFloat(Number(process.hrtime.bigint() - t0) / 1e9));
  def('monotonic_ns', () => normBig(process.hrtime.bigint() - t0));
  def('process_time', () => new PyFloat(process.cpuUsage().user / 1e6));
  def('process_time_ns', () => process.cpuUsage().user * 1000);
  def('thread_time', () => new PyFloat(process.cpuUsage().user / 1e6));
  def('sleep', (a) => {
    const secs = toFloat(a[0]);
    if (secs < 0) throw pyErr(ValueError, 'sleep length must be non-negative');
    sleepMs(secs * 1000);
    return None;
  });
  def('gmtime', (a) => structTime(new Date(a.length && a[0] !== None ? toFloat(a[0]) * 1000 : Date.now()), true));
  def('localtime', (a) => structTime(new Date(a.length && a[0] !== None ? toFloat(a[0]) * 1000 : Date.now()), false));
  def('strftime', (a) => strftime(String(a[0]), new Date()));
  d.setStr('timezone', 0);
  d.setStr('altzone', 0);
  d.setStr('daylight', 0);
  d.setStr('tzname', newTuple(['UTC', 'UTC']));
}

function normBig(b: bigint): number | bigint {
  return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

function strftime(fmt: string, t: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return fmt.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case 'Y': return String(t.getFullYear());
      case 'm': return pad(t.getMonth() + 1);
      case 'd': return pad(t.getDate());
      case 'H': return pad(t.getHours());
      case 'M': return pad(t.getMinutes());
      case 'S': return pad(t.getSeconds());
      case 'y': return pad(t.getFullYear() % 100);
      case 'a': return days[t.getDay()].slice(0, 3);
      case 'A': return days[t.getDay()];
      case 'b': return months[t.getMonth()].slice(0, 3);
      case 'B': return months[t.getMonth()];
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}
