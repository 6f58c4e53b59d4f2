// format(float, spec) natively: every part of the mini-language against CPython 3.11
// (tests/native/fixtures/float-format.json from scripts/gen-float-fixtures.py), the spec
// errors with their exact messages, exact rounding at any precision, and the reusable pieces
// (rt_float_parse_spec, rt_fmt_layout) on their own.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC } from '../../src/native/layout.js';
import { formatFloat } from '../../src/interp/numeric/format.js';
import { FSPEC, NUMPARTS } from '../../runtime/core/floatformat.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  return v === 'inf' ? Infinity : v === '-inf' ? -Infinity : NaN;
}

function format(x: number, spec: string): { ok: string } | { exc: string; msg: string } {
  const r = rt.call('rt_format_float', rt.float(x), rt.str(spec));
  if (r === EXC) {
    const e = rt.raised() as { exc: string; args: string[] };
    return { exc: e.exc, msg: e.args[0]! };
  }
  return { ok: rt.decode(r) as string };
}

describe('format(float, spec) against CPython', () => {
  const cases = JSON.parse(readFileSync(new URL('./fixtures/float-format.json', import.meta.url), 'utf8')) as [unknown, string, unknown][];

  test('every fixture case', () => {
    expect(cases.length).toBeGreaterThan(6000);
    const bad: string[] = [];
    for (const [xv, spec, want] of cases) {
      const x = num(xv);
      const got = format(x, spec);
      const expected =
        typeof want === 'string' ? { ok: want.slice(1) } : { exc: (want as { E: string }).E, msg: (want as { m: string }).m };
      if (JSON.stringify(got) !== JSON.stringify(expected)) bad.push(`format(${x}, ${JSON.stringify(spec)}) = ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test('exact decimal expansions at large precisions', () => {
    expect(format(1e300, '.400f')).toEqual({ ok: formatFloat(1e300, '.400f') });
    expect(format(5e-324, '.1100f')).toEqual({ ok: formatFloat(5e-324, '.1100f') });
    expect(format(0.1, '.60f')).toEqual({ ok: '0.100000000000000005551115123125782702118158340454101562500000' });
    expect(format(2.5, '.0f')).toEqual({ ok: '2' });
    expect(format(0.125, '.2f')).toEqual({ ok: '0.12' });
    expect(format(-0.0001, 'z.2f')).toEqual({ ok: '0.00' });
  });

  test('huge widths and precisions build long strings', () => {
    const r = format(1.5, '2000,.1f');
    expect('ok' in r && r.ok.length).toBe(2000);
    const z = format(-1.5, '0=3000,.1f');
    expect('ok' in z && z.ok).toBe(formatFloat(-1.5, '0=3000,.1f'));
    const p = format(1 / 3, '.5000f');
    expect('ok' in p && p.ok).toBe(formatFloat(1 / 3, '.5000f'));
  });

  test('agrees with the interpreter on random values and specs', () => {
    let seed = 17;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
      const spec = `${pick(['', '*<', '→>', '^', '='])}${pick(['', '+', ' ', '-'])}${pick(['', 'z'])}${pick(['', '#'])}${pick(['', '0'])}${pick(['', '5', '12', '30'])}${pick(['', ',', '_'])}${pick(['', '.0', '.3', '.17'])}${pick(['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'])}`;
      let want: string;
      try {
        want = formatFloat(x, spec);
      } catch {
        continue;
      }
      const got = format(x, spec);
      if (!('ok' in got) || got.ok !== want) bad.push(`${x} ${spec}: ${JSON.stringify(got)} != ${want}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('the pieces the int area reuses', () => {
  test('rt_float_parse_spec fills an FSPEC record with the given defaults', () => {
    const rec = rt.scratch + 4096n;
    const r = rt.call('rt_float_parse_spec', rt.str('*^+#030_x'), rec, BigInt('d'.charCodeAt(0)), BigInt('>'.charCodeAt(0)), rt.cstr('int'));
    expect(r).toBe(0n);
    const b = rt.img.read(rec, FSPEC.size);
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    expect(dv.getUint32(FSPEC.fill, true)).toBe(0x2a);
    expect(String.fromCharCode(b[FSPEC.align]!, b[FSPEC.sign]!)).toBe('^+');
    expect(b[FSPEC.alternate]).toBe(1);
    expect(dv.getBigInt64(FSPEC.width, true)).toBe(30n); // '0' after '#' was not fill: fill given
    expect(dv.getUint32(FSPEC.grouping, true)).toBe(3); // '_' with 'x': every four digits
    expect(dv.getUint32(FSPEC.type, true)).toBe('x'.charCodeAt(0));
    expect(dv.getBigInt64(FSPEC.precision, true)).toBe(-1n);
    expect(rt.call('rt_float_parse_spec', rt.str('10.3.4'), rec, 0x64n, 0x3en, rt.cstr('int'))).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'ValueError', args: ["Invalid format specifier '10.3.4' for object of type 'int'"] });
  });

  test('rt_fmt_layout: prefix, upper case, grouping by four, zero padding as digits', () => {
    const spec = rt.scratch + 4096n;
    const parts = rt.scratch + 8192n;
    expect(rt.call('rt_float_parse_spec', rt.str('#016_X'), spec, 0x64n, 0x3en, rt.cstr('int'))).toBe(0n);
    const text = rt.cstr('0xbeef1');
    const p = new Uint8Array(NUMPARTS.size);
    const dv = new DataView(p.buffer);
    dv.setBigUint64(NUMPARTS.text, text, true);
    p[NUMPARTS.neg] = 1;
    p[NUMPARTS.upper] = 1;
    p[NUMPARTS.grouping] = 3;
    dv.setBigInt64(NUMPARTS.prefixLen, 2n, true);
    dv.setBigInt64(NUMPARTS.nDigits, 5n, true);
    rt.img.write(parts, p);
    // CPython: format(-0xbeef1, '#016_X') == '-0X000_000B_EEF1'
    expect(rt.decode(rt.call('rt_fmt_layout', spec, parts))).toBe('-0X000_000B_EEF1');
  });
});
