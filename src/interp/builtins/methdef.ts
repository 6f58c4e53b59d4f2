// Declarative method signatures for the str, bytes and bytearray methods.
//
// Role: CPython parses the arguments of these methods in four different ways, and each
// way has its own error wording; the str/bytes builtins name the way a method uses
// (`ArgSpec`) and `defMethod` checks arity, keywords and the type of `self` before
// calling the implementation with a plain argument array. The wordings (Python/getargs.c,
// Objects/methodobject.c, Argument Clinic's generated parsers in 3.11):
//
//   noargs   METH_NOARGS           "str.lower() takes no arguments (1 given)"
//   one      METH_O                "str.join() takes exactly one argument (0 given)"
//   pos      clinic, positional    "center expected at least 1 argument, got 0"
//   legacy   PyArg_ParseTuple      "count() takes at least 1 argument (0 given)"
//   kw       clinic with keywords  "split() takes at most 2 arguments (3 given)",
//                                  "'x' is an invalid keyword argument for split()"
//
// Invariant: implementations receive exactly the declared parameters in order, with
// `undefined` for the optional ones not given; `self` is already converted.

import { arity, unpackArity } from '../bi.js';
import { pyErr, TypeError } from '../exceptions.js';
import { PyBuiltin, type PyKwargs } from '../objects.js';
import { typeName } from '../protocol.js';
import { builtinFunctionType, type PyType } from '../typeobj.js';

export type ArgSpec =
  | { readonly kind: 'noargs' }
  | { readonly kind: 'one' }
  | { readonly kind: 'pos'; readonly min: number; readonly max: number }
  | { readonly kind: 'legacy'; readonly min: number; readonly max: number }
  | { readonly kind: 'kw'; readonly names: readonly string[]; readonly posOnly: number; readonly min: number };

export const NOARGS: ArgSpec = { kind: 'noargs' };
export const ONE: ArgSpec = { kind: 'one' };
export function pos(min: number, max: number): ArgSpec {
  return { kind: 'pos', min, max };
}
export function legacy(min: number, max: number): ArgSpec {
  return { kind: 'legacy', min, max };
}
/** Clinic parameters: the first `posOnly` are positional-only, the first `min` required. */
export function kw(names: readonly string[], min = 0, posOnly = 0): ArgSpec {
  return { kind: 'kw', names, posOnly, min };
}

/** Bind keyword arguments to clinic parameters (positional ones already in `out`). */
function bindKw(name: string, names: readonly string[], posOnly: number, out: any[], kwargs: PyKwargs): void {
  for (const [k, v] of kwargs) {
    const i = names.indexOf(k);
    if (i < posOnly) throw pyErr(TypeError, `'${k}' is an invalid keyword argument for ${name}()`);
    if (out[i] !== undefined) throw pyErr(TypeError, `argument for ${name}() given by name ('${k}') and position (${i + 1})`);
    out[i] = v;
  }
}

/** Check `args` (without self) against `spec`; returns the parameter values in order. */
export function checkArgs(owner: string, name: string, spec: ArgSpec, args: any[], kwargs: PyKwargs | null): any[] {
  const n = args.length;
  const hasKw = kwargs !== null && kwargs.size > 0;
  switch (spec.kind) {
    case 'noargs':
      if (hasKw) throw pyErr(TypeError, `${owner}.${name}() takes no keyword arguments`);
      if (n !== 0) throw pyErr(TypeError, `${owner}.${name}() takes no arguments (${n} given)`);
      return args;
    case 'one':
      if (hasKw) throw pyErr(TypeError, `${owner}.${name}() takes no keyword arguments`);
      if (n !== 1) throw pyErr(TypeError, `${owner}.${name}() takes exactly one argument (${n} given)`);
      return args;
    case 'pos':
      if (hasKw) throw pyErr(TypeError, `${owner}.${name}() takes no keyword arguments`);
      unpackArity(name, args, spec.min, spec.max);
      return args;
    case 'legacy':
      if (hasKw) throw pyErr(TypeError, `${owner}.${name}() takes no keyword arguments`);
      arity(name, args, spec.min, spec.max);
      return args;
    case 'kw': {
      const m = spec.names.length;
      const total = n + (hasKw ? kwargs.size : 0);
      if (total > m) throw pyErr(TypeError, `${name}() takes at most ${m} argument${m === 1 ? '' : 's'} (${total} given)`);
      if (!hasKw && n >= spec.min) return args;
      const out = new Array(m).fill(undefined);
      for (let i = 0; i < n; i++) out[i] = args[i];
      if (hasKw) bindKw(name, spec.names, spec.posOnly, out, kwargs);
      for (let i = 0; i < spec.min; i++) {
        if (out[i] === undefined) {
          if (i < spec.posOnly) throw pyErr(TypeError, `${name}() takes at least ${spec.min} positional argument${spec.min === 1 ? '' : 's'} (${n} given)`);
          throw pyErr(TypeError, `${name}() missing required argument '${spec.names[i]}' (pos ${i + 1})`);
        }
      }
      return out;
    }
  }
}

/**
 * Define `t.name` with the given signature. `selfOf` converts the receiver (null when it
 * is not an instance of the type: "descriptor 'x' for 'str' objects doesn't apply ...").
 */
export function defMethod<S>(
  t: PyType,
  name: string,
  spec: ArgSpec,
  selfOf: (v: any) => S | null,
  impl: (self: S, args: any[], receiver: any) => any,
): PyBuiltin {
  const owner = t.name;
  const b = new PyBuiltin(builtinFunctionType, name, (a, kwargs) => {
    if (a.length === 0) throw pyErr(TypeError, `unbound method ${owner}.${name}() needs an argument`);
    const self = selfOf(a[0]);
    if (self === null) throw pyErr(TypeError, `descriptor '${name}' for '${owner}' objects doesn't apply to a '${typeName(a[0])}' object`);
    const rest = a.slice(1);
    return impl(self, checkArgs(owner, name, spec, rest, kwargs), a[0]);
  }, undefined, owner, null);
  t.ns.setStr(name, b);
  return b;
}
