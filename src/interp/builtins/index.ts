// Assembles the builtin types and the `builtins` namespace, and wires the hooks that let
// lower layers (protocol, eval, containers) call into the builtin implementations
// without import cycles at load time.

import { PyDict } from '../pydict.js';
import {
  boolType, bytearrayType, bytesType, classmethodType, complexType, dictType, floatType, frozensetType, intType, listType, objectType, propertyType, rangeType, setType,
  sliceType, staticmethodType, strType, superType, tupleType, typeType, PyType,
} from '../typeobj.js';
import * as E from '../exceptions.js';
import { Ellipsis, getsetTypeRef, hooks, methodTypeRef, None, NotImplemented, OverflowErrorRef, toArray, typeGetAttr, ValueErrorRef, isTrue, eq, call, typeName } from '../protocol.js';
import { installClassBuiltins, recursionRef, typeCall, typeGetAttrRef, allocHooks } from '../classes.js';
import { installReprHooks, objectStrRef, repr } from './repr.js';
import { installNumbers, truthRef, reprRef as numReprRef, bytesTypeRef, bytesLikeHook } from './numbers.js';
import { installMisc, excRef, attributeErrorRef, listRef } from './misc.js';
import { installExceptions } from './exceptions.js';
import { installList, reprRef as listReprRef, overflowRef as listOverflowRef } from './list.js';
import { installDict, valueErrorRef } from './dict.js';
import { installStr } from './str.js';
import { installBytes, stopIterationRef as bytesStopIterRef, toBytesValue } from './bytes.js';
import { installCodecErrors } from './codecs.js';
import { installRange, overflowRef as rangeOverflowRef } from './range.js';
import { makeBuiltinFunctions, enumerateType, filterType, mapType, reversedType, zipType, typeTypeRef, typeInstancecheckRef, typeSubclasscheckRef, overflowRef as fnOverflowRef, callableIterRef, bytesOfRef } from './functions.js';
import { builtinsRef, rtOf } from '../frame.js';
import { CallableIter, indexErrorRef, stopIterRef } from '../iterators.js';
import { PyBaseException, PyBoxed, PyBuiltin, PyByteArray, PyBytes, type PyKwargs, PyList, PyTuple, PyWrapper, PyObject } from '../objects.js';
import { descrGetHook, eqHook, isInstanceHook, keyErrorRef, matchHooks, rtHook, throwReraiseHook, toArrayHook, unaryPosHook } from '../eval_support.js';
import { isInstance } from './functions.js';
import { unaryPositive } from '../arith.js';
import { throwReraise } from '../eval.js';
import { descrGet } from '../protocol.js';
import { recursionErrorRef } from '../generators.js';
import { IndexErrorOrOverflow } from '../containers.js';
import { setattrRef } from '../specialize.js';
import { objectSetattr } from '../protocol.js';
import { iteratorType } from '../typeobj.js';

export const getsetDescriptorType = iteratorType('getset_descriptor');

let installed = false;

/** Install every builtin type's methods (idempotent). */
export function installBuiltinTypes(): void {
  if (installed) return;
  installed = true;
  getsetTypeRef.t = getsetDescriptorType;
  methodTypeRef.t = methodTypeFor();
  ValueErrorRef.t = E.ValueError;
  OverflowErrorRef.t = E.OverflowError;
  recursionRef.t = E.RecursionError;
  recursionErrorRef.t = E.RecursionError;
  attributeErrorRef.t = E.AttributeError;
  keyErrorRef.t = E.KeyError;
  valueErrorRef.t = E.ValueError;
  bytesStopIterRef.t = E.StopIteration;
  bytesTypeRef.t = bytesType;
  bytesLikeHook.f = toBytesValue;
  bytesOfRef.f = (v) => (v instanceof PyBytes ? v.v : v instanceof PyByteArray ? v.bytes() : null);
  indexErrorRef.t = E.IndexError;
  stopIterRef.t = E.StopIteration;
  listOverflowRef.t = E.OverflowError;
  rangeOverflowRef.t = E.OverflowError;
  fnOverflowRef.t = E.OverflowError;
  IndexErrorOrOverflow.t = E.IndexError;
  excRef.base = () => E.BaseException;
  excRef.generatorExit = () => E.newExc(E.GeneratorExit, []);
  hooks.typeCall = typeCall;
  typeGetAttrRef.f = typeGetAttr;
  truthRef.f = isTrue;
  numReprRef.f = repr;
  listReprRef.f = repr;
  listRef.make = (items) => new PyList(listType, items);
  typeTypeRef.t = typeType;
  callableIterRef.ctor = CallableIter;
  rtHook.rt = rtOf;
  throwReraiseHook.f = throwReraise;
  unaryPosHook.f = unaryPositive;
  toArrayHook.f = toArray;
  descrGetHook.f = descrGet;
  isInstanceHook.f = isInstance;
  eqHook.f = eq;
  // A Python class's own flags decide (a class deriving from both a Sequence and dict is
  // whichever comes first in its MRO); builtin objects by their representation.
  matchHooks.isMapping = (v) => (v instanceof PyObject && !v.cls.builtin ? v.cls.isMappingABC : v instanceof PyDict || (v instanceof PyObject && (v.cls as any).isMappingABC === true));
  matchHooks.isSequence = (v) => (v instanceof PyObject && !v.cls.builtin ? v.cls.isSequenceABC : (v instanceof PyList || v instanceof PyTuple || (v instanceof PyObject && v.cls === rangeType) || (v instanceof PyObject && (v.cls as any).isSequenceABC === true)) && !(v instanceof PyBoxed));
  matchHooks.selfMatching = (t) => [boolType, bytearrayType, bytesType, dictType, floatType, frozensetType, intType, listType, setType, strType, tupleType].some((b) => t.isSubtype(b));
  allocHooks.exception = (t, args) => E.newExc(t, args);

  installReprHooks();
  installClassBuiltins();
  objectStrRef.f = objectType.ns.getStr('__str__');
  setattrRef.f = objectSetattr.f;
  typeInstancecheckRef.f = typeType.ns.getStr('__instancecheck__');
  typeSubclasscheckRef.f = typeType.ns.getStr('__subclasscheck__');
  installNumbers();
  installMisc();
  installExceptions();
  installList();
  installDict();
  installStr();
  installBytes();
  installCodecErrors();
  installRange();
  // object and type keep their own __new__ (classes.ts compares object.__new__ by identity).
  for (const t of [intType, boolType, floatType, complexType, strType, bytesType, bytearrayType, tupleType, listType, dictType, setType, frozensetType, rangeType, sliceType, propertyType, staticmethodType, classmethodType, superType, enumerateType, zipType, mapType, filterType, reversedType, ...E.EXCEPTION_TYPES]) {
    guardNew(t);
  }
  for (const t of [objectType, typeType, intType, boolType, floatType, complexType, strType, bytesType, bytearrayType, tupleType, listType, dictType, setType, frozensetType, rangeType, sliceType, propertyType, staticmethodType, classmethodType, superType]) t.modified();
  for (const t of E.EXCEPTION_TYPES) t.modified();
}

/**
 * typeobject.c tp_new_wrapper: `T.__new__(cls, ...)` called directly checks that cls is a
 * type and a subtype of T before T's constructor runs.
 */
function guardNew(t: PyType): void {
  const w = t.ns.getStr('__new__');
  if (!(w instanceof PyWrapper) || !(w.func instanceof PyBuiltin)) return;
  const inner = w.func;
  const f = (a: any[], kw: PyKwargs | null): any => {
    if (a.length === 0) throw E.pyErr(E.TypeError, `${t.name}.__new__(): not enough arguments`);
    const sub = a[0];
    if (!(sub instanceof PyType)) throw E.pyErr(E.TypeError, `${t.name}.__new__(X): X is not a type object (${typeName(sub)})`);
    if (!sub.isSubtype(t)) throw E.pyErr(E.TypeError, `${t.name}.__new__(${sub.name}): ${sub.name} is not a subtype of ${t.name}`);
    return inner.fn(a, kw);
  };
  t.ns.setStr('__new__', new PyWrapper(w.cls, new PyBuiltin(inner.cls, '__new__', f, undefined, inner.owner, inner.doc)));
}

function methodTypeFor(): PyType {
  // The bound-method type object (created in typeobj.ts).
  return methodTypeRefTarget;
}
import { methodType as methodTypeRefTarget } from '../typeobj.js';

/** A fresh `builtins` namespace. */
export function makeBuiltinsDict(): PyDict {
  installBuiltinTypes();
  const d = new PyDict(dictType);
  const types: [string, PyType][] = [
    ['object', objectType], ['type', typeType], ['int', intType], ['bool', boolType], ['float', floatType], ['complex', complexType],
    ['str', strType], ['bytes', bytesType], ['bytearray', bytearrayType], ['tuple', tupleType], ['list', listType], ['dict', dictType],
    ['set', setType], ['frozenset', frozensetType], ['range', rangeType], ['slice', sliceType], ['property', propertyType],
    ['staticmethod', staticmethodType], ['classmethod', classmethodType], ['super', superType], ['enumerate', enumerateType],
    ['zip', zipType], ['map', mapType], ['filter', filterType], ['reversed', reversedType],
  ];
  for (const [n, t] of types) d.setStr(n, t);
  for (const t of E.EXCEPTION_TYPES) d.setStr(t.name, t);
  d.setStr('EnvironmentError', E.OSError);
  d.setStr('IOError', E.OSError);
  for (const [n, f] of makeBuiltinFunctions()) d.setStr(n, f);
  d.setStr('None', None);
  d.setStr('Ellipsis', Ellipsis);
  d.setStr('NotImplemented', NotImplemented);
  d.setStr('True', true);
  d.setStr('False', false);
  d.setStr('__debug__', true);
  d.setStr('__name__', 'builtins');
  d.setStr('__doc__', 'Built-in functions, exceptions, and other objects.');
  builtinsRef.d = d;
  void PyBaseException;
  void PyWrapper;
  void call;
  return d;
}
