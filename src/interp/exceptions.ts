// The builtin exception hierarchy and helpers for raising Python exceptions from TS.
//
// Python exceptions are PyBaseException objects thrown as JS exceptions (never JS Error
// instances, so V8 captures no stack trace: raising is cheap). `pyErr(T, msg)` builds one
// ready to `throw`. The hierarchy is CPython 3.11's (Lib/test/exception_hierarchy.txt).

import { PyBaseException, PyTuple } from './objects.js';
import { PyDict } from './pydict.js';
import { baseExceptionType, computeMro, dictType, PyType, tupleType, typeType } from './typeobj.js';

function exc(name: string, base: PyType | PyType[]): PyType {
  const bases = Array.isArray(base) ? base : [base];
  const d = new PyDict(dictType);
  const t = new PyType(typeType, name, bases, d, 'exception', true);
  t.mro = computeMro(t);
  return t;
}

export const BaseException = baseExceptionType;
export const BaseExceptionGroup = exc('BaseExceptionGroup', BaseException);
export const GeneratorExit = exc('GeneratorExit', BaseException);
export const KeyboardInterrupt = exc('KeyboardInterrupt', BaseException);
export const SystemExit = exc('SystemExit', BaseException);
export const Exception = exc('Exception', BaseException);
export const ArithmeticError = exc('ArithmeticError', Exception);
export const FloatingPointError = exc('FloatingPointError', ArithmeticError);
export const OverflowError = exc('OverflowError', ArithmeticError);
export const ZeroDivisionError = exc('ZeroDivisionError', ArithmeticError);
export const AssertionError = exc('AssertionError', Exception);
export const AttributeError = exc('AttributeError', Exception);
export const BufferError = exc('BufferError', Exception);
export const EOFError = exc('EOFError', Exception);
export const ExceptionGroup = exc('ExceptionGroup', [BaseExceptionGroup, Exception]);
export const ImportError = exc('ImportError', Exception);
export const ModuleNotFoundError = exc('ModuleNotFoundError', ImportError);
export const LookupError = exc('LookupError', Exception);
export const IndexError = exc('IndexError', LookupError);
export const KeyError = exc('KeyError', LookupError);
export const MemoryError = exc('MemoryError', Exception);
export const NameError = exc('NameError', Exception);
export const UnboundLocalError = exc('UnboundLocalError', NameError);
export const OSError = exc('OSError', Exception);
export const BlockingIOError = exc('BlockingIOError', OSError);
export const ChildProcessError = exc('ChildProcessError', OSError);
export const ConnectionError = exc('ConnectionError', OSError);
export const BrokenPipeError = exc('BrokenPipeError', ConnectionError);
export const ConnectionAbortedError = exc('ConnectionAbortedError', ConnectionError);
export const ConnectionRefusedError = exc('ConnectionRefusedError', ConnectionError);
export const ConnectionResetError = exc('ConnectionResetError', ConnectionError);
export const FileExistsError = exc('FileExistsError', OSError);
export const FileNotFoundError = exc('FileNotFoundError', OSError);
export const InterruptedError = exc('InterruptedError', OSError);
export const IsADirectoryError = exc('IsADirectoryError', OSError);
export const NotADirectoryError = exc('NotADirectoryError', OSError);
export const PermissionError = exc('PermissionError', OSError);
export const ProcessLookupError = exc('ProcessLookupError', OSError);
export const TimeoutError = exc('TimeoutError', OSError);
export const ReferenceError = exc('ReferenceError', Exception);
export const RuntimeError = exc('RuntimeError', Exception);
export const NotImplementedError = exc('NotImplementedError', RuntimeError);
export const RecursionError = exc('RecursionError', RuntimeError);
export const StopAsyncIteration = exc('StopAsyncIteration', Exception);
export const StopIteration = exc('StopIteration', Exception);
export const SyntaxError = exc('SyntaxError', Exception);
export const IndentationError = exc('IndentationError', SyntaxError);
export const TabError = exc('TabError', IndentationError);
export const SystemError = exc('SystemError', Exception);
export const TypeError = exc('TypeError', Exception);
export const ValueError = exc('ValueError', Exception);
export const UnicodeError = exc('UnicodeError', ValueError);
export const UnicodeDecodeError = exc('UnicodeDecodeError', UnicodeError);
export const UnicodeEncodeError = exc('UnicodeEncodeError', UnicodeError);
export const UnicodeTranslateError = exc('UnicodeTranslateError', UnicodeError);
export const Warning = exc('Warning', Exception);
export const BytesWarning = exc('BytesWarning', Warning);
export const DeprecationWarning = exc('DeprecationWarning', Warning);
export const EncodingWarning = exc('EncodingWarning', Warning);
export const FutureWarning = exc('FutureWarning', Warning);
export const ImportWarning = exc('ImportWarning', Warning);
export const PendingDeprecationWarning = exc('PendingDeprecationWarning', Warning);
export const ResourceWarning = exc('ResourceWarning', Warning);
export const RuntimeWarning = exc('RuntimeWarning', Warning);
export const SyntaxWarning = exc('SyntaxWarning', Warning);
export const UnicodeWarning = exc('UnicodeWarning', Warning);
export const UserWarning = exc('UserWarning', Warning);

export const EXCEPTION_TYPES: PyType[] = [
  BaseException, BaseExceptionGroup, GeneratorExit, KeyboardInterrupt, SystemExit, Exception,
  ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError, AssertionError,
  AttributeError, BufferError, EOFError, ExceptionGroup, ImportError, ModuleNotFoundError,
  LookupError, IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError,
  BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
  ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError,
  InterruptedError, IsADirectoryError, NotADirectoryError, PermissionError, ProcessLookupError,
  TimeoutError, ReferenceError, RuntimeError, NotImplementedError, RecursionError,
  StopAsyncIteration, StopIteration, SyntaxError, IndentationError, TabError, SystemError,
  TypeError, ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError,
  UnicodeTranslateError, Warning, BytesWarning, DeprecationWarning, EncodingWarning,
  FutureWarning, ImportWarning, PendingDeprecationWarning, ResourceWarning, RuntimeWarning,
  SyntaxWarning, UnicodeWarning, UserWarning,
];

/** A new exception instance of type `t` with the given args (not yet raised). */
export function newExc(t: PyType, args: any[]): PyBaseException {
  const e = new PyBaseException(t, new PyTuple(tupleType, args));
  initExcAttrs(e, args);
  return e;
}

/** The usual way to raise from TypeScript: `throw pyErr(TypeError, 'message')`. */
export function pyErr(t: PyType, msg?: string): PyBaseException {
  return newExc(t, msg === undefined ? [] : [msg]);
}

/** Attributes some exception types derive from their constructor arguments. */
export function initExcAttrs(e: PyBaseException, args: any[]): void {
  const t = e.cls;
  if (t.isSubtype(StopIteration) || t.isSubtype(StopAsyncIteration)) {
    setExcAttr(e, 'value', args.length > 0 ? args[0] : noneRef.v);
  } else if (t.isSubtype(SystemExit)) {
    setExcAttr(e, 'code', args.length === 0 ? noneRef.v : args.length === 1 ? args[0] : e.args);
  } else if (t.isSubtype(ImportError)) {
    if (args.length === 1) setExcAttr(e, 'msg', args[0]);
  }
}

export function setExcAttr(e: PyBaseException, name: string, v: any): void {
  if (e.dict === null) e.dict = new PyDict();
  e.dict.setStr(name, v);
}

export function getExcAttr(e: PyBaseException, name: string): any {
  return e.dict === null ? undefined : e.dict.getStr(name);
}

/** None, filled in by builtins (exceptions.ts must not depend on the value module). */
export const noneRef: { v: any } = { v: undefined };

/** Helpers with CPython's standard messages. */
export function typeErrorUnsupported(op: string, a: PyType, b: PyType): PyBaseException {
  return pyErr(TypeError, `unsupported operand type(s) for ${op}: '${a.name}' and '${b.name}'`);
}

export function isExceptionType(t: unknown): t is PyType {
  return t instanceof PyType && t.isSubtype(BaseException);
}

export { PyBaseException };
