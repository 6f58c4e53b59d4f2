// Struct sequences: the named tuples of builtin modules (sys.version_info, time.struct_time,
// sys.float_info ...).
//
// As in CPython's Objects/structseq.c, a struct sequence type is a tuple subclass whose
// first `n_sequence_fields` fields are the tuple items and whose remaining fields (e.g.
// struct_time's tm_zone) are reachable by name only. Instances are PyTuple objects whose
// `cls` is the struct type; the extra fields live in the instance __dict__-less side
// table `extra`. The repr is `module.name(field=value, ...)` over the sequence fields.

import { fn, getset, method } from './bi.js';
import { reprHook } from './classes.js';
import { pyErr, TypeError } from './exceptions.js';
import { PyBaseException, PyObject, PyTuple, PyWrapper } from './objects.js';
import { getIter, None, toArray } from './protocol.js';
import { PyDict } from './pydict.js';
import { computeMro, dictType, PyType, staticmethodType, tupleType, typeType } from './typeobj.js';

/** Values of fields beyond the sequence part, per instance. */
const extras = new WeakMap<PyTuple, any[]>();

interface StructInfo {
  fields: string[];
  nseq: number;
}
const infos = new WeakMap<PyType, StructInfo>();
const typesByName = new Map<string, PyType>();

/**
 * The struct sequence type `qualified` ("sys.version_info"): created on first use. `nseq`
 * fields are tuple items, the rest are named only.
 */
export function structSeqType(qualified: string, fields: string[], nseq: number = fields.length): PyType {
  const existing = typesByName.get(qualified);
  if (existing !== undefined) return existing;
  const dot = qualified.lastIndexOf('.');
  const name = dot >= 0 ? qualified.slice(dot + 1) : qualified;
  const t = new PyType(typeType, name, [tupleType], new PyDict(dictType), 'tuple', true);
  t.mro = computeMro(t);
  t.acceptsSubclass = false;
  if (dot >= 0) t.ns.setStr('__module__', qualified.slice(0, dot));
  infos.set(t, { fields, nseq });
  fields.forEach((f, i) => {
    getset(t, f, (o: PyTuple) => (i < nseq ? o.items[i] : (extras.get(o)?.[i - nseq] ?? None)));
  });
  t.ns.setStr('n_sequence_fields', nseq);
  t.ns.setStr('n_fields', fields.length);
  t.ns.setStr('n_unnamed_fields', 0);
  t.ns.setStr('__match_args__', new PyTuple(tupleType, fields.slice(0, nseq)));
  method(t, '__repr__', (a) => {
    const o = a[0] as PyTuple;
    const parts = fields.slice(0, nseq).map((f, i) => `${f}=${reprHook.repr(o.items[i])}`);
    return `${qualified}(${parts.join(', ')})`;
  });
  method(t, '__reduce__', (a) => {
    const o = a[0] as PyTuple;
    const d = new PyDict(dictType);
    const ex = extras.get(o) ?? [];
    fields.slice(nseq).forEach((f, i) => d.setStr(f, ex[i] ?? None));
    return new PyTuple(tupleType, [t, new PyTuple(tupleType, [new PyTuple(tupleType, o.items.slice()), d])]);
  });
  t.ns.setStr('__new__', new PyWrapper(staticmethodType, fn('__new__', (a, kw) => {
    const cls = a[0] as PyType;
    const seq = a.length > 1 ? a[1] : kw?.get('sequence');
    if (seq === undefined) throw pyErr(TypeError, `${qualified}() missing required argument 'sequence' (pos 1)`);
    // PySequence_Fast(arg, "constructor requires a sequence"): any iterable; a TypeError
    // from getting the iterator gets that message.
    let it: any;
    try {
      it = getIter(seq);
    } catch (e) {
      if (e instanceof PyBaseException && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, 'constructor requires a sequence');
      throw e;
    }
    const items = toArray(it);
    const n = fields.length;
    if (items.length < nseq) {
      const what = nseq === n ? `a ${nseq}-sequence` : `an at least ${nseq}-sequence`;
      throw pyErr(TypeError, `${qualified}() takes ${what} (${items.length}-sequence given)`);
    }
    if (items.length > n) {
      const what = nseq === n ? `a ${n}-sequence` : `an at most ${n}-sequence`;
      throw pyErr(TypeError, `${qualified}() takes ${what} (${items.length}-sequence given)`);
    }
    return makeStruct(cls, items.slice(0, nseq), items.slice(nseq));
  })));
  t.modified();
  typesByName.set(qualified, t);
  return t;
}

function makeStruct(t: PyType, seq: any[], extra: any[]): PyTuple {
  const o = new PyTuple(t, seq);
  if (extra.length > 0) extras.set(o, extra);
  return o;
}

/** An instance of `qualified` with all field values (sequence fields first). */
export function structSeq(qualified: string, fields: string[], values: any[], nseq: number = fields.length): PyTuple {
  const t = structSeqType(qualified, fields, nseq);
  return makeStruct(t, values.slice(0, nseq), values.slice(nseq));
}

export function isStructSeq(v: any): boolean {
  return v instanceof PyObject && infos.has(v.cls);
}
