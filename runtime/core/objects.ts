// Runtime core: the builtin type objects and singletons every compiled program has.
//
// Type objects are static (GC_STATIC) and named `type_<name>`; the singletons are
// `obj_None`, `obj_True`, `obj_False`, `obj_NotImplemented`, `obj_Ellipsis`. The exception
// hierarchy is the interpreter's (src/interp/exceptions.ts), so both executors agree on
// names and bases. bool objects carry their int value in their first field.

import { type Assembler, sym } from '../../src/asm/index.js';
import { BUILTIN_TYPES, LAYOUTS, type LayoutKind, TYPE_SLOTS, TYPEFLAG_BASETYPE, TYPEFLAG_BUILTIN, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule, RuntimeType } from '../../src/native/rt.js';
import { emitFixed, emitHeader, emitStr, emitTuple, emitWord, type StaticWord, wordInt } from '../../src/native/statics.js';
import { EXCEPTION_TYPES } from '../../src/interp/exceptions.js';

export interface BuiltinTypeSpec {
  name: string;
  base: string | null;
  layout: LayoutKind;
  subclassable: boolean;
  /** `__module__` when not 'builtins' (RuntimeType.module). */
  module?: string;
  /** All bases when there are several (ExceptionGroup: BaseExceptionGroup, Exception); `base` is the first. */
  bases?: readonly string[];
}

const NOT_SUBCLASSABLE = new Set(['bool', 'range', 'NoneType', 'NotImplementedType', 'ellipsis', 'function', 'builtin_function_or_method', 'method', 'cell', 'range_iterator', 'list_iterator', 'tuple_iterator']);

/** All builtin types of the native runtime, bases before subclasses; `extra` from modules. */
export function builtinTypeSpecs(extra: readonly RuntimeType[] = []): BuiltinTypeSpec[] {
  const specs: BuiltinTypeSpec[] = [];
  for (const [name, layout] of BUILTIN_TYPES) {
    if (name === 'BaseException') continue;
    const base = name === 'object' ? null : name === 'bool' ? 'int' : 'object';
    specs.push({ name, base, layout, subclassable: !NOT_SUBCLASSABLE.has(name) });
  }
  for (const t of EXCEPTION_TYPES) {
    specs.push({ name: t.name, base: t.bases[0]?.name ?? 'object', layout: 'exception', subclassable: true, ...(t.bases.length > 1 ? { bases: t.bases.map((b) => b.name) } : {}) });
  }
  const known = new Set(specs.map((s) => s.name));
  for (const t of extra) {
    if (known.has(t.name)) throw new Error(`builtin type ${t.name} declared twice`);
    if (t.base !== undefined && !known.has(t.base)) throw new Error(`builtin type ${t.name}: base ${t.base} is not declared before it`);
    known.add(t.name);
    specs.push({ name: t.name, base: t.base ?? 'object', layout: t.layout, subclassable: t.subclassable ?? false, ...(t.module !== undefined ? { module: t.module } : {}) });
  }
  return specs;
}

function mroOf(name: string, byName: Map<string, BuiltinTypeSpec>): string[] {
  const spec = byName.get(name);
  if (spec?.bases !== undefined) return c3(name, spec.bases.map((b) => mroOf(b, byName)).concat([[...spec.bases]]));
  const out: string[] = [];
  for (let t: BuiltinTypeSpec | undefined = byName.get(name); t !== undefined; t = t.base === null ? undefined : byName.get(t.base)) out.push(t.name);
  return out;
}

/** C3 linearization (the MRO of a type with several bases, as typeobject.c mro_implementation). */
function c3(name: string, seqs: string[][]): string[] {
  const out = [name];
  const rest = seqs.map((s) => [...s]).filter((s) => s.length > 0);
  while (rest.length > 0) {
    const head = rest.map((s) => s[0]).find((h) => rest.every((s) => !s.slice(1).includes(h)));
    if (head === undefined) throw new Error(`builtin type ${name}: no consistent MRO`);
    out.push(head);
    for (const s of rest) if (s[0] === head) s.shift();
    for (let i = rest.length - 1; i >= 0; i--) if (rest[i].length === 0) rest.splice(i, 1);
  }
  return out;
}

function typeDatum(spec: BuiltinTypeSpec, byName: Map<string, BuiltinTypeSpec>): RuntimeDatum[] {
  const typeSym = `type_${spec.name}`;
  const nameSym = `typename_${spec.name}`;
  const basesSym = `typebases_${spec.name}`;
  const mroSym = `typemro_${spec.name}`;
  const mro = mroOf(spec.name, byName);
  return [
    { name: nameSym, section: 'rodata', align: 8, emit: (a) => emitStr(a, spec.name) },
    ...(spec.module !== undefined ? [{ name: `typemodule_${spec.name}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => emitStr(a, spec.module!) }] : []),
    { name: basesSym, section: 'rodata', align: 8, emit: (a) => emitTuple(a, (spec.bases ?? (spec.base === null ? [] : [spec.base])).map((n) => ({ box: `type_${n}` }))) },
    { name: mroSym, section: 'rodata', align: 8, emit: (a) => emitTuple(a, mro.map((n) => ({ box: `type_${n}` }))) },
    {
      name: typeSym,
      section: 'data',
      align: 16,
      emit: (a: Assembler<any>, ctx) => {
        emitHeader(a, 'type_type');
        const words: StaticWord[] = [
          { box: nameSym }, // name
          { box: nameSym }, // qualname
          { box: spec.module !== undefined ? `typemodule_${spec.name}` : 'typename_builtins_module' }, // module
          { box: basesSym },
          { box: mroSym },
          { boxIfDefined: `typedict_${spec.name}`, otherwise: UNBOUND }, // dict of methods, emitted from the modules' method tables
          { raw: BigInt(TYPEFLAG_BUILTIN | (spec.subclassable ? TYPEFLAG_BASETYPE : 0)) },
          { raw: BigInt(LAYOUTS[spec.layout].id) },
          { raw: 0n }, // instance size
          { raw: 1n }, // version
        ];
        for (const w of words) emitWord(a, w, ctx);
        if (spec.base === null) a.u64(0n);
        else a.u64(sym(`type_${spec.base}`));
        // Slots: `rt_<slot>_<type>` of the nearest type in the MRO whose routine the runtime
        // defines (e.g. rt_repr_int; KeyError inherits rt_str_BaseException), else 0.
        for (const slot of TYPE_SLOTS) {
          const owner = mro.find((n) => ctx.defined(`rt_${slot}_${n}`));
          a.u64(owner === undefined ? 0n : sym(`rt_${slot}_${owner}`));
        }
        a.u64(0n); // sharedKeys: builtin types have none (TYPE.sharedKeys)
      },
    },
  ];
}

/** The type objects and singletons; `others` are the image's other modules (their types). */
export function objectsModule(others: readonly RuntimeModule[]): RuntimeModule {
  const specs = builtinTypeSpecs(others.flatMap((m) => m.types ?? []));
  const byName = new Map(specs.map((s) => [s.name, s]));
  const data: RuntimeDatum[] = [{ name: 'typename_builtins_module', section: 'rodata', align: 8, emit: (a) => emitStr(a, 'builtins') }];
  for (const s of specs) data.push(...typeDatum(s, byName));
  const singleton = (name: string, typeName: string, fields: StaticWord[]): RuntimeDatum => ({
    name: `obj_${name}`,
    section: 'rodata',
    align: 16,
    emit: (a) => emitFixed(a, `type_${typeName}`, fields),
  });
  data.push(
    singleton('None', 'NoneType', []),
    singleton('NotImplemented', 'NotImplementedType', []),
    singleton('Ellipsis', 'ellipsis', []),
    singleton('False', 'bool', [wordInt(0)]),
    singleton('True', 'bool', [wordInt(1)]),
    { name: 'obj_empty_tuple', section: 'rodata', align: 16, emit: (a) => emitTuple(a, []) },
    { name: 'obj_empty_str', section: 'rodata', align: 16, emit: (a) => emitStr(a, '') },
  );
  return { name: 'objects', routines: [], data };
}
