// Printing uncaught exceptions the way CPython 3.11's default excepthook does.
//
// Each traceback entry prints its file, line and function, the stripped source line and,
// when the failing expression covers only part of that line, PEP 657 carets: `^` under
// the expression, or `~`/`^` split at the operator of a binary operation or at the
// brackets of a subscript (the anchors of Python/traceback.c). Exception chains print
// their cause ("The above exception was the direct cause...") or context ("During
// handling of the above exception...") first; exception groups print as nested boxes.

import type { CodeObject } from '../bytecode/code.js';
import { syntaxErrorLocationLines } from '../diagnostics.js';
import { Parser } from '../frontend/parser.js';
import { Source } from '../frontend/source.js';
import { PyBaseException, PyTraceback } from './objects.js';
import { getExcAttr } from './exceptions.js';
import { None, toArray, typeOf } from './protocol.js';
import type { PyTuple } from './objects.js';
import type { PyDict } from './pydict.js';
import * as E from './exceptions.js';
import { bytesType, dictType } from './typeobj.js';

export interface TbHooks {
  str(v: any): string;
  repr(v: any): string;
}

/** Lines of one traceback entry. */
function entryLines(tb: PyTraceback, indent: string): string[] {
  return codeEntryLines(tb.code, tb.pc, indent);
}

/**
 * The lines of a traceback entry for instruction `pc` of `co`: the File line, then the
 * source line and its carets when CPython shows them. The native backend precomputes these
 * for every instruction that can raise, so both executors print identical tracebacks.
 */
export function codeEntryLines(co: CodeObject, pc: number, indent: string): string[] {
  const lineno = co.lines[pc] ?? co.firstLine;
  const out = [`${indent}  File "${co.filename}", line ${lineno}, in ${co.name}`];
  const src = co.source;
  if (lineno < 1 || lineno > src.lineCount) return out;
  const original = src.lineText(lineno);
  const stripped = original.trim();
  if (stripped === '') return out;
  out.push(`${indent}    ${stripped}`);
  const s = co.spans[2 * pc];
  const e = co.spans[2 * pc + 1];
  if (!(e > s)) return out;
  const startLine = src.lineOf(s);
  const endLine = src.lineOf(Math.max(s, e - 1));
  if (startLine !== lineno) return out;
  const leading = cpLength(original) - cpLength(original.trimStart());
  const startCol = src.colOf(s);
  let endCol: number;
  let anchors: [number, number] | null = null;
  if (startLine === endLine) {
    // A span ending just past a newline ends at the end of its last line.
    endCol = src.lineOf(e) === endLine ? src.colOf(e) : src.colOf(e - 1) + 1;
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
  return null;
}

/** The qualified name CPython prints for an exception's type (module omitted for builtins/__main__). */
function typeDisplayName(e: any): string {
  const t = typeOf(e);
  const mod = t.builtin ? 'builtins' : t.ns.getStr('__module__');
  const qual = t.qualname;
  return typeof mod === 'string' && mod !== 'builtins' && mod !== '__main__' ? `${mod}.${qual}` : qual;
}

function safeStr(e: any, h: TbHooks): string {
  try {
    return h.str(e);
  } catch {
    return '<exception str() failed>';
  }
}

/**
 * The state of pythonrun.c's exception printer: the nesting depth inside exception groups
 * (which sets the indent and the `| ` margin), whether the current group still needs its
 * closing rule, and the exceptions already printed (chains never repeat one).
 */
interface PrintCtx {
  /** Output chunks (the pieces traceback.format_exception returns as a list). */
  out: string[];
  depth: number;
  needClose: boolean;
  seen: Set<any>;
  h: TbHooks;
  /** traceback's `limit`: keep the first n entries (the last -n when negative). */
  limit: number | null;
  /** Print __cause__/__context__ chains. */
  chain: boolean;
  /** Traceback of the top exception in place of its __traceback__ (print_exception(t, v, tb)). */
  topTb: PyTraceback | null | undefined;
  topExc: any;
}

export interface FormatOptions {
  limit?: number | null;
  chain?: boolean;
  tb?: PyTraceback | null;
}

function newCtx(h: TbHooks, opts: FormatOptions = {}, top: any = undefined): PrintCtx {
  return { out: [], depth: 0, needClose: false, seen: new Set(), h, limit: opts.limit ?? null, chain: opts.chain ?? true, topTb: opts.tb, topExc: top };
}

const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

function indentOf(ctx: PrintCtx): string {
  return ' '.repeat(2 * ctx.depth);
}

function marginOf(ctx: PrintCtx): string {
  return ctx.depth > 0 ? '| ' : '';
}

/** Write text that may hold several lines; only the first gets the indent and margin. */
function writeMargined(ctx: PrintCtx, text: string): void {
  ctx.out.push(indentOf(ctx) + marginOf(ctx) + text);
}

/** The complete report for an uncaught exception, chained exceptions first. */
export function formatException(e: any, h: TbHooks): string {
  return formatExceptionChunks(e, h).join('');
}

/** The report as traceback.format_exception's list of strings. */
export function formatExceptionChunks(e: any, h: TbHooks, opts: FormatOptions = {}): string[] {
  const ctx = newCtx(h, opts, e);
  printRecursive(ctx, e);
  return ctx.out;
}

/** One exception without its __cause__/__context__ chain (the unraisable-hook report). */
export function formatExceptionAlone(e: any, h: TbHooks): string {
  const ctx = newCtx(h, { chain: false });
  ctx.seen.add(e);
  if (e instanceof PyBaseException && typeOf(e).isSubtype(E.BaseExceptionGroup)) printGroup(ctx, e);
  else printException(ctx, e);
  return ctx.out.join('');
}

/** traceback.format_exception_only: the `Type: message` line(s) and the notes. */
export function formatExceptionOnlyChunks(e: any, h: TbHooks): string[] {
  const ctx = newCtx(h);
  printExceptionOnly(ctx, e);
  return ctx.out;
}

/** traceback.format_tb: one chunk per entry (File line, source, carets), repeats collapsed. */
export function formatTbChunks(tb: PyTraceback | null, limit: number | null = null): string[] {
  return tracebackChunks(limitEntries(tb, limit)).map((lines) => lines.map((l) => l + '\n').join(''));
}

/** The entries of a traceback chain, outermost first, cut to `limit` as traceback does. */
export function limitEntries(tb: PyTraceback | null, limit: number | null): PyTraceback[] {
  const all: PyTraceback[] = [];
  for (let t = tb; t !== null; t = t.next) all.push(t);
  if (limit === null) return all;
  return limit >= 0 ? all.slice(0, limit) : all.slice(Math.max(0, all.length + limit));
}

function printRecursive(ctx: PrintCtx, e: any): void {
  if (ctx.chain) printCauseAndContext(ctx, e);
  if (e instanceof PyBaseException && typeOf(e).isSubtype(E.BaseExceptionGroup)) printGroup(ctx, e);
  else printException(ctx, e);
}

function printCauseAndContext(ctx: PrintCtx, e: any): void {
  ctx.seen.add(e);
  if (!(e instanceof PyBaseException)) return;
  const cause = e.cause;
  if (cause instanceof PyBaseException) {
    if (!ctx.seen.has(cause)) printChained(ctx, cause, 'The above exception was the direct cause of the following exception:');
    return;
  }
  if (e.suppressContext) return;
  const context = e.context;
  if (context instanceof PyBaseException && !ctx.seen.has(context)) {
    printChained(ctx, context, 'During handling of the above exception, another exception occurred:');
  }
}

function printChained(ctx: PrintCtx, e: any, message: string): void {
  const needClose = ctx.needClose;
  printRecursive(ctx, e);
  ctx.needClose = needClose;
  const prefix = indentOf(ctx) + marginOf(ctx);
  ctx.out.push(`${prefix}\n${prefix}${message}\n${prefix}\n`);
}

function printException(ctx: PrintCtx, e: any): void {
  let tb = e instanceof PyBaseException ? e.traceback : null;
  if (ctx.topTb !== undefined && e === ctx.topExc) tb = ctx.topTb;
  const entries = limitEntries(tb, ctx.limit);
  if (entries.length > 0) {
    const isGroup = typeOf(e).isSubtype(E.BaseExceptionGroup);
    const header = isGroup ? 'Exception Group Traceback (most recent call last):' : 'Traceback (most recent call last):';
    const headerMargin = isGroup && ctx.depth === 1 ? '+ ' : marginOf(ctx);
    ctx.out.push(`${indentOf(ctx)}${headerMargin}${header}\n`);
    const prefix = indentOf(ctx) + marginOf(ctx);
    for (const lines of tracebackChunks(entries)) ctx.out.push(lines.map((l) => prefix + l + '\n').join(''));
  }
  printExceptionOnly(ctx, e);
}

/** The `Type: message` line (with a SyntaxError's location lines first) and the notes. */
function printExceptionOnly(ctx: PrintCtx, e: any): void {
  let line = '';
  const name = typeDisplayName(e);
  if (e instanceof PyBaseException && typeOf(e).isSubtype(E.SyntaxError)) {
    const [lines, msg] = syntaxErrorLines(e, ctx.h);
    for (const l of lines) writeMargined(ctx, l + '\n');
    line = `${name}: ${msg}`;
  } else {
    const msg = safeStr(e, ctx.h);
    line = msg === '' ? name : `${name}: ${msg}`;
  }
  line += suggestionFor(e);
  writeMargined(ctx, line + '\n');
  printNotes(ctx, e);
}

/** `__notes__`: each line of each note, with the margin. */
function printNotes(ctx: PrintCtx, e: any): void {
  if (!(e instanceof PyBaseException)) return;
  const notes = getExcAttr(e, '__notes__');
  if (notes === undefined) return;
  // pythonrun.c print_exception_notes: a __notes__ that is not a sequence (PySequence_Check:
  // a type with __getitem__ that is not a dict), or is a str or bytes, prints its repr().
  const t = typeOf(notes);
  const sequence = typeof notes !== 'string' && !t.isSubtype(bytesType) && !t.isSubtype(dictType) && t.lookup('__getitem__') !== undefined;
  let items: any[];
  try {
    if (!sequence) throw new Error('not a sequence');
    items = toArray(notes);
  } catch {
    writeMargined(ctx, `${safeRepr(notes, ctx.h, '<__notes__ repr() failed>')}\n`);
    return;
  }
  for (const n of items) {
    let text: string;
    if (typeof n === 'string') text = n;
    else {
      try {
        text = ctx.h.str(n);
      } catch {
        text = '<note str() failed>';
      }
    }
    const lines = text.split(/(?<=\n)/);
    for (const l of lines) writeMargined(ctx, l);
    if (!text.endsWith('\n')) ctx.out.push('\n');
  }
}

function safeRepr(v: any, h: TbHooks, fallback: string): string {
  try {
    return h.repr(v);
  } catch {
    return fallback;
  }
}

function printGroup(ctx: PrintCtx, g: PyBaseException): void {
  if (ctx.depth > MAX_GROUP_DEPTH) {
    writeMargined(ctx, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    return;
  }
  const top = ctx.depth === 0;
  if (top) ctx.depth++;
  printException(ctx, g);
  const excs = (getExcAttr(g, 'exceptions') as PyTuple).items;
  const n = excs.length <= MAX_GROUP_WIDTH ? excs.length : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const label = truncated ? '...' : String(i + 1);
    ctx.out.push(`${indentOf(ctx)}${i === 0 ? '+-' : '  '}+---------------- ${label} ----------------\n`);
    ctx.depth++;
    if (!truncated) printRecursive(ctx, excs[i]);
    else {
      const rest = excs.length - MAX_GROUP_WIDTH;
      writeMargined(ctx, `and ${rest} more exception${rest > 1 ? 's' : ''}\n`);
    }
    if (last && ctx.needClose) {
      ctx.out.push(`${indentOf(ctx)}+------------------------------------\n`);
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (ctx.depth === 1 && top) ctx.depth--;
}

/**
 * The traceback entries as chunks of lines (File/source/carets each), with CPython's
 * collapsing of a line repeated more than three times.
 */
function tracebackChunks(entries: PyTraceback[]): string[][] {
  const out: string[][] = [];
  let last = '';
  let repeat = 0;
  const flushRepeat = (): void => {
    if (repeat > 3) out.push([`  [Previous line repeated ${repeat - 3} more time${repeat - 3 === 1 ? '' : 's'}]`]);
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
    out.push(entryLines(t, ''));
  }
  flushRepeat();
  return out;
}

/** The file/line/source/caret lines of a SyntaxError and its message (pythonrun.c). */
function syntaxErrorLines(e: PyBaseException, h: TbHooks): [string[], string] {
  const out: string[] = [];
  const filename = getExcAttr(e, 'filename');
  const lineno = getExcAttr(e, 'lineno');
  const text = getExcAttr(e, 'text');
  const offset = getExcAttr(e, 'offset');
  const endLineno = getExcAttr(e, 'end_lineno');
  const endOffset = getExcAttr(e, 'end_offset');
  if (typeof lineno === 'number') {
    const cls = typeOf(e) === E.SyntaxError ? 'SyntaxError' : 'subclass';
    out.push(
      ...syntaxErrorLocationLines(
        cls,
        typeof filename === 'string' ? filename : '<string>',
        lineno,
        typeof offset === 'number' ? offset : -1,
        typeof endLineno === 'number' ? endLineno : lineno,
        typeof endOffset === 'number' ? endOffset : -1,
        typeof text === 'string' ? text : null,
      ),
    );
  }
  const msg = getExcAttr(e, 'msg');
  return [out, msg === undefined || msg === None ? safeStr(e, h) : h.str(msg)];
}

// ---- "Did you mean" (Python/suggestions.c) ---------------------------------------------------

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** suggestions.c's levenshtein_distance over UTF-8 bytes, with its cutoffs. */
function levenshtein(as: Uint8Array, bs: Uint8Array, maxCost: number): number {
  let a = as;
  let b = bs;
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  a = a.subarray(lo);
  b = b.subarray(lo);
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  a = a.subarray(0, a.length - n);
  b = b.subarray(0, b.length - n);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0, tmp = MOVE_COST; i < a.length; i++, tmp += MOVE_COST) buffer[i] = tmp;
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi];
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i]);
      distance = buffer[i];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

const utf8 = new TextEncoder();

/** calculate_suggestions: the closest candidate within a third of the characters. */
function closestName(candidates: readonly any[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nb = utf8.encode(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (typeof item !== 'string' || item === name) continue;
    const ib = utf8.encode(item);
    let maxDistance = Math.floor(((nb.length + ib.length + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(nb, ib, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

/** `. Did you mean: 'x'?` for NameError and AttributeError (print_exception_suggestions). */
function suggestionFor(e: any): string {
  if (!(e instanceof PyBaseException)) return '';
  let s: string | null = null;
  try {
    if (e.cls.isSubtype(E.AttributeError)) s = attributeSuggestion(e);
    else if (e.cls.isSubtype(E.NameError)) s = nameSuggestion(e);
  } catch {
    s = null;
  }
  return s === null ? '' : `. Did you mean: '${s}'?`;
}

function attributeSuggestion(e: PyBaseException): string | null {
  const name = getExcAttr(e, 'name');
  const obj = getExcAttr(e, 'obj');
  if (typeof name !== 'string' || obj === undefined) return null;
  return closestName(suggestionHooks.dir(obj), name);
}

function nameSuggestion(e: PyBaseException): string | null {
  const name = getExcAttr(e, 'name');
  if (typeof name !== 'string' || e.traceback === null) return null;
  let tb = e.traceback;
  while (tb.next !== null) tb = tb.next;
  const code = tb.code;
  const fromLocals = closestName(code.varnames, name);
  if (fromLocals !== null) return fromLocals;
  if (tb.frameGlobals !== null) {
    const fromGlobals = closestName([...tb.frameGlobals.keys()], name);
    if (fromGlobals !== null) return fromGlobals;
    const b = suggestionHooks.builtinsOf(tb.frameGlobals);
    return closestName([...b.keys()], name);
  }
  return null;
}

/** dir() and the builtins namespace, installed by the runtime. */
export const suggestionHooks = {
  dir: (_obj: any): any[] => [],
  builtinsOf: null as unknown as (g: PyDict) => PyDict,
};
