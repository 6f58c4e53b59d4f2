// Code generation, part 3: the match statement (PEP 634).
//
// Each case's pattern is compiled as a sequence of tests on the subject, which sits on
// the stack. A failed test jumps to a "fail-pop" label that pops exactly the temporaries
// pushed so far and continues with the next case; this is CPython's pc->fail_pop scheme.
// Capture names are stored as soon as their sub-pattern matches (PEP 634 leaves the
// bindings of a failed case unspecified).

import { Op } from '../bytecode/ops.js';
import type { Const } from '../bytecode/code.js';
import type * as A from '../frontend/ast.js';
import type { CodeGen } from './codegen.js';
import { Label } from './unit.js';

interface PatternContext {
  /** failPop[n] pops n items and falls into failPop[n-1]; failPop[0] is the failure exit. */
  failPop: Label[];
  /** Items on the stack above the pattern's base that a failure must pop. */
  onTop: number;
  allowIrrefutable: boolean;
  /** Names bound so far in this case (duplicate-binding check). */
  names: string[];
}

function isWildcard(p: A.Pattern): boolean {
  return p.t === 'MatchAs' && p.pattern === null && p.name === null;
}

function isIrrefutable(p: A.Pattern): boolean {
  if (p.t === 'MatchAs') return p.pattern === null || isIrrefutable(p.pattern);
  if (p.t === 'MatchOr') return p.patterns.some(isIrrefutable);
  return false;
}

export function compileMatch(g: CodeGen, s: A.Match): void {
  const u = g.u;
  g.compileExpr(s.subject);
  const end = new Label();
  const cases = s.cases;
  const last = cases[cases.length - 1];
  const hasDefault = isWildcard(last.pattern) && cases.length > 1;
  const n = cases.length - (hasDefault ? 1 : 0);
  for (let i = 0; i < n; i++) {
    const c = cases[i];
    const isLastTested = i === n - 1;
    g.loc(c.pattern);
    if (!isLastTested) u.emit(Op.COPY, 1);
    const pc: PatternContext = { failPop: [], onTop: 0, allowIrrefutable: c.guard !== null || i === cases.length - 1, names: [] };
    compilePattern(g, c.pattern, pc);
    if (c.guard) {
      ensureFailPop(pc, 0);
      g.compileJumpIf(c.guard, pc.failPop[0], false);
    }
    // Success: the subject is no longer needed.
    if (!isLastTested) u.emit(Op.POP_TOP);
    g.compileBody(c.body);
    u.emitJump(Op.JUMP, end);
    emitFailPops(g, pc);
  }
  if (hasDefault) {
    if (cases.length === 1) u.emit(Op.POP_TOP);
    else u.emit(Op.NOP);
    if (last.guard) g.compileJumpIf(last.guard, end, false);
    g.compileBody(last.body);
  }
  u.bind(end);
}

function ensureFailPop(pc: PatternContext, n: number): void {
  while (pc.failPop.length <= n) pc.failPop.push(new Label());
}

/** Jump (with `op`) to the label that pops the current temporaries. */
function jumpToFail(g: CodeGen, pc: PatternContext, op: number): void {
  ensureFailPop(pc, pc.onTop);
  g.u.emitJump(op, pc.failPop[pc.onTop]);
}

function emitFailPops(g: CodeGen, pc: PatternContext): void {
  const u = g.u;
  if (pc.failPop.length === 0) return;
  for (let n = pc.failPop.length - 1; n >= 0; n--) {
    u.bind(pc.failPop[n]);
    if (n > 0) u.emit(Op.POP_TOP);
  }
  pc.failPop = [];
}

function storeName(g: CodeGen, name: string | null, pc: PatternContext, node: A.Pattern): void {
  if (name === null) {
    g.u.emit(Op.POP_TOP);
    return;
  }
  if (pc.names.includes(name)) g.err('patternBindTwice', node, [name]);
  pc.names.push(name);
  g.compileName(name, 'store');
}

function compileSubpattern(g: CodeGen, p: A.Pattern, pc: PatternContext): void {
  const saved = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  compilePattern(g, p, pc);
  pc.allowIrrefutable = saved;
}

function compilePattern(g: CodeGen, p: A.Pattern, pc: PatternContext): void {
  const u = g.u;
  const err = (id: 'irrefutablePattern' | 'multipleStarredPattern' | 'mappingKeyDup', node: A.Pattern | A.Expr, args: string[] = []): never => g.err(id, node, args);
  // The pattern's own steps carry its location (CPython 3.11 compile_pattern: SET_LOC), also
  // after an expression in it was compiled: a MATCH_CLASS error points at the whole pattern.
  g.loc(p);
  switch (p.t) {
    case 'MatchValue':
      g.compileExpr(p.value);
      g.loc(p);
      u.emit(Op.COMPARE_OP, 2);
      jumpToFail(g, pc, Op.POP_JUMP_IF_FALSE);
      return;
    case 'MatchSingleton':
      u.emit(Op.LOAD_CONST, u.constIndexOf(p.value));
      u.emit(Op.IS_OP, 0);
      jumpToFail(g, pc, Op.POP_JUMP_IF_FALSE);
      return;
    case 'MatchAs':
      if (p.pattern === null) {
        if (!pc.allowIrrefutable) {
          if (p.name === null) err('irrefutablePattern', p, ['wildcard']);
          err('irrefutablePattern', p, [`name capture '${p.name}'`]);
        }
        storeName(g, p.name, pc, p);
        return;
      }
      pc.onTop++;
      u.emit(Op.COPY, 1);
      compilePattern(g, p.pattern, pc);
      pc.onTop--;
      storeName(g, p.name, pc, p);
      return;
    case 'MatchStar':
      storeName(g, p.name, pc, p);
      return;
    case 'MatchOr':
      compileOr(g, p, pc);
      return;
    case 'MatchSequence': {
      const size = p.patterns.length;
      let star = -1;
      p.patterns.forEach((x, i) => {
        if (x.t === 'MatchStar') {
          if (star >= 0) err('multipleStarredPattern', x);
          star = i;
        }
      });
      pc.onTop++;
      u.emit(Op.MATCH_SEQUENCE);
      jumpToFail(g, pc, Op.POP_JUMP_IF_FALSE);
      if (star < 0) {
        u.emit(Op.GET_LEN);
        u.emit(Op.LOAD_CONST, u.constIndexOf({ k: 'int', v: size }));
        u.emit(Op.COMPARE_OP, 2);
        jumpToFail(g, pc, Op.POP_JUMP_IF_FALSE);
      } else if (size > 1) {
        u.emit(Op.GET_LEN);
        u.emit(Op.LOAD_CONST, u.constIndexOf({ k: 'int', v: size - 1 }));
        u.emit(Op.COMPARE_OP, 5);
        jumpToFail(g, pc, Op.POP_JUMP_IF_FALSE);
      }
      pc.onTop--;
      if (size === 0) {
        u.emit(Op.POP_TOP);
        return;
      }
      if (star < 0) u.emit(Op.UNPACK_SEQUENCE, size);
      else u.emit(Op.UNPACK_EX, star | ((size - star - 1) << 8));
      pc.onTop += size;
      for (const x of p.patterns) {
        pc.onTop--;
        if (isWildcard(x) || (x.t === 'MatchStar' && x.name === null)) {
          u.emit(Op.POP_TOP);
          continue;
        }
        compileSubpattern(g, x, pc);
      }
      return;
    }
    case 'MatchMapping': {
      const size = p.keys.length;
      pc.onTop++;
      u.emit(Op.MATCH_MAPPING);
      jumpToFail(g, pc, Op.POP_JUMP_IF_FALSE);
      if (size === 0 && p.rest === null) {
        pc.onTop--;
        u.emit(Op.POP_TOP);
        return;
      }
      if (size > 0) {
        u.emit(Op.GET_LEN);
        u.emit(Op.LOAD_CONST, u.constIndexOf({ k: 'int', v: size }));
        u.emit(Op.COMPARE_OP, 5);
        jumpToFail(g, pc, Op.POP_JUMP_IF_FALSE);
      }
      const seen = new Set<string>();
      for (const k of p.keys) {
        if (k.t === 'Constant') {
          const key = JSON.stringify(k.value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
          if (seen.has(key)) err('mappingKeyDup', k, [constRepr(k.value)]);
          seen.add(key);
        }
        g.compileExpr(k);
      }
      u.emit(Op.BUILD_TUPLE, size);
      g.loc(p);
      if (size > 0) {
        u.emit(Op.MATCH_KEYS); // [subj, keys, values|None]
        pc.onTop += 2;
        u.emit(Op.COPY, 1);
        jumpToFail(g, pc, Op.POP_JUMP_IF_NONE);
        u.emit(Op.UNPACK_SEQUENCE, size);
        pc.onTop += size - 1;
        for (const x of p.patterns) {
          pc.onTop--;
          if (isWildcard(x)) {
            u.emit(Op.POP_TOP);
            continue;
          }
          compileSubpattern(g, x, pc);
        }
        pc.onTop -= 2;
      } else {
        pc.onTop -= 1;
      }
      // Stack: [subj, keys]
      if (p.rest !== null) {
        u.emit(Op.COPY_DICT_WITHOUT_KEYS); // [subj, rest]
        storeName(g, p.rest, pc, p);
        u.emit(Op.POP_TOP);
      } else {
        u.emit(Op.POP_TOP);
        u.emit(Op.POP_TOP);
      }
      return;
    }
    case 'MatchClass': {
      const nargs = p.patterns.length;
      const nattrs = p.kwdAttrs.length;
      g.compileExpr(p.cls);
      g.loc(p);
      u.emit(Op.LOAD_CONST, u.constIndexOf({ k: 'tuple', items: p.kwdAttrs.map((a): Const => ({ k: 'str', v: a })) }));
      u.emit(Op.MATCH_CLASS, nargs);
      pc.onTop++;
      u.emit(Op.COPY, 1);
      jumpToFail(g, pc, Op.POP_JUMP_IF_NONE);
      const total = nargs + nattrs;
      u.emit(Op.UNPACK_SEQUENCE, total);
      pc.onTop += total - 1;
      for (const x of [...p.patterns, ...p.kwdPatterns]) {
        pc.onTop--;
        if (isWildcard(x)) {
          u.emit(Op.POP_TOP);
          continue;
        }
        compileSubpattern(g, x, pc);
      }
      return;
    }
  }
}

function compileOr(g: CodeGen, p: A.MatchOr, pc: PatternContext): void {
  const u = g.u;
  const success = new Label();
  let names: string[] | null = null;
  for (let i = 0; i < p.patterns.length; i++) {
    const alt = p.patterns[i];
    const isLast = i === p.patterns.length - 1;
    if (!isLast && isIrrefutable(alt)) {
      const what = alt.t === 'MatchAs' && alt.name ? `name capture '${alt.name}'` : 'wildcard';
      g.err('irrefutablePattern', alt, [what]);
    }
    const before = pc.names.length;
    if (!isLast) {
      u.emit(Op.COPY, 1);
      const sub: PatternContext = { failPop: [], onTop: 0, allowIrrefutable: true, names: [...pc.names] };
      compilePattern(g, alt, sub);
      const bound = sub.names.slice(before).sort();
      if (names === null) names = bound;
      else if (names.join() !== bound.join()) g.err('orPatternNames', p);
      u.emit(Op.POP_TOP);
      u.emitJump(Op.JUMP, success);
      emitFailPops(g, sub);
    } else {
      const namesBefore = pc.names.slice();
      const saved = pc.allowIrrefutable;
      pc.allowIrrefutable = true;
      compilePattern(g, alt, pc);
      pc.allowIrrefutable = saved;
      const bound = pc.names.slice(namesBefore.length).sort();
      if (names !== null && names.join() !== bound.join()) g.err('orPatternNames', p);
    }
  }
  u.bind(success);
}

function constRepr(v: A.ConstValue): string {
  switch (v.k) {
    case 'str': return `'${v.v}'`;
    case 'int': return String(v.v);
    case 'float': return String(v.v);
    case 'bool': return v.v ? 'True' : 'False';
    case 'none': return 'None';
    default: return '...';
  }
}
