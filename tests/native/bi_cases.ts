// Shared driver of the builtins runtime tests (tests/native/bi_*.test.ts): runs the cases of
// tests/native/fixtures/bi-cases.json (scripts/gen-bi-fixtures.py, CPython 3.11's results)
// by calling the builtin function or type through rt_call, as compiled code does, and
// compares the result, the exception, or everything an iterator result yields.
//
// Values are built and read with the container tests' encoding (containers-values.ts),
// with floats compared as numbers (so -0.0 and 0.0 differ, nan equals nan) and these
// additions: {fn: name} a builtin (bfn_<name>, else type_<name>), {attr: [J, name]},
// {iter: J}, and for results {drain: [...], then?: exc}, {type: name}, {const: name}.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXC, OBJ_TAG_BITS, PAYLOAD_MASK, typeSlot, UNBOUND } from '../../src/native/layout.js';
import { type J, Values } from './containers-values.js';
import type { Rt } from './harness.js';

export interface Case {
  f: string;
  args: unknown[];
  kw: Record<string, unknown>;
  out: unknown;
}

export const CASES = JSON.parse(readFileSync(new URL('./fixtures/bi-cases.json', import.meta.url), 'utf8')) as Record<string, Case[]>;

/** Text of a case, for messages and known-gap keys: `pow(2, 3, mod=5)`. */
export function caseText(c: Case): string {
  const show = (v: unknown): string => JSON.stringify(v);
  return `${c.f}(${[...c.args.map(show), ...Object.entries(c.kw).map(([k, v]) => `${k}=${show(v)}`)].join(', ')})`;
}

/** Python float repr -> number. */
function parseFloat(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan') return NaN;
  return Number(s);
}

/** Expected values with floats as numbers (the form `read` produces). */
export function expected(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(expected);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('float' in o) return { float: parseFloat(o.float as string) };
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, expected(x)]));
  }
  return v;
}

export class BiRunner {
  readonly v: Values;
  /** How an iterator result is advanced (the GC test runs it under stress). */
  next: (it: bigint) => bigint;
  constructor(readonly rt: Rt) {
    this.v = new Values(rt);
    this.next = (it) => rt.call('rt_next', it);
  }

  /** The argument words of a case and its kwnames tuple (0 when none). */
  build(c: Case): { words: bigint[]; kwnames: bigint } {
    const args = c.args.map((x) => this.make(x));
    const names = Object.keys(c.kw);
    const kwv = names.map((n) => this.make(c.kw[n]));
    const kwnames = names.length === 0 ? 0n : this.v.tuple(names.map((n) => this.v.str(n)));
    return { words: [...args, ...kwv], kwnames };
  }

  /** A builtin function or type by name, as a value. */
  callable(name: string): bigint {
    const has = (s: string) => this.rt.img.link.addresses.has(s);
    if (has(`bfn_${name}`)) return this.rt.addr(`bfn_${name}`) | OBJ_TAG_BITS;
    if (has(`type_${name}`)) return this.rt.addr(`type_${name}`) | OBJ_TAG_BITS;
    throw new Error(`no builtin ${name}`);
  }

  make(j: unknown): bigint {
    if (j !== null && typeof j === 'object' && !Array.isArray(j)) {
      const o = j as Record<string, unknown>;
      if ('fn' in o) return this.callable(o.fn as string);
      if ('attr' in o) {
        const [obj, name] = o.attr as [unknown, string];
        return this.rt.call('rt_getattr', this.make(obj), this.v.str(name));
      }
      if ('iter' in o) return this.rt.call('rt_iter', this.make(o.iter));
      if ('float' in o) return this.rt.float(parseFloat(o.float as string));
    }
    if (Array.isArray(j)) return this.v.list(j.map((x) => this.make(x)));
    if (j !== null && typeof j === 'object' && 't' in (j as object)) return this.v.tuple(((j as { t: unknown[] }).t).map((x) => this.make(x)));
    return this.v.make(j as J);
  }

  /** Call the case's builtin; returns the raw result word. */
  call(c: Case): bigint {
    const { words, kwnames } = this.build(c);
    const at = this.v.put(words);
    return this.rt.call('rt_call', this.callable(c.f), at, BigInt(words.length), kwnames);
  }

  /** A result word in the expected encoding (iterators drained). */
  read(w: bigint, depth = 0): unknown {
    if (w === EXC) return this.readValue(this.rt.img.readU64(this.rt.addr('rt_exc')));
    if (depth === 0 && this.hasNext(w)) {
      const items: unknown[] = [];
      for (let i = 0; i < 60; i++) {
        const x = this.next(w);
        if (x === UNBOUND) return { drain: items };
        if (x === EXC) return { drain: items, then: this.read(EXC) };
        items.push(this.read(x, 1));
      }
      throw new Error('iterator too long');
    }
    return this.readValue(w);
  }

  hasNext(w: bigint): boolean {
    if (w >> 48n !== OBJ_TAG_BITS >> 48n) return false;
    const type = this.rt.img.readU64(w & PAYLOAD_MASK);
    return this.rt.img.readU64(type + BigInt(typeSlot('next'))) !== 0n;
  }

  private readValue(w: bigint): unknown {
    const d = this.rt.decode(w);
    return this.norm(d);
  }

  private norm(d: unknown): unknown {
    if (typeof d === 'bigint') return d >= -(2n ** 53n) && d <= 2n ** 53n ? Number(d) : { big: d.toString() };
    if (typeof d === 'number') return { float: d };
    if (d === null || typeof d === 'boolean' || typeof d === 'string') return d;
    const o = d as Record<string, unknown>;
    if ('exc' in o) return { exc: o.exc, args: (o.args as unknown[]).map((x) => this.norm(x)) };
    if ('tuple' in o) return { t: (o.tuple as unknown[]).map((x) => this.norm(x)) };
    if ('list' in o) return (o.list as unknown[]).map((x) => this.norm(x));
    if ('type' in o) {
      if (o.type === 'ellipsis') return { const: 'Ellipsis' };
      if (o.type === 'NotImplementedType') return { const: 'NotImplemented' };
      if (o.type === 'range' || o.type === 'dict') return this.v.read(BigInt((o.addr as bigint) | OBJ_TAG_BITS));
      return { type: o.type };
    }
    throw new Error(`read: ${String(d)}`);
  }
}

/** Deep equality as toEqual judges it (floats by Object.is). */
function equal(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

/**
 * Define one test per builtin of `group`, each checking all its cases; `gaps` maps a case's
 * text to the reason it cannot pass yet (kept as test.todo, and asserted to still differ
 * so a fixed gap gets noticed).
 */
export function runGroup(group: string, runner: () => BiRunner, gaps: Record<string, string> = {}): void {
  const cases = CASES[group]!;
  const byName = new Map<string, Case[]>();
  for (const c of cases) byName.set(c.f, [...(byName.get(c.f) ?? []), c]);
  describe(group, () => {
    for (const [name, list] of byName) {
      test(`${name} (${list.length} cases)`, () => {
        const r = runner();
        const wrong: { case: string; got: unknown; want: unknown }[] = [];
        for (const c of list) {
          const text = caseText(c);
          const got = r.read(r.call(c));
          if (text in gaps) {
            expect(got, `${text}: known gap (${gaps[text]}) now passes; remove it from the list`).not.toEqual(expected(c.out));
            continue;
          }
          if (!equal(got, expected(c.out))) wrong.push({ case: text, got, want: expected(c.out) });
        }
        expect(wrong).toEqual([]);
      });
    }
    for (const [text, why] of Object.entries(gaps)) test.todo(`${text}: ${why}`);
    test('every known gap names a case', () => {
      for (const text of Object.keys(gaps)) expect(cases.some((c) => caseText(c) === text), text).toBe(true);
    });
  });
}
