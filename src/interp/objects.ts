// The interpreter's value representation.
//
// The TypeScript interpreter is edgepyc's reference executor. Its values are chosen for
// speed in V8 while keeping Python semantics exact:
//
//   Python value        JS representation
//   ------------------  ------------------------------------------------------------
//   int                 number when |v| <= 2**53-1 (always integral), else bigint
//                       (canonical: a bigint never holds a value that fits a number)
//   bool                boolean
//   str                 string (code points; astral characters are surrogate pairs)
//   float               PyFloat  { v: number }
//   None, ..., NotImpl. singleton PyObjects
//   everything else     an instance of a PyObject subclass below, whose `cls` field is
//                       its Python type (instances of user subclasses of list, dict,
//                       exceptions ... are the same JS classes with another `cls`)
//   int/str subclasses  PyBoxed { value } (the primitive, plus `cls` and a __dict__)
//
// `undefined` never escapes to Python code: it marks unbound locals, empty cells and the
// NULL of the method-call protocol. The native backend has its own NaN-boxed layout (see
// runtime/); the two agree on semantics, not on representation.

import type { CodeObject } from '../bytecode/code.js';
import type { PyDict } from './pydict.js';
import type { PyType } from './typeobj.js';

// Fields of the classes below are `declare`d and assigned in constructors: a class-field
// initializer on this base class would run as one DefineOwnProperty site shared by every
// object kind (megamorphic, and slow in V8), on every allocation. For the same reason the
// base constructor stores nothing: `dict` defaults to null through the prototype (below),
// so an object without a dict (a float, most lists) never stores one, and those that get
// one (instances, a function's attributes) own the property.
export abstract class PyObject {
  declare cls: PyType;
  /** The instance __dict__, for objects that have one (created lazily); null otherwise. */
  declare dict: PyDict | null;
}
(PyObject.prototype as { dict: PyDict | null }).dict = null;

/** Instances of user-defined classes that do not derive from a builtin with its own layout. */
export class PyInstance extends PyObject {
  /** `dict` is null for classes whose __slots__ leave out __dict__. */
  constructor(cls: PyType, dict: PyDict | null) {
    super();
    this.cls = cls;
    this.dict = dict;
  }
}

/** Instance of a user subclass of int, str or bool-less primitives: wraps the primitive. */
export class PyBoxed extends PyObject {
  value: number | bigint | string;
  constructor(cls: PyType, value: number | bigint | string, dict: PyDict | null) {
    super();
    this.cls = cls;
    this.value = value;
    this.dict = dict;
  }
}

export class PySingleton extends PyObject {
  readonly name: string;
  constructor(name: string) {
    super();
    this.name = name;
  }
}

export class PyFloat extends PyObject {
  readonly v: number;
  constructor(v: number) {
    super();
    this.cls = floatClsRef.t;
    this.v = v;
  }
}

/** Set once typeobj.ts has created the float type (avoids an import cycle at load time). */
export const floatClsRef: { t: PyType } = { t: null as unknown as PyType };

export class PyComplex extends PyObject {
  readonly re: number;
  readonly im: number;
  constructor(cls: PyType, re: number, im: number) {
    super();
    this.cls = cls;
    this.re = re;
    this.im = im;
  }
}

export class PyTuple extends PyObject {
  readonly items: any[];
  /** Cached Python hash (tuples are immutable). */
  hash: number | bigint | undefined = undefined;
  constructor(cls: PyType, items: any[]) {
    super();
    this.cls = cls;
    this.items = items;
  }
}

export class PyList extends PyObject {
  items: any[];
  constructor(cls: PyType, items: any[]) {
    super();
    this.cls = cls;
    this.items = items;
  }
}

export class PyBytes extends PyObject {
  readonly v: Uint8Array;
  hash: number | undefined = undefined;
  constructor(cls: PyType, v: Uint8Array) {
    super();
    this.cls = cls;
    this.v = v;
  }
}

export class PyByteArray extends PyObject {
  v: Uint8Array;
  len: number;
  constructor(cls: PyType, v: Uint8Array) {
    super();
    this.cls = cls;
    this.v = v;
    this.len = v.length;
  }
  bytes(): Uint8Array {
    return this.v.subarray(0, this.len);
  }
}

export class PyRange extends PyObject {
  readonly start: number | bigint;
  readonly stop: number | bigint;
  readonly step: number | bigint;
  /** Number of elements (a number for all practical ranges). */
  readonly length: number | bigint;
  constructor(cls: PyType, start: number | bigint, stop: number | bigint, step: number | bigint, length: number | bigint) {
    super();
    this.cls = cls;
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.length = length;
  }
}

export class PySlice extends PyObject {
  readonly start: any;
  readonly stop: any;
  readonly step: any;
  constructor(cls: PyType, start: any, stop: any, step: any) {
    super();
    this.cls = cls;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

export class PyCell extends PyObject {
  v: any;
  constructor(cls: PyType, v: any) {
    super();
    this.cls = cls;
    this.v = v;
  }
}

export class PyFunction extends PyObject {
  code: CodeObject;
  globals: PyDict;
  name: string;
  qualname: string;
  defaults: any[] | null;
  kwdefaults: PyDict | null;
  closure: PyCell[] | null;
  annotations: PyDict | null;
  doc: any;
  module: any;
  /** The code's constants converted to runtime values (shared by functions of one code). */
  consts: any[];
  /** The builtins namespace of `globals` (CPython's func_builtins), found at the first call. */
  builtins: PyDict | null = null;
  constructor(cls: PyType, code: CodeObject, globals: PyDict, consts: any[]) {
    super();
    this.cls = cls;
    this.code = code;
    this.globals = globals;
    this.name = code.name;
    this.qualname = code.qualname;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = null;
    this.annotations = null;
    this.doc = undefined;
    this.module = undefined;
    this.consts = consts;
  }
}

/** Signature of builtin functions: positional args and (rarely) keyword args. */
export type BuiltinImpl = (args: any[], kw: PyKwargs | null) => any;
export type PyKwargs = Map<string, any>;

export class PyBuiltin extends PyObject {
  readonly name: string;
  readonly fn: BuiltinImpl;
  /** Bound receiver for builtin methods obtained from an instance (`[].append`). */
  readonly self: any;
  /** Owner type name, for reprs like `<method 'append' of 'list' objects>`. */
  readonly owner: string | null;
  readonly doc: string | null;
  constructor(cls: PyType, name: string, fn: BuiltinImpl, self: any = undefined, owner: string | null = null, doc: string | null = null) {
    super();
    this.cls = cls;
    this.name = name;
    this.fn = fn;
    this.self = self;
    this.owner = owner;
    this.doc = doc;
  }
}

export class PyMethod extends PyObject {
  readonly func: any;
  readonly self: any;
  constructor(cls: PyType, func: any, self: any) {
    super();
    this.cls = cls;
    this.func = func;
    this.self = self;
  }
}

export class PyModule extends PyObject {
  readonly name: string;
  /** Made by the interpreter for a built-in module (sys, math, builtins...): repr says "(built-in)". */
  builtin = false;
  constructor(cls: PyType, name: string, dict: PyDict) {
    super();
    this.cls = cls;
    this.name = name;
    this.dict = dict;
  }
}

export class PyProperty extends PyObject {
  fget: any;
  fset: any;
  fdel: any;
  doc: any;
  constructor(cls: PyType, fget: any, fset: any, fdel: any, doc: any) {
    super();
    this.cls = cls;
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
    this.doc = doc;
  }
}

/** staticmethod and classmethod wrappers. */
export class PyWrapper extends PyObject {
  /** The wrapped callable; undefined while a `classmethod.__new__(classmethod)` is uninitialized. */
  func: any;
  constructor(cls: PyType, func: any) {
    super();
    this.cls = cls;
    this.func = func;
  }
}

export class PySuper extends PyObject {
  readonly type: PyType;
  readonly obj: any;
  readonly objType: PyType | null;
  constructor(cls: PyType, type: PyType, obj: any, objType: PyType | null) {
    super();
    this.cls = cls;
    this.type = type;
    this.obj = obj;
    this.objType = objType;
  }
}

/** A traceback entry (tb_next points to the frame the exception came from, inner). */
export class PyTraceback extends PyObject {
  readonly code: CodeObject;
  readonly pc: number;
  readonly next: PyTraceback | null;
  readonly frameGlobals: PyDict | null;
  constructor(cls: PyType, code: CodeObject, pc: number, next: PyTraceback | null, frameGlobals: PyDict | null) {
    super();
    this.cls = cls;
    this.code = code;
    this.pc = pc;
    this.next = next;
    this.frameGlobals = frameGlobals;
  }
  get lineno(): number {
    return this.code.lines[this.pc] ?? this.code.firstLine;
  }
}

export class PyBaseException extends PyObject {
  args: PyTuple;
  traceback: PyTraceback | null = null;
  cause: any = null;
  context: any = null;
  suppressContext = false;
  notes: any = undefined;
  /** Implicit chaining (__context__) has been applied for the current raise. */
  contextChecked = false;
  constructor(cls: PyType, args: PyTuple) {
    super();
    this.cls = cls;
    this.args = args;
  }
}

/** An iterator implemented in TypeScript: `next()` returns undefined when exhausted. */
export abstract class PyIterator extends PyObject {
  abstract next(): any;
}

/** Python code object wrapper (`f.__code__`). */
export class PyCodeObj extends PyObject {
  readonly code: CodeObject;
  constructor(cls: PyType, code: CodeObject) {
    super();
    this.cls = cls;
    this.code = code;
  }
}

/** Sentinel for "no value" in internal APIs that may legitimately return None. */
export const NOTHING: unique symbol = Symbol('nothing');
