// Runtime core: the type dicts of builtin types and the builtins dict, built at link time.
//
// Every module's `methods` table (rt.ts RuntimeMethod) becomes a static builtin-function
// object `mfn_<type>_<name>` (BUILTIN layout: entry, name, self UNBOUND) and an entry of the
// static dict `typedict_<type>` (src/native/staticdict.ts), which objects.ts puts in the
// type object's dict word. The header's aux word gives the method kind: 0 an instance method
// (called with self prepended), 1 a classmethod (called with the class as args[0]), 2 a
// staticmethod. `builtins_dict` maps the names of CPython's builtins module that the image
// has to their objects: the builtin functions of the `builtins` tables (`bfn_<name>`, see
// builtins.ts), the builtin types (with the IOError and EnvironmentError aliases of OSError),
// and None, Ellipsis, NotImplemented, True, False, __debug__ and __name__. Both kinds of dict
// are read-only (rodata); a program that assigns to the builtins module works on a copy.

import { sym } from '../../src/asm/index.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule } from '../../src/native/rt.js';
import { staticDictData, staticDictKeySymbol, type StaticDictEntry } from '../../src/native/staticdict.js';
import { emitHeader, emitStr } from '../../src/native/statics.js';
import { UNBOUND } from '../../src/native/layout.js';
import { builtinTypeSpecs } from './objects.js';

/** BUILTIN header aux: how a method object binds. */
export const METHOD_KIND = { method: 0, classmethod: 1, staticmethod: 2 } as const;

/** Names of types in CPython 3.11's builtins module (`dir(builtins)`), for builtins_dict. */
const PY_BUILTIN_TYPES = new Set([
  'object', 'type', 'int', 'bool', 'float', 'complex', 'str', 'bytes', 'bytearray', 'memoryview', 'tuple', 'list', 'dict', 'set',
  'frozenset', 'range', 'slice', 'enumerate', 'filter', 'map', 'zip', 'reversed', 'property', 'classmethod', 'staticmethod', 'super',
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'BaseExceptionGroup', 'BlockingIOError', 'BrokenPipeError',
  'BufferError', 'BytesWarning', 'ChildProcessError', 'ConnectionAbortedError', 'ConnectionError', 'ConnectionRefusedError',
  'ConnectionResetError', 'DeprecationWarning', 'EOFError', 'EncodingWarning', 'Exception', 'ExceptionGroup', 'FileExistsError',
  'FileNotFoundError', 'FloatingPointError', 'FutureWarning', 'GeneratorExit', 'ImportError', 'ImportWarning', 'IndentationError',
  'IndexError', 'InterruptedError', 'IsADirectoryError', 'KeyError', 'KeyboardInterrupt', 'LookupError', 'MemoryError',
  'ModuleNotFoundError', 'NameError', 'NotADirectoryError', 'NotImplementedError', 'OSError', 'OverflowError',
  'PendingDeprecationWarning', 'PermissionError', 'ProcessLookupError', 'RecursionError', 'ReferenceError', 'ResourceWarning',
  'RuntimeError', 'RuntimeWarning', 'StopAsyncIteration', 'StopIteration', 'SyntaxError', 'SyntaxWarning', 'SystemError',
  'SystemExit', 'TabError', 'TimeoutError', 'TypeError', 'UnboundLocalError', 'UnicodeDecodeError', 'UnicodeEncodeError',
  'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning', 'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError',
]);

/** Other names of the same type objects in the builtins module. */
const ALIASES: readonly (readonly [string, string])[] = [
  ['EnvironmentError', 'OSError'],
  ['IOError', 'OSError'],
];

function methodSym(m: RuntimeMethod): string {
  return `mfn_${m.type}_${m.name}`;
}

/** The static builtin-function object of a method and its name str. */
function methodObject(m: RuntimeMethod): RuntimeDatum[] {
  const s = methodSym(m);
  if (m.kind === 'getter' || m.kind === 'member') return attributeObject(m, s);
  return [
    { name: `${s}.name`, section: 'rodata', align: 16, emit: (a) => emitStr(a, m.name) },
    {
      name: s,
      section: 'rodata',
      align: 16,
      emit(a) {
        emitHeader(a, 'type_builtin_function_or_method', METHOD_KIND[(m.kind ?? 'method') as keyof typeof METHOD_KIND]);
        a.u64(sym(m.entry));
        a.u64(sym(`box:${s}.name`));
        a.u64(UNBOUND);
        a.u64(0n);
      },
    },
  ];
}

/** A read-only data attribute: a static getset_descriptor / member_descriptor (getset.ts GETSET). */
function attributeObject(m: RuntimeMethod, s: string): RuntimeDatum[] {
  return [
    { name: `${s}.name`, section: 'rodata', align: 16, emit: (a) => emitStr(a, m.name) },
    {
      name: s,
      section: 'rodata',
      align: 16,
      emit(a) {
        emitHeader(a, m.kind === 'member' ? 'type_member_descriptor' : 'type_getset_descriptor', 4);
        a.u64(sym(`box:${s}.name`));
        a.u64(sym(`box:type_${m.type}`));
        a.u64(sym(m.entry));
        a.u64(0n);
      },
    },
  ];
}

/**
 * typedict_<type> for each type with methods and the method objects, keeping only the
 * methods `keep` accepts (a program that never names a method does not need it).
 */
export function typeDictData(modules: readonly RuntimeModule[], keep: (m: RuntimeMethod) => boolean = () => true): RuntimeDatum[] {
  const data: RuntimeDatum[] = [];
  const byType = new Map<string, RuntimeMethod[]>();
  for (const m of modules.flatMap((mod) => mod.methods ?? [])) {
    let list = byType.get(m.type);
    if (list === undefined) byType.set(m.type, (list = []));
    if (list.some((x) => x.name === m.name)) throw new Error(`method ${m.type}.${m.name} declared twice`);
    list.push(m);
  }
  const types = builtinTypeSpecs(modules.flatMap((mod) => mod.types ?? []));
  const typeNames = new Set(types.map((t) => t.name));
  for (const [type, all] of byType) {
    if (!typeNames.has(type)) throw new Error(`methods declared for unknown builtin type ${type}`);
    const methods = all.filter(keep);
    for (const m of methods) data.push(...methodObject(m));
    data.push(...staticDictData(`typedict_${type}`, methods.map((m) => ({ key: m.name, value: { box: methodSym(m) } }))));
  }
  return data;
}

/** typedict_<type> for each type with methods, the method objects, and builtins_dict. */
export function methodsModule(modules: readonly RuntimeModule[]): RuntimeModule {
  const data: RuntimeDatum[] = [];
  const byType = new Map<string, RuntimeMethod[]>();
  for (const m of modules.flatMap((mod) => mod.methods ?? [])) {
    let list = byType.get(m.type);
    if (list === undefined) byType.set(m.type, (list = []));
    if (list.some((x) => x.name === m.name)) throw new Error(`method ${m.type}.${m.name} declared twice`);
    list.push(m);
  }
  const types = builtinTypeSpecs(modules.flatMap((mod) => mod.types ?? []));
  const typeNames = new Set(types.map((t) => t.name));
  for (const [type, methods] of byType) {
    if (!typeNames.has(type)) throw new Error(`methods declared for unknown builtin type ${type}`);
    for (const m of methods) data.push(...methodObject(m));
    data.push(...staticDictData(`typedict_${type}`, methods.map((m) => ({ key: m.name, value: { box: methodSym(m) } }))));
  }
  const entries: StaticDictEntry[] = [];
  for (const b of modules.flatMap((mod) => mod.builtins ?? [])) entries.push({ key: b.name, value: { box: `bfn_${b.name}` }, requires: `bfn_${b.name}` });
  for (const t of types) if (PY_BUILTIN_TYPES.has(t.name)) entries.push({ key: t.name, value: { box: `type_${t.name}` } });
  for (const [alias, target] of ALIASES) if (typeNames.has(target)) entries.push({ key: alias, value: { box: `type_${target}` } });
  for (const c of ['None', 'Ellipsis', 'NotImplemented', 'True', 'False'] as const) entries.push({ key: c, value: { box: `obj_${c}` } });
  entries.push({ key: '__debug__', value: { box: 'obj_True' } });
  entries.push({ key: '__name__', value: { box: 'typename_builtins_module' } });
  data.push(...staticDictData('builtins_dict', entries));
  // The names alone, in the dict's order, for NameError suggestions (suggest.ts): a program
  // that never reads the builtins dict links no builtin function it does not name itself.
  data.push({
    name: 'builtins_names',
    section: 'rodata',
    align: 16,
    emit(a, ctx) {
      const live = entries.map((e, i) => ({ e, i })).filter(({ e }) => e.requires === undefined || ctx.defined(e.requires));
      emitHeader(a, 'type_tuple');
      a.u64(live.length);
      for (const { i } of live) a.u64(sym(`box:${staticDictKeySymbol('builtins_dict', i)}`));
    },
  });
  return { name: 'methods', routines: [], data };
}
