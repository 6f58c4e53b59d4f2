// Random-sample agreement of the math functions with CPython 3.11 (glibc 2.36, x86-64) and
// with the correctly rounded result (mpmath), from tests/numeric/fixtures/math-<fn>.txt.
//
// Functions designed to be correctly rounded must equal mpmath's value on every input;
// the ones that reproduce CPython's or glibc's own formulas must stay within an ulp or
// two of CPython's; exceptions must match. The per-function
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
  /**
   * 'cr': designed to be correctly rounded everywhere; no result may differ from mpmath's.
   * 'cpython': CPython's or glibc's own formula over this libm (log10, cosh, sinh, asinh,
   * acosh, hypot, gamma, lgamma), correctly rounded on the remaining ranges; results must be
   * within maxUlp of CPython's.
   */
  readonly kind: 'cr' | 'cpython';
  /** Inputs of the checked-in sample allowed to differ from CPython. */
  readonly budget: number;
  /** For 'cpython' functions: largest distance from CPython's result, in ulps (default 1). */
  readonly maxUlp?: number;
}

const SPECS: Record<string, Spec> = {
  exp: { f: m.exp, kind: 'cr', budget: 1 },
  exp2: { f: m.exp2, kind: 'cr', budget: 0 },
  expm1: { f: m.expm1, kind: 'cr', budget: 43 },
  log: { f: (x) => m.log(x), kind: 'cr', budget: 1 },
  log2: { f: m.log2, kind: 'cr', budget: 2 },
  log10: { f: m.log10, kind: 'cpython', budget: 0 },
  log1p: { f: m.log1p, kind: 'cr', budget: 26 },
  pow: { f: m.pow, kind: 'cr', budget: 2 },
  sqrt: { f: m.sqrt, kind: 'cr', budget: 0 },
  sin: { f: m.sin, kind: 'cr', budget: 2 },
  cos: { f: m.cos, kind: 'cr', budget: 2 },
  tan: { f: m.tan, kind: 'cr', budget: 2 },
  asin: { f: m.asin, kind: 'cr', budget: 0 },
  acos: { f: m.acos, kind: 'cr', budget: 0 },
  atan: { f: m.atan, kind: 'cr', budget: 0 },
  atan2: { f: m.atan2, kind: 'cr', budget: 1 },
  sinh: { f: m.sinh, kind: 'cpython', budget: 78, maxUlp: 2 },
  cosh: { f: m.cosh, kind: 'cpython', budget: 0 },
  tanh: { f: m.tanh, kind: 'cr', budget: 99 },
  asinh: { f: m.asinh, kind: 'cpython', budget: 44, maxUlp: 2 },
  acosh: { f: m.acosh, kind: 'cpython', budget: 14, maxUlp: 2 },
  atanh: { f: m.atanh, kind: 'cr', budget: 67 },
  erf: { f: m.erf, kind: 'cr', budget: 24 },
  erfc: { f: m.erfc, kind: 'cr', budget: 120 },
  cbrt: { f: m.cbrt, kind: 'cr', budget: 272 },
  hypot: { f: (x, y) => m.hypot(x!, y!), kind: 'cpython', budget: 0 },
  gamma: { f: m.gamma, kind: 'cpython', budget: 2, maxUlp: 4 },
  lgamma: { f: m.lgamma, kind: 'cpython', budget: 0, maxUlp: 4 },
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
          if (spec.kind === 'cpython' && d > (spec.maxUlp ?? 1)) bad.push(`${c.args}: got ${got}, CPython ${c.py} (${d} ulps)`);
        }
      }
      const pct = (k: number): string => ((100 * k) / Math.max(n, 1)).toFixed(2).padStart(6) + '%';
      report.push(`${fn.padEnd(7)} n=${String(n).padStart(6)}  differs from CPython ${pct(vsPy)} (${vsPy})  from CR ${pct(vsCr)}  CPython vs CR ${pct(pyVsCr)}  worst ${worst} ulp`);
      expect(bad.slice(0, 10)).toEqual([]);
      if (spec.kind === 'cr') expect(vsCr).toBe(0);
      if (!SAMPLE_DIR) expect(vsPy).toBeLessThanOrEqual(spec.budget);
    });
  }
  afterAll(() => {
    if (SAMPLE_DIR || process.env.MATH_REPORT) console.log(report.join('\n'));
  });
});
