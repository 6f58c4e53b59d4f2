// dict and its views; set and frozenset.

import { classMethod, method, noKw, arity, exactlyOne } from '../bi.js';
import { keyError } from '../containers.js';
import { KeyError, pyErr, TypeError } from '../exceptions.js';
import { DictIter, SetIter } from '../iterators.js';
import { PyIterator, PyObject, PyTuple, type PyKwargs } from '../objects.js';
import { call, callDescr, eq, forEach, getAttrOpt, getIter, isTrue, iterNext, newList, newTuple, None, NotImplemented, toArray, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { PySet, setHooks } from '../pyset.js';
import { dictType, frozensetType, iteratorType, PyType, setType } from '../typeobj.js';
import { dictRepr, setRepr, repr } from './repr.js';
import { staticNew } from './numbers.js';
import { hashFrozenset, pyHash } from './hashing.js';
import { hash } from '../protocol.js';
import { setContainsRef } from '../containers.js';
import { constHooks } from '../frame.js';

export const dictKeysType = iteratorType('dict_keys');
export const dictValuesType = iteratorType('dict_values');
export const dictItemsType = iteratorType('dict_items');

export class DictView extends PyObject {
  constructor(cls: PyType, readonly d: PyDict, readonly kind: 'keys' | 'values' | 'items') {
    super();
    this.cls = cls;
  }
}

/** dict(...) / dict.update(...) argument processing. */
export function dictUpdateFrom(d: PyDict, arg: any, kw: PyKwargs | null, fname = 'dict'): void {
  if (arg !== undefined) {
    if (arg instanceof PyDict) {
      for (const [k, v] of arg.entries()) d.set(k, v);
    } else if (getAttrOpt(arg, 'keys') !== undefined) {
      for (const k of toArray(callMethodName(arg, 'keys'))) d.set(k, callDescr(typeOf(arg).lookup('__getitem__'), arg, [k]));
    } else {
      let i = 0;
      forEach(arg, (item) => {
        let pair: any[];
        try {
          pair = toArray(item);
        } catch (e) {
          if (e instanceof PyObject && e.cls.isSubtype(TypeError)) throw pyErr(TypeError, `cannot convert dictionary update sequence element #${i} to a sequence`);
          throw e;
        }
        if (pair.length !== 2) throw pyErr(valueErrorRef.t, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
        d.set(pair[0], pair[1]);
        i++;
      });
    }
  }
  if (kw !== null) for (const [k, v] of kw) d.set(k, v);
  void fname;
}

function callMethodName(o: any, name: string): any {
  return call(getAttrOpt(o, name), []);
}

export const valueErrorRef: { t: PyType } = { t: null as unknown as PyType };

function dictEq(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.entries()) {
    const w = b.get(k);
    if (w === undefined) return false;
    if (!(v === w || eq(v, w))) return false;
  }
  return true;
}

export function installDict(): void {
  const D = dictType;
  D.ns.setStr('__new__', staticNew((a) => new PyDict(a[0])));
  method(D, '__init__', (a, kw) => {
    arity('dict', a, 0, 1, 1);
    dictUpdateFrom(a[0], a[1], kw);
    return None;
  });
  method(D, '__repr__', (a) => dictRepr(a[0]));
  method(D, '__len__', (a) => a[0].size);
  method(D, '__iter__', (a) => new DictIter(a[0], 'keys'));
  method(D, '__getitem__', (a) => {
    const d = a[0] as PyDict;
    const v = d.get(a[1]);
    if (v !== undefined) return v;
    if (d.cls !== dictType) {
      const m = d.cls.lookup('__missing__');
      if (m !== undefined) return callDescr(m, d, [a[1]]);
    }
    throw keyError(a[1]);
  });
  method(D, '__setitem__', (a) => {
    (a[0] as PyDict).set(a[1], a[2]);
    return None;
  });
  method(D, '__delitem__', (a) => {
    if ((a[0] as PyDict).delete(a[1]) === undefined) throw keyError(a[1]);
    return None;
  });
  method(D, '__contains__', (a) => (a[0] as PyDict).has(a[1]));
  method(D, '__eq__', (a) => (a[1] instanceof PyDict ? dictEq(a[0], a[1]) : NotImplemented));
  method(D, '__ne__', (a) => (a[1] instanceof PyDict ? !dictEq(a[0], a[1]) : NotImplemented));
  D.ns.setStr('__hash__', None);
  method(D, '__or__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const d = (a[0] as PyDict).copy(dictType);
    for (const [k, v] of (a[1] as PyDict).entries()) d.set(k, v);
    return d;
  });
  method(D, '__ror__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const d = (a[1] as PyDict).copy(dictType);
    for (const [k, v] of (a[0] as PyDict).entries()) d.set(k, v);
    return d;
  });
  method(D, '__ior__', (a) => {
    dictUpdateFrom(a[0], a[1], null);
    return a[0];
  });
  method(D, '__reversed__', (a) => new (class extends PyIterator {
    private keys = [...(a[0] as PyDict).keys()].reverse();
    private i = 0;
    next(): any {
      return this.i < this.keys.length ? this.keys[this.i++] : undefined;
    }
  })());
  method(D, 'get', (a) => {
    arity('get', a, 1, 2, 1);
    const v = (a[0] as PyDict).get(a[1]);
    return v !== undefined ? v : a.length > 2 ? a[2] : None;
  });
  method(D, 'keys', (a) => new DictView(dictKeysType, a[0], 'keys'));
  method(D, 'values', (a) => new DictView(dictValuesType, a[0], 'values'));
  method(D, 'items', (a) => new DictView(dictItemsType, a[0], 'items'));
  method(D, 'pop', (a) => {
    arity('pop', a, 1, 2, 1);
    const v = (a[0] as PyDict).delete(a[1]);
    if (v !== undefined) return v;
    if (a.length > 2) return a[2];
    throw keyError(a[1]);
  });
  method(D, 'popitem', (a) => {
    const r = (a[0] as PyDict).popLast();
    if (r === undefined) throw pyErr(KeyError, 'popitem(): dictionary is empty');
    return newTuple(r);
  });
  method(D, 'setdefault', (a) => {
    arity('setdefault', a, 1, 2, 1);
    const d = a[0] as PyDict;
    const v = d.get(a[1]);
    if (v !== undefined) return v;
    const dv = a.length > 2 ? a[2] : None;
    d.set(a[1], dv);
    return dv;
  });
  method(D, 'update', (a, kw) => {
    arity('update', a, 0, 1, 1);
    dictUpdateFrom(a[0], a[1], kw);
    return None;
  });
  method(D, 'copy', (a) => (a[0] as PyDict).copy(dictType));
  method(D, 'clear', (a) => {
    (a[0] as PyDict).clear();
    return None;
  });
  classMethod(D, 'fromkeys', (a) => {
    arity('fromkeys', a, 1, 2, 1);
    const t = a[0] as PyType;
    const d = t === dictType ? new PyDict(dictType) : call(t, []);
    const v = a.length > 2 ? a[2] : None;
    forEach(a[1], (k) => {
      if (d instanceof PyDict && d.cls === dictType) d.set(k, v);
      else callDescr(typeOf(d).lookup('__setitem__'), d, [k, v]);
    });
    return d;
  });

  // views
  for (const V of [dictKeysType, dictValuesType, dictItemsType]) {
    method(V, '__len__', (a) => (a[0] as DictView).d.size);
    method(V, '__iter__', (a) => new DictIter((a[0] as DictView).d, (a[0] as DictView).kind));
    method(V, '__repr__', (a) => {
      const v = a[0] as DictView;
      const items = toArray(new DictIter(v.d, v.kind));
      return `${V.name}(${repr(newList(items))})`;
    });
    method(V, '__reversed__', (a) => {
      const v = a[0] as DictView;
      return getIter(newList(toArray(new DictIter(v.d, v.kind)).reverse()));
    });
  }
  method(dictKeysType, '__contains__', (a) => (a[0] as DictView).d.has(a[1]));
  method(dictItemsType, '__contains__', (a) => {
    const pair = a[1];
    if (!(pair instanceof PyTuple) || pair.items.length !== 2) return false;
    const v = (a[0] as DictView).d.get(pair.items[0]);
    return v !== undefined && (v === pair.items[1] || eq(v, pair.items[1]));
  });
  for (const V of [dictKeysType, dictItemsType]) {
    const asSet = (v: any): PySet => {
      const s = new PySet(setType);
      forEach(v, (x) => {
        s.add(x);
      });
      return s;
    };
    method(V, '__eq__', (a) => {
      const other = a[1];
      if (!(other instanceof DictView) && !(other instanceof PySet)) return NotImplemented;
      const x = asSet(a[0]);
      const y = asSet(other);
      return x.size === y.size && x.toArray().every((k) => y.has(k));
    });
    for (const [name, op] of [['__and__', '&'], ['__or__', '|'], ['__sub__', '-'], ['__xor__', '^'], ['__rand__', '&'], ['__ror__', '|'], ['__rsub__', '-r'], ['__rxor__', '^']] as const) {
      method(V, name, (a) => {
        let x = asSet(a[0]);
        let y: PySet;
        try {
          y = asSet(a[1]);
        } catch {
          return NotImplemented;
        }
        if (op === '-r') [x, y] = [y, x];
        return setOp(x, y, op === '-r' ? '-' : op);
      });
    }
    method(V, 'isdisjoint', (a) => {
      const x = asSet(a[0]);
      let disjoint = true;
      forEach(a[1], (k) => {
        if (x.has(k)) {
          disjoint = false;
          return true;
        }
        return false;
      });
      return disjoint;
    });
  }
  installSet();
}

// ---- set / frozenset ----------------------------------------------------------------------

function isAnySet(v: any): v is PySet {
  return v instanceof PySet;
}

function newSetLike(t: PyType): PySet {
  return new PySet(t.isSubtype(frozensetType) ? frozensetType : setType);
}

function setFromIterable(s: PySet, it: any): void {
  if (it instanceof PySet) {
    s.merge(it);
    return;
  }
  if (it instanceof PyDict) {
    s.presize(it.size);
    for (const k of it.keys()) s.add(k);
    return;
  }
  forEach(it, (x) => {
    s.add(x);
  });
}

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
    const h = hash(k);
    if (so.hasHashed(k, h)) {
      result.addEntry(k, h);
      if (result.size >= so.size) break;
    }
  }
  return result;
}

function setDifferenceUpdate(so: PySet, other: any): void {
  if (other === so) {
    so.clear();
    return;
  }
  if (isAnySet(other)) {
    const src = other.size >> 3 > so.size ? setIntersection(so, other) : other;
    for (const [k, h] of src.entries()) so.discardHashed(k, h);
  } else forEach(other, (k) => {
    so.discard(k);
  });
  so.compactIfSparse();
}

function setDifference(so: PySet, other: any): PySet {
  if (!isAnySet(other) && !(other instanceof PyDict)) {
    const r = newSetLike(so.cls);
    r.merge(so);
    setDifferenceUpdate(r, other);
    return r;
  }
  const otherSize = isAnySet(other) ? other.size : (other as PyDict).size;
  if (so.size >> 2 > otherSize) {
    const r = newSetLike(so.cls);
    r.merge(so);
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

function setSymmetricDifferenceUpdate(so: PySet, other: any): void {
  if (other === so) {
    so.clear();
    return;
  }
  if (other instanceof PyDict) {
    for (const k of other.keys()) {
      const h = hash(k);
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

export function setOp(a: PySet, b: PySet, op: '&' | '|' | '-' | '^'): PySet {
  switch (op) {
    case '&':
      return setIntersection(a, b);
    case '|': {
      const r = newSetLike(a.cls);
      r.merge(a);
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
    const t = setIntersection(a, b);
    return t.size === a.size;
  }
  if (a.size > b.size) return false;
  for (const [k, h] of a.entries()) if (!b.hasHashed(k, h)) return false;
  return true;
}

function isSuperset(a: PySet, b: any): boolean {
  if (isAnySet(b)) return isSubset(b, a);
  let ok = true;
  forEach(b, (k) => {
    if (!a.has(k)) {
      ok = false;
      return true;
    }
    return false;
  });
  return ok;
}

function installSet(): void {
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
    arity('set', a, 0, 1, 1);
    const s = a[0] as PySet;
    s.clear();
    if (a.length > 1) setFromIterable(s, a[1]);
    return None;
  });
  FS.ns.setStr('__new__', staticNew((a, kw) => {
    noKw('frozenset', kw);
    arity('frozenset', a, 0, 1, 1);
    if (a[0] === FS && a.length > 1 && a[1] instanceof PySet && a[1].cls === FS) return a[1];
    const s = new PySet(a[0]);
    if (a.length > 1) setFromIterable(s, a[1]);
    return s;
  }));
  for (const T of [S, FS]) {
    method(T, '__repr__', (a) => setRepr(a[0]));
    method(T, '__len__', (a) => a[0].size);
    method(T, '__iter__', (a) => new SetIter(a[0]));
    const contains = method(T, '__contains__', (a) => {
      try {
        return (a[0] as PySet).has(a[1]);
      } catch (e) {
        if (a[1] instanceof PySet && e instanceof PyObject && e.cls.isSubtype(TypeError)) {
          const f = new PySet(FS);
          f.merge(a[1]);
          return (a[0] as PySet).has(f);
        }
        throw e;
      }
    });
    if (T === S) setContainsRef.f = contains;
    for (const [name, op] of [['__and__', '&'], ['__or__', '|'], ['__sub__', '-'], ['__xor__', '^']] as const) {
      method(T, name, (a) => (isAnySet(a[1]) ? setOp(a[0], a[1], op) : NotImplemented));
    }
    for (const [name, op] of [['__rand__', '&'], ['__ror__', '|'], ['__rsub__', '-'], ['__rxor__', '^']] as const) {
      method(T, name, (a) => (isAnySet(a[1]) ? setOp(a[1], a[0], op) : NotImplemented));
    }
    method(T, '__eq__', (a) => (isAnySet(a[1]) ? a[0].size === a[1].size && isSubset(a[0], a[1]) : NotImplemented));
    method(T, '__ne__', (a) => (isAnySet(a[1]) ? !(a[0].size === a[1].size && isSubset(a[0], a[1])) : NotImplemented));
    method(T, '__le__', (a) => (isAnySet(a[1]) ? isSubset(a[0], a[1]) : NotImplemented));
    method(T, '__lt__', (a) => (isAnySet(a[1]) ? a[0].size < a[1].size && isSubset(a[0], a[1]) : NotImplemented));
    method(T, '__ge__', (a) => (isAnySet(a[1]) ? isSuperset(a[0], a[1]) : NotImplemented));
    method(T, '__gt__', (a) => (isAnySet(a[1]) ? a[0].size > a[1].size && isSuperset(a[0], a[1]) : NotImplemented));
    method(T, 'union', (a) => {
      const r = newSetLike(a[0].cls);
      r.merge(a[0]);
      for (const o of a.slice(1)) if (o !== a[0]) setFromIterable(r, o);
      return r;
    });
    method(T, 'intersection', (a) => {
      let r: PySet = a[0];
      if (a.length === 1) {
        r = newSetLike(a[0].cls);
        r.merge(a[0]);
        return r;
      }
      for (const o of a.slice(1)) r = setIntersection(r, o);
      return r;
    });
    method(T, 'difference', (a) => {
      if (a.length === 1) {
        const r = newSetLike(a[0].cls);
        r.merge(a[0]);
        return r;
      }
      const r = setDifference(a[0], a[1]);
      for (const o of a.slice(2)) setDifferenceUpdate(r, o);
      return r;
    });
    method(T, 'symmetric_difference', (a) => {
      exactlyOne(`${T.name}.symmetric_difference`, a, 1);
      const r = newSetLike(a[0].cls);
      setFromIterable(r, a[1]);
      setSymmetricDifferenceUpdate(r, a[0]);
      return r;
    });
    method(T, 'issubset', (a) => isSubset(a[0], a[1]));
    method(T, 'issuperset', (a) => isSuperset(a[0], a[1]));
    method(T, 'isdisjoint', (a) => {
      let disjoint = true;
      forEach(a[1], (k) => {
        if ((a[0] as PySet).has(k)) {
          disjoint = false;
          return true;
        }
        return false;
      });
      return disjoint;
    });
    method(T, 'copy', (a) => {
      if (a[0].cls === FS) return a[0];
      const r = newSetLike(a[0].cls);
      r.merge(a[0]);
      return r;
    });
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
    (a[0] as PySet).discard(a[1]);
    return None;
  });
  method(S, 'remove', (a) => {
    if (!(a[0] as PySet).discard(a[1])) throw keyError(a[1]);
    return None;
  });
  method(S, 'pop', (a) => {
    const v = (a[0] as PySet).pop();
    if (v === undefined) throw pyErr(KeyError, 'pop from an empty set');
    return v;
  });
  method(S, 'clear', (a) => {
    (a[0] as PySet).clear();
    return None;
  });
  method(S, 'update', (a) => {
    for (const o of a.slice(1)) setFromIterable(a[0], o);
    return None;
  });
  method(S, 'intersection_update', (a) => {
    let r: PySet = a[0];
    for (const o of a.slice(1)) r = setIntersection(r, o);
    if (r !== a[0]) (a[0] as PySet).swapBodies(r);
    return None;
  });
  method(S, 'difference_update', (a) => {
    for (const o of a.slice(1)) setDifferenceUpdate(a[0], o);
    return None;
  });
  method(S, 'symmetric_difference_update', (a) => {
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
  void typeName;
  void isTrue;
}
