// The math module: Python-level argument handling around the correctly rounded numeric
// functions of numeric/mathfns.ts (floats via __float__, ints kept exact where the
// function has integer semantics, CPython's error types and messages).

import { exactlyOne, fn, noKw, unpackArity } from '../bi.js';
import { intOf } from '../arith.js';
import { toIndex } from '../containers.js';
import { OverflowError, pyErr, TypeError, ValueError, ZeroDivisionError } from '../exceptions.js';
import * as M from '../numeric/mathfns.js';
import { PyFloat, type PyKwargs, type PyModule } from '../objects.js';
import { binaryOpRef, callDescr, newTuple, toArray, typeOf } from './math_support.js';
import { toFloat } from '../builtins/numbers.js';

function mathErr<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof M.MathError) {
      switch (e.kind) {
        case 'OverflowError': throw pyErr(OverflowError, e.message);
        case 'TypeError': throw pyErr(TypeError, e.message);
        case 'ZeroDivisionError': throw pyErr(ZeroDivisionError, e.message);
        default: throw pyErr(ValueError, e.message);
      }
    }
    throw e;
  }
}

function num(v: any, fname: string): number {
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'number') return v;
  const i = intOf(v);
  if (i !== null) return typeof i === 'number' ? i : mathErr(() => Number(i) === Infinity || Number(i) === -Infinity ? (() => { throw new M.MathError('OverflowError', 'int too large to convert to float'); })() : Number(i));
  const t = typeOf(v);
  if (t.lookup('__float__') === undefined && t.lookup('__index__') === undefined) throw pyErr(TypeError, `must be real number, not ${t.name}`);
  return toFloat(v);
}


function exact(fname: string, v: any): number | bigint {
  if (v instanceof PyFloat) throw pyErr(TypeError, `'float' object cannot be interpreted as an integer`);
  return toIndex(v);
}

export function initMath(m: PyModule): void {
  const d = m.dict!;
  const def = (name: string, impl: (a: any[], kw: any) => any): void => {
    d.setStr(name, fn(name, impl));
  };
  const f1 = (name: string, f: (x: number) => number): void => {
    def(name, (a) => {
      if (a.length !== 1) throw pyErr(TypeError, `math.${name}() takes exactly one argument (${a.length} given)`);
      return new PyFloat(mathErr(() => f(num(a[0], name))));
    });
  };
  for (const name of ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'gamma', 'lgamma', 'log1p', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees', 'radians'] as const) {
    f1(name, (M as any)[name]);
  }
  d.setStr('pi', new PyFloat(M.pi));
  d.setStr('e', new PyFloat(M.e));
  d.setStr('tau', new PyFloat(M.tau));
  d.setStr('inf', new PyFloat(Infinity));
  d.setStr('nan', new PyFloat(NaN));
  const intFloat = (name: string, f: (x: number | bigint) => any, dunder: string): void => {
    def(name, (a) => {
      if (a.length !== 1) throw pyErr(TypeError, `math.${name}() takes exactly one argument (${a.length} given)`);
      const v = a[0];
      const i = intOf(v);
      if (i !== null) return i;
      if (v instanceof PyFloat) return mathErr(() => f(v.v));
      const dm = typeOf(v).lookup(dunder);
      if (dm !== undefined) return callDescr(dm, v, []);
      return mathErr(() => f(num(v, name)));
    });
  };
  intFloat('floor', M.floor, '__floor__');
  intFloat('ceil', M.ceil, '__ceil__');
  intFloat('trunc', M.trunc, '__trunc__');
  for (const name of ['isfinite', 'isinf', 'isnan'] as const) def(name, (a) => (M as any)[name](num(a[0], name)));
  def('log', (a) => {
    if (a.length < 1 || a.length > 2) throw pyErr(TypeError, `log expected 1 or 2 arguments, got ${a.length}`);
    const x = intOf(a[0]) !== null && !(a[0] instanceof PyFloat) ? intOf(a[0])! : num(a[0], 'log');
    const b = a.length > 1 ? (intOf(a[1]) !== null && !(a[1] instanceof PyFloat) ? intOf(a[1])! : num(a[1], 'log')) : undefined;
    return new PyFloat(mathErr(() => M.log(x, b)));
  });
  for (const name of ['log2', 'log10'] as const) {
    def(name, (a) => {
      const x = intOf(a[0]) !== null && !(a[0] instanceof PyFloat) ? intOf(a[0])! : num(a[0], name);
      return new PyFloat(mathErr(() => M[name](x)));
    });
  }
  const f2 = (name: string, f: (x: number, y: number) => number): void => {
    def(name, (a) => {
      if (a.length !== 2) throw pyErr(TypeError, `${name} expected 2 arguments, got ${a.length}`);
      return new PyFloat(mathErr(() => f(num(a[0], name), num(a[1], name))));
    });
  };
  f2('atan2', M.atan2);
  f2('copysign', M.copysign);
  f2('fmod', M.fmod);
  f2('remainder', M.remainder);
  f2('pow', M.pow);
  f2('nextafter', M.nextafter);
  def('ulp', (a) => new PyFloat(M.ulp(num(a[0], 'ulp'))));
  def('frexp', (a) => {
    const [mm, e] = mathErr(() => M.frexp(num(a[0], 'frexp')));
    return newTuple([new PyFloat(mm), e]);
  });
  def('ldexp', (a) => {
    if (a[1] instanceof PyFloat) throw pyErr(TypeError, 'Expected an int as second argument to ldexp.');
    return new PyFloat(mathErr(() => M.ldexp(num(a[0], 'ldexp'), { int: toIndex(a[1]) })));
  });
  def('modf', (a) => {
    const [fr, ip] = M.modf(num(a[0], 'modf'));
    return newTuple([new PyFloat(fr), new PyFloat(ip)]);
  });
  def('isclose', (a, kw) => {
    if (a.length !== 2) throw pyErr(TypeError, `isclose() takes exactly 2 positional arguments (${a.length} given)`);
    const rel = kw?.has('rel_tol') ? num(kw.get('rel_tol'), 'isclose') : 1e-9;
    const abs = kw?.has('abs_tol') ? num(kw.get('abs_tol'), 'isclose') : 0;
    return mathErr(() => M.isclose(num(a[0], 'isclose'), num(a[1], 'isclose'), rel, abs));
  });
  def('fsum', (a) => new PyFloat(mathErr(() => M.fsum(toArray(a[0]).map((x) => num(x, 'fsum'))))));
  def('hypot', (a) => new PyFloat(mathErr(() => M.hypot(...a.map((x) => num(x, 'hypot'))))));
  def('dist', (a) => {
    const p = toArray(a[0]).map((x) => num(x, 'dist'));
    const q = toArray(a[1]).map((x) => num(x, 'dist'));
    if (p.length !== q.length) throw pyErr(ValueError, 'both points must have the same number of dimensions');
    return new PyFloat(mathErr(() => M.dist(p, q)));
  });
  // The integer functions check their arguments as CPython's mathmodule.c does: gcd/lcm are
  // METH_FASTCALL without keywords, factorial/isqrt METH_O, comb/perm argument clinic with
  // positional-only parameters (the "comb expected 2 arguments" wording), prod takes one
  // positional argument and the keyword-only `start`.
  const meth0 = (name: string, a: any[], kw: PyKwargs | null): any => {
    noKw(`math.${name}`, kw);
    return exactlyOne(`math.${name}`, a);
  };
  def('gcd', (a, kw) => {
    noKw('math.gcd', kw);
    return mathErr(() => M.gcd(...a.map((x) => exact('gcd', x))));
  });
  def('lcm', (a, kw) => {
    noKw('math.lcm', kw);
    return mathErr(() => M.lcm(...a.map((x) => exact('lcm', x))));
  });
  def('isqrt', (a, kw) => {
    const x = meth0('isqrt', a, kw);
    return mathErr(() => M.isqrt(exact('isqrt', x)));
  });
  def('factorial', (a, kw) => {
    const x = meth0('factorial', a, kw);
    if (x instanceof PyFloat) throw pyErr(TypeError, "'float' object cannot be interpreted as an integer");
    return mathErr(() => M.factorial(exact('factorial', x)));
  });
  def('comb', (a, kw) => {
    noKw('math.comb', kw);
    unpackArity('comb', a, 2, 2);
    return mathErr(() => M.comb(exact('comb', a[0]), exact('comb', a[1])));
  });
  def('perm', (a, kw) => {
    noKw('math.perm', kw);
    unpackArity('perm', a, 1, 2);
    return mathErr(() => M.perm(exact('perm', a[0]), a.length > 1 && a[1] !== noneRef.v ? exact('perm', a[1]) : undefined as any));
  });
  def('prod', (a, kw) => {
    if (a.length !== 1) throw pyErr(TypeError, `prod() takes exactly 1 positional argument (${a.length} given)`);
    const nkw = kw === null ? 0 : kw.size;
    if (a.length + nkw > 2) throw pyErr(TypeError, `prod() takes at most 2 arguments (${a.length + nkw} given)`);
    for (const k of kw?.keys() ?? []) if (k !== 'start') throw pyErr(TypeError, `'${k}' is an invalid keyword argument for prod()`);
    let acc: any = kw?.has('start') === true ? kw.get('start') : 1;
    for (const x of toArray(a[0])) acc = binaryOpRef.f(acc, x, 2);
    return acc;
  });
}

export const noneRef: { v: any } = { v: undefined };
