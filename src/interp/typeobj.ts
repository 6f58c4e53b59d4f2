// Type objects, the method resolution order, and the builtin type registry.
//
// A PyType holds its namespace in a PyDict (so `C.__dict__` and `vars(C)` are real),
// its bases, and its MRO computed by C3 linearisation (the algorithm of "The Python 2.3
// Method Resolution Order"), with CPython's error for inconsistent hierarchies. Lookups
// walk the MRO; each type caches the results and the cache is dropped whenever the type
// or any of its bases changes (CPython's type version tags serve the same purpose), and
// `version` lets the interpreter's inline caches validate themselves with one compare.
//
// `layout` says which JS class represents instances: a user class deriving from list is
// instantiated as a PyList whose `cls` is the user class.

import { floatClsRef, PyObject } from './objects.js';
import { dictHooks, PyDict } from './pydict.js';

export type Layout =
  | 'object' | 'int' | 'bool' | 'float' | 'complex' | 'str' | 'bytes' | 'bytearray' | 'tuple'
  | 'list' | 'dict' | 'set' | 'frozenset' | 'exception' | 'type' | 'module' | 'function'
  | 'builtin' | 'method' | 'property' | 'wrapper' | 'super' | 'range' | 'slice' | 'cell'
  | 'generator' | 'iterator' | 'none' | 'code' | 'traceback' | 'frame' | 'other';

let versionCounter = 1;

export class PyType extends PyObject {
  name: string;
  bases: PyType[];
  mro: PyType[] = [];
  layout: Layout;
  /** Builtin types are immutable and some cannot be subclassed. */
  readonly builtin: boolean;
  acceptsSubclass: boolean;
  version: number;
  readonly subclasses: PyType[] = [];
  private cache = new Map<string, any>();
  /** Set when the type (or a base) defines __getattribute__ or __getattr__ in Python. */
  hasGetattr = false;
  hasGetattribute = false;
  /**
   * Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING: whether instances match sequence or mapping
   * patterns. Inherited from the first base; set by `__abc_tpflags__` in a class body
   * and by ABCMeta.register (collections.abc.Sequence/Mapping).
   */
  isSequenceABC = false;
  isMappingABC = false;
  /** Set when instances have a __dict__ (user classes). */
  instanceDict: boolean;

  constructor(meta: PyType | null, name: string, bases: PyType[], dict: PyDict, layout: Layout, builtin: boolean) {
    super();
    this.cls = meta ?? (this as PyType);
    this.name = name;
    this.bases = bases;
    this.dict = dict;
    this.layout = layout;
    this.builtin = builtin;
    this.acceptsSubclass = true;
    this.version = versionCounter++;
    this.instanceDict = !builtin;
    for (const b of bases) b.subclasses.push(this);
  }

  get ns(): PyDict {
    return this.dict!;
  }

  /** Find `name` along the MRO (undefined if absent). */
  lookup(name: string): any {
    const c = this.cache.get(name);
    if (c !== undefined) return c === MISSING ? undefined : c;
    let found: any = undefined;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].dict!.getStr(name);
      if (v !== undefined) {
        found = v;
        break;
      }
    }
    this.cache.set(name, found === undefined ? MISSING : found);
    return found;
  }

  /** The type in the MRO that defines `name`, if any. */
  definer(name: string): PyType | undefined {
    for (const t of this.mro) if (t.dict!.getStr(name) !== undefined) return t;
    return undefined;
  }

  /** Call after changing this type's namespace or bases: drops caches here and below. */
  modified(): void {
    this.version = versionCounter++;
    this.cache.clear();
    this.hasGetattr = this.lookup('__getattr__') !== undefined;
    const ga = this.lookup('__getattribute__');
    this.hasGetattribute = ga !== undefined && ga !== objectGetattribute.f && ga !== objectGetattribute.typeF;
    for (const s of this.subclasses) s.modified();
  }

  isSubtype(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }

  /** ht_qualname: the class statement's __qualname__ (taken out of the namespace). */
  qualnameOverride: string | null = null;

  get qualname(): string {
    return this.qualnameOverride ?? this.name;
  }

  get moduleName(): string {
    const m = this.dict!.getStr('__module__');
    return typeof m === 'string' ? m : 'builtins';
  }
}

const MISSING = Symbol('missing');

/** object.__getattribute__, set by the builtins so user overrides can be detected. */
/** object.__getattribute__ and type.__getattribute__: the defaults the protocol inlines. */
export const objectGetattribute: { f: any; typeF: any } = { f: undefined, typeF: undefined };

export class MroError extends Error {}

/**
 * C3 linearisation. Throws MroError with CPython's message when the bases cannot be
 * ordered consistently.
 */
export function computeMro(t: PyType): PyType[] {
  if (t.bases.length === 0) return [t];
  if (t.bases.length === 1) return [t, ...t.bases[0].mro];
  const seqs: PyType[][] = [...t.bases.map((b) => [...b.mro]), [...t.bases]];
  const result: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let candidate: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((o) => o.indexOf(head) > 0)) {
        candidate = head;
        break;
      }
    }
    if (candidate === null) {
      const heads: PyType[] = [];
      for (const s of nonEmpty) if (!heads.includes(s[0])) heads.push(s[0]);
      throw new MroError(`Cannot create a consistent method resolution\norder (MRO) for bases ${heads.map((h) => h.name).join(', ')}`);
    }
    result.push(candidate);
    for (const s of nonEmpty) if (s[0] === candidate) s.shift();
  }
}

/** The most derived builtin layout among the bases (the instance representation). */
export function solidLayout(bases: PyType[]): Layout {
  let layout: Layout = 'object';
  for (const b of bases) {
    for (const t of b.mro) {
      if (t.layout !== 'object') {
        if (layout === 'object') layout = t.layout;
        break;
      }
    }
  }
  return layout;
}

// ---- the builtin type registry ------------------------------------------------------------

/** The dict type once it exists: namespaces of types made before it are fixed up below. */
let nsDictType: PyType | null = null;

function mk(name: string, base: PyType | null, layout: Layout, meta: PyType | null = null): PyType {
  const t = new PyType(meta, name, base ? [base] : [], new PyDict(nsDictType as PyType), layout, true);
  t.mro = computeMro(t);
  return t;
}

// `object` and `type` are created first; everything else hangs off them.
export const objectType = mk('object', null, 'object');
export const typeType = mk('type', objectType, 'type');
objectType.cls = typeType;
typeType.cls = typeType;

function bt(name: string, layout: Layout, base: PyType = objectType): PyType {
  return mk(name, base, layout, typeType);
}

export const intType = bt('int', 'int');
export const boolType = bt('bool', 'bool', intType);
boolType.acceptsSubclass = false;
export const floatType = bt('float', 'float');
export const complexType = bt('complex', 'complex');
export const strType = bt('str', 'str');
export const bytesType = bt('bytes', 'bytes');
export const bytearrayType = bt('bytearray', 'bytearray');
export const tupleType = bt('tuple', 'tuple');
export const listType = bt('list', 'list');
export const dictType = bt('dict', 'dict');
nsDictType = dictType;
export const setType = bt('set', 'set');
export const frozensetType = bt('frozenset', 'frozenset');
export const rangeType = bt('range', 'range');
rangeType.acceptsSubclass = false;
export const sliceType = bt('slice', 'slice');
sliceType.acceptsSubclass = false;
export const noneType = bt('NoneType', 'none');
noneType.acceptsSubclass = false;
export const notImplementedType = bt('NotImplementedType', 'none');
notImplementedType.acceptsSubclass = false;
export const ellipsisType = bt('ellipsis', 'none');
ellipsisType.acceptsSubclass = false;
export const functionType = bt('function', 'function');
functionType.acceptsSubclass = false;
export const builtinFunctionType = bt('builtin_function_or_method', 'builtin');
builtinFunctionType.acceptsSubclass = false;
export const methodType = bt('method', 'method');
methodType.acceptsSubclass = false;
export const moduleType = bt('module', 'module');
export const propertyType = bt('property', 'property');
export const staticmethodType = bt('staticmethod', 'wrapper');
export const classmethodType = bt('classmethod', 'wrapper');
export const superType = bt('super', 'super');
export const cellType = bt('cell', 'cell');
cellType.acceptsSubclass = false;
export const codeType = bt('code', 'code');
export const tracebackType = bt('traceback', 'traceback');
export const frameType = bt('frame', 'frame');
export const generatorType = bt('generator', 'generator');
export const coroutineType = bt('coroutine', 'generator');
export const asyncGeneratorType = bt('async_generator', 'generator');
export const baseExceptionType = bt('BaseException', 'exception');

/** Iterator and helper types: not subclassable, shown by name in reprs. */
export function iteratorType(name: string): PyType {
  const t = bt(name, 'iterator');
  t.acceptsSubclass = false;
  return t;
}

export const ALL_BUILTIN_TYPES: PyType[] = [
  objectType, typeType, intType, boolType, floatType, complexType, strType, bytesType, bytearrayType,
  tupleType, listType, dictType, setType, frozensetType, rangeType, sliceType, noneType,
  notImplementedType, ellipsisType, functionType, builtinFunctionType, methodType, moduleType,
  propertyType, staticmethodType, classmethodType, superType, cellType, codeType, tracebackType,
  frameType, generatorType, coroutineType, asyncGeneratorType, baseExceptionType,
];

for (const t of ALL_BUILTIN_TYPES) t.dict!.cls = dictType;
for (const t of [listType, tupleType, rangeType]) t.isSequenceABC = true;
dictType.isMappingABC = true;
dictHooks.dictType = dictType;
floatClsRef.t = floatType;
