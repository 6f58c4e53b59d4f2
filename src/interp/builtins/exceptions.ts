// Methods and attributes of the builtin exception types, including exception groups
// (PEP 654: split/subgroup/derive and the except* helpers of the eval loop).

import { getset, method, readonlyMember } from '../bi.js';
import { egHooks } from '../eval_support.js';
import * as E from '../exceptions.js';
import { newExc, pyErr, setExcAttr, getExcAttr } from '../exceptions.js';
import { PyBaseException, PyList, PyTraceback, PyTuple, type PyKwargs } from '../objects.js';
import { call, callDescr, isTrue, newList, newTuple, None, PyGetSet, toArray, typeOf, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { dictType, PyType, tupleType } from '../typeobj.js';
import { repr, str } from './repr.js';
import { staticNew } from './numbers.js';
import { toIndex } from '../containers.js';

/** BlockingIOError's characters_written, per exception (unset: absent). */
const charactersWritten = new WeakMap<PyBaseException, number | bigint>();

function argsOf(e: PyBaseException): any[] {
  return e.args.items;
}

/** Linux errno values and the OSError subclass CPython picks for them (PEP 3151). */
const ERRNO_SUBCLASS: [number[], () => PyType][] = [
  [[11, 114, 115], () => E.BlockingIOError], // EAGAIN/EWOULDBLOCK, EALREADY, EINPROGRESS
  [[10], () => E.ChildProcessError], // ECHILD
  [[32, 108], () => E.BrokenPipeError], // EPIPE, ESHUTDOWN
  [[103], () => E.ConnectionAbortedError],
  [[111], () => E.ConnectionRefusedError],
  [[104], () => E.ConnectionResetError],
  [[17], () => E.FileExistsError],
  [[2], () => E.FileNotFoundError],
  [[21], () => E.IsADirectoryError],
  [[20], () => E.NotADirectoryError],
  [[4], () => E.InterruptedError],
  [[1, 13], () => E.PermissionError], // EPERM, EACCES
  [[3], () => E.ProcessLookupError], // ESRCH
  [[110], () => E.TimeoutError], // ETIMEDOUT
];

function excNew(a: any[], kw: PyKwargs | null): any {
  let t = a[0] as PyType;
  // exceptions.c oserror_new: OSError and its subclasses take no keywords (unless a
  // subclass overrides __init__), and OSError(errno, strerror, ...) picks the subclass of
  // the errno (any int, bool included: PyLong_Check).
  if (t.isSubtype(E.OSError) && kw !== null && kw.size > 0 && t.lookup('__init__') === E.OSError.ns.getStr('__init__')) {
    throw pyErr(E.TypeError, `${t.name}() takes no keyword arguments`);
  }
  if (t === E.OSError && a.length >= 3 && a.length <= 6 && (typeof a[1] === 'number' || typeof a[1] === 'boolean')) {
    const n = Number(a[1]);
    for (const [codes, sub] of ERRNO_SUBCLASS) if (codes.includes(n)) t = sub();
  }
  const e = new PyBaseException(t, new PyTuple(tupleType, a.slice(1)));
  if (t.instanceDict) e.dict = new PyDict(dictType);
  E.initExcAttrs(e, a.slice(1));
  return e;
}

export function excStr(e: PyBaseException): string {
  const args = argsOf(e);
  if (args.length === 0) return '';
  if (args.length === 1) return str(args[0]);
  return str(e.args);
}

export function installExceptions(): void {
  const B = E.BaseException;
  B.ns.setStr('__new__', staticNew(excNew));
  method(B, '__init__', (a, kw) => {
    const e = a[0] as PyBaseException;
    if (kw !== null && kw.size > 0) throw pyErr(E.TypeError, `${e.cls.name}() takes no keyword arguments`);
    e.args = new PyTuple(tupleType, a.slice(1));
    E.initExcAttrs(e, a.slice(1));
    return None;
  });
  method(B, '__repr__', (a) => {
    const e = a[0] as PyBaseException;
    const args = argsOf(e);
    const name = e.cls.name;
    if (args.length === 1) return `${name}(${repr(args[0])})`;
    return `${name}${repr(e.args)}`;
  });
  method(B, '__str__', (a) => excStr(a[0]));
  method(B, 'with_traceback', (a) => {
    if (a.length !== 2) throw pyErr(E.TypeError, `BaseException.with_traceback() takes exactly one argument (${a.length - 1} given)`);
    if (a[1] !== None && !(a[1] instanceof PyTraceback)) throw pyErr(E.TypeError, '__traceback__ must be a traceback or None');
    const e = a[0] as PyBaseException;
    e.traceback = a[1] === None ? null : a[1];
    return e;
  });
  method(B, 'add_note', (a) => {
    if (a.length !== 2) throw pyErr(E.TypeError, `BaseException.add_note() takes exactly one argument (${a.length - 1} given)`);
    const e = a[0] as PyBaseException;
    if (typeof a[1] !== 'string') throw pyErr(E.TypeError, `note must be a str, not '${typeName(a[1])}'`);
    let notes = getExcAttr(e, '__notes__');
    if (notes === undefined) {
      notes = newList([]);
      setExcAttr(e, '__notes__', notes);
    }
    if (!(notes instanceof PyList)) throw pyErr(E.TypeError, 'Cannot add note: __notes__ is not a list');
    notes.items.push(a[1]);
    return None;
  });
  getset(B, 'args', (e: PyBaseException) => e.args, (e: PyBaseException, v) => {
    e.args = new PyTuple(tupleType, toArray(v));
  });
  getset(B, '__traceback__', (e: PyBaseException) => e.traceback ?? None, (e: PyBaseException, v) => {
    if (v !== None && !(v instanceof PyTraceback)) throw pyErr(E.TypeError, '__traceback__ must be a traceback or None');
    e.traceback = v === None ? null : v;
  });
  getset(B, '__cause__', (e: PyBaseException) => e.cause ?? None, (e: PyBaseException, v) => {
    if (v !== None && !(v instanceof PyBaseException)) throw pyErr(E.TypeError, 'exception cause must be None or derive from BaseException');
    e.cause = v;
    e.suppressContext = true;
  });
  getset(B, '__context__', (e: PyBaseException) => e.context ?? None, (e: PyBaseException, v) => {
    if (v !== None && !(v instanceof PyBaseException)) throw pyErr(E.TypeError, 'exception context must be None or derive from BaseException');
    e.context = v;
  });
  getset(B, '__suppress_context__', (e: PyBaseException) => e.suppressContext, (e: PyBaseException, v) => {
    // A T_BOOL member (structmember.c): only a bool is accepted.
    if (typeof v !== 'boolean') throw pyErr(E.TypeError, 'attribute value type must be bool');
    e.suppressContext = v;
  });
  // Deleting BaseException's getset attributes (exceptions.c BaseException_set_*).
  for (const [name, message] of [
    ['args', 'args may not be deleted'],
    ['__traceback__', '__traceback__ may not be deleted'],
    ['__cause__', '__cause__ may not be deleted'],
    ['__context__', '__context__ may not be deleted'],
    ['__suppress_context__', "can't delete numeric/char attribute"],
  ] as const) {
    const d = B.ns.getStr(name);
    if (d instanceof PyGetSet) {
      d.del = () => {
        throw pyErr(E.TypeError, message);
      };
    }
  }
  B.instanceDict = true;
  for (const t of E.EXCEPTION_TYPES) t.instanceDict = true;

  method(E.KeyError, '__str__', (a) => {
    const args = argsOf(a[0]);
    return args.length === 1 ? repr(args[0]) : excStr(a[0]);
  });
  // Attribute-carrying exceptions: values default to None.
  const attrs: [PyType, string[]][] = [
    [E.ImportError, ['name', 'path']],
    [E.AttributeError, ['name', 'obj']],
    [E.NameError, ['name']],
    [E.OSError, ['errno', 'strerror', 'filename', 'filename2']],
    [E.SyntaxError, ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line']],
    [E.UnicodeError, ['encoding', 'object', 'start', 'end', 'reason']],
  ];
  for (const [t, names] of attrs) {
    for (const n of names) {
      getset(t, n, (e: PyBaseException) => getExcAttr(e, n) ?? None, (e: PyBaseException, v) => setExcAttr(e, n, v));
    }
  }
  getset(E.StopIteration, 'value', (e: PyBaseException) => getExcAttr(e, 'value') ?? None, (e: PyBaseException, v) => setExcAttr(e, 'value', v));
  getset(E.StopAsyncIteration, 'value', (e: PyBaseException) => getExcAttr(e, 'value') ?? None, (e: PyBaseException, v) => setExcAttr(e, 'value', v));
  getset(E.SystemExit, 'code', (e: PyBaseException) => getExcAttr(e, 'code') ?? None, (e: PyBaseException, v) => setExcAttr(e, 'code', v));
  method(E.ImportError, '__init__', (a, kw) => {
    const e = a[0] as PyBaseException;
    e.args = new PyTuple(tupleType, a.slice(1));
    if (kw !== null) {
      // PyArg_ParseTupleAndKeywords("|$OO:ImportError"): the count is checked first.
      if (kw.size > 2) throw pyErr(E.TypeError, `${e.cls.name}() takes at most 2 keyword arguments (${kw.size} given)`);
      for (const [k, v] of kw) {
        if (k !== 'name' && k !== 'path') throw pyErr(E.TypeError, `'${k}' is an invalid keyword argument for ${e.cls.name}()`);
        setExcAttr(e, k, v);
      }
    }
    if (a.length === 2) setExcAttr(e, 'msg', a[1]);
    return None;
  });
  getset(E.ImportError, 'msg', (e: PyBaseException) => getExcAttr(e, 'msg') ?? None, (e: PyBaseException, v) => setExcAttr(e, 'msg', v));
  method(E.ImportError, '__str__', (a) => {
    const m = getExcAttr(a[0], 'msg');
    return m !== undefined && m !== None ? str(m) : excStr(a[0]);
  });
  method(E.AttributeError, '__init__', (a, kw) => {
    const e = a[0] as PyBaseException;
    e.args = new PyTuple(tupleType, a.slice(1));
    if (kw !== null) {
      for (const [k, v] of kw) {
        if (k !== 'name' && k !== 'obj') throw pyErr(E.TypeError, `'${k}' is an invalid keyword argument for ${e.cls.name}()`);
        setExcAttr(e, k, v);
      }
    }
    return None;
  });
  method(E.NameError, '__init__', (a, kw) => {
    const e = a[0] as PyBaseException;
    e.args = new PyTuple(tupleType, a.slice(1));
    if (kw !== null) {
      for (const [k, v] of kw) {
        if (k !== 'name') throw pyErr(E.TypeError, `'${k}' is an invalid keyword argument for ${e.cls.name}()`);
        setExcAttr(e, k, v);
      }
    }
    return None;
  });
  // OSError.characters_written (exceptions.c OSError_written_get/set): a getset over the
  // C field `written`, -1 (here: absent) meaning unset, which reads and deletes as
  // AttributeError('characters_written').
  getset(E.OSError, 'characters_written', (e: PyBaseException) => {
    const v = charactersWritten.get(e);
    if (v === undefined) throw newExc(E.AttributeError, ['characters_written']);
    return v;
  }, (e: PyBaseException, v: any) => {
    charactersWritten.set(e, toIndex(v));
  });
  (E.OSError.ns.getStr('characters_written') as PyGetSet).del = (e: PyBaseException) => {
    if (!charactersWritten.delete(e)) throw newExc(E.AttributeError, ['characters_written']);
  };
  method(E.OSError, '__init__', (a) => {
    const e = a[0] as PyBaseException;
    const args = a.slice(1);
    e.args = new PyTuple(tupleType, args);
    if (args.length >= 2 && args.length <= 5) {
      setExcAttr(e, 'errno', args[0]);
      setExcAttr(e, 'strerror', args[1]);
      // oserror_init: only a filename that is not None is kept, and then args become
      // (errno, strerror); BlockingIOError's third argument is characters_written.
      const filename = args.length >= 3 ? args[2] : None;
      if (filename !== None) {
        if (typeOf(e).isSubtype(E.BlockingIOError) && (typeof filename === 'number' || typeof filename === 'bigint')) {
          charactersWritten.set(e, filename);
        } else {
          setExcAttr(e, 'filename', filename);
          if (args.length >= 5 && args[4] !== None) setExcAttr(e, 'filename2', args[4]);
        }
        e.args = new PyTuple(tupleType, args.slice(0, 2));
      }
    }
    return None;
  });
  method(E.OSError, '__str__', (a) => {
    const e = a[0] as PyBaseException;
    const errno = getExcAttr(e, 'errno');
    const strerror = getExcAttr(e, 'strerror');
    const filename = getExcAttr(e, 'filename');
    const filename2 = getExcAttr(e, 'filename2');
    if (filename !== undefined && filename !== None) {
      if (filename2 !== undefined && filename2 !== None) return `[Errno ${str(errno)}] ${str(strerror)}: ${repr(filename)} -> ${repr(filename2)}`;
      return `[Errno ${str(errno)}] ${str(strerror)}: ${repr(filename)}`;
    }
    if (errno !== undefined && strerror !== undefined) return `[Errno ${str(errno)}] ${str(strerror)}`;
    return excStr(e);
  });
  method(E.SyntaxError, '__init__', (a) => {
    const e = a[0] as PyBaseException;
    const args = a.slice(1);
    e.args = new PyTuple(tupleType, args);
    if (args.length >= 1) setExcAttr(e, 'msg', args[0]);
    if (args.length === 2) {
      const info = toArray(args[1]);
      const names = ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'];
      info.forEach((v, i) => setExcAttr(e, names[i], v));
    }
    return None;
  });
  method(E.SyntaxError, '__str__', (a) => {
    const e = a[0] as PyBaseException;
    const msg = getExcAttr(e, 'msg');
    const filename = getExcAttr(e, 'filename');
    const lineno = getExcAttr(e, 'lineno');
    const m = msg === undefined || msg === None ? excStr(e) : str(msg);
    const fn = typeof filename === 'string' ? filename.split('/').pop()! : null;
    if (fn !== null && typeof lineno === 'number') return `${m} (${fn}, line ${lineno})`;
    if (fn !== null) return `${m} (${fn})`;
    if (typeof lineno === 'number') return `${m} (line ${lineno})`;
    return m;
  });

  installExceptionGroups();
  egHooks.make = (msg, excs) => makeGroup(msg, excs);
  egHooks.makeFrom = (msg, excs) => {
    const items = toArray(excs);
    const allExc = items.every((x) => typeOf(x).isSubtype(E.Exception));
    return call(allExc ? E.ExceptionGroup : E.BaseExceptionGroup, [msg, excs]);
  };
  egHooks.split = (eg, pred) => splitGroup(eg, pred);
}

// ---- exception groups --------------------------------------------------------------------

function groupExcs(eg: PyBaseException): any[] {
  return (getExcAttr(eg, 'exceptions') as PyTuple).items;
}

function groupMsg(eg: PyBaseException): string {
  return getExcAttr(eg, 'message');
}

function makeGroup(msg: string, excs: any[]): PyBaseException {
  const allExc = excs.every((x) => typeOf(x).isSubtype(E.Exception));
  return call(allExc ? E.ExceptionGroup : E.BaseExceptionGroup, [msg, newList(excs)]);
}

/** PySequence_Check: a __getitem__ that is not a dict's. */
function isSequence(v: any): boolean {
  if (v instanceof PyDict || typeOf(v).isSubtype(dictType)) return false;
  return typeof v === 'string' || typeOf(v).lookup('__getitem__') !== undefined;
}

function groupNew(a: any[], kw: PyKwargs | null): any {
  let t = a[0] as PyType;
  // BaseExceptionGroup_new (Objects/exceptions.c): no keywords, then the arguments.
  if (kw !== null && kw.size > 0) throw pyErr(E.TypeError, `${t.name}() takes no keyword arguments`);
  if (a.length !== 3) throw pyErr(E.TypeError, `BaseExceptionGroup.__new__() takes exactly 2 arguments (${a.length - 1} given)`);
  const msg = a[1];
  if (typeof msg !== 'string') throw pyErr(E.TypeError, `BaseExceptionGroup.__new__() argument 1 must be str, not ${typeName(msg)}`);
  if (!isSequence(a[2])) throw pyErr(E.TypeError, 'second argument (exceptions) must be a sequence');
  const seq: any[] = toArray(a[2]);
  if (seq.length === 0) throw pyErr(E.ValueError, 'second argument (exceptions) must be a non-empty sequence');
  seq.forEach((x, i) => {
    if (!(x instanceof PyBaseException)) throw pyErr(E.ValueError, `Item ${i} of second argument (exceptions) is not an exception`);
  });
  const allExc = seq.every((x) => typeOf(x).isSubtype(E.Exception));
  if (t === E.BaseExceptionGroup && allExc) t = E.ExceptionGroup;
  else if (t.isSubtype(E.Exception) && !allExc) {
    if (t === E.ExceptionGroup) throw pyErr(E.TypeError, 'Cannot nest BaseExceptions in an ExceptionGroup');
    throw pyErr(E.TypeError, `Cannot nest BaseExceptions in '${t.name}'`);
  }
  // args keep the sequence as given: BaseException's repr shows it (a list or a tuple).
  const e = new PyBaseException(t, newTuple([msg, a[2]]));
  e.dict = new PyDict(dictType);
  setExcAttr(e, 'message', msg);
  setExcAttr(e, 'exceptions', newTuple(seq));
  return e;
}

/** Split a group by a predicate on leaf exceptions: [match|None, rest|None]. */
function splitGroup(eg: PyBaseException, pred: (e: any) => boolean): [any, any] {
  if (pred(eg)) return [eg, None];
  if (!typeOf(eg).isSubtype(E.BaseExceptionGroup)) return [None, eg];
  const matched: any[] = [];
  const rest: any[] = [];
  for (const x of groupExcs(eg)) {
    const [m, r] = splitGroup(x, pred);
    if (m !== None) matched.push(m);
    if (r !== None) rest.push(r);
  }
  const mk = (items: any[]): any => {
    if (items.length === 0) return None;
    const g = deriveWith(eg, items);
    g.traceback = eg.traceback;
    g.cause = eg.cause;
    g.context = eg.context;
    // exceptiongroup_subset: the derived group gets a copy of the notes.
    const notes = getExcAttr(eg, '__notes__');
    if (notes !== undefined && isSequence(notes)) setExcAttr(g, '__notes__', newList(toArray(notes)));
    return g;
  };
  return [mk(matched), mk(rest)];
}

function deriveWith(eg: PyBaseException, items: any[]): PyBaseException {
  const d = typeOf(eg).lookup('derive');
  if (d === undefined || d === deriveRef.f) return makeGroup(groupMsg(eg), items);
  const g = callDescr(d, eg, [newList(items)]);
  if (!(g instanceof PyBaseException) || !typeOf(g).isSubtype(E.BaseExceptionGroup)) {
    throw pyErr(E.TypeError, 'derive must return an instance of BaseExceptionGroup');
  }
  return g;
}

const deriveRef: { f: any } = { f: undefined };

/** get_matcher_type (Objects/exceptions.c): an exception type, a tuple of them, or a callable. */
function conditionPredicate(cond: any): (e: any) => boolean {
  const bad = (): never => {
    throw pyErr(E.TypeError, 'expected a function, exception type or tuple of exception types');
  };
  const isExcType = (t: any): boolean => t instanceof PyType && t.isSubtype(E.BaseException);
  if (cond instanceof PyType) {
    if (!isExcType(cond)) bad();
    return (e) => typeOf(e).isSubtype(cond);
  }
  if (cond instanceof PyTuple) {
    if (!cond.items.every(isExcType)) bad();
    return (e) => cond.items.some((t: PyType) => typeOf(e).isSubtype(t));
  }
  if (typeOf(cond).lookup('__call__') === undefined) bad();
  return (e) => isTrue(call(cond, [e]));
}

function installExceptionGroups(): void {
  const G = E.BaseExceptionGroup;
  G.ns.setStr('__new__', staticNew(groupNew));
  method(G, '__init__', () => None);
  method(G, '__str__', (a) => {
    const n = groupExcs(a[0]).length;
    return `${groupMsg(a[0])} (${n} sub-exception${n === 1 ? '' : 's'})`;
  });
  // READONLY members in CPython (BaseExceptionGroup_members).
  readonlyMember(G, 'message', (e) => groupMsg(e));
  readonlyMember(G, 'exceptions', (e) => getExcAttr(e, 'exceptions'));
  deriveRef.f = method(G, 'derive', (a) => makeGroup(groupMsg(a[0]), toArray(a[1])));
  method(G, 'split', (a) => {
    const [m, r] = splitGroup(a[0], conditionPredicate(a[1]));
    return newTuple([m, r]);
  });
  method(G, 'subgroup', (a) => splitGroup(a[0], conditionPredicate(a[1]))[0]);
  void newExc;
}
