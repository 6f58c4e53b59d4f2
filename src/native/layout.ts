// Value and object layouts of compiled programs: the single definition.
//
// Every value is one 64-bit word (NaN-boxing). Doubles are stored as themselves; all other
// values live in the negative quiet-NaN space, which ordinary arithmetic never produces
// (x86's default NaN is 0xFFF8_0000_0000_0000, below every tag):
//
//    63        48 47                                                0
//   +-----------+----------------------------------------------------+
//   |    tag    |                      payload                       |
//   +-----------+----------------------------------------------------+
//   tag <  0xFFF9 (unsigned)   the word is an IEEE-754 double
//   tag == 0xFFF9              small int: payload is an int48 (two's complement)
//   tag == 0xFFFA              special: payload 0 = UNBOUND (unbound local / NULL),
//                                       payload 1 = EXC (a runtime call raised)
//   tag == 0xFFFC              object: payload is the object's address (48-bit)
//
// Ints outside int48 are heap big ints; ints inside int48 are never heap objects
// (canonical form), so int equality of two small ints is word equality. NaN doubles have
// top 16 bits 0x7FF8 or 0xFFF8 only (payload in the low 48 bits: 0 for arithmetic's NaNs, a
// serial for float('nan'), which gives NaNs identity; docs/float.md), so no double ever
// looks like a tag, negated or not. None, True, False, NotImplemented and Ellipsis are
// static objects.
//
// Objects start with a 16-byte header:
//
//   +0  u64  type     address of the type object (0 in a free heap cell)
//   +8  u32  gcflags  bit 0 mark, bit 1 static (outside the heap: never marked or freed)
//   +12 u32  aux      per-layout small field (unused by the collector)
//
// The collector finds pointers inside an object from its type's layout kind (below); the
// interpreter's type registry (src/interp/typeobj.ts `Layout`) uses the same kind names.

export const TAG_SHIFT = 48n;
export const TAG_INT = 0xfff9;
export const TAG_SPECIAL = 0xfffa;
export const TAG_OBJ = 0xfffc;
/** First tag value that is not a double (unsigned compare of the top 16 bits). */
export const TAG_MIN = TAG_INT;

export const INT_TAG_BITS = 0xfff9n << 48n;
export const OBJ_TAG_BITS = 0xfffcn << 48n;
export const PAYLOAD_MASK = (1n << 48n) - 1n;

/** The unbound-local / NULL marker. */
export const UNBOUND = 0xfffan << 48n;
/** Returned by a runtime routine that raised (the exception is in rt_exc). */
export const EXC = (0xfffan << 48n) | 1n;

export const INT48_MIN = -(1n << 47n);
export const INT48_MAX = (1n << 47n) - 1n;

/** Canonical NaN doubles. */
export const NAN_BITS = 0xfff8_0000_0000_0000n;
export const POS_NAN_BITS = 0x7ff8_0000_0000_0000n;

export function boxInt(v: bigint): bigint {
  if (v < INT48_MIN || v > INT48_MAX) throw new RangeError('not an int48');
  return INT_TAG_BITS | (BigInt.asUintN(48, v));
}

export function unboxInt(w: bigint): bigint {
  return BigInt.asIntN(48, w & PAYLOAD_MASK);
}

export function boxPtr(addr: bigint): bigint {
  return OBJ_TAG_BITS | (addr & PAYLOAD_MASK);
}

export function boxFloat(x: number): bigint {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x, true);
  const w = b.getBigUint64(0, true);
  return x !== x ? NAN_BITS : w;
}

export function tagOf(w: bigint): number {
  return Number(w >> 48n);
}

export function isFloatWord(w: bigint): boolean {
  return tagOf(w) < TAG_MIN;
}

// ---- object header ---------------------------------------------------------------------------

export const HDR_TYPE = 0;
export const HDR_GC = 8;
export const HDR_AUX = 12;
export const HEADER_SIZE = 16;

export const GC_MARK = 1;
export const GC_STATIC = 2;

/**
 * Layout kinds: how the collector traces an object and which builtin representation it
 * has. `fields` are the offsets of NaN-boxed value fields; `items` describes a trailing or
 * out-of-line array of values.
 */
export const LAYOUTS = {
  /** Opaque data, no references (big ints, strings, bytes, raw arrays of numbers). */
  raw: { id: 0 },
  /** A value array: +16 i64 length, +24 values[length] (list storage, dict entries...). */
  values: { id: 1 },
  tuple: { id: 2 },
  list: { id: 3 },
  dict: { id: 4 },
  set: { id: 5 },
  function: { id: 6 },
  type: { id: 7 },
  exception: { id: 8 },
  instance: { id: 9 },
  cell: { id: 10 },
  method: { id: 11 },
  builtin: { id: 12 },
  module: { id: 13 },
  range: { id: 14 },
  iterator: { id: 15 },
  generator: { id: 16 },
  /** Fixed number of value fields after the header: aux = field count. */
  fixed: { id: 17 },
  /**
   * An instance of a Python subclass of int (runtime/core/intsub.ts): a BIGINT whose digits
   * fill whole 64-bit limbs (at least one), then the instance-dict word. Not raw, so the
   * collector scans it (digit words are never boxed pointers into the heap by accident:
   * every candidate is checked against the heap's cells).
   */
  intsub: { id: 18 },
  /**
   * An instance of a Python subclass of str (runtime/core/intsub.ts): a STR, then the
   * instance-dict word at the next 8-byte boundary after the data's terminator. Not raw.
   */
  strsub: { id: 19 },
  /**
   * An instance of a Python subclass of float (runtime/core/builtinsub.ts): the double at +16,
   * the instance-dict word at +24. Not raw (the dict word is traced).
   */
  floatsub: { id: 20 },
  /** An instance of a Python subclass of complex: a COMPLEX, then the instance-dict word. */
  complexsub: { id: 21 },
} as const;

export type LayoutKind = keyof typeof LAYOUTS;

// ---- per-layout field offsets -----------------------------------------------------------------

/** Big int: magnitude in 32-bit little-endian digits, sign separately. */
export const BIGINT = { ndigits: 16, sign: 24, digits: 32 } as const;

/**
 * str (PEP 393 style): code points stored 1, 2 or 4 bytes each; `ascii` strings are 1-byte
 * and pure ASCII (their UTF-8 form is the data itself).
 */
export const STR = { length: 16, hash: 24, kind: 32, ascii: 33, data: 40 } as const;

export const BYTES = { length: 16, hash: 24, data: 32 } as const;

/** complex (layout `raw`): the real and imaginary parts as doubles (NaNs canonical). */
export const COMPLEX = { real: 16, imag: 24, size: 32 } as const;

/** tuple: like CPython, no cached hash. */
export const TUPLE = { length: 16, items: 24 } as const;

/** list: items live in a separate `values` array object (reallocated on growth). */
export const LIST = { length: 16, capacity: 24, items: 32 } as const;

export const VALUES = { length: 16, items: 24 } as const;

export const CELL = { value: 16 } as const;

export const RANGE = { start: 16, stop: 24, step: 32, length: 40 } as const;

/** range iterator: raw i64 next value, step and remaining count (FOR_ITER_RANGE reads them). */
export const RANGEITER = { next: 16, step: 24, remaining: 32 } as const;

/** list/tuple iterator: the sequence value and a raw i64 index. */
export const SEQITER = { seq: 16, index: 24 } as const;

// ---- containers (runtime/core/list*, dict*, set*, range*, slice*; docs/containers.md) --------
// Every word after the header of a list, dict, set, slice, view or dict/set/sequence iterator
// is a value word or a raw count below 2^48 (never an object tag), so the collector may scan
// them all as values. Hash tables live in separate `raw` objects (no references) and `values`
// arrays (only value words, UNBOUND and DUMMY). RANGE's four fields are int values (small or
// big); RANGEITER's fields are raw i64.

/** The deleted-entry marker of set tables (special tag, payload 2): never a Python value. */
export const DUMMY = (0xfffan << 48n) | 2n;

/**
 * dict (CPython 3.6+ compact dict): `keys` is a raw DICTKEYS object (index table and entry
 * hashes) or 0 before the first insertion, `entries` a `values` array of (key, value) pairs in
 * insertion order (key UNBOUND = deleted). `nentries` pairs are in use, `usable` more fit
 * before a resize; `version` is bumped by every mutation.
 */
export const DICT = { used: 16, version: 24, keys: 32, entries: 40, nentries: 48, usable: 56, size: 64 } as const;

/** dict keys table (raw): i32 indices[mask + 1] (-1 empty, -2 dummy), then i64 hashes per entry. */
export const DICTKEYS = { log2: 16, mask: 24, indices: 32 } as const;

/**
 * set / frozenset (CPython's open addressing): `table` a `values` array of mask + 1 keys
 * (UNBOUND empty, DUMMY deleted), `hashes` a raw object (+16 count, +24 i64 per slot).
 * frozenset's cached hash is kept as two 32-bit halves (`hashHi` bit 32 set when valid).
 */
export const SET = { fill: 16, used: 24, mask: 32, table: 40, hashes: 48, finger: 56, hashLo: 64, hashHi: 72, size: 80 } as const;

/** slice objects (layout `fixed`, aux 3): three values, None when omitted. */
export const SLICE = { start: 16, stop: 24, step: 32, size: 40 } as const;

/** dict/set iterators: the container, its size when the iterator was made, position, items left. */
export const DICTITER = { dict: 16, used: 24, pos: 32, remaining: 40, size: 48 } as const;

/** dict views (dict_keys, dict_values, dict_items; layout `fixed`, aux 1). */
export const DICTVIEW = { dict: 16, size: 24 } as const;

export const FUNCTION = {
  code: 16, // raw address of the static code descriptor
  globals: 24, // raw address of the module's globals table
  defaults: 32, // tuple value or UNBOUND
  kwdefaults: 40, // dict value or UNBOUND
  closure: 48, // tuple of cells or UNBOUND
  name: 56,
  qualname: 64,
  doc: 72,
  dict: 80,
  annotations: 88,
  module: 96,
  size: 104,
} as const;

/**
 * Code objects are static objects of type `code` in rodata (one per compiled function):
 * raw words for the machine, value words for Python-visible attributes, and the tables
 * tracebacks need.
 */
export const CODE = {
  entry: 16, // raw address of the native entry
  exactArgs: 24, // raw i64: argcount when the parameters are exactly positional, else -1
  argcount: 32,
  posonly: 40,
  kwonly: 48,
  flags: 56,
  nlocals: 64,
  ncells: 72,
  nfree: 80,
  frameSlots: 88, // nlocalsplus + stack size
  name: 96, // str value
  qualname: 104, // str value
  varnames: 112, // tuple value of str (locals, then cells, then frees)
  filename: 120, // str value
  lines: 128, // raw address of i32[ninstrs]: source line of each instruction
  snippets: 136, // raw address of u32[ninstrs]: offset of the traceback snippet in the blob, or ~0
  snippetBlob: 144, // raw address of the snippets: UTF-8 source line + caret line, NUL-terminated
  ninstrs: 152,
  cell2arg: 160, // raw address of i64[ncells]: parameter index or -1
  firstLine: 168,
  resume: 176, // generators: raw address of the resume entry (0 for other functions)
  doc: 184, // str value or None: the docstring, a new function's __doc__
  size: 192,
} as const;

/**
 * Generator objects (also coroutines and async generators: the same layout under the types
 * `coroutine` and `async_generator`): the function, the resume state (small int: 0 not
 * started, k > 0 suspended at yield k, -1 finished, -2 running), the frame size and the saved
 * frame (its last slot holds the generator itself); `retval` is what the body returned once
 * it has finished (None until then), for next() to report as StopIteration's value;
 * `excState` the exception the body was handling when it last suspended (CPython's
 * gi_exc_state), UNBOUND when none.
 *
 * Header aux: bits 0..23 are 1 + the frame slot of the iterator a suspended generator
 * delegates to (suspended in `yield from` / `await`: CPython's _PyGen_yf), 0 when it is not
 * delegating; the bits above are flags of async generators (GEN_AUX_*).
 */
export const GENERATOR = { func: 16, state: 24, nslots: 32, retval: 40, excState: 48, frame: 56 } as const;
export const GEN_NOT_STARTED = 0;
export const GEN_FINISHED = -1;
export const GEN_RUNNING = -2;
export const GEN_AUX_YF_MASK = 0xffffff;
/** Async generators: an asend/athrow awaitable is running it (ag_running_async). */
export const GEN_AUX_RUNNING_ASYNC = 1 << 24;
/** Async generators: closed by aclose() or exhausted (ag_closed). */
export const GEN_AUX_CLOSED = 1 << 25;
/** Async generators: the firstiter hook has seen it (ag_hooks_inited). */
export const GEN_AUX_HOOKS_INITED = 1 << 26;
/** Made for a `for`/`async for` loop alone (OWN_LOOP_ITER): leaving the loop early finalizes it. */
export const GEN_AUX_LOOP_OWNED = 1 << 27;

export const BUILTIN = { entry: 16, name: 24, self: 32, arity: 40, size: 48 } as const;

export const METHOD = { func: 16, self: 24, size: 32 } as const;

export const EXCEPTION = { args: 16, traceback: 24, cause: 32, context: 40, suppress: 48, dict: 56, notes: 64, size: 72 } as const;

export const INSTANCE = { dict: 16, size: 24 } as const;

/**
 * The inline cache of a LOAD_ATTR / STORE_ATTR / LOAD_METHOD instruction (writable words the
 * stitcher gives each instruction; runtime/core/attrcache.ts): the type-cache epoch the
 * entries were made in, then `count` entries of (type raw address or 0, payload).
 */
export const ATTR_IC = { epoch: 0, entries: 8, entrySize: 16, count: 4, words: 9 } as const;

/**
 * Modules. Builtin modules (sys, math) keep their names in `dict` (globals UNBOUND). Modules
 * compiled from Python keep their globals in a static array (`globals`: its raw address) and
 * `dict` maps each name to its index there (a static dict); names set from outside that the
 * module never assigns go to `overflow` (a dict made on first use, else UNBOUND).
 */
export const MODULE = { name: 16, globals: 24, dict: 32, overflow: 40, size: 48 } as const;

/**
 * Static descriptor of a module compiled into the program (rodata `modinfo:<name>`), read by
 * rt_import_user.
 */
export const MODINFO = { code: 0, name: 8, globals: 16, nglobals: 24, names: 32, parent: 40, leaf: 48 } as const;

/** Type objects (static for builtins, heap-allocated for classes). */
export const TYPE = {
  name: 16, // str value
  qualname: 24,
  module: 32,
  bases: 40, // tuple value
  mro: 48, // tuple value
  dict: 56, // dict value
  flags: 64, // raw u64
  layout: 72, // raw u64: LAYOUTS[kind].id of instances
  instanceSize: 80, // raw u64 bytes
  version: 88, // raw u64
  base: 96, // raw address of the solid base type
  /**
   * Slots: raw addresses of native routines implementing a protocol for this type's
   * instances (0 = none: the generic path looks up the dunder in the MRO). Each slot has the
   * contract of the runtime entry point it specializes (TYPE_SLOTS below).
   */
  slots: 104,
  /**
   * After the slots: the shared key table of the class's instances (runtime/core/instvalues.ts,
   * CPython's ht_cached_keys): a boxed `values` array of SHARED_KEYS_MAX names, its `length` the
   * names in use; 0 (raw) until the first instance, and always 0 in builtin types.
   */
  sharedKeys: 104 + 8 * 22,
  size: 104 + 8 * 23,
} as const;

/** Names a class's shared key table holds at most (CPython's SHARED_KEYS_MAX_SIZE). */
export const SHARED_KEYS_MAX = 30;

/**
 * Type slots, in order, with the generic runtime entry point each one specializes:
 * `rt_repr(v)` jumps to the `repr` slot of type(v) when it is set, and so on.
 */
export const TYPE_SLOTS = [
  'repr', // (v) -> str | EXC
  'str', // (v) -> str | EXC
  'hash', // (v) -> rax = i64 hash, -1 if raised (never -1 otherwise)
  'richcompare', // (a, b, edx = op index in CMPOPS) -> value | NotImplemented | EXC
  'bool', // (v) -> eax = 0 | 1, -1 if raised
  'len', // (v) -> rax = i64 length, -1 if raised
  'iter', // (v) -> iterator | EXC
  'next', // (it) -> value | UNBOUND when exhausted (no StopIteration object) | EXC
  'getitem', // (v, key) -> value | EXC
  'setitem', // (v, key, value) -> rax = 0, or EXC
  'delitem', // (v, key) -> rax = 0, or EXC
  'contains', // (container, item) -> eax = 0 | 1, -1 if raised
  'getattr', // (v, name str) -> value | UNBOUND if absent (no AttributeError yet) | EXC
  'setattr', // (v, name str, value or UNBOUND to delete) -> rax = 0, or EXC
  'call', // (callable, args, nargs, kwnames | 0) -> value | EXC (calls.ts)
  'new', // (type address (raw), args, nargs, kwnames | 0) -> value | EXC
  'init', // (self, args, nargs, kwnames | 0) -> rax = 0, or EXC
  'format', // (v, spec str) -> str | EXC
  'binop', // (a, b, edx = op index in BINOPS, + INPLACE for in-place) -> value | NotImplemented | EXC
  'unary', // (v, edx = 0 neg, 1 pos, 2 invert, 3 abs) -> value | NotImplemented | EXC
  'descrget', // (descriptor, instance or UNBOUND (looked up on the class), owner type value) -> value | EXC
  'descrset', // (descriptor, instance, value or UNBOUND to delete) -> rax = 0, or EXC; set = data descriptor
] as const;
export type TypeSlot = (typeof TYPE_SLOTS)[number];

if (TYPE.sharedKeys !== TYPE.slots + 8 * TYPE_SLOTS.length || TYPE.size !== TYPE.sharedKeys + 8) throw new Error('layout: TYPE.size does not cover TYPE_SLOTS');

/** Byte offset of a type slot. */
export function typeSlot(name: TypeSlot): number {
  return TYPE.slots + 8 * TYPE_SLOTS.indexOf(name);
}

export const TYPEFLAG_BUILTIN = 1;
export const TYPEFLAG_BASETYPE = 2;
/**
 * A class whose instances have no dict: `__slots__` without '__dict__', and no base that
 * gives one (runtime/core/slots.ts). Their INSTANCE.dict word stays UNBOUND.
 */
export const TYPEFLAG_NO_DICT = 1 << 10;

/** Builtin types every compiled program has, with the layout of their instances. */
export const BUILTIN_TYPES = [
  ['object', 'instance'],
  ['type', 'type'],
  ['int', 'raw'],
  ['bool', 'raw'],
  ['float', 'raw'],
  ['str', 'raw'],
  ['bytes', 'raw'],
  ['tuple', 'tuple'],
  ['list', 'list'],
  ['dict', 'dict'],
  ['set', 'set'],
  ['frozenset', 'set'],
  ['range', 'range'],
  ['NoneType', 'fixed'],
  ['NotImplementedType', 'fixed'],
  ['ellipsis', 'fixed'],
  ['function', 'function'],
  ['builtin_function_or_method', 'builtin'],
  ['method', 'method'],
  ['cell', 'cell'],
  ['module', 'module'],
  ['range_iterator', 'iterator'],
  ['list_iterator', 'iterator'],
  ['tuple_iterator', 'iterator'],
  ['BaseException', 'exception'],
  ['code', 'raw'],
  // Internal types of the runtime (not reachable from Python code).
  ['strbuilder', 'raw'],
] as const satisfies readonly (readonly [string, LayoutKind])[];

// ---- str hashing -------------------------------------------------------------------------------

/**
 * The str hash: FNV-1a over the code points (one 64-bit step per code point), the length
 * mixed in, then MurmurHash3's fmix64 finalizer; -1 becomes -2 (CPython reserves -1). The
 * runtime's `rt_hash_str` computes the same function, so static strs carry their hash.
 * CPython randomizes str hashes per process, so programs cannot depend on the values.
 */
export function strHash(text: string): bigint {
  const M = (1n << 64n) - 1n;
  let h = 0xcbf29ce484222325n;
  let n = 0n;
  for (const ch of text) {
    h = ((h ^ BigInt(ch.codePointAt(0)!)) * 0x100000001b3n) & M;
    n++;
  }
  h ^= n;
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & M;
  h ^= h >> 33n;
  h = (h * 0xc4ceb9fe1a85ec53n) & M;
  h ^= h >> 33n;
  const signed = BigInt.asIntN(64, h);
  return signed === -1n ? -2n : signed;
}

/** Bytes of a value word. */
export const WORD = 8;
