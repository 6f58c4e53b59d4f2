// Code generation, part 2: statements, definitions and the module entry point.
//
// Extends ExprGen with statements. Control flow that leaves a block early (break,
// continue, return) unwinds the enclosing frame blocks by emitting their cleanup inline
// (finally bodies, __exit__ calls, popping iterators), exactly as CPython's
// compiler_unwind_fblock_stack does; exception handlers use the CodeUnit's handler stack
// (the zero-cost exception table). `compileModule` is the compiler's public entry point.

import type { CodeObject } from '../bytecode/code.js';
import { CO_CLASS_CELL } from '../bytecode/code.js';
import { INTRINSICS, MF_CLOSURE, Op } from '../bytecode/ops.js';
import type * as A from '../frontend/ast.js';
import { isDocstring, Parser } from '../frontend/parser.js';
import { Source } from '../frontend/source.js';
import { buildSymbolTable, buildSymbolTableForExpr, type Scope } from '../frontend/symtable.js';
import { binopArg, ExprGen, type FBlock, hashText, mangle, type ModuleContext } from './codegen_expr.js';
import { compileMatch } from './codegen_match.js';
import { CodeUnit, Label } from './unit.js';

export class CodeGen extends ExprGen {
  protected newChild(scope: Scope, u: CodeUnit, className: string | null): ExprGen {
    return new CodeGen(this.ctx, scope, u, className, this);
  }

  compileBody(body: A.Stmt[]): void {
    for (const s of body) this.compileStmt(s);
  }

  compileStmt(s: A.Stmt): void {
    this.loc(s);
    const u = this.u;
    switch (s.t) {
      case 'FunctionDef':
        this.compileFunctionDef(s);
        return;
      case 'ClassDef':
        this.compileClassDef(s);
        return;
      case 'Return':
        this.compileReturn(s);
        return;
      case 'Delete':
        for (const t of s.targets) this.compileDelete(t);
        return;
      case 'Assign':
        this.compileAssign(s);
        return;
      case 'AugAssign':
        this.compileAugAssign(s);
        return;
      case 'AnnAssign':
        this.compileAnnAssign(s);
        return;
      case 'For':
        if (s.isAsync) this.compileAsyncFor(s);
        else this.compileFor(s);
        return;
      case 'While':
        this.compileWhile(s);
        return;
      case 'If':
        this.compileIf(s);
        return;
      case 'With':
        this.compileWith(s, 0);
        return;
      case 'Match':
        compileMatch(this, s);
        return;
      case 'Raise':
        if (s.exc) {
          this.compileExpr(s.exc);
          if (s.cause) this.compileExpr(s.cause);
        }
        this.loc(s);
        u.emit(Op.RAISE_VARARGS, s.exc ? (s.cause ? 2 : 1) : 0);
        return;
      case 'Try':
        // try/except*/finally: the finally wraps the except* statement (compileTryFinally).
        if (s.finalbody.length > 0) this.compileTryFinally(s);
        else if (s.isStar) this.compileTryStar(s);
        else this.compileTryExcept(s);
        return;
      case 'Assert': {
        if (s.test.t === 'Tuple' && s.test.elts.length > 0) this.warn(s, 'assertion is always true, perhaps remove parentheses?');
        const end = new Label();
        this.compileJumpIf(s.test, end, true);
        // CPython 3.11 leaves the location at the last comparison its jump-if walk
        // visited, so the raise points at it (else at the statement).
        const at = lastJumpIfCompare(s.test) ?? s;
        this.loc(at);
        u.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.compileExpr(s.msg);
          this.loc(at);
          u.emit(Op.CALL, 1);
        }
        u.emit(Op.RAISE_VARARGS, 1);
        u.bind(end);
        return;
      }
      case 'Import':
        this.compileImport(s);
        return;
      case 'ImportFrom':
        this.compileImportFrom(s);
        return;
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
        return;
      case 'Expr':
        if (this.ctx.interactive && this.scope.kind === 'module') {
          this.compileExpr(s.value);
          this.loc(s);
          u.emit(Op.CALL_INTRINSIC_1, 0);
          u.emit(Op.POP_TOP);
          return;
        }
        if (s.value.t === 'Constant') return; // docstrings and bare constants do nothing
        this.compileExpr(s.value);
        this.loc(s);
        u.emit(Op.POP_TOP);
        return;
      case 'Break':
        this.compileBreakContinue(s, true);
        return;
      case 'Continue':
        this.compileBreakContinue(s, false);
        return;
      case 'TypeAlias':
        this.compileTypeAlias(s);
        return;
    }
  }

  // ---- definitions ----------------------------------------------------------------------

  private compileDecorators(ds: A.Expr[]): void {
    for (const d of ds) this.compileExpr(d);
  }

  private applyDecorators(ds: A.Expr[]): void {
    for (let i = ds.length - 1; i >= 0; i--) {
      this.loc(ds[i]);
      this.u.emit(Op.CALL, 1);
    }
  }

  private compileFunctionDef(s: A.FunctionDef): void {
    const scope = this.ctx.symtable.byNode.get(s)!;
    this.compileDecorators(s.decorators);
    this.loc(s);
    const flags = this.compileFunctionExtras(s.args, s.returns, true);
    const doc = isDocstring(s.body) ? ((s.body[0] as A.ExprStmt).value as A.Constant).value : null;
    const docstring = doc && doc.k === 'str' ? doc.v : null;
    const qualname = this.qualnameFor(s.name, scope);
    const code = this.compileChildCode(scope, s.name, qualname, this.ctx.source.lineOf(s.decorators.length ? s.decorators[0].s : s.defPos), s.args, (g) => {
      (g as CodeGen).compileFunctionBody(s);
    }, 0, docstring, this.className, s);
    this.u.at(s.defPos, s.defPos);
    const closure = this.emitClosure(code);
    this.loadConst({ k: 'code', code });
    this.u.emit(Op.MAKE_FUNCTION, flags | (closure ? MF_CLOSURE : 0));
    this.applyDecorators(s.decorators);
    this.loc(s);
    this.compileName(s.name, 'store');
  }

  compileFunctionBody(s: A.FunctionDef): void {
    const body = isDocstring(s.body) ? s.body.slice(1) : s.body;
    this.compileBody(body);
    this.emitImplicitReturn(s.body.length ? s.body[s.body.length - 1] : s);
  }

  private emitImplicitReturn(last: { s: number; e: number }): void {
    const op = this.u.lastOp();
    if (op === Op.RETURN_VALUE || op === Op.RETURN_CONST) {
      // A final explicit return; still add one in case a branch falls through (the
      // assembler drops it when unreachable).
    }
    this.u.at(last.e, last.e);
    this.u.line = this.ctx.source.lineOf(Math.max(0, last.e - 1));
    this.u.emit(Op.RETURN_CONST, this.u.constIndexOf({ k: 'none' }));
  }

  private compileClassDef(s: A.ClassDef): void {
    const scope = this.ctx.symtable.byNode.get(s)!;
    const u = this.u;
    this.compileDecorators(s.decorators);
    this.loc(s);
    u.at(s.classPos, s.classPos);
    u.emit(Op.LOAD_BUILD_CLASS);
    const qualname = this.qualnameFor(s.name, scope);
    const doc = isDocstring(s.body) ? ((s.body[0] as A.ExprStmt).value as A.Constant).value : null;
    const code = this.compileChildCode(scope, s.name, qualname, this.ctx.source.lineOf(s.decorators.length ? s.decorators[0].s : s.classPos), null, (g) => {
      const cg = g as CodeGen;
      const cu = cg.u;
      cu.at(s.classPos, s.classPos);
      cu.emit(Op.LOAD_NAME, cu.nameIndexOf('__name__'));
      cu.emit(Op.STORE_NAME, cu.nameIndexOf('__module__'));
      cg.loadConst({ k: 'str', v: qualname });
      cu.emit(Op.STORE_NAME, cu.nameIndexOf('__qualname__'));
      if (doc && doc.k === 'str') {
        cg.loadConst(doc);
        cu.emit(Op.STORE_NAME, cu.nameIndexOf('__doc__'));
      }
      if (scope.hasAnnotations) cu.emit(Op.SETUP_ANNOTATIONS);
      cg.compileBody(doc ? s.body.slice(1) : s.body);
      cu.at(s.e, s.e);
      if (scope.needsClassClosure) {
        cu.emit(Op.LOAD_CLOSURE, 0);
        cu.emit(Op.COPY, 1);
        cu.emit(Op.STORE_NAME, cu.nameIndexOf('__classcell__'));
        cu.emit(Op.RETURN_VALUE);
      } else cu.emit(Op.RETURN_CONST, cu.constIndexOf({ k: 'none' }));
    }, scope.needsClassClosure ? CO_CLASS_CELL : 0, doc && doc.k === 'str' ? doc.v : null, s.name, s);
    u.at(s.classPos, s.classPos);
    const closure = this.emitClosure(code);
    this.loadConst({ k: 'code', code });
    u.emit(Op.MAKE_FUNCTION, closure ? MF_CLOSURE : 0);
    this.loadConst({ k: 'str', v: s.name });
    this.compileCallArgs(s, s.bases, s.keywords, 2);
    this.applyDecorators(s.decorators);
    this.loc(s);
    this.compileName(s.name, 'store');
  }

  private compileTypeAlias(s: A.TypeAlias): void {
    const scope = this.ctx.symtable.byNode.get(s)!;
    this.loadConst({ k: 'str', v: s.name.id });
    const code = this.compileChildCode(scope, s.name.id, this.qualnameFor(s.name.id, scope), this.ctx.source.lineOf(s.s), null, (g) => {
      g.compileExpr(s.value);
      g.u.emit(Op.RETURN_VALUE);
    }, 0, null, this.className, s);
    this.loc(s);
    const closure = this.emitClosure(code);
    this.loadConst({ k: 'code', code });
    this.u.emit(Op.MAKE_FUNCTION, closure ? MF_CLOSURE : 0);
    this.u.emit(Op.BUILD_TUPLE, 2);
    this.u.emit(Op.CALL_INTRINSIC_1, 5);
    this.compileName(s.name.id, 'store');
  }

  // ---- assignment -----------------------------------------------------------------------

  private compileAssign(s: A.Assign): void {
    const u = this.u;
    // a, b = x, y without building a tuple (CPython's SWAP optimisation).
    const t0 = s.targets[0];
    if (s.targets.length === 1 && (t0.t === 'Tuple' || t0.t === 'List') && s.value.t === 'Tuple' && s.value.elts.length === t0.elts.length && t0.elts.length <= 3 && t0.elts.length >= 2 && !t0.elts.some((x) => x.t === 'Starred') && !s.value.elts.some((x) => x.t === 'Starred')) {
      for (const x of s.value.elts) this.compileExpr(x);
      this.loc(s);
      if (t0.elts.length === 2) u.emit(Op.SWAP, 2);
      else u.emit(Op.SWAP, 3);
      for (const tg of t0.elts) this.compileStore(tg);
      return;
    }
    this.compileExpr(s.value);
    for (let i = 0; i < s.targets.length; i++) {
      if (i < s.targets.length - 1) {
        this.loc(s);
        u.emit(Op.COPY, 1);
      }
      this.compileStore(s.targets[i]);
    }
  }

  private compileAugAssign(s: A.AugAssign): void {
    const u = this.u;
    const t = s.target;
    const arg = binopArg(s.op, true);
    if (t.t === 'Name') {
      this.loc(t);
      this.compileName(t.id, 'load');
      this.compileExpr(s.value);
      this.loc(s);
      u.emit(Op.BINARY_OP, arg);
      this.compileName(t.id, 'store');
    } else if (t.t === 'Attribute') {
      this.compileExpr(t.value);
      this.loc(t);
      u.emit(Op.COPY, 1);
      u.emit(Op.LOAD_ATTR, u.nameIndexOf(mangle(this.className, t.attr)));
      this.compileExpr(s.value);
      this.loc(s);
      u.emit(Op.BINARY_OP, arg);
      u.emit(Op.SWAP, 2);
      this.loc(t);
      u.emit(Op.STORE_ATTR, u.nameIndexOf(mangle(this.className, t.attr)));
    } else {
      this.compileExpr(t.value);
      this.compileExpr(t.slice);
      this.loc(t);
      u.emit(Op.COPY, 2);
      u.emit(Op.COPY, 2);
      u.emit(Op.BINARY_SUBSCR);
      this.compileExpr(s.value);
      this.loc(s);
      u.emit(Op.BINARY_OP, arg);
      u.emit(Op.SWAP, 3);
      u.emit(Op.SWAP, 2);
      this.loc(t);
      u.emit(Op.STORE_SUBSCR);
    }
  }

  private compileAnnAssign(s: A.AnnAssign): void {
    const u = this.u;
    if (s.value) {
      this.compileExpr(s.value);
      this.compileStore(s.target);
    }
    const t = s.target;
    if (t.t === 'Name') {
      if (s.simple && (this.scope.kind === 'module' || this.scope.kind === 'class')) {
        this.compileAnnotation(s.annotation);
        this.loc(s);
        u.emit(Op.LOAD_NAME, u.nameIndexOf('__annotations__'));
        this.loadConst({ k: 'str', v: mangle(this.className, t.id) });
        u.emit(Op.STORE_SUBSCR);
      }
    } else if (!s.value) {
      // `a.b: int` evaluates the target's object (and subscript) but stores nothing.
      if (t.t === 'Attribute') {
        this.compileExpr(t.value);
        u.emit(Op.POP_TOP);
      } else {
        this.compileExpr(t.value);
        u.emit(Op.POP_TOP);
        this.compileExpr(t.slice);
        u.emit(Op.POP_TOP);
      }
      if (this.scope.kind === 'module' || this.scope.kind === 'class') {
        this.compileAnnotation(s.annotation);
        u.emit(Op.POP_TOP);
      }
    } else if (this.scope.kind === 'module' || this.scope.kind === 'class') {
      this.compileAnnotation(s.annotation);
      u.emit(Op.POP_TOP);
    }
  }

  private compileDelete(t: A.Expr): void {
    const u = this.u;
    switch (t.t) {
      case 'Name':
        this.loc(t);
        this.compileName(t.id, 'del');
        return;
      case 'Attribute':
        this.compileExpr(t.value);
        this.loc(t);
        u.emit(Op.DELETE_ATTR, u.nameIndexOf(mangle(this.className, t.attr)));
        return;
      case 'Subscript':
        this.compileExpr(t.value);
        this.compileExpr(t.slice);
        this.loc(t);
        u.emit(Op.DELETE_SUBSCR);
        return;
      case 'Tuple':
      case 'List':
        for (const x of t.elts) this.compileDelete(x);
        return;
      default:
        this.err('cannotDelete', t, ['expression']);
    }
  }

  // ---- control flow ---------------------------------------------------------------------

  private compileIf(s: A.If): void {
    const u = this.u;
    const end = new Label();
    if (s.orelse.length > 0) {
      const orelse = new Label();
      this.compileJumpIf(s.test, orelse, false);
      this.compileBody(s.body);
      u.emitJump(Op.JUMP, end);
      u.bind(orelse);
      this.compileBody(s.orelse);
    } else {
      this.compileJumpIf(s.test, end, false);
      this.compileBody(s.body);
    }
    u.bind(end);
  }

  private compileWhile(s: A.While): void {
    const u = this.u;
    const body = new Label();
    const cont = new Label();
    const orelse = new Label();
    const exit = new Label();
    // Loop inversion: test once at the top, then at the bottom jump back while true.
    this.compileJumpIf(s.test, orelse, false);
    u.bind(body);
    this.fblocks.push({ kind: 'while', start: cont, exit });
    this.compileBody(s.body);
    this.fblocks.pop();
    u.bind(cont);
    this.loc(s);
    this.compileJumpIf(s.test, body, true);
    u.bind(orelse);
    this.compileBody(s.orelse);
    u.bind(exit);
  }

  private compileFor(s: A.For): void {
    const u = this.u;
    const start = new Label();
    const cleanup = new Label();
    const exit = new Label();
    this.compileExpr(s.iter);
    this.loc(s);
    u.emit(Op.GET_ITER);
    // A generator made for this loop alone dies with it: breaking out closes it, as
    // CPython's reference counting does when the loop drops its iterator.
    if (isTemporary(s.iter)) u.emit(Op.CALL_INTRINSIC_1, INTRINSIC_OWN_LOOP_ITER);
    u.bind(start);
    this.loc(s); // CPython 3.11: GET_ITER and FOR_ITER carry the whole statement's span
    u.emitJump(Op.FOR_ITER, cleanup);
    this.fblocks.push({ kind: 'for', start, exit, isAsync: false });
    this.compileStore(s.target);
    this.compileBody(s.body);
    this.fblocks.pop();
    u.at(s.s, s.iter.e);
    u.emitJump(Op.JUMP, start);
    u.bind(cleanup);
    this.compileBody(s.orelse);
    u.bind(exit);
  }

  private compileAsyncFor(s: A.For): void {
    const u = this.u;
    const start = new Label();
    const except = new Label();
    const exit = new Label();
    this.compileExpr(s.iter);
    this.loc(s);
    u.emit(Op.GET_AITER);
    if (isTemporary(s.iter)) u.emit(Op.CALL_INTRINSIC_1, INTRINSIC_OWN_LOOP_ITER);
    u.bind(start);
    u.pushHandler(except);
    u.emit(Op.GET_ANEXT);
    this.loadNone();
    this.compileYieldFrom(true);
    u.popHandler();
    this.fblocks.push({ kind: 'for', start, exit, isAsync: true });
    this.compileStore(s.target);
    this.compileBody(s.body);
    this.fblocks.pop();
    this.loc(s);
    u.emitJump(Op.JUMP, start);
    u.bind(except);
    u.emit(Op.END_ASYNC_FOR);
    this.compileBody(s.orelse);
    u.bind(exit);
  }

  private compileBreakContinue(s: A.Break | A.Continue, isBreak: boolean): void {
    const u = this.u;
    const saved = u.saveHandlers();
    // Find the innermost loop, unwinding (emitting cleanup for) the blocks inside it.
    let loopIndex = -1;
    for (let i = this.fblocks.length - 1; i >= 0; i--) {
      const b = this.fblocks[i];
      if (b.kind === 'while' || b.kind === 'for') {
        loopIndex = i;
        break;
      }
      if (b.kind === 'exception_group_handler') this.err('exceptStarBreak', s, [isBreak ? 'break' : 'continue']);
    }
    if (loopIndex < 0) this.err(isBreak ? 'outsideLoop' : 'continueNotInLoop', s, isBreak ? ['break'] : []);
    const savedBlocks = this.fblocks.slice();
    for (let i = this.fblocks.length - 1; i > loopIndex; i--) {
      const b = this.fblocks[i];
      this.fblocks.length = i;
      this.unwindBlock(b, false);
    }
    const loop = this.fblocks[loopIndex] as { kind: 'while' | 'for'; start: Label; exit: Label; isAsync?: boolean };
    this.loc(s);
    if (isBreak) {
      this.fblocks.length = loopIndex;
      this.unwindBlock(loop as FBlock, false);
      u.emitJump(Op.JUMP, loop.exit);
    } else {
      u.emitJump(Op.JUMP, loop.start);
    }
    this.fblocks.length = 0;
    this.fblocks.push(...savedBlocks);
    u.restoreHandlers(saved);
  }

  private compileReturn(s: A.Return): void {
    const u = this.u;
    if (s.value && this.scope.isGenerator && this.scope.isCoroutine) this.err('returnInAsyncGen', s);
    const saved = u.saveHandlers();
    const savedBlocks = this.fblocks.slice();
    const constValue = s.value === null ? { k: 'none' as const } : s.value.t === 'Constant' ? s.value.value : null;
    const preserve = constValue === null;
    if (preserve) this.compileExpr(s.value!);
    for (let i = this.fblocks.length - 1; i >= 0; i--) {
      const b = this.fblocks[i];
      this.fblocks.length = i;
      this.unwindBlock(b, preserve);
    }
    this.loc(s);
    if (preserve) u.emit(Op.RETURN_VALUE);
    else u.emit(Op.RETURN_CONST, u.constIndexOf(constValue!));
    this.fblocks.length = 0;
    this.fblocks.push(...savedBlocks);
    u.restoreHandlers(saved);
  }

  /** Emit the cleanup a frame block needs when control leaves it early. */
  private unwindBlock(b: FBlock, preserveTos: boolean): void {
    const u = this.u;
    switch (b.kind) {
      case 'while':
      case 'exception_handler':
      case 'exception_group_handler':
      case 'async_comprehension_generator':
        return;
      case 'for':
        if (preserveTos) u.emit(Op.SWAP, 2);
        u.emit(Op.CALL_INTRINSIC_1, INTRINSIC_CLOSE_LOOP_ITER);
        u.emit(Op.POP_TOP);
        return;
      case 'try_except':
        u.popHandler();
        return;
      case 'finally_try':
        u.popHandler();
        if (preserveTos) this.fblocks.push({ kind: 'pop_value' });
        this.compileBody(b.body);
        if (preserveTos) this.fblocks.pop();
        return;
      case 'finally_end':
        if (preserveTos) u.emit(Op.SWAP, 2);
        u.emit(Op.POP_TOP); // the exception
        if (preserveTos) u.emit(Op.SWAP, 2);
        u.popHandler();
        u.emit(Op.POP_EXCEPT);
        return;
      case 'with':
        u.popHandler();
        if (preserveTos) u.emit(Op.SWAP, 2);
        this.loc(b.node);
        this.callExitWithNones(b.isAsync);
        return;
      case 'handler_cleanup':
        if (b.name !== null) u.popHandler();
        if (preserveTos) u.emit(Op.SWAP, 2);
        u.popHandler();
        u.emit(Op.POP_EXCEPT);
        if (b.name !== null) {
          this.loadNone();
          this.compileName(b.name, 'store');
          this.compileName(b.name, 'del');
        }
        return;
      case 'pop_value':
        if (preserveTos) u.emit(Op.SWAP, 2);
        u.emit(Op.POP_TOP);
        return;
    }
  }

  /** Call the __exit__ on the stack with (None, None, None) and discard the result. */
  private callExitWithNones(isAsync: boolean): void {
    const u = this.u;
    this.loadNone();
    this.loadNone();
    this.loadNone();
    u.emit(Op.CALL, 3);
    if (isAsync) {
      u.emit(Op.GET_AWAITABLE, 2);
      this.loadNone();
      this.compileYieldFrom(true);
    }
    u.emit(Op.POP_TOP);
  }

  // ---- exceptions -----------------------------------------------------------------------

  /** POP_EXCEPT_AND_RERAISE: stack [prev_exc, exc] -> restore prev and re-raise exc. */
  private popExceptAndReraise(): void {
    const u = this.u;
    u.emit(Op.COPY, 2);
    u.emit(Op.POP_EXCEPT);
    u.emit(Op.RERAISE);
  }

  private compileTryExcept(s: A.Try): void {
    const u = this.u;
    const except = new Label();
    const end = new Label();
    const cleanup = new Label();
    u.pushHandler(except);
    this.fblocks.push({ kind: 'try_except' });
    this.compileBody(s.body);
    this.fblocks.pop();
    u.popHandler();
    this.compileBody(s.orelse);
    u.emitJump(Op.JUMP, end);
    u.bind(except);
    const cleanupH = u.pushHandler(cleanup);
    u.at(s.handlers[0].s, s.handlers[0].s);
    u.emit(Op.PUSH_EXC_INFO);
    this.fblocks.push({ kind: 'exception_handler' });
    for (const h of s.handlers) {
      this.loc(h);
      const next = new Label();
      if (h.type) {
        this.compileExpr(h.type);
        this.loc(h);
        u.emit(Op.CHECK_EXC_MATCH);
        u.emitJump(Op.POP_JUMP_IF_FALSE, next);
      }
      if (h.name) {
        const cleanupEnd = new Label();
        this.compileName(h.name, 'store');
        u.pushHandler(cleanupEnd);
        this.fblocks.push({ kind: 'handler_cleanup', name: h.name });
        this.compileBody(h.body);
        this.fblocks.pop();
        u.popHandler();
        u.popHandler();
        u.emit(Op.POP_EXCEPT);
        this.loadNone();
        this.compileName(h.name, 'store');
        this.compileName(h.name, 'del');
        u.emitJump(Op.JUMP, end);
        // An exception inside the clause: unbind the name and re-raise into `cleanup`.
        u.bind(cleanupEnd);
        u.reenterHandler(cleanupH);
        this.loadNone();
        this.compileName(h.name, 'store');
        this.compileName(h.name, 'del');
        u.emit(Op.RERAISE);
        u.popHandler();
      } else {
        u.emit(Op.POP_TOP);
        this.fblocks.push({ kind: 'handler_cleanup', name: null });
        this.compileBody(h.body);
        this.fblocks.pop();
        u.popHandler();
        u.emit(Op.POP_EXCEPT);
        u.emitJump(Op.JUMP, end);
      }
      // The type test failed: still inside the cleanup region.
      u.bind(next);
      u.reenterHandler(cleanupH);
    }
    this.fblocks.pop();
    u.emit(Op.RERAISE);
    u.popHandler();
    u.bind(cleanup);
    this.popExceptAndReraise();
    u.bind(end);
  }

  private compileTryFinally(s: A.Try): void {
    const u = this.u;
    const handler = new Label();
    const exit = new Label();
    const cleanup = new Label();
    u.pushHandler(handler);
    this.fblocks.push({ kind: 'finally_try', body: s.finalbody });
    if (s.handlers.length > 0) {
      if (s.isStar) this.compileTryStar({ ...s, finalbody: [] });
      else this.compileTryExcept({ ...s, finalbody: [] });
    } else this.compileBody(s.body);
    this.fblocks.pop();
    u.popHandler();
    this.compileBody(s.finalbody);
    u.emitJump(Op.JUMP, exit);
    // Exceptional path: run the finally body with the exception as the handled one.
    u.bind(handler);
    u.pushHandler(cleanup);
    u.emit(Op.PUSH_EXC_INFO);
    this.fblocks.push({ kind: 'finally_end' });
    this.compileBody(s.finalbody);
    this.fblocks.pop();
    u.emit(Op.RERAISE);
    u.popHandler();
    u.bind(cleanup);
    this.popExceptAndReraise();
    u.bind(exit);
  }

  /**
   * try/except* (PEP 654). The raised exception (a group, or wrapped into one) is split by
   * each clause's type; matching parts run the clause body with the matched subgroup as
   * the handled exception; whatever remains or is raised in clauses is re-raised at the
   * end, combined as CPython does (PREP_RERAISE_STAR).
   */
  private compileTryStar(s: A.Try): void {
    const u = this.u;
    const except = new Label();
    const end = new Label();
    const cleanup = new Label();
    const reraiseStar = new Label();
    u.pushHandler(except);
    this.fblocks.push({ kind: 'try_except' });
    this.compileBody(s.body);
    this.fblocks.pop();
    u.popHandler();
    this.compileBody(s.orelse);
    u.emitJump(Op.JUMP, end);
    u.bind(except);
    u.pushHandler(cleanup);
    u.emit(Op.PUSH_EXC_INFO);
    // Stack: [prev, orig]. Keep orig, a list of raised exceptions, and the remainder.
    u.emit(Op.COPY, 1); // [prev, orig, rest]
    u.emit(Op.BUILD_LIST, 0); // [prev, orig, rest, raised]
    u.emit(Op.SWAP, 2); // [prev, orig, raised, rest]
    this.fblocks.push({ kind: 'exception_group_handler' });
    for (const h of s.handlers) {
      this.loc(h);
      const next = new Label();
      const cleanupEnd = new Label();
      const bodyEnd = new Label();
      this.compileExpr(h.type!); // [.., raised, rest, type]
      this.loc(h);
      u.emit(Op.CHECK_EG_MATCH); // [.., raised, rest', match|None]
      u.emit(Op.COPY, 1);
      u.emitJump(Op.POP_JUMP_IF_NONE, next); // [.., raised, rest', match]
      // Run the body with `match` as the handled exception; exceptions raised in the body
      // are collected into `raised`.
      u.pushHandler(cleanupEnd);
      u.emit(Op.PUSH_EXC_INFO); // [.., raised, rest', prevx, match]
      if (h.name) this.compileName(h.name, 'store');
      else u.emit(Op.POP_TOP); // [.., raised, rest', prevx]
      this.fblocks.push({ kind: 'handler_cleanup', name: null });
      this.compileBody(h.body);
      this.fblocks.pop();
      u.popHandler();
      u.emit(Op.POP_EXCEPT); // [.., raised, rest']
      if (h.name) {
        this.loadNone();
        this.compileName(h.name, 'store');
        this.compileName(h.name, 'del');
      }
      u.emitJump(Op.JUMP, bodyEnd);
      u.bind(cleanupEnd); // [.., raised, rest', prevx, exc]
      u.emit(Op.SWAP, 2);
      u.emit(Op.POP_EXCEPT); // [.., raised, rest', exc]
      if (h.name) {
        this.loadNone();
        this.compileName(h.name, 'store');
        this.compileName(h.name, 'del');
      }
      u.emit(Op.LIST_APPEND, 2); // raised.append(exc) -> [.., raised, rest']
      u.emitJump(Op.JUMP, bodyEnd);
      u.bind(next); // [.., raised, rest', None]
      u.emit(Op.POP_TOP);
      u.bind(bodyEnd);
    }
    this.fblocks.pop();
    u.bind(reraiseStar);
    // [prev, orig, raised, rest] -> combine: rest (unhandled) plus raised ones.
    u.emit(Op.BUILD_TUPLE, 2); // [prev, orig, (raised, rest)]
    u.emit(Op.PREP_RERAISE_STAR); // [prev, exc|None]
    u.emit(Op.COPY, 1);
    const noReraise = new Label();
    u.emitJump(Op.POP_JUMP_IF_NONE, noReraise);
    u.emit(Op.RERAISE);
    u.bind(noReraise); // [prev, None]
    u.emit(Op.POP_TOP);
    u.popHandler();
    u.emit(Op.POP_EXCEPT);
    u.emitJump(Op.JUMP, end);
    u.bind(cleanup);
    this.popExceptAndReraise();
    u.bind(end);
  }

  // ---- with -----------------------------------------------------------------------------

  private compileWith(s: A.With, index: number): void {
    const u = this.u;
    const item = s.items[index];
    const final = new Label();
    const exit = new Label();
    const cleanup = new Label();
    this.compileExpr(item.contextExpr);
    this.loc(s);
    if (s.isAsync) {
      u.emit(Op.BEFORE_ASYNC_WITH);
      u.emit(Op.GET_AWAITABLE, 1);
      this.loadNone();
      this.compileYieldFrom(true);
    } else u.emit(Op.BEFORE_WITH);
    u.pushHandler(final, -1);
    this.fblocks.push({ kind: 'with', isAsync: s.isAsync, node: s });
    if (item.optionalVars) this.compileStore(item.optionalVars);
    else u.emit(Op.POP_TOP);
    if (index + 1 < s.items.length) this.compileWith(s, index + 1);
    else this.compileBody(s.body);
    this.fblocks.pop();
    u.popHandler();
    this.loc(s);
    this.callExitWithNones(s.isAsync);
    u.emitJump(Op.JUMP, exit);
    // Exceptional path: [exit, exc]
    u.bind(final);
    u.pushHandler(cleanup);
    u.emit(Op.PUSH_EXC_INFO); // [exit, prev, exc]
    u.emit(Op.WITH_EXCEPT_START); // [exit, prev, exc, res]
    if (s.isAsync) {
      u.emit(Op.GET_AWAITABLE, 2);
      this.loadNone();
      this.compileYieldFrom(true);
    }
    const suppress = new Label();
    u.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
    u.emit(Op.RERAISE);
    u.bind(suppress);
    u.emit(Op.POP_TOP); // exc
    u.popHandler();
    u.emit(Op.POP_EXCEPT);
    u.emit(Op.POP_TOP); // exit
    u.emitJump(Op.JUMP, exit);
    u.bind(cleanup);
    this.popExceptAndReraise();
    u.bind(exit);
  }

  // ---- imports --------------------------------------------------------------------------

  private compileImport(s: A.Import): void {
    const u = this.u;
    for (const a of s.names) {
      this.loc(s); // CPython 3.11 gives every import instruction the statement's span
      this.loadConst({ k: 'int', v: 0 });
      this.loadNone();
      u.emit(Op.IMPORT_NAME, u.nameIndexOf(a.name));
      if (a.asname) {
        const parts = a.name.split('.');
        for (let i = 1; i < parts.length; i++) {
          u.emit(Op.IMPORT_FROM, u.nameIndexOf(parts[i]));
          u.emit(Op.SWAP, 2);
          u.emit(Op.POP_TOP);
        }
        this.compileName(a.asname, 'store');
      } else {
        this.compileName(a.name.split('.')[0], 'store');
      }
    }
  }

  private compileImportFrom(s: A.ImportFrom): void {
    const u = this.u;
    this.loadConst({ k: 'int', v: s.level });
    this.loadConst({ k: 'tuple', items: s.names.map((a) => ({ k: 'str' as const, v: a.name })) });
    u.emit(Op.IMPORT_NAME, u.nameIndexOf(s.module ?? ''));
    if (s.names.length === 1 && s.names[0].name === '*') {
      u.emit(Op.CALL_INTRINSIC_1, 1);
      u.emit(Op.POP_TOP);
      return;
    }
    for (const a of s.names) {
      this.loc(s);
      u.emit(Op.IMPORT_FROM, u.nameIndexOf(a.name));
      this.compileName(a.asname ?? a.name, 'store');
    }
    u.emit(Op.POP_TOP);
  }
}

export interface CompileOptions {
  interactive?: boolean;
}

/** Compile a whole module to its code object. Throws CompileError on invalid programs. */
export function compileModule(source: Source, options: CompileOptions = {}): CodeObject {
  const mod = new Parser(source).parseFile();
  return compileParsedModule(source, mod, options);
}

export function compileParsedModule(source: Source, mod: A.Module, options: CompileOptions = {}): CodeObject {
  const symtable = buildSymbolTable(source, mod);
  const ctx: ModuleContext = { source, symtable, interactive: options.interactive ?? false };
  const scope = symtable.top;
  const doc = mod.docstring ? ((mod.body[0] as A.ExprStmt).value as A.Constant).value : null;
  const u = new CodeUnit({
    name: '<module>',
    qualname: '<module>',
    source,
    firstLine: 1,
    argcount: 0,
    posonlyargcount: 0,
    kwonlyargcount: 0,
    flags: 0,
    varnames: [],
    cellvars: [],
    freevars: [],
    docstring: doc && doc.k === 'str' ? doc.v : null,
  });
  const gen = new CodeGen(ctx, scope, u, null, null);
  u.at(0, 0);
  if (scope.hasAnnotations) u.emit(Op.SETUP_ANNOTATIONS);
  let body = mod.body;
  if (doc && doc.k === 'str' && !options.interactive) {
    gen.compileExpr((mod.body[0] as A.ExprStmt).value);
    u.emit(Op.STORE_NAME, u.nameIndexOf('__doc__'));
    body = body.slice(1);
  }
  gen.compileBody(body);
  const end = source.text.length;
  u.at(end, end);
  u.line = Math.max(1, source.lineOf(Math.max(0, end - 1)));
  u.emit(Op.RETURN_CONST, u.constIndexOf({ k: 'none' }));
  return u.assemble(`<module>@${hashText(source.text)}`);
}

/** Compile an expression for eval(): the code returns its value. */
export function compileEval(source: Source): CodeObject {
  const parser = new Parser(source);
  const e = parser.parseEvalInput();
  const symtable = buildSymbolTableForExpr(source, e);
  const ctx: ModuleContext = { source, symtable, interactive: false };
  const u = new CodeUnit({
    name: '<module>', qualname: '<module>', source, firstLine: 1, argcount: 0, posonlyargcount: 0,
    kwonlyargcount: 0, flags: 0, varnames: [], cellvars: [], freevars: [], docstring: null,
  });
  const gen = new CodeGen(ctx, symtable.top, u, null, null);
  gen.compileExpr(e);
  u.emit(Op.RETURN_VALUE);
  return u.assemble(`<eval>@${hashText(source.text)}`);
}

export { Source };

/** The Compare node compiler_jump_if visits last in `e` (through not/and/or/if-else). */
function lastJumpIfCompare(e: A.Expr): A.Expr | null {
  switch (e.t) {
    case 'Compare':
      return e;
    case 'UnaryOp':
      return e.op === 'not' ? lastJumpIfCompare(e.operand) : null;
    case 'BoolOp': {
      let last: A.Expr | null = null;
      for (const v of e.values) last = lastJumpIfCompare(v) ?? last;
      return last;
    }
    case 'IfExp':
      return lastJumpIfCompare(e.orelse) ?? lastJumpIfCompare(e.body) ?? lastJumpIfCompare(e.test);
    default:
      return null;
  }
}

const INTRINSIC_OWN_LOOP_ITER = INTRINSICS.indexOf('OWN_LOOP_ITER');
const INTRINSIC_CLOSE_LOOP_ITER = INTRINSICS.indexOf('CLOSE_LOOP_ITER');

/** An iterable expression whose value nothing else references (a call, a generator expression). */
function isTemporary(e: A.Expr): boolean {
  return e.t === 'Call' || e.t === 'GeneratorExp';
}
