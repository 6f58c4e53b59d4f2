// Applies CPython's docstrings (docs_table.ts, generated) to the builtin functions, the
// builtin types defined in this directory and their methods, so `__doc__` and help()
// read as in CPython. Runs once, after the types have their methods.

import { PyBuiltin, PyWrapper } from '../objects.js';
import type { PyType } from '../typeobj.js';
import { FUNCTION_DOCS, TYPE_DOCS } from './docs_table.js';

function setDoc(v: any, doc: string): void {
  const b = v instanceof PyWrapper ? v.func : v;
  // PyBuiltin.doc is fixed at creation for the common case; builtins made without one
  // get CPython's text here (identity matters: other modules compare these objects).
  if (b instanceof PyBuiltin && b.doc === null) (b as { doc: string | null }).doc = doc;
}

/** Set the docstrings of `types` (by name) and of the builtin functions in `functions`. */
export function applyDocs(types: ReadonlyMap<string, PyType>, functions: ReadonlyMap<string, any>): void {
  for (const [name, f] of functions) {
    const doc = FUNCTION_DOCS[name];
    if (doc !== undefined) setDoc(f, doc);
  }
  for (const [name, t] of types) {
    const entry = TYPE_DOCS[name];
    if (entry === undefined) continue;
    if (t.ns.getStr('__doc__') === undefined && entry.doc !== '') t.ns.setStr('__doc__', entry.doc);
    for (const [m, doc] of Object.entries(entry.methods)) {
      const v = t.ns.getStr(m);
      if (v !== undefined) setDoc(v, doc);
    }
    // Builtin class/static methods report their owner in __qualname__ (dict.fromkeys).
    for (const v of t.ns.values()) {
      if (v instanceof PyWrapper && v.func instanceof PyBuiltin && v.func.owner === null) (v.func as { owner: string | null }).owner = t.name;
    }
  }
}
