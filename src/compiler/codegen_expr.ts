// Code generation, part 1: names, expressions and conditional jumps.
//
// The code generator walks the AST of one scope and emits bytecode into a CodeUnit,
// following CPython 3.11's compile.c instruction selection so that evaluation order,
// exception points and traceback positions match CPython. Nested scopes (functions,
// lambdas, comprehensions, classes) are compiled by child generators that share the
// module-wide context (symbol table, source). Statements live in codegen.ts, which
// extends this class; pattern matching lives in codegen_match.ts.

import { BINOPS, CMPOPS, FVC_ASCII, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, INPLACE, MF_ANNOTATIONS, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS, Op, INTRINSICS } from '../bytecode/ops.js';
import type { CodeObject, Const } from '../bytecode/code.js';
import { CO_ASYNC_GENERATOR, CO_COMPREHENSION, CO_COROUTINE, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS, CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS } from '../bytecode/code.js';
import { compileError, type DiagId } from '../diagnostics.js';
import type * as A from '../frontend/ast.js';
import type { Source } from '../frontend/source.js';
import type { Scope, SymbolTable } from '../frontend/symtable.js';
import { CodeUnit, Label } from './unit.js';
import { unparse } from './unparse.js';

export interface ModuleContext {
  readonly source: Source;
  readonly symtable: SymbolTable;
  /** Compile for the REPL: expression statements print their value. */
  readonly interactive: boolean;
}

/** Frame blocks: what break/continue/return must unwind (compile.c's fblockinfo). */
export type FBlock =
  | { kind: 'while'; start: Label; exit: Label }
  | { kind: 'for'; start: Label; exit: Label; isAsync: boolean }
  | { kind: 'try_except' }
  | { kind: 'finally_try'; body: A.Stmt[] }
  | { kind: 'finally_end' }
  | { kind: 'with'; isAsync: boolean; node: A.With }
  | { kind: 'handler_cleanup'; name: string | null }
  | { kind: 'exception_handler' }
  | { kind: 'exception_group_handler' }
  | { kind: 'pop_value' }
  | { kind: 'async_comprehension_generator' };

/** Python's private name mangling (reference 6.2.1). */
export function mangle(className: string | null, name: string): string {
  if (className === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = className.replace(/^_+/, '');
  if (stripped === '') return name;
  return `_${stripped}${name}`;
}

const CMP_INDEX: Record<string, number> = Object.fromEntries(CMPOPS.map((c, i) => [c, i]));
const BINOP_INDEX: Record<string, number> = Object.fromEntries(BINOPS.map((c, i) => [c, i]));

export function binopArg(op: A.BinOpKind, inplace: boolean): number {
  return BINOP_INDEX[op] + (inplace ? INPLACE : 0);
}

/** A constant value for a folded expression, or null. */
function constOf(e: A.Expr): Const | null {
  if (e.t === 'Constant') return e.value;
  if (e.t === 'Tuple' && e.ctx === 'load') {
    const items: Const[] = [];
    for (const x of e.elts) {
      const c = constOf(x);
      if (c === null) return null;
      items.push(c);
    }
    return { k: 'tuple', items };
  }
  return null;
}

/**
 * The type name of an expression CPython's AST optimizer folds to a constant (literals,
 * tuples of them, unary operators on numbers), or null: what compile.c's infer_type and
 * the literal checks see.
 */
function foldedType(e: A.Expr): string | null {
  switch (e.t) {
    case 'Constant':
      switch (e.value.k) {
        case 'none': return 'NoneType';
        case 'ellipsis': return 'ellipsis';
        default: return e.value.k;
      }
    case 'Tuple':
      return e.ctx === 'load' && e.elts.every((x) => foldedType(x) !== null) ? 'tuple' : null;
    case 'UnaryOp': {
      const t = foldedType(e.operand);
      if (t === null) return null;
      if (e.op === 'not') return 'bool';
      if (t === 'bool') return 'int';
      return t === 'int' || t === 'float' || (t === 'complex' && e.op !== '~') ? t : null;
    }
    default:
      return null;
  }
}

/** compile.c's infer_type: the type a literal display or folded constant evaluates to. */
function inferType(e: A.Expr): string | null {
  switch (e.t) {
    case 'Tuple': return foldedType(e) ?? 'tuple';
    case 'List': case 'ListComp': return 'list';
    case 'Dict': case 'DictComp': return 'dict';
    case 'Set': case 'SetComp': return 'set';
    case 'GeneratorExp': return 'generator';
    case 'Lambda': return 'function';
    case 'JoinedStr': case 'FormattedValue': return 'str';
    default: return foldedType(e);
  }
}

export abstract class ExprGen {
  readonly ctx: ModuleContext;
  readonly scope: Scope;
  readonly u: CodeUnit;
  /** Name of the innermost enclosing class (for private name mangling). */
  readonly className: string | null;
  readonly fblocks: FBlock[] = [];
  readonly parent: ExprGen | null;

  constructor(ctx: ModuleContext, scope: Scope, u: CodeUnit, className: string | null, parent: ExprGen | null) {
    this.ctx = ctx;
    this.scope = scope;
    this.u = u;
    this.className = className;
    this.parent = parent;
  }

  err(id: DiagId, node: { s: number; e: number }, args: (string | number)[] = []): never {
    throw compileError(this.ctx.source, id, node.s, args, { end: node.e });
  }

  /** Record a SyntaxWarning at `node` (compile.c's compiler_warn). */
  warn(node: { s: number }, message: string): void {
    const src = this.ctx.source;
    src.warnings.push({ category: 'SyntaxWarning', message, line: src.lineOf(node.s) });
  }

  /** check_compare: `is` with a literal operand. */
  protected checkCompare(e: A.Compare): void {
    const isLiteral = (x: A.Expr): boolean => {
      const t = foldedType(x);
      if (t === null || t === 'NoneType' || t === 'ellipsis') return false;
      return !(x.t === 'Constant' && x.value.k === 'bool');
    };
    let left = e.left;
    e.ops.forEach((op, i) => {
      const right = e.comparators[i];
      if ((op === 'is' || op === 'is not') && (isLiteral(left) || isLiteral(right))) {
        this.warn(e, op === 'is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
      }
      left = right;
    });
  }

  /** check_caller: calling a literal display or constant. */
  protected checkCaller(f: A.Expr): void {
    switch (f.t) {
      case 'Constant': case 'Tuple': case 'List': case 'ListComp': case 'Dict': case 'DictComp': case 'Set': case 'SetComp':
      case 'GeneratorExp': case 'JoinedStr': case 'FormattedValue': {
        const t = inferType(f);
        if (t !== null) this.warn(f, `'${t}' object is not callable; perhaps you missed a comma?`);
        break;
      }
      default:
        break;
    }
  }

  /** check_subscripter and check_index for a subscript being loaded. */
  protected checkSubscript(e: A.Subscript): void {
    const v = e.value;
    const vt = inferType(v);
    const notSubscriptable = v.t === 'Set' || v.t === 'SetComp' || v.t === 'GeneratorExp' || v.t === 'Lambda' ||
      (foldedType(v) !== null && v.t !== 'Tuple' && ['NoneType', 'ellipsis', 'int', 'bool', 'float', 'complex'].includes(foldedType(v)!));
    if (notSubscriptable) {
      this.warn(e, `'${vt}' object is not subscriptable; perhaps you missed a comma?`);
      return;
    }
    if (vt === null || !['list', 'tuple', 'str', 'bytes'].includes(vt)) return;
    const it = inferType(e.slice);
    if (it === null || it === 'int' || it === 'bool') return;
    this.warn(e, `${vt} indices must be integers or slices, not ${it}; perhaps you missed a comma?`);
  }

  protected abstract newChild(scope: Scope, u: CodeUnit, className: string | null): ExprGen;
  abstract compileBody(body: A.Stmt[]): void;

  loc(n: { s: number; e: number }): void {
    this.u.at(n.s, n.e);
  }

  protected loadConst(c: Const): void {
    this.u.emit(Op.LOAD_CONST, this.u.constIndexOf(c));
  }

  protected loadNone(): void {
    this.loadConst({ k: 'none' });
  }

  // ---- names ----------------------------------------------------------------------------

  protected derefIndex(name: string): number {
    const ci = this.u.info.cellvars.indexOf(name);
    if (ci >= 0) return ci;
    const fi = this.u.info.freevars.indexOf(name);
    if (fi >= 0) return this.u.info.cellvars.length + fi;
    throw new Error(`internal compiler error: ${name} is not a cell or free variable of ${this.u.info.qualname}`);
  }

  compileName(rawName: string, ctx: A.ExprContext): void {
    const name = mangle(this.className, rawName);
    const s = this.scope;
    const r = s.resolved.get(name) ?? 'global_implicit';
    const u = this.u;
    if (s.kind === 'module') {
      const i = u.nameIndexOf(name);
      u.emit(ctx === 'load' ? Op.LOAD_NAME : ctx === 'store' ? Op.STORE_NAME : Op.DELETE_NAME, i);
      return;
    }
    if (s.kind === 'class') {
      // Class bodies use the namespace dict; free names check it before the cell.
      if (r === 'free') {
        if (ctx === 'load') u.emit(Op.LOAD_CLASSDEREF, this.derefIndex(name));
        else u.emit(ctx === 'store' ? Op.STORE_DEREF : Op.DELETE_DEREF, this.derefIndex(name));
      } else if (r === 'global_explicit') {
        u.emit(ctx === 'load' ? Op.LOAD_GLOBAL : ctx === 'store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, u.nameIndexOf(name));
      } else {
        u.emit(ctx === 'load' ? Op.LOAD_NAME : ctx === 'store' ? Op.STORE_NAME : Op.DELETE_NAME, u.nameIndexOf(name));
      }
      return;
    }
    switch (r) {
      case 'local':
        u.emit(ctx === 'load' ? Op.LOAD_FAST : ctx === 'store' ? Op.STORE_FAST : Op.DELETE_FAST, u.info.varnames.indexOf(name));
        return;
      case 'cell':
      case 'free':
        u.emit(ctx === 'load' ? Op.LOAD_DEREF : ctx === 'store' ? Op.STORE_DEREF : Op.DELETE_DEREF, this.derefIndex(name));
        return;
      case 'global_explicit':
      case 'global_implicit':
        u.emit(ctx === 'load' ? Op.LOAD_GLOBAL : ctx === 'store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, u.nameIndexOf(name));
        return;
    }
  }

  // ---- expressions ----------------------------------------------------------------------

  compileExpr(e: A.Expr): void {
    this.loc(e);
    const u = this.u;
    switch (e.t) {
      case 'Name':
        this.compileName(e.id, e.ctx);
        return;
      case 'Constant':
        this.loadConst(e.value);
        return;
      case 'JoinedStr':
        this.compileJoinedStr(e);
        return;
      case 'FormattedValue':
        this.compileFormattedValue(e);
        return;
      case 'BinOp':
        this.compileExpr(e.left);
        this.compileExpr(e.right);
        this.loc(e);
        u.emit(Op.BINARY_OP, binopArg(e.op, false));
        return;
      case 'UnaryOp':
        if (e.op === '-' && e.operand.t === 'Constant' && (e.operand.value.k === 'int' || e.operand.value.k === 'float' || e.operand.value.k === 'complex')) {
          // Constant folding of negative literals, as CPython's AST optimiser does.
          const v = e.operand.value;
          if (v.k === 'int') this.loadConst({ k: 'int', v: typeof v.v === 'bigint' ? normBig(-v.v) : v.v === 0 ? 0 : -v.v });
          else if (v.k === 'float') this.loadConst({ k: 'float', v: -v.v });
          else this.loadConst({ k: 'complex', re: -v.re, im: -v.im });
          return;
        }
        this.compileExpr(e.operand);
        this.loc(e);
        switch (e.op) {
          case '-': u.emit(Op.UNARY_NEGATIVE); return;
          case '~': u.emit(Op.UNARY_INVERT); return;
          case 'not': u.emit(Op.UNARY_NOT); return;
          case '+': u.emit(Op.CALL_INTRINSIC_1, 3); return;
        }
        return;
      case 'BoolOp': {
        const end = new Label();
        const jop = e.op === 'and' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
        for (let i = 0; i < e.values.length - 1; i++) {
          this.compileExpr(e.values[i]);
          this.loc(e);
          u.emitJump(jop, end);
        }
        this.compileExpr(e.values[e.values.length - 1]);
        u.bind(end);
        return;
      }
      case 'Compare':
        this.compileCompare(e);
        return;
      case 'Call':
        this.compileCall(e);
        return;
      case 'Attribute':
        this.compileExpr(e.value);
        this.loc(e);
        if (e.ctx === 'load') u.emit(Op.LOAD_ATTR, u.nameIndexOf(mangle(this.className, e.attr)));
        else if (e.ctx === 'store') u.emit(Op.STORE_ATTR, u.nameIndexOf(mangle(this.className, e.attr)));
        else u.emit(Op.DELETE_ATTR, u.nameIndexOf(mangle(this.className, e.attr)));
        return;
      case 'Subscript':
        if (e.ctx === 'load') this.checkSubscript(e);
        this.compileExpr(e.value);
        this.compileExpr(e.slice);
        this.loc(e);
        u.emit(e.ctx === 'load' ? Op.BINARY_SUBSCR : e.ctx === 'store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
        return;
      case 'Slice': {
        let n = 2;
        if (e.lower) this.compileExpr(e.lower);
        else this.loadNone();
        if (e.upper) this.compileExpr(e.upper);
        else this.loadNone();
        if (e.step) {
          this.compileExpr(e.step);
          n = 3;
        }
        this.loc(e);
        u.emit(Op.BUILD_SLICE, n);
        return;
      }
      case 'Starred':
        this.err('cantUseStarred', e);
      // falls through (err never returns)
      case 'List':
        this.compileSequence(e.elts, 'list', e);
        return;
      case 'Tuple':
        this.compileSequence(e.elts, 'tuple', e);
        return;
      case 'Set':
        this.compileSequence(e.elts, 'set', e);
        return;
      case 'Dict':
        this.compileDict(e);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp':
        this.compileComprehension(e);
        return;
      case 'Lambda':
        this.compileLambda(e);
        return;
      case 'IfExp': {
        const orelse = new Label();
        const end = new Label();
        this.compileJumpIf(e.test, orelse, false);
        this.compileExpr(e.body);
        u.emitJump(Op.JUMP, end);
        u.bind(orelse);
        this.compileExpr(e.orelse);
        u.bind(end);
        return;
      }
      case 'NamedExpr':
        this.compileExpr(e.value);
        this.loc(e);
        u.emit(Op.COPY, 1);
        this.compileName(e.target.id, 'store');
        return;
      case 'Await':
        this.checkAwaitAllowed(e);
        this.compileExpr(e.value);
        this.loc(e);
        u.emit(Op.GET_AWAITABLE, 0);
        this.loadNone();
        this.compileYieldFrom(true);
        return;
      case 'Yield':
        if (e.value) this.compileExpr(e.value);
        else this.loadNone();
        this.loc(e);
        if (this.u.info.flags & CO_ASYNC_GENERATOR) u.emit(Op.CALL_INTRINSIC_1, 6);
        u.emit(Op.YIELD_VALUE);
        return;
      case 'YieldFrom':
        this.compileExpr(e.value);
        this.loc(e);
        u.emit(Op.GET_YIELD_FROM_ITER);
        this.loadNone();
        this.compileYieldFrom(false);
        return;
    }
  }

  private checkAwaitAllowed(e: A.Await): void {
    void e;
  }

  /** The SEND/YIELD_VALUE loop of `yield from` and `await` (TOS1 iterator, TOS value). */
  protected compileYieldFrom(_isAwait: boolean): void {
    const u = this.u;
    const send = new Label();
    const exit = new Label();
    u.bind(send);
    u.emitJump(Op.SEND, exit);
    u.emit(Op.YIELD_VALUE);
    u.emitJump(Op.JUMP, send);
    u.bind(exit);
  }

  private compileJoinedStr(e: A.JoinedStr): void {
    if (e.values.length === 0) {
      this.loadConst({ k: 'str', v: '' });
      return;
    }
    for (const v of e.values) {
      if (v.t === 'Constant') this.loadConst(v.value);
      else this.compileExpr(v);
    }
    if (e.values.length > 1 || e.values[0].t === 'Constant') {
      if (e.values.length > 1) {
        this.loc(e);
        this.u.emit(Op.BUILD_STRING, e.values.length);
      }
    }
  }

  private compileFormattedValue(e: A.FormattedValue): void {
    this.compileExpr(e.value);
    let flags = e.conversion === 115 ? FVC_STR : e.conversion === 114 ? FVC_REPR : e.conversion === 97 ? FVC_ASCII : 0;
    if (e.formatSpec) {
      this.compileJoinedStr(e.formatSpec);
      flags |= FVS_HAVE_SPEC;
    }
    this.loc(e);
    this.u.emit(Op.FORMAT_VALUE, flags);
  }

  private compileCompare(e: A.Compare): void {
    const u = this.u;
    this.checkCompare(e);
    this.compileExpr(e.left);
    if (e.ops.length === 1) {
      this.compileExpr(e.comparators[0]);
      this.loc(e);
      this.emitCompare(e.ops[0]);
      return;
    }
    const cleanup = new Label();
    for (let i = 0; i < e.ops.length - 1; i++) {
      this.compileExpr(e.comparators[i]);
      this.loc(e);
      u.emit(Op.SWAP, 2);
      u.emit(Op.COPY, 2);
      this.emitCompare(e.ops[i]);
      u.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.compileExpr(e.comparators[e.ops.length - 1]);
    this.loc(e);
    this.emitCompare(e.ops[e.ops.length - 1]);
    const end = new Label();
    u.emitJump(Op.JUMP, end);
    u.bind(cleanup);
    u.emit(Op.SWAP, 2);
    u.emit(Op.POP_TOP);
    u.bind(end);
  }

  protected emitCompare(op: A.CmpOpKind): void {
    const u = this.u;
    switch (op) {
      case 'is': u.emit(Op.IS_OP, 0); return;
      case 'is not': u.emit(Op.IS_OP, 1); return;
      case 'in': u.emit(Op.CONTAINS_OP, 0); return;
      case 'not in': u.emit(Op.CONTAINS_OP, 1); return;
      default: u.emit(Op.COMPARE_OP, CMP_INDEX[op]);
    }
  }

  /**
   * Emit a conditional jump to `target` taken when `e` is `cond`; short-circuits `not`,
   * `and`/`or` and comparison chains without materialising booleans (compiler_jump_if).
   */
  compileJumpIf(e: A.Expr, target: Label, cond: boolean): void {
    const u = this.u;
    if (e.t === 'UnaryOp' && e.op === 'not') {
      this.compileJumpIf(e.operand, target, !cond);
      return;
    }
    if (e.t === 'BoolOp') {
      const isOr = e.op === 'or';
      const next2 = cond !== isOr ? new Label() : target;
      for (let i = 0; i < e.values.length - 1; i++) this.compileJumpIf(e.values[i], next2, isOr);
      this.compileJumpIf(e.values[e.values.length - 1], target, cond);
      if (next2 !== target) u.bind(next2);
      return;
    }
    if (e.t === 'IfExp') {
      const end = new Label();
      const next2 = new Label();
      this.compileJumpIf(e.test, next2, false);
      this.compileJumpIf(e.body, target, cond);
      u.emitJump(Op.JUMP, end);
      u.bind(next2);
      this.compileJumpIf(e.orelse, target, cond);
      u.bind(end);
      return;
    }
    if (e.t === 'Compare' && e.ops.length > 1) {
      this.checkCompare(e);
      const cleanup = new Label();
      this.compileExpr(e.left);
      for (let i = 0; i < e.ops.length - 1; i++) {
        this.compileExpr(e.comparators[i]);
        this.loc(e);
        u.emit(Op.SWAP, 2);
        u.emit(Op.COPY, 2);
        this.emitCompare(e.ops[i]);
        u.emitJump(Op.POP_JUMP_IF_FALSE, cleanup);
      }
      this.compileExpr(e.comparators[e.ops.length - 1]);
      this.loc(e);
      this.emitCompare(e.ops[e.ops.length - 1]);
      u.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
      const end = new Label();
      u.emitJump(Op.JUMP, end);
      u.bind(cleanup);
      u.emit(Op.POP_TOP);
      if (!cond) u.emitJump(Op.JUMP, target);
      u.bind(end);
      return;
    }
    if (e.t === 'Compare' && e.ops.length === 1 && (e.ops[0] === 'is' || e.ops[0] === 'is not') && e.comparators[0].t === 'Constant' && e.comparators[0].value.k === 'none') {
      // `x is None` -> POP_JUMP_IF_NONE / NOT_NONE (CPython 3.11 does the same).
      this.compileExpr(e.left);
      this.loc(e);
      const isNone = (e.ops[0] === 'is') === cond;
      u.emitJump(isNone ? Op.POP_JUMP_IF_NONE : Op.POP_JUMP_IF_NOT_NONE, target);
      return;
    }
    this.compileExpr(e);
    this.loc(e);
    u.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
  }

  /** list/tuple/set display, with starred items handled by extending a list. */
  private compileSequence(elts: A.Expr[], kind: 'list' | 'tuple' | 'set', node: A.Expr): void {
    const u = this.u;
    const starred = elts.some((x) => x.t === 'Starred');
    if (!starred) {
      if (kind === 'tuple') {
        const c = constOf(node);
        if (c !== null) {
          this.loadConst(c);
          return;
        }
      }
      for (const x of elts) this.compileExpr(x);
      this.loc(node);
      u.emit(kind === 'list' ? Op.BUILD_LIST : kind === 'tuple' ? Op.BUILD_TUPLE : Op.BUILD_SET, elts.length);
      return;
    }
    // [a, *b, c] -> BUILD_LIST a; LIST_EXTEND b; LIST_APPEND c; (LIST_TO_TUPLE)
    let pending = 0;
    let built = false;
    const add = kind === 'set' ? Op.SET_ADD : Op.LIST_APPEND;
    const extend = kind === 'set' ? Op.SET_UPDATE : Op.LIST_EXTEND;
    for (const x of elts) {
      if (x.t === 'Starred') {
        if (!built) {
          this.loc(node);
          u.emit(kind === 'set' ? Op.BUILD_SET : Op.BUILD_LIST, pending);
          built = true;
          pending = 0;
        }
        this.compileExpr(x.value);
        this.loc(x);
        u.emit(extend, 1);
      } else {
        this.compileExpr(x);
        if (built) {
          this.loc(node);
          u.emit(add, 1);
        } else pending++;
      }
    }
    if (kind === 'tuple') u.emit(Op.CALL_INTRINSIC_1, 4);
  }

  private compileDict(e: A.Dict): void {
    const u = this.u;
    let pairs = 0;
    let built = false;
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i];
      if (k === null) {
        if (!built || pairs > 0) {
          u.emit(Op.BUILD_MAP, pairs);
          if (built) u.emit(Op.DICT_UPDATE, 1);
          built = true;
          pairs = 0;
        }
        this.compileExpr(e.values[i]);
        this.loc(e);
        u.emit(Op.DICT_UPDATE, 1);
      } else {
        this.compileExpr(k);
        this.compileExpr(e.values[i]);
        pairs++;
      }
    }
    this.loc(e);
    if (!built) u.emit(Op.BUILD_MAP, pairs);
    else if (pairs > 0) {
      u.emit(Op.BUILD_MAP, pairs);
      u.emit(Op.DICT_UPDATE, 1);
    }
  }

  // ---- calls ----------------------------------------------------------------------------

  protected compileCall(e: A.Call): void {
    const u = this.u;
    this.checkCaller(e.func);
    const hasStar = e.args.some((a) => a.t === 'Starred') || e.keywords.some((k) => k.arg === null);
    this.checkKeywords(e.keywords);
    if (!hasStar && e.func.t === 'Attribute' && e.func.ctx === 'load') {
      this.compileExpr(e.func.value);
      u.at(e.func.s, e.func.e);
      u.emit(Op.LOAD_METHOD, u.nameIndexOf(mangle(this.className, e.func.attr)));
      for (const a of e.args) this.compileExpr(a);
      for (const k of e.keywords) this.compileExpr(k.value);
      this.loc(e);
      if (e.keywords.length > 0) {
        this.loadConst({ k: 'tuple', items: e.keywords.map((k) => ({ k: 'str', v: k.arg! })) });
        u.emit(Op.CALL_METHOD_KW, e.args.length + e.keywords.length);
      } else u.emit(Op.CALL_METHOD, e.args.length);
      return;
    }
    this.compileExpr(e.func);
    this.compileCallArgs(e, e.args, e.keywords, 0);
  }

  private checkKeywords(kws: A.Keyword[]): void {
    const seen = new Set<string>();
    for (const k of kws) {
      if (k.arg === null) continue;
      if (seen.has(k.arg)) this.err('keywordRepeated', k, [k.arg]);
      seen.add(k.arg);
    }
  }

  /**
   * Arguments of a call whose callable (and `extra` already-pushed positional args, for
   * class bases) is on the stack.
   */
  protected compileCallArgs(node: A.Expr | A.Stmt, args: A.Expr[], keywords: A.Keyword[], extra: number): void {
    const u = this.u;
    const hasStar = args.some((a) => a.t === 'Starred') || keywords.some((k) => k.arg === null);
    if (!hasStar) {
      for (const a of args) this.compileExpr(a);
      for (const k of keywords) this.compileExpr(k.value);
      this.loc(node);
      if (keywords.length > 0) {
        this.loadConst({ k: 'tuple', items: keywords.map((k) => ({ k: 'str', v: k.arg! })) });
        u.emit(Op.CALL_KW, extra + args.length + keywords.length);
      } else u.emit(Op.CALL, extra + args.length);
      return;
    }
    // General form: build the positional tuple and the keyword dict. A lone `*args` is
    // passed as is (CALL_FUNCTION_EX makes the tuple, naming the callee in its error).
    this.loc(node);
    if (extra === 0 && args.length === 1 && args[0].t === 'Starred') {
      this.compileExpr(args[0].value);
    } else {
      u.emit(Op.BUILD_LIST, extra);
      for (const a of args) {
        if (a.t === 'Starred') {
          this.compileExpr(a.value);
          this.loc(a);
          u.emit(Op.LIST_EXTEND, 1);
        } else {
          this.compileExpr(a);
          u.emit(Op.LIST_APPEND, 1);
        }
      }
      u.emit(Op.CALL_INTRINSIC_1, 4);
    }
    let flags = 0;
    if (keywords.length > 0) {
      flags = 1;
      let built = false;
      let pairs = 0;
      for (const k of keywords) {
        if (k.arg === null) {
          if (!built || pairs > 0) {
            u.emit(Op.BUILD_MAP, pairs);
            if (built) u.emit(Op.DICT_MERGE, 1);
            built = true;
            pairs = 0;
          }
          this.compileExpr(k.value);
          this.loc(k);
          u.emit(Op.DICT_MERGE, 1);
        } else {
          this.loadConst({ k: 'str', v: k.arg });
          this.compileExpr(k.value);
          pairs++;
        }
      }
      if (!built) u.emit(Op.BUILD_MAP, pairs);
      else if (pairs > 0) {
        u.emit(Op.BUILD_MAP, pairs);
        u.emit(Op.DICT_MERGE, 1);
      }
    }
    this.loc(node);
    u.emit(Op.CALL_FUNCTION_EX, flags);
  }

  // ---- functions, lambdas, comprehensions ------------------------------------------------

  protected qualnameFor(name: string, child: Scope): string {
    // Qualified names (PEP 3155): functions nested in functions get `.<locals>.`.
    if (this.scope.kind === 'module') return name;
    const parentQual = this.u.info.qualname;
    void child;
    if (this.scope.kind === 'function' || this.scope.kind === 'comprehension') {
      const r = this.scope.resolved.get(name);
      if (r === 'global_explicit') return name;
      return `${parentQual}.<locals>.${name}`;
    }
    return `${parentQual}.${name}`;
  }

  /** Compile a nested scope's body into a CodeObject. */
  protected compileChildCode(
    scope: Scope,
    name: string,
    qualname: string,
    firstLine: number,
    args: A.Arguments | null,
    body: (gen: ExprGen) => void,
    extraFlags: number,
    docstring: string | null,
    className: string | null,
    node: { s: number; e: number },
  ): CodeObject {
    let flags = extraFlags;
    if (scope.kind === 'function' || scope.kind === 'comprehension') flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (this.scope.kind !== 'module') flags |= CO_NESTED;
    if (args?.vararg) flags |= CO_VARARGS;
    if (args?.kwarg) flags |= CO_VARKEYWORDS;
    if (scope.isGenerator && scope.isCoroutine) flags |= CO_ASYNC_GENERATOR;
    else if (scope.isGenerator) flags |= CO_GENERATOR;
    else if (scope.isCoroutine) flags |= CO_COROUTINE;
    const u = new CodeUnit({
      name,
      qualname,
      source: this.ctx.source,
      firstLine,
      argcount: args ? args.posonlyargs.length + args.args.length : scope.kind === 'comprehension' ? 1 : 0,
      posonlyargcount: args ? args.posonlyargs.length : 0,
      kwonlyargcount: args ? args.kwonlyargs.length : 0,
      flags,
      varnames: scope.kind === 'class' ? [] : [...scope.varnames],
      cellvars: [...scope.cellvars],
      freevars: [...scope.freevars],
      docstring,
    });
    u.at(node.s, node.s);
    const gen = this.newChild(scope, u, className);
    body(gen);
    return u.assemble(`${qualname}@${hashText(this.ctx.source.text.slice(node.s, node.e))}`);
  }

  /** Push the closure tuple for `code` (cells of this scope it captures) if it has one. */
  protected emitClosure(code: CodeObject): boolean {
    if (code.freevars.length === 0) return false;
    for (const name of code.freevars) {
      // The class's own __class__ cell, or a cell/free variable of this scope.
      this.u.emit(Op.LOAD_CLOSURE, this.derefIndex(name));
    }
    this.u.emit(Op.BUILD_TUPLE, code.freevars.length);
    return true;
  }

  /** Defaults, keyword defaults and annotations of a def/lambda; returns MAKE_FUNCTION flags. */
  protected compileFunctionExtras(args: A.Arguments, returns: A.Expr | null, annotations: boolean): number {
    const u = this.u;
    let flags = 0;
    if (args.defaults.length > 0) {
      const consts = args.defaults.map(constOf);
      if (consts.every((c) => c !== null)) this.loadConst({ k: 'tuple', items: consts as Const[] });
      else {
        for (const d of args.defaults) this.compileExpr(d);
        u.emit(Op.BUILD_TUPLE, args.defaults.length);
      }
      flags |= MF_DEFAULTS;
    }
    const kwd: [string, A.Expr][] = [];
    args.kwonlyargs.forEach((a, i) => {
      const d = args.kwDefaults[i];
      if (d) kwd.push([mangle(this.className, a.arg), d]);
    });
    if (kwd.length > 0) {
      for (const [n, d] of kwd) {
        this.loadConst({ k: 'str', v: n });
        this.compileExpr(d);
      }
      u.emit(Op.BUILD_MAP, kwd.length);
      flags |= MF_KWDEFAULTS;
    }
    if (annotations) {
      const ann: [string, A.Expr][] = [];
      const all = [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])];
      for (const a of all) if (a.annotation) ann.push([mangle(this.className, a.arg), a.annotation]);
      if (returns) ann.push(['return', returns]);
      if (ann.length > 0) {
        for (const [n, x] of ann) {
          this.loadConst({ k: 'str', v: n });
          this.compileAnnotation(x);
        }
        u.emit(Op.BUILD_MAP, ann.length);
        flags |= MF_ANNOTATIONS;
      }
    }
    return flags;
  }

  /** An annotation's value: evaluated, or its source text under `from __future__ import annotations`. */
  protected compileAnnotation(x: A.Expr): void {
    if (this.ctx.symtable.futureAnnotations) this.loadConst({ k: 'str', v: unparse(x) });
    else this.compileExpr(x);
  }

  private compileLambda(e: A.Lambda): void {
    const scope = this.ctx.symtable.byNode.get(e)!;
    const flags = this.compileFunctionExtras(e.args, null, false);
    const code = this.compileChildCode(scope, '<lambda>', this.qualnameFor('<lambda>', scope), this.ctx.source.lineOf(e.s), e.args, (g) => {
      g.compileExpr(e.body);
      g.u.emit(Op.RETURN_VALUE);
    }, 0, null, this.className, e);
    this.loc(e);
    const closure = this.emitClosure(code);
    this.loadConst({ k: 'code', code });
    this.u.emit(Op.MAKE_FUNCTION, flags | (closure ? MF_CLOSURE : 0));
  }

  private compileComprehension(e: A.ListComp | A.SetComp | A.GeneratorExp | A.DictComp): void {
    const scope = this.ctx.symtable.byNode.get(e)!;
    const name = e.t === 'ListComp' ? '<listcomp>' : e.t === 'SetComp' ? '<setcomp>' : e.t === 'DictComp' ? '<dictcomp>' : '<genexpr>';
    const isAsync = scope.isCoroutine;
    const code = this.compileChildCode(scope, name, this.qualnameFor(name, scope), this.ctx.source.lineOf(e.s), null, (g) => {
      g.compileComprehensionBody(e);
    }, CO_COMPREHENSION, null, this.className, e);
    this.loc(e);
    const closure = this.emitClosure(code);
    this.loadConst({ k: 'code', code });
    this.u.emit(Op.MAKE_FUNCTION, closure ? MF_CLOSURE : 0);
    const outer = e.generators[0];
    this.compileExpr(outer.iter);
    this.loc(e);
    this.u.emit(outer.isAsync ? Op.GET_AITER : Op.GET_ITER);
    // The comprehension owns an iterator made for it alone (closed with its frame).
    if (outer.iter.t === 'Call' || outer.iter.t === 'GeneratorExp') this.u.emit(Op.CALL_INTRINSIC_1, INTRINSICS.indexOf('OWN_LOOP_ITER'));
    this.u.emit(Op.CALL, 1);
    if (isAsync && e.t !== 'GeneratorExp') {
      this.u.emit(Op.GET_AWAITABLE, 0);
      this.loadNone();
      this.compileYieldFrom(true);
    }
  }

  /** Body of a comprehension's own code object (argument `.0` is the outermost iterator). */
  compileComprehensionBody(e: A.ListComp | A.SetComp | A.GeneratorExp | A.DictComp): void {
    const u = this.u;
    this.loc(e);
    if (e.t === 'ListComp') u.emit(Op.BUILD_LIST, 0);
    else if (e.t === 'SetComp') u.emit(Op.BUILD_SET, 0);
    else if (e.t === 'DictComp') u.emit(Op.BUILD_MAP, 0);
    this.compileGenerators(e, 0, e.generators.length);
    this.loc(e);
    if (e.t === 'GeneratorExp') u.emit(Op.RETURN_CONST, u.constIndexOf({ k: 'none' }));
    else u.emit(Op.RETURN_VALUE);
  }

  private compileGenerators(e: A.ListComp | A.SetComp | A.GeneratorExp | A.DictComp, i: number, n: number): void {
    const u = this.u;
    const g = e.generators[i];
    const start = new Label();
    const anchor = new Label();
    const ifCleanup = new Label();
    if (i === 0) u.emit(Op.LOAD_FAST, 0);
    else {
      this.compileExpr(g.iter);
      this.loc(e);
      u.emit(g.isAsync ? Op.GET_AITER : Op.GET_ITER);
    }
    if (g.isAsync) {
      const except = new Label();
      u.bind(start);
      u.pushHandler(except);
      u.emit(Op.GET_ANEXT);
      this.loadNone();
      this.compileYieldFrom(true);
      u.popHandler();
      this.compileStore(g.target);
      for (const cond of g.ifs) this.compileJumpIf(cond, ifCleanup, false);
      this.compileComprehensionInner(e, i, n);
      u.bind(ifCleanup);
      u.emitJump(Op.JUMP, start);
      u.bind(except);
      u.emit(Op.END_ASYNC_FOR);
      return;
    }
    u.bind(start);
    u.emitJump(Op.FOR_ITER, anchor);
    this.compileStore(g.target);
    for (const cond of g.ifs) this.compileJumpIf(cond, ifCleanup, false);
    this.compileComprehensionInner(e, i, n);
    u.bind(ifCleanup);
    u.emitJump(Op.JUMP, start);
    u.bind(anchor);
  }

  private compileComprehensionInner(e: A.ListComp | A.SetComp | A.GeneratorExp | A.DictComp, i: number, n: number): void {
    const u = this.u;
    if (i + 1 < n) {
      this.compileGenerators(e, i + 1, n);
      return;
    }
    // Stack: [collection, iter_0 .. iter_{n-1}]; the collection is n+1 deep after the pop.
    switch (e.t) {
      case 'ListComp':
        this.compileExpr(e.elt);
        this.loc(e);
        u.emit(Op.LIST_APPEND, n + 1);
        return;
      case 'SetComp':
        this.compileExpr(e.elt);
        this.loc(e);
        u.emit(Op.SET_ADD, n + 1);
        return;
      case 'DictComp':
        this.compileExpr(e.key);
        this.compileExpr(e.value);
        this.loc(e);
        u.emit(Op.MAP_ADD, n + 1);
        return;
      case 'GeneratorExp':
        this.compileExpr(e.elt);
        this.loc(e);
        if (this.u.info.flags & CO_ASYNC_GENERATOR) u.emit(Op.CALL_INTRINSIC_1, 6);
        u.emit(Op.YIELD_VALUE);
        u.emit(Op.POP_TOP);
        return;
    }
  }

  // ---- assignment -----------------------------------------------------------------------

  /** Store TOS into a target (name, attribute, subscript, or unpacking). */
  compileStore(t: A.Expr): void {
    const u = this.u;
    switch (t.t) {
      case 'Name':
        this.loc(t);
        this.compileName(t.id, 'store');
        return;
      case 'Attribute':
        this.compileExpr(t.value);
        this.loc(t);
        u.emit(Op.STORE_ATTR, u.nameIndexOf(mangle(this.className, t.attr)));
        return;
      case 'Subscript':
        this.compileExpr(t.value);
        this.compileExpr(t.slice);
        this.loc(t);
        u.emit(Op.STORE_SUBSCR);
        return;
      case 'Tuple':
      case 'List': {
        this.loc(t);
        const star = t.elts.findIndex((x) => x.t === 'Starred');
        if (star < 0) u.emit(Op.UNPACK_SEQUENCE, t.elts.length);
        else {
          const after = t.elts.length - star - 1;
          if (star > 255 || after > 255) this.err('tooManyStarred', t);
          u.emit(Op.UNPACK_EX, star | (after << 8));
        }
        for (const x of t.elts) this.compileStore(x.t === 'Starred' ? x.value : x);
        return;
      }
      case 'Starred':
        this.err('starredAssignTarget', t);
      // falls through
      default:
        this.err('cannotAssign', t, ['expression']);
    }
  }
}

function normBig(b: bigint): number | bigint {
  return b >= -BigInt(Number.MAX_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

/** FNV-1a 32-bit hash of a text, as hex (profile keys; not security relevant). */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export { CO_GENERATOR, CO_COROUTINE };
