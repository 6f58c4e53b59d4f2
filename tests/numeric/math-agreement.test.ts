// Random-sample agreement of the math functions with CPython 3.11 (glibc 2.36, x86-64) and
// with the correctly rounded result (mpmath), from tests/numeric/fixtures/math-<fn>.txt.
//
// Every result must be CPython's or the correctly rounded one, within one ulp of CPython's
// (gamma: of CPython's, within a few ulps), and exceptions must match. The per-function
// budgets below record how many inputs differ from CPython in the checked-in sample, so any
// change in agreement shows up. To measure on a larger sample:
//   python3 scripts/gen-math-fixtures.py --sample 20 --out /tmp/mathsample
//   MATH_SAMPLE_DIR=/tmp/mathsample npx vitest run tests/numeric/math-agreement.test.ts
// (budgets are then not enforced; the rates are printed).
import { afterAll, describe, expect, it } from 'vitest';
import * as m from '../../src/interp/numeric/mathfns.js';
import { MathError } from '../../src/interp/numeric/matherror.js';
import { readSample, sameDouble, ulpDistance } from './math-fixtures.js';

interface Spec {
  readonly f: (...a: number[]) => number;
  /** Designed to be correctly rounded everywhere (zero differences from mpmath allowed). */
  readonly cr: boolean;
  /** Inputs of the checked-in sample allowed to differ from CPython. */
  readonly budget: number;
  /** Largest allowed distance from CPython in ulps (glibc's tanh, erfc and cbrt are off by
   * up to 2 ulps from the correctly rounded value). Default 1. */
  readonly maxUlp?: number;
}

const SPECS: Record<string, Spec> = {
  exp: { f: m.exp, cr: true, budget: 1 },
  exp2: { f: m.exp2, cr: true, budget: 0 },
  expm1: { f: m.expm1, cr: true, budget: 43 },
  log: { f: (x) => m.log(x), cr: true, budget: 1 },
  log2: { f: m.log2, cr: true, budget: 2 },
  log10: { f: m.log10, cr: false, budget: 0 },
  log1p: { f: m.log1p, cr: true, budget: 26 },
  pow: { f: m.pow, cr: true, budget: 2 },
  sqrt: { f: m.sqrt, cr: true, budget: 0 },
  sin: { f: m.sin, cr: true, budget: 2 },
  cos: { f: m.cos, cr: true, budget: 2 },
  tan: { f: m.tan, cr: true, budget: 2 },
  asin: { f: m.asin, cr: true, budget: 0 },
  acos: { f: m.acos, cr: true, budget: 0 },
  atan: { f: m.atan, cr: true, budget: 0 },
  atan2: { f: m.atan2, cr: true, budget: 1 },
  sinh: { f: m.sinh, cr: false, budget: 78 },
  cosh: { f: m.cosh, cr: false, budget: 0 },
  tanh: { f: m.tanh, cr: true, budget: 99, maxUlp: 2 },
  asinh: { f: m.asinh, cr: false, budget: 44 },
  acosh: { f: m.acosh, cr: false, budget: 14 },
  atanh: { f: m.atanh, cr: true, budget: 67 },
  erf: { f: m.erf, cr: true, budget: 24 },
  erfc: { f: m.erfc, cr: true, budget: 120, maxUlp: 2 },
  cbrt: { f: m.cbrt, cr: true, budget: 272, maxUlp: 2 },
  hypot: { f: (x, y) => m.hypot(x!, y!), cr: false, budget: 0 },
  gamma: { f: m.gamma, cr: false, budget: 2, maxUlp: 4 },
  lgamma: { f: m.lgamma, cr: false, budget: 0, maxUlp: 4 },
};

const SAMPLE_DIR = process.env.MATH_SAMPLE_DIR;
const report: string[] = [];

describe(`math functions agree with CPython 3.11${SAMPLE_DIR ? ` (sample ${SAMPLE_DIR})` : ''}`, () => {
  for (const [fn, spec] of Object.entries(SPECS)) {
    it(fn, () => {
      const cases = readSample(fn, SAMPLE_DIR ?? undefined);
      let n = 0;
      let vsPy = 0;
      let vsCr = 0;
      let pyVsCr = 0;
      let worst = 0;
      const bad: string[] = [];
      for (const c of cases) {
        let got: number | MathError;
        try {
          got = spec.f(...c.args);
        } catch (e) {
          if (!(e instanceof MathError)) throw e;
          got = e;
        }
        if (typeof c.py === 'object') {
          if (!(got instanceof MathError) || got.kind !== c.py.error) bad.push(`${c.args}: expected ${c.py.error}, got ${String(got)}`);
          continue;
        }
        if (got instanceof MathError) {
          bad.push(`${c.args}: unexpected ${got.kind}`);
          continue;
        }
        n++;
        const cr = c.cr!;
        if (!sameDouble(cr, c.py)) pyVsCr++;
        if (!sameDouble(got, cr)) vsCr++;
        if (!sameDouble(got, c.py)) {
          vsPy++;
          const d = ulpDistance(got, c.py);
          worst = Math.max(worst, d);
          if (d > (spec.maxUlp ?? 1)) bad.push(`${c.args}: got ${got}, CPython ${c.py} (${d} ulps)`);
          if (!spec.maxUlp && !sameDouble(got, cr)) bad.push(`${c.args}: got ${got}, neither CPython's ${c.py} nor correctly rounded ${cr}`);
        }
      }
      const pct = (k: number): string => ((100 * k) / Math.max(n, 1)).toFixed(2).padStart(6) + '%';
      report.push(`${fn.padEnd(7)} n=${String(n).padStart(6)}  differs from CPython ${pct(vsPy)} (${vsPy})  from CR ${pct(vsCr)}  CPython vs CR ${pct(pyVsCr)}  worst ${worst} ulp`);
      expect(bad.slice(0, 10)).toEqual([]);
      if (spec.cr) expect(vsCr).toBe(0);
      if (!SAMPLE_DIR) expect(vsPy).toBeLessThanOrEqual(spec.budget);
    });
  }
  afterAll(() => {
    if (SAMPLE_DIR || process.env.MATH_REPORT) console.log(report.join('\n'));
  });
});
