// Parameterised generics and union types: `list[int]` and `int | str`.
//
// These are the runtime objects behind PEP 585 (types.GenericAlias, made by a class's
// __class_getitem__) and PEP 604 (types.UnionType, made by type.__or__). They follow
// CPython 3.11's Objects/genericaliasobject.c and Objects/unionobject.c: the reprs, the
// attribute forwarding of an alias to its origin, equality and hashing, the flattening and
// de-duplication of union members, isinstance() through a union, and the TypeError for
// isinstance() against a parameterised generic.

import { classMethod, fn, getset, method, readonlyMember } from './bi.js';
import { reprHook } from './classes.js';
import { genericAliasHook, typeClassRef } from './containers.js';
import { AttributeError, pyErr, TypeError } from './exceptions.js';
import { PyBaseException, PyList, PyObject, PyTuple, PyWrapper } from './objects.js';
import {
  call, callDescr, eq, genericGetAttr, getAttr, getAttrOpt, hash, isTrue, newTuple, None, NotImplemented, setAttr, typeOf,
} from './protocol.js';
import {
  dictType, frozensetType, iteratorType, listType, noneType, PyType, setType, staticmethodType, tupleType, typeType,
} from './typeobj.js';
import { genericAliasRef } from './builtins/list.js';

export const genericAliasType = iteratorType('GenericAlias');
export const unionType = iteratorType('UnionType');
for (const t of [genericAliasType, unionType]) t.ns.setStr('__module__', 'types');

export class PyGenericAlias extends PyObject {
  readonly origin: any;
  readonly args: PyTuple;
  private params: PyTuple | null = null;
  constructor(origin: any, args: PyTuple, cls: PyType = genericAliasType) {
    super();
    this.cls = cls;
    this.origin = origin;
    this.args = args;
  }
  get parameters(): PyTuple {
    if (this.params === null) this.params = makeParameters(this.args.items);
    return this.params;
  }
}

export class PyUnion extends PyObject {
  readonly args: PyTuple;
  private params: PyTuple | null = null;
  constructor(args: PyTuple) {
    super();
    this.cls = unionType;
    this.args = args;
  }
  get parameters(): PyTuple {
    if (this.params === null) this.params = makeParameters(this.args.items);
    return this.params;
  }
}

/** types.GenericAlias(origin, args): a non-tuple args becomes a 1-tuple. */
export function makeGenericAlias(origin: any, args: any, cls: PyType = genericAliasType): PyGenericAlias {
  return new PyGenericAlias(origin, args instanceof PyTuple ? newTuple(args.items.slice()) : newTuple([args]), cls);
}

/** _Py_make_parameters: type variables among the args, in order, without repeats. */
function makeParameters(args: any[]): PyTuple {
  const out: any[] = [];
  const add = (p: any): void => {
    if (!out.some((x) => x === p)) out.push(p);
  };
  for (const a of args) {
    if (a instanceof PyType) continue;
    if (getAttrOpt(a, '__typing_subst__') !== undefined) {
      add(a);
      continue;
    }
    const sub = getAttrOpt(a, '__parameters__');
    if (sub instanceof PyTuple) for (const p of sub.items) add(p);
  }
  return newTuple(out);
}

// ---- reprs -----------------------------------------------------------------------------------

/** ga_repr_item / union_repr_item: `...`, nested generics by repr, classes by (module.)qualname. */
function reprItem(p: any, inUnion: boolean): string {
  if (inUnion && p === noneType) return 'None';
  if (!inUnion && p === ellipsisRef.v) return '...';
  if (getAttrOpt(p, '__origin__') !== undefined && getAttrOpt(p, '__args__') !== undefined) return reprHook.repr(p);
  const qualname = getAttrOpt(p, '__qualname__');
  const module = getAttrOpt(p, '__module__');
  if (qualname === undefined || module === undefined) return reprHook.repr(p);
  if (module === 'builtins') return reprHook.str(qualname);
  return `${reprHook.str(module)}.${reprHook.str(qualname)}`;
}

export const ellipsisRef: { v: any } = { v: undefined };

function gaRepr(g: PyGenericAlias): string {
  const items = g.args.items;
  let s = reprItem(g.origin, false) + '[';
  if (items.length === 0) s += '()';
  s += items.map((a) => (a instanceof PyList ? `[${a.items.map((x) => reprItem(x, false)).join(', ')}]` : reprItem(a, false))).join(', ');
  return s + ']';
}

function unionRepr(u: PyUnion): string {
  return u.args.items.map((a) => reprItem(a, true)).join(' | ');
}

// ---- unions ------------------------------------------------------------------------------------

function isUnionable(v: any): boolean {
  return v === None || v instanceof PyType || v instanceof PyGenericAlias || v instanceof PyUnion;
}

/** type.__or__ and friends: NotImplemented unless both sides can be union members. */
export function unionOr(a: any, b: any): any {
  if (!isUnionable(a) || !isUnionable(b)) return NotImplemented;
  return makeUnion([a, b]);
}

/** Flatten nested unions, map None to NoneType, drop duplicates; one member is itself. */
function makeUnion(members: any[]): any {
  const flat: any[] = [];
  for (const m of members) {
    if (m instanceof PyUnion) flat.push(...m.args.items);
    else flat.push(m === None ? noneType : m);
  }
  const out: any[] = [];
  for (const m of flat) {
    const dup = out.some((x) => (x instanceof PyGenericAlias && m instanceof PyGenericAlias ? eq(x, m) : x === m));
    if (!dup) out.push(m);
  }
  if (out.length === 1) return out[0];
  return new PyUnion(newTuple(out));
}

function checkNotGeneric(args: any[], what: string): void {
  for (const a of args) {
    if (a instanceof PyGenericAlias) throw pyErr(TypeError, `${what}() argument 2 cannot be a parameterized generic`);
  }
}

// ---- substitution ----------------------------------------------------------------------------

/** _Py_subs_parameters: alias[args] with the alias's type variables replaced. */
function substitute(self: any, selfArgs: PyTuple, params: PyTuple, item: any): PyTuple {
  const n = params.items.length;
  if (n === 0) throw pyErr(TypeError, `There are no type variables left in ${reprHook.repr(self)}`);
  const argitems = item instanceof PyTuple ? item.items : [item];
  if (argitems.length !== n) {
    throw pyErr(TypeError, `Too ${argitems.length > n ? 'many' : 'few'} arguments for ${reprHook.repr(self)}; actual ${argitems.length}, expected ${n}`);
  }
  const out: any[] = [];
  for (const a of selfArgs.items) {
    if (a instanceof PyType) {
      out.push(a);
      continue;
    }
    const idx = params.items.indexOf(a);
    if (idx >= 0) {
      const subst = getAttrOpt(a, '__typing_subst__');
      out.push(subst !== undefined ? call(subst, [argitems[idx]]) : argitems[idx]);
      continue;
    }
    const sub = getAttrOpt(a, '__parameters__');
    if (sub instanceof PyTuple && sub.items.length > 0) {
      const subargs = sub.items.map((p) => argitems[params.items.indexOf(p)]);
      out.push(getItemHook.f(a, subargs.length === 1 ? subargs[0] : newTuple(subargs)));
      continue;
    }
    out.push(a);
  }
  return newTuple(out);
}

export const getItemHook = { f: null as unknown as (o: any, k: any) => any };

// ---- attribute forwarding ----------------------------------------------------------------------

/** Names a GenericAlias answers itself; everything else comes from its origin. */
const OWN_ATTRS = new Set([
  '__class__', '__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__', '__mro_entries__',
  '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__',
]);

// ---- registration ------------------------------------------------------------------------------

let installed = false;

export function installGenericAlias(): void {
  if (installed) return;
  installed = true;
  const G = genericAliasType;
  G.ns.setStr('__new__', new PyWrapper(staticmethodType, fn('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'GenericAlias() takes no keyword arguments');
    if (a.length !== 3) throw pyErr(TypeError, `GenericAlias expected 2 arguments, got ${a.length - 1}`);
    return makeGenericAlias(a[1], a[2], a[0] as PyType);
  })));
  method(G, '__getattribute__', (a) => {
    const g = a[0] as PyGenericAlias;
    const name = a[1] as string;
    // ga_getattro (Objects/genericaliasobject.c): every other name, and its AttributeError,
    // is the origin's.
    if (!OWN_ATTRS.has(name)) return getAttr(g.origin, name);
    return genericGetAttr(g, name);
  });
  // ga_members: __origin__, __args__ and __unpacked__ are READONLY members ("readonly
  // attribute"); __parameters__ is a getset without a setter.
  readonlyMember(G, '__origin__', (g: PyGenericAlias) => g.origin);
  readonlyMember(G, '__args__', (g: PyGenericAlias) => g.args);
  getset(G, '__parameters__', (g: PyGenericAlias) => g.parameters);
  readonlyMember(G, '__unpacked__', () => false);
  method(G, '__repr__', (a) => gaRepr(a[0]));
  method(G, '__call__', (a, kw) => {
    const g = a[0] as PyGenericAlias;
    const obj = call(g.origin, a.slice(1), kw);
    try {
      setAttr(obj, '__orig_class__', g);
    } catch (e) {
      if (!(e instanceof PyBaseException && (e.cls.isSubtype(AttributeError) || e.cls.isSubtype(TypeError)))) throw e;
    }
    return obj;
  });
  method(G, '__mro_entries__', (a) => newTuple([(a[0] as PyGenericAlias).origin]));
  method(G, '__eq__', (a) => {
    const x = a[0] as PyGenericAlias;
    const y = a[1];
    if (!(y instanceof PyGenericAlias)) return NotImplemented;
    return eq(x.origin, y.origin) && eq(x.args, y.args);
  });
  method(G, '__ne__', (a) => {
    const x = a[0] as PyGenericAlias;
    const y = a[1];
    if (!(y instanceof PyGenericAlias)) return NotImplemented;
    return !(eq(x.origin, y.origin) && eq(x.args, y.args));
  });
  method(G, '__hash__', (a) => {
    const g = a[0] as PyGenericAlias;
    return xorHash(hash(g.origin), hash(g.args));
  });
  method(G, '__getitem__', (a) => {
    const g = a[0] as PyGenericAlias;
    return new PyGenericAlias(g.origin, substitute(g, g.args, g.parameters, a[1]));
  });
  method(G, '__or__', (a) => unionOr(a[0], a[1]));
  method(G, '__ror__', (a) => unionOr(a[1], a[0]));
  method(G, '__instancecheck__', () => {
    throw pyErr(TypeError, 'isinstance() argument 2 cannot be a parameterized generic');
  });
  method(G, '__subclasscheck__', () => {
    throw pyErr(TypeError, 'issubclass() argument 2 cannot be a parameterized generic');
  });
  // Python subclasses (collections.abc's _CallableGenericAlias) make PyGenericAlias
  // instances of their own class.
  G.acceptsSubclass = true;
  method(G, '__reduce__', (a) => {
    const g = a[0] as PyGenericAlias;
    return newTuple([G, newTuple([g.origin, g.args])]);
  });

  const U = unionType;
  getset(U, '__args__', (u: PyUnion) => u.args);
  getset(U, '__parameters__', (u: PyUnion) => u.parameters);
  method(U, '__repr__', (a) => unionRepr(a[0]));
  method(U, '__or__', (a) => unionOr(a[0], a[1]));
  method(U, '__ror__', (a) => unionOr(a[1], a[0]));
  method(U, '__eq__', (a) => {
    if (!(a[1] instanceof PyUnion)) return NotImplemented;
    return sameMembers(a[0].args.items, a[1].args.items);
  });
  method(U, '__ne__', (a) => {
    if (!(a[1] instanceof PyUnion)) return NotImplemented;
    return !sameMembers(a[0].args.items, a[1].args.items);
  });
  method(U, '__hash__', (a) => {
    let h: number | bigint = 0;
    for (const m of (a[0] as PyUnion).args.items) h = xorHash(h, hash(m));
    return h;
  });
  method(U, '__instancecheck__', (a) => {
    const u = a[0] as PyUnion;
    checkNotGeneric(u.args.items, 'isinstance');
    return u.args.items.some((t) => isTrue(isInstanceRef.f(a[1], t)));
  });
  method(U, '__subclasscheck__', (a) => {
    const u = a[0] as PyUnion;
    checkNotGeneric(u.args.items, 'issubclass');
    return u.args.items.some((t) => isTrue(isSubclassRef.f(a[1], t)));
  });
  method(U, '__getitem__', (a) => {
    const u = a[0] as PyUnion;
    const args = substitute(u, u.args, u.parameters, a[1]);
    let r: any = args.items[0];
    for (let i = 1; i < args.items.length; i++) {
      const n = callOr(r, args.items[i]);
      r = n;
    }
    return r;
  });

  // Builtin classes that are generic in CPython (PEP 585).
  for (const t of [listType, tupleType, dictType, setType, frozensetType]) {
    if (t.ns.getStr('__class_getitem__') === undefined) classMethod(t, '__class_getitem__', (a) => makeGenericAlias(a[0], a[1]));
  }
  genericAliasRef.make = makeGenericAlias;
  genericAliasHook.make = makeGenericAlias;
  typeClassRef.t = typeType;
  for (const t of [G, U]) t.modified();
}

function callOr(a: any, b: any): any {
  const r = unionOr(a, b);
  if (r !== NotImplemented) return r;
  const f = typeOf(a).lookup('__or__');
  return f === undefined ? r : callDescr(f, a, [b]);
}

function sameMembers(x: any[], y: any[]): boolean {
  const has = (arr: any[], v: any): boolean => arr.some((w) => w === v || eq(w, v));
  return x.every((v) => has(y, v)) && y.every((v) => has(x, v));
}

function xorHash(a: number | bigint, b: number | bigint): number | bigint {
  const r = BigInt.asIntN(64, BigInt(a) ^ BigInt(b));
  const n = Number(r);
  const h = Number.isSafeInteger(n) ? n : r;
  return h === -1 ? -2 : h;
}

/** isinstance/issubclass (installed by the builtins, which own them). */
export const isInstanceRef = { f: null as unknown as (v: any, t: any) => boolean };
export const isSubclassRef = { f: null as unknown as (v: any, t: any) => boolean };

