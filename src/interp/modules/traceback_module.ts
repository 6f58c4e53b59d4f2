// The traceback module: formatting and printing exceptions and stacks from Python code.
//
// It reuses the interpreter's own report (traceback.ts), so traceback.format_exc() and
// print_exc() produce exactly what an uncaught exception prints (CPython's traceback.py
// and its C printer agree in 3.11). format_exception and friends return the same pieces
// CPython yields: a header, one string per frame, the exception lines. Frame summaries
// (extract_tb/extract_stack) are FrameSummary objects that unpack as 4-tuples.

import type { CodeObject } from '../../bytecode/code.js';
import { fn, getset, method, parseArgs } from '../bi.js';
import { intOf } from '../arith.js';
import { repr, str } from '../builtins/repr.js';
import { pyErr, TypeError, ValueError } from '../exceptions.js';
import { currentHandled, type Frame, tstate } from '../frame.js';
import { importState } from '../imports.js';
import { PyList, type PyModule, PyObject, PyTraceback, PyTuple } from '../objects.js';
import { callMethod, eq, getAttr, getIter, newList, newTuple, None, NotImplemented, toArray, typeName } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { codeEntryLines, formatExceptionChunks, formatExceptionOnlyChunks, formatTbChunks, limitEntries, type TbHooks } from '../traceback.js';
import { computeMro, dictType, iteratorType, listType, PyType, typeType } from '../typeobj.js';

export const frameSummaryType = iteratorType('FrameSummary');
frameSummaryType.ns.setStr('__module__', 'traceback');

/** StackSummary: a list of FrameSummary objects with a format() method. */
export const stackSummaryType = new PyType(typeType, 'StackSummary', [listType], new PyDict(dictType), 'list', true);
stackSummaryType.mro = computeMro(stackSummaryType);
stackSummaryType.ns.setStr('__module__', 'traceback');

class PyFrameSummary extends PyObject {
  constructor(
    readonly filename: any,
    readonly lineno: any,
    readonly name: any,
    readonly line: any,
    /** Where the entry came from, for its carets (null for summaries made from tuples). */
    readonly code: CodeObject | null,
    readonly pc: number,
  ) {
    super();
    this.cls = frameSummaryType;
  }
  get fields(): any[] {
    return [this.filename, this.lineno, this.name, this.line];
  }
}

function summaryOf(code: CodeObject, pc: number): PyFrameSummary {
  const lineno = code.lines[pc] ?? code.firstLine;
  const src = code.source;
  const line = lineno >= 1 && lineno <= src.lineCount ? src.lineText(lineno).trim() : '';
  return new PyFrameSummary(code.filename, lineno, code.name, line, code, pc);
}

function stackSummary(items: PyFrameSummary[]): PyList {
  return new PyList(stackSummaryType, items);
}

/** StackSummary.format: one string per entry ("  File ...\n    source\n    carets\n"). */
function formatSummaries(items: any[]): string[] {
  const out: string[] = [];
  let last = '';
  let repeat = 0;
  const flush = (): void => {
    if (repeat > 3) out.push(`  [Previous line repeated ${repeat - 3} more time${repeat - 3 === 1 ? '' : 's'}]\n`);
  };
  for (const it of items) {
    let lines: string[];
    let key: string;
    if (it instanceof PyFrameSummary && it.code !== null) {
      lines = codeEntryLines(it.code, it.pc, '');
      key = `${it.filename}:${it.lineno}:${it.name}`;
    } else {
      const [filename, lineno, name, line] = it instanceof PyFrameSummary ? it.fields : toArray(it);
      lines = [`  File "${str(filename)}", line ${str(lineno)}, in ${str(name)}`];
      if (line !== None && line !== undefined && str(line).trim() !== '') lines.push(`    ${str(line).trim()}`);
      key = `${str(filename)}:${str(lineno)}:${str(name)}`;
    }
    if (key === last) {
      repeat++;
      if (repeat > 3) continue;
    } else {
      flush();
      last = key;
      repeat = 1;
    }
    out.push(lines.map((l) => l + '\n').join(''));
  }
  flush();
  return out;
}

/** The frames from `f` outward, outermost first, cut to `limit` (traceback.extract_stack). */
function stackOf(f: Frame | null, limit: number | null): PyFrameSummary[] {
  const frames: PyFrameSummary[] = [];
  for (let x = f; x !== null; x = x.back) {
    // Stack summaries carry no column positions in 3.11, so they print without carets.
    const s = summaryOf(x.code, x.pc > 0 ? x.pc - 1 : 0);
    frames.push(new PyFrameSummary(s.filename, s.lineno, s.name, s.line, null, 0));
  }
  frames.reverse();
  if (limit === null) return frames;
  return limit >= 0 ? frames.slice(frames.length - Math.min(limit, frames.length)) : frames.slice(0, Math.max(0, frames.length + limit));
}

function limitArg(v: any): number | null {
  if (v === undefined || v === None) return null;
  const i = intOf(v);
  if (i === null) throw pyErr(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  return Number(i);
}

/** The exception, traceback and value of print_exception(exc) / (etype, value, tb) forms. */
function excArgs(exc: any, value: any, tb: any): [any, PyTraceback | null | undefined] {
  if (value !== undefined) {
    if (tb === undefined) throw pyErr(ValueError, 'Both or neither of value and tb must be given');
    return [value, tb === None ? null : tb];
  }
  if (tb !== undefined) throw pyErr(ValueError, 'Both or neither of value and tb must be given');
  return [exc, undefined];
}

/** Write to `file`, by default the current sys.stderr. */
function write(file: any, s: string): void {
  const f = file === undefined || file === None ? getAttr(importState.modules.getStr('sys'), 'stderr') : file;
  callMethod(f, 'write', [s]);
}

function tbHooks(): TbHooks {
  return { str, repr };
}

let installed = false;

function installTypes(): void {
  if (installed) return;
  installed = true;
  const FS = frameSummaryType;
  for (const [name, i] of [['filename', 0], ['lineno', 1], ['name', 2], ['line', 3]] as const) getset(FS, name, (s: PyFrameSummary) => s.fields[i]);
  getset(FS, 'locals', () => None);
  method(FS, '__iter__', (a) => getIter(newTuple((a[0] as PyFrameSummary).fields)));
  method(FS, '__len__', () => 4);
  method(FS, '__getitem__', (a) => callMethod(newTuple((a[0] as PyFrameSummary).fields), '__getitem__', [a[1]]));
  method(FS, '__repr__', (a) => {
    const s = a[0] as PyFrameSummary;
    return `<FrameSummary file ${str(s.filename)}, line ${str(s.lineno)} in ${str(s.name)}>`;
  });
  method(FS, '__eq__', (a) => {
    const s = a[0] as PyFrameSummary;
    const o = a[1];
    if (o instanceof PyFrameSummary) return eq(newTuple(s.fields), newTuple(o.fields));
    if (o instanceof PyTuple) return eq(newTuple(s.fields), o);
    return NotImplemented;
  });
  FS.modified();
  method(stackSummaryType, 'format', (a) => newList(formatSummaries((a[0] as PyList).items)));
  stackSummaryType.modified();
}

export function initTraceback(m: PyModule): void {
  installTypes();
  const d = m.dict!;
  const def = (name: string, impl: (a: any[], kw: any) => any): void => {
    d.setStr(name, fn(name, impl));
  };
  d.setStr('FrameSummary', frameSummaryType);
  d.setStr('StackSummary', stackSummaryType);
  def('format_exc', (a, kw) => {
    const [limit, chain] = parseArgs('format_exc', a, kw, ['limit', 'chain'], 0);
    const e = currentHandled();
    if (e === None) return 'NoneType: None\n';
    return formatExceptionChunks(e, tbHooks(), { limit: limitArg(limit), chain: chain === undefined ? true : chain !== false }).join('');
  });
  def('print_exc', (a, kw) => {
    const [limit, file, chain] = parseArgs('print_exc', a, kw, ['limit', 'file', 'chain'], 0);
    const e = currentHandled();
    const text = e === None ? 'NoneType: None\n' : formatExceptionChunks(e, tbHooks(), { limit: limitArg(limit), chain: chain === undefined ? true : chain !== false }).join('');
    write(file, text);
    return None;
  });
  def('format_exception', (a, kw) => {
    const [exc, value, tb, limit, chain] = parseArgs('format_exception', a, kw, ['exc', 'value', 'tb', 'limit', 'chain'], 1);
    const [e, t] = excArgs(exc, value, tb);
    return newList(formatExceptionChunks(e, tbHooks(), { limit: limitArg(limit), chain: chain === undefined ? true : chain !== false, tb: t }));
  });
  def('print_exception', (a, kw) => {
    const [exc, value, tb, limit, file, chain] = parseArgs('print_exception', a, kw, ['exc', 'value', 'tb', 'limit', 'file', 'chain'], 1);
    const [e, t] = excArgs(exc, value, tb);
    write(file, formatExceptionChunks(e, tbHooks(), { limit: limitArg(limit), chain: chain === undefined ? true : chain !== false, tb: t }).join(''));
    return None;
  });
  def('format_exception_only', (a, kw) => {
    const [exc, value] = parseArgs('format_exception_only', a, kw, ['exc', 'value'], 1);
    return newList(formatExceptionOnlyChunks(value !== undefined ? value : exc, tbHooks()));
  });
  def('format_tb', (a, kw) => {
    const [tb, limit] = parseArgs('format_tb', a, kw, ['tb', 'limit'], 1);
    return newList(formatTbChunks(tbArg(tb), limitArg(limit)));
  });
  def('print_tb', (a, kw) => {
    const [tb, limit, file] = parseArgs('print_tb', a, kw, ['tb', 'limit', 'file'], 1);
    write(file, formatTbChunks(tbArg(tb), limitArg(limit)).join(''));
    return None;
  });
  def('extract_tb', (a, kw) => {
    const [tb, limit] = parseArgs('extract_tb', a, kw, ['tb', 'limit'], 1);
    return stackSummary(limitEntries(tbArg(tb), limitArg(limit)).map((t) => summaryOf(t.code, t.pc)));
  });
  def('extract_stack', (a, kw) => {
    const [f, limit] = parseArgs('extract_stack', a, kw, ['f', 'limit'], 0);
    return stackSummary(stackOf(frameArg(f), limitArg(limit)));
  });
  def('format_stack', (a, kw) => {
    const [f, limit] = parseArgs('format_stack', a, kw, ['f', 'limit'], 0);
    return newList(formatSummaries(stackOf(frameArg(f), limitArg(limit))));
  });
  def('print_stack', (a, kw) => {
    const [f, limit, file] = parseArgs('print_stack', a, kw, ['f', 'limit', 'file'], 0);
    write(file, formatSummaries(stackOf(frameArg(f), limitArg(limit))).join(''));
    return None;
  });
  def('format_list', (a) => newList(formatSummaries(toArray(a[0]))));
  def('print_list', (a, kw) => {
    const [list, file] = parseArgs('print_list', a, kw, ['extracted_list', 'file'], 1);
    write(file, formatSummaries(toArray(list)).join(''));
    return None;
  });
  def('clear_frames', () => None);
}

function tbArg(tb: any): PyTraceback | null {
  if (tb === None) return null;
  if (!(tb instanceof PyTraceback)) throw pyErr(TypeError, `'${typeName(tb)}' object is not a traceback`);
  return tb;
}

/** extract_stack(f): f is a frame object (sys._getframe()); None means the caller. */
function frameArg(f: any): Frame | null {
  if (f === undefined || f === None) return tstate.frame;
  const fr = (f as any).frame;
  if (fr !== undefined) return fr as Frame;
  throw pyErr(TypeError, `'${typeName(f)}' object is not a frame`);
}
