// set and frozenset (Objects/setobject.c of CPython 3.11).
//
// PySet (pyset.ts) reproduces CPython's table, so iteration order equals CPython's when
// the elements' hashes are deterministic; that only holds if every operation inserts in
// CPython's order too. Each operation below follows its setobject.c counterpart: which
// operand is iterated, whether a copy is made first, when the operands are swapped
// (intersection walks the smaller set), and the result's type (set or frozenset, from the
// left operand's base type). Unhashable sets used as elements (`s in t`, t.remove(s))
// are looked up as frozensets, as CPython does.

import { exactlyOne, method, noArgs, noKw } from '../bi.js';
import { keyError } from '../containers.js';
import { KeyError, pyErr, TypeError } from '../exceptions.js';
import { SetIter } from '../iterators.js';
import { PyObject, type PyKwargs } from '../objects.js';
import { forEach, getIter, iterNext, newTuple, newList, None, NotImplemented, typeOf } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { PySet, setHooks } from '../pyset.js';
import { dictType, frozensetType, PyType, setType } from '../typeobj.js';
import { setRepr } from './repr.js';
import { staticNew } from './numbers.js';
import { hashFrozenset, pyHash } from './hashing.js';
import { eq } from '../protocol.js';
import { setContainsRef } from '../containers.js';
import { constHooks } from '../frame.js';

function isAnySet(v: any): v is PySet {
  return v instanceof PySet;
}

/** make_new_set_basetype: a new set of the operand's base type (set or frozenset). */
function newSetLike(t: PyType): PySet {
  return new PySet(t.isSubtype(frozensetType) ? frozensetType : setType);
}

function copyOf(s: PySet): PySet {
  const r = newSetLike(s.cls);
  r.merge(s);
  return r;
}

/** set_update_internal. */
export function setFromIterable(s: PySet, it: any): void {
  if (it instanceof PySet) {
    s.merge(it);
    return;
  }
  if (it instanceof PyDict && it.cls === dictType) {
    s.presize(it.size);
    for (const k of it.keys()) s.add(k);
    return;
  }
  forEach(it, (x) => {
    s.add(x);
  });
}

/** set_intersection. */
function setIntersection(so: PySet, other: any): PySet {
  const result = newSetLike(so.cls);
  if (other === so) {
    result.merge(so);
    return result;
  }
  if (isAnySet(other)) {
    let a = so;
    let b: PySet = other;
    if (b.size > a.size) [a, b] = [b, a];
    for (const [k, h] of b.entries()) if (a.hasHashed(k, h)) result.addEntry(k, h);
    return result;
  }
  const it = getIter(other);
  for (;;) {
    const k = iterNext(it);
    if (k === undefined) break;
    const h = pyHash(k);
    if (so.hasHashed(k, h)) result.addEntry(k, h);
  }
  return result;
}

/** set.intersection(*others) (set_intersection_multi). */
export function setIntersectionMethod(so: PySet, others: any[]): PySet {
  if (others.length === 0) return copyOf(so);
  let r: PySet = so;
  for (const o of others) r = setIntersection(r, o);
  return r;
}

/** set_difference_update_internal. */
export function setDifferenceUpdate(so: PySet, other: any): void {
  if (other === so) {
    so.clear();
    return;
  }
  if (isAnySet(other)) {
    const src = other.size >> 3 > so.size ? setIntersection(so, other) : other;
    for (const [k, h] of src.entries()) so.discardHashed(k, h);
  } else if (other instanceof PyDict && other.cls === dictType) {
    for (const k of [...other.keys()]) so.discard(k);
  } else {
    forEach(other, (k) => {
      so.discard(k);
    });
  }
  so.compactIfSparse();
}

/** set_difference. */
function setDifference(so: PySet, other: any): PySet {
  let otherSize: number;
  if (isAnySet(other)) otherSize = other.size;
  else if (other instanceof PyDict && other.cls === dictType) otherSize = other.size;
  else {
    const r = copyOf(so);
    setDifferenceUpdate(r, other);
    return r;
  }
  if (so.size >> 2 > otherSize) {
    const r = copyOf(so);
    setDifferenceUpdate(r, other);
    return r;
  }
  const result = newSetLike(so.cls);
  for (const [k, h] of so.entries()) {
    const present = isAnySet(other) ? other.hasHashed(k, h) : (other as PyDict).has(k);
    if (!present) result.addEntry(k, h);
  }
  return result;
}

/** set_symmetric_difference_update. */
export function setSymmetricDifferenceUpdate(so: PySet, other: any): void {
  if (other === so) {
    so.clear();
    return;
  }
  if (other instanceof PyDict && other.cls === dictType) {
    for (const [k] of [...other.entries()]) {
      const h = pyHash(k);
      if (!so.discardHashed(k, h)) so.addEntry(k, h);
    }
    return;
  }
  let o: PySet;
  if (isAnySet(other)) o = other;
  else {
    o = newSetLike(so.cls);
    setFromIterable(o, other);
  }
  for (const [k, h] of o.entries()) {
    if (!so.discardHashed(k, h)) so.addEntry(k, h);
  }
}

export function setOp(a: PySet, b: any, op: '&' | '|' | '-' | '^'): PySet {
  switch (op) {
    case '&':
      return setIntersection(a, b);
    case '|': {
      const r = copyOf(a);
      if (b !== a) setFromIterable(r, b);
      return r;
    }
    case '-':
      return setDifference(a, b);
    case '^': {
      const r = newSetLike(a.cls);
      setFromIterable(r, b);
      setSymmetricDifferenceUpdate(r, a);
      return r;
    }
  }
}

function isSubset(a: PySet, b: any): boolean {
  if (!isAnySet(b)) {
    const tmp = new PySet(setType);
    setFromIterable(tmp, b);
    return isSubset(a, tmp);
  }
  if (a.size > b.size) return false;
  for (const [k, h] of a.entries()) if (!b.hasHashed(k, h)) return false;
  return true;
}

function isSuperset(a: PySet, b: any): boolean {
  if (isAnySet(b)) return isSubset(b, a);
  let ok = true;
  forEach(b, (k) => {
    if (!setHas(a, k)) {
      ok = false;
      return true;
    }
    return false;
  });
  return ok;
}

function isDisjoint(so: PySet, other: any): boolean {
  if (so === other) return so.size === 0;
  if (isAnySet(other) && (other.cls === setType || other.cls === frozensetType)) {
    let a = so;
    let b: PySet = other;
    if (b.size > a.size) [a, b] = [b, a];
    for (const [k, h] of b.entries()) if (a.hasHashed(k, h)) return false;
    return true;
  }
  let disjoint = true;
  forEach(other, (k) => {
    if (setHas(so, k)) {
      disjoint = false;
      return true;
    }
    return false;
  });
  return disjoint;
}

/** A set used as an element: retried as a frozenset when it is unhashable (set_contains_key). */
function asFrozenKey<T>(k: any, f: (key: any) => T): T {
  try {
    return f(k);
  } catch (e) {
    if (k instanceof PySet && e instanceof PyObject && e.cls.isSubtype(TypeError)) {
      const fk = new PySet(frozensetType);
      fk.merge(k);
      return f(fk);
    }
    throw e;
  }
}

function setHas(s: PySet, k: any): boolean {
  return asFrozenKey(k, (key) => s.has(key));
}

function setEq(a: PySet, b: PySet): boolean {
  if (a.size !== b.size) return false;
  if (a.hashCache !== undefined && b.hashCache !== undefined && a.hashCache !== b.hashCache) return false;
  return isSubset(a, b);
}

function noKwargs(name: string, kw: PyKwargs | null): void {
  if (kw !== null && kw.size > 0) throw pyErr(TypeError, `${name}() takes no keyword arguments`);
}

export function installSet(): void {
  setHooks.hash = pyHash;
  setHooks.eq = eq;
  constHooks.frozenset = (items) => {
    const s = new PySet(frozensetType);
    for (const x of items) s.add(x);
    return s;
  };
  const S = setType;
  const FS = frozensetType;
  S.ns.setStr('__new__', staticNew((a) => new PySet(a[0])));
  method(S, '__init__', (a, kw) => {
    noKw('set', kw);
    if (a.length > 2) throw pyErr(TypeError, `set expected at most 1 argument, got ${a.length - 1}`);
    const s = a[0] as PySet;
    if (s.size > 0) s.clear();
    if (a.length > 1) setFromIterable(s, a[1]);
    return None;
  });
  FS.ns.setStr('__new__', staticNew((a, kw) => {
    if (a[0] === FS) noKw('frozenset', kw);
    if (a.length > 2) throw pyErr(TypeError, `frozenset expected at most 1 argument, got ${a.length - 1}`);
    if (a[0] === FS && a.length > 1 && a[1] instanceof PySet && a[1].cls === FS) return a[1];
    const s = new PySet(a[0]);
    if (a.length > 1) setFromIterable(s, a[1]);
    return s;
  }));
  for (const T of [S, FS]) {
    const name = T.name;
    method(T, '__repr__', (a) => setRepr(a[0]));
    method(T, '__len__', (a) => a[0].size);
    method(T, '__iter__', (a) => new SetIter(a[0]));
    const contains = method(T, '__contains__', (a) => setHas(a[0], a[1]));
    if (T === S) setContainsRef.f = contains;
    for (const [dunder, op] of [['__and__', '&'], ['__or__', '|'], ['__sub__', '-'], ['__xor__', '^']] as const) {
      method(T, dunder, (a) => (isAnySet(a[1]) ? setOp(a[0], a[1], op) : NotImplemented));
    }
    for (const [dunder, op] of [['__rand__', '&'], ['__ror__', '|'], ['__rsub__', '-'], ['__rxor__', '^']] as const) {
      method(T, dunder, (a) => (isAnySet(a[1]) ? setOp(a[1], a[0], op) : NotImplemented));
    }
    method(T, '__eq__', (a) => (isAnySet(a[1]) ? setEq(a[0], a[1]) : NotImplemented));
    method(T, '__ne__', (a) => (isAnySet(a[1]) ? !setEq(a[0], a[1]) : NotImplemented));
    method(T, '__le__', (a) => (isAnySet(a[1]) ? isSubset(a[0], a[1]) : NotImplemented));
    method(T, '__lt__', (a) => (isAnySet(a[1]) ? a[0].size < a[1].size && isSubset(a[0], a[1]) : NotImplemented));
    method(T, '__ge__', (a) => (isAnySet(a[1]) ? isSuperset(a[0], a[1]) : NotImplemented));
    method(T, '__gt__', (a) => (isAnySet(a[1]) ? a[0].size > a[1].size && isSuperset(a[0], a[1]) : NotImplemented));
    method(T, 'union', (a, kw) => {
      noKwargs(`${name}.union`, kw);
      const r = copyOf(a[0]);
      for (let i = 1; i < a.length; i++) if (a[i] !== a[0]) setFromIterable(r, a[i]);
      return r;
    });
    method(T, 'intersection', (a, kw) => {
      noKwargs(`${name}.intersection`, kw);
      return setIntersectionMethod(a[0], a.slice(1));
    });
    method(T, 'difference', (a, kw) => {
      noKwargs(`${name}.difference`, kw);
      if (a.length === 1) return copyOf(a[0]);
      const r = setDifference(a[0], a[1]);
      for (let i = 2; i < a.length; i++) setDifferenceUpdate(r, a[i]);
      return r;
    });
    method(T, 'symmetric_difference', (a, kw) => {
      noKwargs(`${name}.symmetric_difference`, kw);
      exactlyOne(`${name}.symmetric_difference`, a, 1);
      return setOp(a[0], a[1], '^');
    });
    method(T, 'issubset', (a) => {
      exactlyOne(`${name}.issubset`, a, 1);
      return isSubset(a[0], a[1]);
    });
    method(T, 'issuperset', (a) => {
      exactlyOne(`${name}.issuperset`, a, 1);
      return isSuperset(a[0], a[1]);
    });
    method(T, 'isdisjoint', (a) => {
      exactlyOne(`${name}.isdisjoint`, a, 1);
      return isDisjoint(a[0], a[1]);
    });
    method(T, 'copy', (a) => {
      noArgs(`${name}.copy`, a, 1);
      if (a[0].cls === FS) return a[0];
      return copyOf(a[0]);
    });
    method(T, '__reduce__', (a) => {
      const s = a[0] as PySet;
      const st = s.dict !== null && s.dict.size > 0 ? s.dict : None;
      return newTuple([typeOf(s), newTuple([newList(s.toArray())]), st]);
    });
    method(T, '__sizeof__', (a) => 200 + 16 * (a[0] as PySet).keys.length);
  }
  method(FS, '__hash__', (a) => {
    const s = a[0] as PySet;
    if (s.hashCache === undefined) s.hashCache = hashFrozenset(s);
    return s.hashCache;
  });
  S.ns.setStr('__hash__', None);
  method(S, 'add', (a) => {
    exactlyOne('set.add', a, 1);
    (a[0] as PySet).add(a[1]);
    return None;
  });
  method(S, 'discard', (a) => {
    exactlyOne('set.discard', a, 1);
    asFrozenKey(a[1], (k) => (a[0] as PySet).discard(k));
    return None;
  });
  method(S, 'remove', (a) => {
    exactlyOne('set.remove', a, 1);
    if (!asFrozenKey(a[1], (k) => (a[0] as PySet).discard(k))) throw keyError(a[1]);
    return None;
  });
  method(S, 'pop', (a) => {
    noArgs('set.pop', a, 1);
    const v = (a[0] as PySet).pop();
    if (v === undefined) throw pyErr(KeyError, 'pop from an empty set');
    return v;
  });
  method(S, 'clear', (a) => {
    noArgs('set.clear', a, 1);
    (a[0] as PySet).clear();
    return None;
  });
  method(S, 'update', (a, kw) => {
    noKwargs('set.update', kw);
    for (let i = 1; i < a.length; i++) setFromIterable(a[0], a[i]);
    return None;
  });
  method(S, 'intersection_update', (a, kw) => {
    noKwargs('set.intersection_update', kw);
    const r = setIntersectionMethod(a[0], a.slice(1));
    (a[0] as PySet).swapBodies(r);
    return None;
  });
  method(S, 'difference_update', (a, kw) => {
    noKwargs('set.difference_update', kw);
    for (let i = 1; i < a.length; i++) setDifferenceUpdate(a[0], a[i]);
    return None;
  });
  method(S, 'symmetric_difference_update', (a) => {
    exactlyOne('set.symmetric_difference_update', a, 1);
    setSymmetricDifferenceUpdate(a[0], a[1]);
    return None;
  });
  method(S, '__ior__', (a) => {
    if (!isAnySet(a[1])) return NotImplemented;
    setFromIterable(a[0], a[1]);
    return a[0];
  });
  method(S, '__iand__', (a) => {
    if (!isAnySet(a[1])) return NotImplemented;
    const r = setIntersection(a[0], a[1]);
    (a[0] as PySet).swapBodies(r);
    return a[0];
  });
  method(S, '__isub__', (a) => {
    if (!isAnySet(a[1])) return NotImplemented;
    setDifferenceUpdate(a[0], a[1]);
    return a[0];
  });
  method(S, '__ixor__', (a) => {
    if (!isAnySet(a[1])) return NotImplemented;
    setSymmetricDifferenceUpdate(a[0], a[1]);
    return a[0];
  });
}
