// Function-like and miscellaneous builtin types: function, method, builtin function,
// module, property, staticmethod, classmethod, cell, code, traceback, frame, generators
// and coroutines, the builtin iterators, NoneType, NotImplementedType and ellipsis.

import { arity, exactlyOne, fn, getset, method, noKw, parseArgs, readonlyMember, unpackArity } from '../bi.js';
import { pyErr, RuntimeError, TypeError, ValueError } from '../exceptions.js';
import { builtinsRef, rtOf, tstate, type Frame } from '../frame.js';
import { intOf } from '../arith.js';
import { AsyncGenASend, AsyncGenAThrow, asyncGenASendType, asyncGenAThrowType, CoroWrapper, coroutineWrapperType, PyGenerator, stopIteration } from '../generators.js';
import { iterSelfRef, noneRef as iterNoneRef } from '../iterators.js';
import * as IT from '../iterators.js';
import { PyBaseException, PyBuiltin, PyCell, PyCodeObj, PyFunction, PyIterator, type PyKwargs, PyMethod, PyModule, PyObject, PyProperty, PyTraceback, PyTuple, PyWrapper } from '../objects.js';
import { attributeError, call, callDescr, PyGetSet, descrGet, Ellipsis, getAttr, getAttrOpt, setAttr, isTrue, newTuple, None, NotImplemented, objectId, richCompare, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import {
  asyncGeneratorType, builtinFunctionType, cellType, classmethodType, codeType, coroutineType, dictType, ellipsisType, frameType, functionType, generatorType, methodType, moduleType,
  noneType, notImplementedType, propertyType, PyType, staticmethodType, tracebackType,
} from '../typeobj.js';
import { addr, miscRepr, repr } from './repr.js';
import { importState } from '../imports.js';
import { staticNew } from './numbers.js';

export class PyFrameObj extends PyObject {
  constructor(readonly frame: Frame) {
    super();
    this.cls = frameType;
  }
}

function installIterType(t: PyType): void {
  iterSelfRef.f = iterSelfRef.f ?? method(t, '__iter__', (a) => a[0]);
  t.ns.setStr('__iter__', iterSelfRef.f);
  method(t, '__next__', (a) => {
    const v = (a[0] as PyIterator).next();
    if (v === undefined) throw stopIteration(None);
    return v;
  });
}

export function installMisc(): void {
  iterNoneRef.v = None;
  // NoneType & friends
  const noArgsNew = (name: string, v: any) => staticNew((a, kw) => {
    if (a.length > 1 || (kw !== null && kw.size > 0)) throw pyErr(TypeError, `${name} takes no arguments`);
    return v;
  });
  noneType.ns.setStr('__new__', noArgsNew('NoneType', None));
  method(noneType, '__repr__', () => 'None');
  method(noneType, '__bool__', () => false);
  notImplementedType.ns.setStr('__new__', noArgsNew('NotImplementedType', NotImplemented));
  method(notImplementedType, '__repr__', () => 'NotImplemented');
  method(notImplementedType, '__bool__', () => true);
  ellipsisType.ns.setStr('__new__', noArgsNew('ellipsis', Ellipsis));
  method(ellipsisType, '__repr__', () => 'Ellipsis');

  // function
  const F = functionType;
  method(F, '__repr__', (a) => miscRepr(a[0]));
  method(F, '__call__', (a, kw) => call(a[0], a.slice(1), kw));
  method(F, '__get__', (a) => (a[1] === None || a[1] === undefined ? a[0] : new PyMethod(methodType, a[0], a[1])));
  getset(F, '__name__', (f: PyFunction) => f.name, (f: PyFunction, v) => {
    if (typeof v !== 'string') throw pyErr(TypeError, '__name__ must be set to a string object');
    f.name = v;
  });
  getset(F, '__qualname__', (f: PyFunction) => f.qualname, (f: PyFunction, v) => {
    if (typeof v !== 'string') throw pyErr(TypeError, '__qualname__ must be set to a string object');
    f.qualname = v;
  });
  getset(F, '__doc__', (f: PyFunction) => (f.doc === undefined ? None : f.doc), (f: PyFunction, v) => {
    f.doc = v;
  });
  getset(F, '__module__', (f: PyFunction) => (f.module === undefined ? None : f.module), (f: PyFunction, v) => {
    f.module = v;
  });
  getset(F, '__defaults__', (f: PyFunction) => (f.defaults === null ? None : newTuple(f.defaults)), (f: PyFunction, v) => {
    if (v !== None && !(v instanceof PyTuple)) throw pyErr(TypeError, '__defaults__ must be set to a tuple object');
    f.defaults = v === None ? null : (v as PyTuple).items;
  });
  getset(F, '__kwdefaults__', (f: PyFunction) => f.kwdefaults ?? None, (f: PyFunction, v) => {
    if (v !== None && !(v instanceof PyDict)) throw pyErr(TypeError, '__kwdefaults__ must be set to a dict object');
    f.kwdefaults = v === None ? null : v;
  });
  getset(F, '__code__', (f: PyFunction) => new PyCodeObj(codeType, f.code), (f: PyFunction, v) => {
    if (!(v instanceof PyCodeObj)) throw pyErr(TypeError, '__code__ must be set to a code object');
    const nfree = v.code.freevars.length;
    const nclosure = f.closure === null ? 0 : f.closure.length;
    if (nfree !== nclosure) throw pyErr(ValueError, `${f.name}() requires a code object with ${nclosure} free vars, not ${nfree}`);
    f.code = v.code;
    f.consts = rtOf(v.code).consts;
  });
  readonlyMember(F, '__globals__', (f: PyFunction) => f.globals);
  readonlyMember(F, '__builtins__', (f: PyFunction) => f.globals.getStr('__builtins__') ?? None);
  readonlyMember(F, '__closure__', (f: PyFunction) => (f.closure === null ? None : newTuple(f.closure)));
  getset(F, '__annotations__', (f: PyFunction) => {
    if (f.annotations === null) f.annotations = new PyDict(dictType);
    return f.annotations;
  }, (f: PyFunction, v) => {
    f.annotations = v;
  });
  getset(F, '__dict__', (f: PyFunction) => {
    if (f.dict === null) f.dict = new PyDict(dictType);
    return f.dict;
  }, (f: PyFunction, v: any) => {
    // PyObject_GenericSetDict: replaceable by a dict, never deletable.
    if (!(v instanceof PyDict)) throw pyErr(TypeError, `__dict__ must be set to a dictionary, not a '${typeName(v)}'`);
    f.dict = v;
  });
  (F.ns.getStr('__dict__') as PyGetSet).del = () => {
    throw pyErr(TypeError, 'cannot delete __dict__');
  };
  functionType.instanceDict = true;
  // types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
  F.ns.setStr('__new__', staticNew((a, kw) => {
    const [code, globals, name, argdefs, closure] = parseArgs('function', a, kw, ['code', 'globals', 'name', 'argdefs', 'closure'], 2, 1);
    if (!(code instanceof PyCodeObj)) throw pyErr(TypeError, `function() argument 'code' must be code, not ${typeName(code)}`);
    if (!(globals instanceof PyDict)) throw pyErr(TypeError, `function() argument 'globals' must be dict, not ${typeName(globals)}`);
    if (name !== undefined && name !== None && typeof name !== 'string') throw pyErr(TypeError, 'arg 3 (name) must be None or string');
    if (argdefs !== undefined && argdefs !== None && !(argdefs instanceof PyTuple)) throw pyErr(TypeError, 'arg 4 (defaults) must be None or tuple');
    const nfree = code.code.freevars.length;
    const cells = closure === undefined || closure === None ? [] : closure instanceof PyTuple ? closure.items : null;
    if (cells === null || (nfree > 0 && (closure === undefined || closure === None))) throw pyErr(TypeError, 'arg 5 (closure) must be tuple');
    if (nfree === 0 && cells.length > 0) throw pyErr(TypeError, 'arg 5 (closure) must be None or tuple');
    if (cells.length !== nfree) throw pyErr(ValueError, `${code.code.name} requires closure of length ${nfree}, not ${cells.length}`);
    for (const c of cells) if (!(c instanceof PyCell)) throw pyErr(TypeError, `arg 5 (closure) expected cell, found ${typeName(c)}`);
    const f = new PyFunction(a[0], code.code, globals, rtOf(code.code).consts);
    if (typeof name === 'string') {
      f.name = name;
    }
    f.defaults = argdefs instanceof PyTuple ? argdefs.items : null;
    f.closure = nfree > 0 ? (cells as PyCell[]) : null;
    f.doc = code.code.docstring === null ? None : code.code.docstring;
    const mod = globals.getStr('__name__');
    f.module = mod === undefined ? None : mod;
    return f;
  }));

  // bound methods
  const M = methodType;
  M.ns.setStr('__new__', staticNew((a) => {
    arity('method', a, 2, 2, 1);
    return new PyMethod(methodType, a[1], a[2]);
  }));
  method(M, '__repr__', (a) => miscRepr(a[0]));
  method(M, '__call__', (a, kw) => call(a[0], a.slice(1), kw));
  method(M, '__eq__', (a) => (a[1] instanceof PyMethod ? a[0].func === a[1].func && a[0].self === a[1].self : NotImplemented));
  method(M, '__hash__', (a) => {
    const h = objectId(a[0].func);
    return typeof h === 'number' ? Math.floor(h / 16) ^ 0x5a5a : h;
  });
  readonlyMember(M, '__func__', (m: PyMethod) => m.func);
  readonlyMember(M, '__self__', (m: PyMethod) => m.self);
  getset(M, '__doc__', (m: PyMethod) => getAttrOpt(m.func, '__doc__') ?? None);
  // method_getattro: the method type's own attributes, else the function's (__name__...).
  method(M, '__getattribute__', (a) => {
    const m = a[0] as PyMethod;
    const name = a[1];
    if (typeof name !== 'string') throw pyErr(TypeError, `attribute name must be string, not '${typeName(name)}'`);
    const d = typeOf(m).lookup(name);
    if (d !== undefined) return descrGet(d, m, typeOf(m));
    return getAttr(m.func, name);
  });
  M.modified();

  // builtin functions and methods
  const BF = builtinFunctionType;
  method(BF, '__repr__', (a) => miscRepr(a[0]));
  method(BF, '__call__', (a, kw) => call(a[0], a.slice(1), kw));
  getset(BF, '__name__', (b: PyBuiltin) => b.name);
  getset(BF, '__qualname__', (b: PyBuiltin) => (b.owner !== null ? `${b.owner}.${b.name}` : b.name));
  getset(BF, '__doc__', (b: PyBuiltin) => b.doc ?? None);
  // A module-level builtin's __self__ is its module (builtins for the builtin functions).
  getset(BF, '__self__', (b: PyBuiltin) => (b.self !== undefined ? b.self : b.owner === null ? importState.builtins ?? None : None));
  getset(BF, '__module__', (b: PyBuiltin) => (b.owner === null && b.self === undefined ? 'builtins' : None));
  getset(BF, '__text_signature__', () => None);
  // Only unbound methods of builtin types are descriptors (method_descriptor.__get__);
  // builtin functions and bound methods have no __get__.
  getset(BF, '__get__', (b: PyBuiltin) => {
    if (b.owner === null || b.self !== undefined) throw attributeError(b, '__get__');
    return fn('__get__', (a) => descrGet(b, a[0] === None || a[0] === undefined ? undefined : a[0], a.length > 1 && a[1] !== None ? a[1] : typeOf(a[0])));
  });

  // modules
  const MO = moduleType;
  MO.ns.setStr('__new__', staticNew((a) => {
    const name = a[1];
    if (typeof name !== 'string') throw pyErr(TypeError, `module.__init__() argument 'name' must be str, not ${typeName(name)}`);
    const d = new PyDict(dictType);
    d.setStr('__name__', name);
    d.setStr('__doc__', a.length > 2 ? a[2] : None);
    d.setStr('__package__', None);
    d.setStr('__loader__', None);
    d.setStr('__spec__', None);
    return new PyModule(a[0], name, d);
  }));
  method(MO, '__init__', () => None);
  method(MO, '__repr__', (a) => miscRepr(a[0]));
  method(MO, '__dir__', (a) => {
    const keys = [...(a[0] as PyModule).dict!.keys()].filter((k) => typeof k === 'string').sort();
    return listRef.make(keys);
  });
  getset(MO, '__dict__', (m: PyModule) => m.dict);
  MO.instanceDict = true;

  // property (Objects/descrobject.c): getter_doc records that __doc__ came from fget,
  // so getter()/setter()/deleter() copies take the new getter's docstring; the name
  // from __set_name__ is kept in copies and named in the "no getter/setter" errors.
  const P = propertyType;
  type Prop = PyProperty & { getterDoc?: boolean; name?: any };
  P.ns.setStr('__new__', staticNew((a) => new PyProperty(a[0], None, None, None, None)));
  method(P, '__init__', (a, kw) => {
    const [fget, fset, fdel, doc] = parseArgs('property', a, kw, ['fget', 'fset', 'fdel', 'doc'], 0, 1);
    const p = a[0] as Prop;
    p.fget = fget ?? None;
    p.fset = fset ?? None;
    p.fdel = fdel ?? None;
    p.getterDoc = false;
    let d: any = doc === undefined || doc === None ? undefined : doc;
    if (d === undefined && p.fget !== None) {
      const gd = getAttrOpt(p.fget, '__doc__');
      if (gd !== undefined && gd !== None) {
        d = gd;
        p.getterDoc = true;
      }
    }
    p.doc = d ?? None;
    // A subclass's own __doc__ (None by default) would shadow the getset: CPython puts
    // the docstring in the instance __dict__ instead.
    if (typeOf(p) !== propertyType) setAttr(p, '__doc__', d ?? None);
    return None;
  });
  method(P, '__set_name__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'property.__set_name__() takes no keyword arguments');
    if (a.length !== 3) throw pyErr(TypeError, `__set_name__() takes 2 positional arguments but ${a.length - 1} were given`);
    (a[0] as Prop).name = a[2];
    return None;
  });
  const propError = (p: Prop, obj: any, what: 'getter' | 'setter' | 'deleter'): any => {
    const qual = typeOf(obj).qualname;
    const name = p.name !== undefined ? `${repr(p.name)} ` : '';
    return pyErr(attributeErrorRef.t, `property ${name}of ${repr(qual)} object has no ${what}`);
  };
  method(P, '__get__', (a) => {
    const p = a[0] as Prop;
    const obj = a[1];
    if (obj === None || obj === undefined) return p;
    if (p.fget === None) throw propError(p, obj, 'getter');
    return call(p.fget, [obj]);
  });
  method(P, '__set__', (a) => {
    const p = a[0] as Prop;
    if (p.fset === None) throw propError(p, a[1], 'setter');
    call(p.fset, [a[1], a[2]]);
    return None;
  });
  method(P, '__delete__', (a) => {
    const p = a[0] as Prop;
    if (p.fdel === None) throw propError(p, a[1], 'deleter');
    call(p.fdel, [a[1]]);
    return None;
  });
  /** property_copy: None keeps the old accessor; the copy is made by calling type(p). */
  const copyProp = (p: Prop, fget: any, fset: any, fdel: any): any => {
    const g = fget === None || fget === undefined ? p.fget : fget;
    const st = fset === None || fset === undefined ? p.fset : fset;
    const dl = fdel === None || fdel === undefined ? p.fdel : fdel;
    const doc = p.getterDoc === true && g !== None ? None : p.doc ?? None;
    const np = call(typeOf(p), [g, st, dl, doc]);
    if (np instanceof PyProperty) (np as Prop).name = p.name;
    return np;
  };
  method(P, 'getter', (a) => copyProp(a[0], exactlyOne('property.getter', a, 1), None, None));
  method(P, 'setter', (a) => copyProp(a[0], None, exactlyOne('property.setter', a, 1), None));
  method(P, 'deleter', (a) => copyProp(a[0], None, None, exactlyOne('property.deleter', a, 1)));
  readonlyMember(P, 'fget', (p: PyProperty) => p.fget);
  readonlyMember(P, 'fset', (p: PyProperty) => p.fset);
  readonlyMember(P, 'fdel', (p: PyProperty) => p.fdel);
  getset(P, '__doc__', (p: PyProperty) => p.doc ?? None, (p: PyProperty, v) => {
    p.doc = v;
  });
  getset(P, '__isabstractmethod__', (p: PyProperty) => [p.fget, p.fset, p.fdel].some((f) => f !== None && isTrue(getAttrOpt(f, '__isabstractmethod__') ?? false)));

  // staticmethod / classmethod
  for (const W of [staticmethodType, classmethodType]) {
    const isStatic = W === staticmethodType;
    // funcobject.c: tp_new is PyType_GenericNew (any arguments, the callable still NULL);
    // sm_init/cm_init take exactly one positional argument and no keywords.
    W.ns.setStr('__new__', staticNew((a) => new PyWrapper(a[0], undefined)));
    method(W, '__init__', (a, kw) => {
      noKw(W.name, kw);
      unpackArity(W.name, a, 1, 1, 1);
      const w = a[0] as PyWrapper;
      w.func = a[1];
      // Copy the wrapped function's attributes (functools_wraps in funcobject.c, 3.10+).
      for (const n of ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__']) {
        const v = getAttrOpt(w.func, n);
        if (v !== undefined) {
          if (w.dict === null) w.dict = new PyDict(dictType);
          w.dict.setStr(n, v);
        }
      }
      return None;
    });
    method(W, '__get__', (a) => {
      const w = a[0] as PyWrapper;
      if (w.func === undefined) throw pyErr(RuntimeError, `uninitialized ${W.name} object`);
      if (isStatic) return w.func;
      const owner = a.length > 2 && a[2] !== None ? a[2] : typeOf(a[1]);
      // 3.9-3.12: a wrapped descriptor (e.g. a property) is bound to the class itself.
      const f = w.func;
      if (!(f instanceof PyFunction) && !(f instanceof PyBuiltin) && typeof f === 'object' && f !== null) {
        const g = typeOf(f).lookup('__get__');
        if (g !== undefined) return callDescr(g, f, [owner, owner]);
      }
      return new PyMethod(methodType, f, owner);
    });
    readonlyMember(W, '__func__', (w: PyWrapper) => w.func);
    getset(W, '__wrapped__', (w: PyWrapper) => w.func);
    getset(W, '__isabstractmethod__', (w: PyWrapper) => isTrue(getAttrOpt(w.func, '__isabstractmethod__') ?? false));
    method(W, '__repr__', (a) => `<${W.name}(${a[0].func === undefined ? '<NULL>' : repr(a[0].func)})>`);
    if (isStatic) method(W, '__call__', (a, kw) => call((a[0] as PyWrapper).func, a.slice(1), kw));
    W.instanceDict = true;
  }

  // cell, code, traceback, frame
  cellType.ns.setStr('__new__', staticNew((a, kw) => {
    if (kw !== null && kw.size > 0) throw pyErr(TypeError, 'cell() takes no keyword arguments');
    if (a.length > 2) throw pyErr(TypeError, `cell expected at most 1 argument, got ${a.length - 1}`);
    return new PyCell(cellType, a.length > 1 ? a[1] : undefined);
  }));
  // Cells compare by contents; an empty cell sorts before any full one (cell_richcompare).
  ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'].forEach((name, op) => {
    method(cellType, name, (a) => {
      if (!(a[1] instanceof PyCell)) return NotImplemented;
      const x = a[0].v;
      const y = a[1].v;
      if (x !== undefined && y !== undefined) return richCompare(x, y, op);
      const c = (x === undefined ? 0 : 1) - (y === undefined ? 0 : 1);
      return [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op];
    });
  });
  cellType.ns.setStr('__hash__', None);
  method(cellType, '__repr__', (a) => (a[0].v === undefined ? `<cell at ${addr(a[0])}: empty>` : `<cell at ${addr(a[0])}: ${typeName(a[0].v)} object at ${addr(a[0].v)}>`));
  getset(cellType, 'cell_contents', (c: PyCell) => {
    if (c.v === undefined) throw pyErr(ValueError, 'Cell is empty');
    return c.v;
  }, (c: PyCell, v) => {
    c.v = v;
  });
  getset(codeType, 'co_name', (c: PyCodeObj) => c.code.name);
  getset(codeType, 'co_qualname', (c: PyCodeObj) => c.code.qualname);
  getset(codeType, 'co_filename', (c: PyCodeObj) => c.code.filename);
  getset(codeType, 'co_firstlineno', (c: PyCodeObj) => c.code.firstLine);
  getset(codeType, 'co_argcount', (c: PyCodeObj) => c.code.argcount);
  getset(codeType, 'co_posonlyargcount', (c: PyCodeObj) => c.code.posonlyargcount);
  getset(codeType, 'co_kwonlyargcount', (c: PyCodeObj) => c.code.kwonlyargcount);
  getset(codeType, 'co_varnames', (c: PyCodeObj) => newTuple([...c.code.varnames]));
  getset(codeType, 'co_cellvars', (c: PyCodeObj) => newTuple([...c.code.cellvars]));
  getset(codeType, 'co_freevars', (c: PyCodeObj) => newTuple([...c.code.freevars]));
  getset(codeType, 'co_names', (c: PyCodeObj) => newTuple([...c.code.names]));
  getset(codeType, 'co_nlocals', (c: PyCodeObj) => c.code.nlocals);
  getset(codeType, 'co_flags', (c: PyCodeObj) => c.code.flags & 0xffff);
  getset(codeType, 'co_stacksize', (c: PyCodeObj) => c.code.stacksize);
  // Nested code objects appear as code objects (the runtime keeps the raw CodeObject).
  getset(codeType, 'co_consts', (c: PyCodeObj) => newTuple(rtOf(c.code).consts.map((v) => (v instanceof PyObject || typeof v !== 'object' || v === null ? v : new PyCodeObj(codeType, v)))));
  method(codeType, 'co_lines', (a) => {
    const co = (a[0] as PyCodeObj).code;
    const out: any[] = [];
    for (let i = 0; i < co.lines.length; i++) {
      const line = co.lines[i] === 0 ? None : co.lines[i];
      const last = out[out.length - 1];
      if (last !== undefined && last.items[2] === line) last.items[1] = 2 * (i + 1);
      else out.push(newTuple([2 * i, 2 * (i + 1), line]));
    }
    return listRef.make(out);
  });
  method(codeType, '__eq__', (a) => (a[1] instanceof PyCodeObj ? a[0].code === a[1].code : NotImplemented));
  method(codeType, '__hash__', (a) => {
    const h = objectId((a[0] as PyCodeObj).code);
    return typeof h === 'number' ? Math.floor(h / 16) : h;
  });
  method(codeType, '__repr__', (a) => `<code object ${a[0].code.name} at ${addr(a[0])}, file "${a[0].code.filename}", line ${a[0].code.firstLine}>`);
  getset(tracebackType, 'tb_lineno', (t: PyTraceback) => t.lineno);
  getset(tracebackType, 'tb_next', (t: PyTraceback) => t.next ?? None);
  getset(tracebackType, 'tb_lasti', (t: PyTraceback) => t.pc * 2);
  getset(tracebackType, 'tb_frame', (t: PyTraceback) => tbFrameObj(t));
  getset(frameType, 'f_globals', (f: any) => (f instanceof PyFrameObj ? f.frame.globals : f.globals));
  getset(frameType, 'f_locals', (f: any) => (f instanceof PyFrameObj ? frameLocals(f.frame) : new PyDict(dictType)));
  getset(frameType, 'f_lineno', (f: any) => (f instanceof PyFrameObj ? f.frame.lineno : f.lineno));
  getset(frameType, 'f_code', (f: any) => new PyCodeObj(codeType, f instanceof PyFrameObj ? f.frame.code : f.code));
  getset(frameType, 'f_back', (f: any) => (f instanceof PyFrameObj && f.frame.back !== null ? new PyFrameObj(f.frame.back) : None));
  method(frameType, '__repr__', (a) => `<frame at ${addr(a[0])}>`);

  // generators and coroutines
  for (const G of [generatorType, coroutineType, asyncGeneratorType]) {
    const prefix = G === generatorType ? 'gi' : G === coroutineType ? 'cr' : 'ag';
    method(G, '__repr__', (a) => `<${G.name} object ${(a[0] as PyGenerator).qualname} at ${addr(a[0])}>`);
    getset(G, '__name__', (g: PyGenerator) => g.name);
    getset(G, '__qualname__', (g: PyGenerator) => g.qualname);
    getset(G, `${prefix}_running`, (g: PyGenerator) => g.running);
    getset(G, `${prefix}_frame`, (g: PyGenerator) => (g.finished ? None : new PyFrameObj(g.frame)));
    getset(G, `${prefix}_code`, (g: PyGenerator) => new PyCodeObj(codeType, g.frame.code));
    if (G === generatorType) getset(G, 'gi_yieldfrom', (g: PyGenerator) => g.delegate() ?? None);
    if (G === coroutineType) getset(G, 'cr_await', (g: PyGenerator) => g.delegate() ?? None);
    if (G === generatorType) getset(G, 'gi_suspended', (g: PyGenerator) => g.started && !g.finished && !g.running);
    if (G !== asyncGeneratorType) {
      method(G, 'send', (a) => (a[0] as PyGenerator).send(a[1]));
      method(G, 'throw', (a) => {
        const g = a[0] as PyGenerator;
        const r = g.throwIn(normalizeThrow(a.slice(1)));
        if (r.done) throw stopIteration(r.value);
        return r.value;
      });
      method(G, 'close', (a) => {
        (a[0] as PyGenerator).close();
        return None;
      });
    }
  }
  generatorType.ns.setStr('__iter__', method(generatorType, '__iter__', (a) => a[0]));
  method(generatorType, '__next__', (a) => {
    const r = (a[0] as PyGenerator).resume(None);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  });
  method(coroutineType, '__await__', (a) => new CoroWrapper(a[0]));
  const AG = asyncGeneratorType;
  method(AG, '__aiter__', (a) => a[0]);
  method(AG, '__anext__', (a) => new AsyncGenASend(a[0], None));
  method(AG, 'asend', (a) => new AsyncGenASend(a[0], a[1]));
  method(AG, 'athrow', (a) => new AsyncGenAThrow(a[0], normalizeThrow(a.slice(1)), false));
  method(AG, 'aclose', (a) => new AsyncGenAThrow(a[0], excRef.generatorExit(), true));
  const awaitables: PyType[] = [coroutineWrapperType, asyncGenASendType, asyncGenAThrowType];
  for (const W of awaitables) {
    installIterType(W);
    method(W, 'send', (a) => {
      const r = sendAwaitable(a[0], a[1], undefined);
      if (r.done) throw stopIteration(r.value);
      return r.value;
    });
    method(W, 'throw', (a) => {
      const r = sendAwaitable(a[0], None, normalizeThrow(a.slice(1)));
      if (r.done) throw stopIteration(r.value);
      return r.value;
    });
    method(W, 'close', () => None);
    method(W, '__await__', (a) => a[0]);
  }

  for (const t of [IT.listIteratorType, IT.listReverseIteratorType, IT.tupleIteratorType, IT.rangeIteratorType, IT.strIteratorType, IT.dictKeyIteratorType, IT.dictValueIteratorType, IT.dictItemIteratorType, IT.setIteratorType, IT.seqIteratorType, IT.callableIteratorType, IT.bytesIteratorType]) {
    installIterType(t);
  }
  method(IT.rangeIteratorType, '__length_hint__', (a) => (a[0] as IT.RangeIter).remaining ?? 0);
  method(IT.listIteratorType, '__length_hint__', (a) => {
    const it = a[0] as IT.SeqIter;
    return it.items === null ? 0 : Math.max(0, (it.list ?? { items: it.items }).items.length - it.i);
  });
  // Pickling support of list and tuple iterators: (iter, (seq,), index) or (iter, ([],)).
  for (const t of [IT.listIteratorType, IT.tupleIteratorType]) {
    method(t, '__reduce__', (a) => {
      const it = a[0] as IT.SeqIter;
      const iterFn = builtinsRef.d.getStr('iter');
      if (it.items === null) return newTuple([iterFn, newTuple([listRef.make([])])]);
      const seq = it.list ?? newTuple(it.items);
      return newTuple([iterFn, newTuple([seq]), it.i]);
    });
    method(t, '__setstate__', (a) => {
      const it = a[0] as IT.SeqIter;
      const i = intOf(a[1]);
      if (i === null) throw pyErr(TypeError, `'${typeName(a[1])}' object cannot be interpreted as an integer`);
      if (it.items !== null) {
        const n = (it.list ?? { items: it.items }).items.length;
        it.i = i < 0 ? 0 : i > n ? n : Number(i);
      }
      return None;
    });
  }
  method(IT.tupleIteratorType, '__length_hint__', (a) => {
    const it = a[0] as IT.SeqIter;
    return it.items === null ? 0 : Math.max(0, it.items.length - it.i);
  });
}

function sendAwaitable(w: any, v: any, exc: any): { done: boolean; value: any } {
  if (w instanceof CoroWrapper) return exc !== undefined ? w.coro.throwIn(exc) : w.coro.resume(v);
  return (w as AsyncGenASend).step(v, exc);
}

/** throw(exc) / throw(type[, value[, tb]]) argument normalisation. */
export function normalizeThrow(args: any[]): PyBaseException {
  if (args.length === 0) throw pyErr(TypeError, 'throw expected at least 1 argument, got 0');
  const [t, v] = args;
  if (t instanceof PyType) {
    if (!t.isSubtype(excRef.base())) throw pyErr(TypeError, `exceptions must be classes or instances deriving from BaseException, not type`);
    if (v instanceof PyBaseException) return v;
    return call(t, v === undefined || v === None ? [] : v instanceof PyTuple ? v.items : [v]);
  }
  if (t instanceof PyBaseException) {
    if (v !== undefined && v !== None) throw pyErr(TypeError, 'instance exception may not have a separate value');
    return t;
  }
  throw pyErr(TypeError, `exceptions must be classes or instances deriving from BaseException, not ${typeName(t)}`);
}

export const excRef = { base: null as unknown as () => PyType, generatorExit: null as unknown as () => PyBaseException };
export const attributeErrorRef: { t: PyType } = { t: null as unknown as PyType };
export const listRef = { make: null as unknown as (items: any[]) => any };

function tbFrameObj(t: PyTraceback): any {
  const f = { globals: t.frameGlobals, code: t.code, lineno: t.lineno } as any;
  const o = new PyFrameObj(null as unknown as Frame);
  (o as any).frame = { globals: f.globals, code: f.code, lineno: f.lineno, back: null, locals: null };
  return o;
}

/**
 * A frame's locals mapping (PyEval_GetLocals): the namespace of module and class bodies;
 * for functions one dict per frame, refreshed from the fast locals and cells on every
 * call, so names exec() added to it stay visible through later locals() calls.
 */
export function frameLocals(f: Frame): PyDict {
  if (f.locals instanceof PyDict) return f.locals;
  if (f.locals === null && f.func === null) return f.globals;
  if (f.locals !== null) return f.locals;
  let d = fastLocalsDicts.get(f);
  if (d === undefined) {
    d = new PyDict(dictType);
    fastLocalsDicts.set(f, d);
  }
  const co = f.code;
  for (let i = 0; i < co.nlocals; i++) {
    const v = f.slots[i];
    if (v !== undefined) d.setStr(co.varnames[i], v);
    else d.delete(co.varnames[i]);
  }
  for (let i = 0; i < co.cellvars.length + co.freevars.length; i++) {
    const cell = f.slots[co.nlocals + i] as PyCell | undefined;
    const name = i < co.cellvars.length ? co.cellvars[i] : co.freevars[i - co.cellvars.length];
    if (cell !== undefined && cell.v !== undefined) d.setStr(name, cell.v);
    else d.delete(name);
  }
  return d;
}

const fastLocalsDicts = new WeakMap<Frame, PyDict>();

/** sys._getframe(depth) */
export function getFrame(depth: number): PyFrameObj {
  let f = tstate.frame;
  for (let i = 0; i < depth && f !== null; i++) f = f.back;
  if (f === null) throw pyErr(ValueError, 'call stack is not deep enough');
  return new PyFrameObj(f);
}

export { callDescr, PyKwargs };
