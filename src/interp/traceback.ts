// Printing uncaught exceptions the way CPython 3.11's default excepthook does.
//
// Each traceback entry prints its file, line and function, the stripped source line and,
// when the failing expression covers only part of that line, PEP 657 carets: `^` under
// the expression, or `~`/`^` split at the operator of a binary operation or at the
// brackets of a subscript (the anchors of Python/traceback.c). Exception chains print
// their cause ("The above exception was the direct cause...") or context ("During
// handling of the above exception...") first; exception groups print as nested boxes.

import { Parser } from '../frontend/parser.js';
import { Source } from '../frontend/source.js';
import { T } from '../frontend/tokens.js';
import { PyBaseException, PyObject, PyTraceback } from './objects.js';
import { getExcAttr } from './exceptions.js';
import { None, toArray, typeOf } from './protocol.js';
import type { PyTuple } from './objects.js';
import * as E from './exceptions.js';

export interface TbHooks {
  str(v: any): string;
  repr(v: any): string;
}

/** Lines of one traceback entry. */
function entryLines(tb: PyTraceback, indent: string): string[] {
  const co = tb.code;
  const lineno = co.lines[tb.pc] ?? co.firstLine;
  const out = [`${indent}  File "${co.filename}", line ${lineno}, in ${co.name}`];
  const src = co.source;
  if (lineno < 1 || lineno > src.lineCount) return out;
  const original = src.lineText(lineno);
  const stripped = original.trim();
  if (stripped === '') return out;
  out.push(`${indent}    ${stripped}`);
  const s = co.spans[2 * tb.pc];
  const e = co.spans[2 * tb.pc + 1];
  if (!(e > s)) return out;
  const startLine = src.lineOf(s);
  const endLine = src.lineOf(Math.max(s, e - 1));
  if (startLine !== lineno) return out;
  const leading = cpLength(original) - cpLength(original.trimStart());
  const startCol = src.colOf(s);
  let endCol: number;
  let anchors: [number, number] | null = null;
  if (startLine === endLine) {
    endCol = src.colOf(e);
    anchors = caretAnchors(src.text.slice(s, e));
  } else {
    endCol = leading + cpLength(stripped);
  }
  const width = endCol - startCol;
  if (!(width < cpLength(stripped) || (anchors !== null && anchors[1] - anchors[0] > 0))) return out;
  let carets: string;
  if (anchors !== null) {
    carets = '~'.repeat(anchors[0]) + '^'.repeat(anchors[1] - anchors[0]) + '~'.repeat(Math.max(0, width - anchors[1]));
  } else carets = '^'.repeat(width);
  out.push(`${indent}    ${' '.repeat(startCol - leading)}${carets}`);
  return out;
}

function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * Anchors for a binary operation or subscript segment: [left, right) is the operator
 * or the bracketed subscript, in code points from the segment start. Null otherwise.
 */
export function caretAnchors(segment: string): [number, number] | null {
  let e;
  const src = new Source('<segment>', segment);
  try {
    const p = new Parser(src);
    e = p.parseEvalInput();
  } catch {
    return null;
  }
  const col = (off: number): number => src.colOf(off);
  if (e.t === 'BinOp') {
    const leftEnd = e.left.e;
    const rightStart = e.right.s;
    let left = -1;
    let right = -1;
    for (let i = leftEnd; i < rightStart; i++) {
      const c = segment[i];
      if (c === ' ' || c === '\t' || c === '\f' || c === '\n' || c === '\r' || c === '\\') continue;
      left = i;
      right = i + 1;
      if (i + 1 < rightStart && !/\s/.test(segment[i + 1])) right++;
      if (i + 1 < rightStart && c === ')') continue;
      break;
    }
    if (left < 0) return null;
    return [col(left), col(right)];
  }
  if (e.t === 'Subscript') {
    let left = e.value.e;
    let right = e.slice.e + 1;
    const n = segment.length;
    while (left < n && segment[left] !== '[') left++;
    while (right < n && segment[right] !== ']') right++;
    if (right < n) right++;
    return [col(left), col(right)];
  }
  void T;
  return null;
}

/** The `Type: message` line(s) of an exception. */
export function exceptionOnly(e: any, h: TbHooks): string[] {
  const t = typeOf(e);
  const mod = t.builtin ? 'builtins' : t.ns.getStr('__module__');
  const qual = t.qualname;
  const name = typeof mod === 'string' && mod !== 'builtins' && mod !== '__main__' ? `${mod}.${qual}` : qual;
  const out: string[] = [];
  if (e instanceof PyBaseException && t.isSubtype(E.SyntaxError)) {
    const filename = getExcAttr(e, 'filename');
    const lineno = getExcAttr(e, 'lineno');
    const text = getExcAttr(e, 'text');
    const offset = getExcAttr(e, 'offset');
    const endOffset = getExcAttr(e, 'end_offset');
    if (typeof lineno === 'number') {
      out.push(`  File "${typeof filename === 'string' ? filename : '<string>'}", line ${lineno}`);
      if (typeof text === 'string') {
        const line = text.replace(/\n$/, '');
        const stripped = line.trimStart();
        const lead = line.length - stripped.length;
        out.push(`    ${stripped.trimEnd()}`);
        if (typeof offset === 'number') {
          const col = Math.max(0, offset - 1 - lead);
          const width = typeof endOffset === 'number' && endOffset > offset ? endOffset - offset : 1;
          out.push(`    ${' '.repeat(col)}${'^'.repeat(width)}`);
        }
      }
    }
    const msg = getExcAttr(e, 'msg');
    out.push(`${name}: ${msg === undefined || msg === None ? safeStr(e, h) : h.str(msg)}`);
    return out;
  }
  const msg = safeStr(e, h);
  out.push(msg === '' ? name : `${name}: ${msg}`);
  if (e instanceof PyBaseException) {
    const notes = getExcAttr(e, '__notes__');
    if (notes !== undefined) {
      for (const n of toArray(notes)) out.push(typeof n === 'string' ? n : safeStrOf(n, h));
    }
  }
  return out;
}

function safeStr(e: any, h: TbHooks): string {
  try {
    return h.str(e);
  } catch {
    return '<exception str() failed>';
  }
}

function safeStrOf(v: any, h: TbHooks): string {
  try {
    return h.str(v);
  } catch {
    return '<note str() failed>';
  }
}

function tracebackEntries(tb: PyTraceback | null): PyTraceback[] {
  const out: PyTraceback[] = [];
  for (let t = tb; t !== null; t = t.next) out.push(t);
  return out;
}

/** Lines for one exception (without its chain). */
function singleException(e: any, h: TbHooks, indent: string): string[] {
  const out: string[] = [];
  const tb = e instanceof PyBaseException ? e.traceback : null;
  const entries = tracebackEntries(tb);
  if (entries.length > 0) {
    out.push(`${indent}Traceback (most recent call last):`);
    let last = '';
    let repeat = 0;
    const flushRepeat = (): void => {
      if (repeat > 3) out.push(`${indent}  [Previous line repeated ${repeat - 3} more time${repeat - 3 === 1 ? '' : 's'}]`);
    };
    for (const t of entries) {
      const key = `${t.code.filename}:${t.code.lines[t.pc]}:${t.code.name}`;
      if (key === last) {
        repeat++;
        if (repeat > 3) continue;
      } else {
        flushRepeat();
        last = key;
        repeat = 1;
      }
      out.push(...entryLines(t, indent));
    }
    flushRepeat();
  }
  for (const l of exceptionOnly(e, h)) out.push(indent + l);
  return out;
}

/** The complete report for an uncaught exception, chained exceptions first. */
export function formatException(e: any, h: TbHooks): string {
  const lines: string[] = [];
  const seen = new Set<any>();
  const emit = (x: any, indent: string): void => {
    seen.add(x);
    if (x instanceof PyBaseException) {
      const cause = x.cause;
      const ctx = x.context;
      if (cause instanceof PyBaseException && !seen.has(cause)) {
        emit(cause, indent);
        lines.push('', `${indent}The above exception was the direct cause of the following exception:`, '');
      } else if (ctx instanceof PyBaseException && !x.suppressContext && !seen.has(ctx)) {
        emit(ctx, indent);
        lines.push('', `${indent}During handling of the above exception, another exception occurred:`, '');
      }
    }
    if (x instanceof PyBaseException && typeOf(x).isSubtype(E.BaseExceptionGroup)) {
      lines.push(...groupLines(x, h, indent, 0));
      return;
    }
    lines.push(...singleException(x, h, indent));
  };
  emit(e, '');
  return lines.join('\n') + '\n';
}

/** Exception groups: boxed, numbered sub-exceptions (traceback.c's print_exception_group). */
function groupLines(g: PyBaseException, h: TbHooks, indent: string, depth: number): string[] {
  const out: string[] = [];
  const margin = depth === 0 ? '  | ' : '| ';
  const tb = tracebackEntries(g.traceback);
  const head = depth === 0 ? `  + Exception Group Traceback (most recent call last):` : `+ Exception Group Traceback (most recent call last):`;
  out.push(indent + head);
  for (const t of tb) out.push(...entryLines(t, '').map((l) => indent + margin + l.replace(/^ {2}/, '  ').slice(0)));
  for (const l of exceptionOnly(g, h)) out.push(indent + margin + l);
  const excs = (getExcAttr(g, 'exceptions') as PyTuple).items;
  const inner = indent + (depth === 0 ? '  ' : '');
  excs.forEach((x: PyObject, i: number) => {
    const first = i === 0;
    const label = ` ${i + 1} `;
    const bar = '-'.repeat(16);
    out.push(`${inner}${first ? '+-+' : '  +'}${bar}${label}${bar}`);
    const sub = x instanceof PyBaseException && typeOf(x).isSubtype(E.BaseExceptionGroup) ? groupLines(x, h, '', depth + 1) : singleException(x, h, '');
    for (const l of sub) out.push(`${inner}    | ${l}`.replace(/\| {2}\+/, '|   +'));
  });
  out.push(`${inner}  +${'-'.repeat(36)}`);
  return out;
}
