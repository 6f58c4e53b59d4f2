// Parser, part 2: statements, blocks and match patterns.
//
// Builds the Module AST from the token stream (see parser_expr.ts for expressions). Blocks
// are NEWLINE INDENT ... DEDENT or a simple statement list on the header's line. Soft
// keywords (match, case, type) are recognised by trying the statement form and
// backtracking to an expression statement when it does not fit, which the lazy token
// array makes cheap. Errors mirror CPython 3.11's messages, including the IndentationError
// naming the statement whose block is missing.

import { CompileError } from '../diagnostics.js';
import type * as A from './ast.js';
import { AUG_OPS, ExprParser, exprName } from './parser_expr.js';
import { Source } from './source.js';
import { T } from './tokens.js';

export function parseModule(source: Source): A.Module {
  return new Parser(source).parseFile();
}

/** Parse a source text given directly (REPL input, eval/exec strings). */
export function parseText(filename: string, text: string): { module: A.Module; source: Source } {
  const source = new Source(filename, text);
  return { module: parseModule(source), source };
}

/** Headers whose ':' the 3.11 grammar forces (&&':'): "expected ':'" at whatever follows. */
const FORCED_COLON: ReadonlySet<string> = new Set(['function definition', "'try' statement", "'finally' statement", "'else' statement"]);

/** Tokens that cannot start a bitwise_or expression (Grammar/python.gram). */
const NOT_BITWISE_OR_START: ReadonlySet<number> = new Set([T.KW_YIELD, T.KW_LAMBDA, T.KW_NOT, T.STAR]);

/** Tokens after `match` that make `match X` no expression statement. */
const MATCH_SUBJECT_START: ReadonlySet<number> = new Set([T.NAME, T.NUMBER, T.STRING, T.LBRACE, T.KW_NONE, T.KW_TRUE, T.KW_FALSE]);

export class Parser extends ExprParser {
  parseFile(): A.Module {
    const body: A.Stmt[] = [];
    try {
      while (this.k() !== T.ENDMARKER) {
        if (this.eat(T.NEWLINE)) continue;
        this.parseStatementInto(body);
      }
    } catch (e) {
      // CPython reports an unexpected indent without looking further (pegen_errors.c).
      if (e instanceof CompileError && e.diag.id !== 'unexpectedIndent') throw this.lx.errorAfterParseError() ?? e;
      throw e;
    }
    return { body, docstring: isDocstring(body) };
  }

  /** Parse `eval` input: one expression list followed by the end. */
  parseEvalInput(): A.Expr {
    while (this.k() === T.NEWLINE || this.k() === T.INDENT) this.i++;
    const e = this.parseStarExprs();
    // eval: expressions NEWLINE* ENDMARKER (Grammar/python.gram): unlike a statement's
    // star_expressions, a bare `*a` (alone or in an unparenthesized tuple) is invalid there.
    const starred = e.t === 'Starred' ? e : e.t === 'Tuple' && !e.parens ? e.elts.find((x) => x.t === 'Starred') : undefined;
    if (starred !== undefined) this.fail('invalidSyntax', starred.s);
    while (this.k() === T.NEWLINE || this.k() === T.DEDENT) this.i++;
    if (this.k() !== T.ENDMARKER) this.failHere();
    return e;
  }

  private parseStatementInto(out: A.Stmt[]): void {
    const k = this.k();
    switch (k) {
      case T.KW_DEF:
      case T.KW_IF:
      case T.KW_CLASS:
      case T.KW_WITH:
      case T.KW_FOR:
      case T.KW_TRY:
      case T.KW_WHILE:
      case T.AT:
        out.push(this.parseCompound());
        return;
      case T.KW_ASYNC:
        if (this.kAt(1) === T.KW_DEF || this.kAt(1) === T.KW_WITH || this.kAt(1) === T.KW_FOR) {
          out.push(this.parseCompound());
          return;
        }
        break;
      case T.INDENT:
        this.fail('unexpectedIndent', this.lx.endOf(this.i) - 1);
      // falls through (fail never returns)
      case T.NAME:
        if (this.isName('match')) {
          const m = this.tryMatch();
          if (m) {
            out.push(m);
            return;
          }
        }
        break;
      default:
        break;
    }
    this.parseSimpleStatements(out);
  }

  private parseSimpleStatements(out: A.Stmt[]): void {
    for (;;) {
      out.push(this.parseSimple());
      if (this.eat(T.SEMI)) {
        if (this.k() === T.NEWLINE) break;
        continue;
      }
      break;
    }
    if (this.k() !== T.NEWLINE) {
      if (this.k() === T.ENDMARKER) return;
      this.failHere();
    }
    this.i++;
  }

  private parseCompound(): A.Stmt {
    const k = this.k();
    switch (k) {
      case T.AT:
        return this.parseDecorated();
      case T.KW_DEF:
        return this.parseFuncDef([], false, this.pos());
      case T.KW_CLASS:
        return this.parseClassDef([], this.pos());
      case T.KW_IF:
        return this.parseIf();
      case T.KW_WHILE:
        return this.parseWhile();
      case T.KW_FOR:
        return this.parseFor(false, this.pos());
      case T.KW_WITH:
        return this.parseWith(false, this.pos());
      case T.KW_TRY:
        return this.parseTry();
      case T.KW_ASYNC: {
        const s = this.pos();
        this.i++;
        if (this.k() === T.KW_DEF) return this.parseFuncDef([], true, s);
        if (this.k() === T.KW_WITH) return this.parseWith(true, s);
        return this.parseFor(true, s);
      }
      default:
        this.failHere();
    }
  }

  /**
   * A block after a header's ':'. `what` names the statement in CPython's IndentationError
   * ("expected an indented block after 'if' statement on line 3").
   */
  private parseBlock(what: string, headerPos: number): A.Stmt[] {
    if (this.k() !== T.COLON) {
      // Grammar/python.gram (3.11): def, try, finally and else demand their ':' (&&':',
      // an error at the token found); the other headers say "expected ':'" only when the
      // line ends there (their invalid_*_stmt rules) and are plain invalid syntax otherwise.
      if (FORCED_COLON.has(what)) this.fail('expectedColon', this.pos(), [], { end: this.lx.endOf(this.i) });
      if (this.k() === T.NEWLINE) this.fail('expectedColon', this.pos(), [], { end: this.lx.endOf(this.i) });
      this.failHere();
    }
    this.i++;
    const body: A.Stmt[] = [];
    if (this.eat(T.NEWLINE)) {
      if (this.k() !== T.INDENT) {
        let j = this.i;
        while (this.lx.kind(j) === T.DEDENT) j++;
        if (this.lx.kind(j) === T.ENDMARKER) {
          // At the end of the file CPython names the file's last line and no column
          // (the ENDMARKER token has none when the file is read from disk).
          const text = this.source.text;
          const last = text.length === 0 ? 1 : this.source.lineOf(text.endsWith('\n') ? text.length - 1 : text.length);
          this.fail('expectedIndent', this.prevEnd(), [what, this.source.lineOf(headerPos)], { line: last, pyOffset: 0 });
        }
        this.fail('expectedIndent', this.pos(), [what, this.source.lineOf(headerPos)]);
      }
      this.i++;
      while (this.k() !== T.DEDENT && this.k() !== T.ENDMARKER) {
        if (this.eat(T.NEWLINE)) continue;
        this.parseStatementInto(body);
      }
      this.eat(T.DEDENT);
    } else {
      if (this.k() === T.ENDMARKER) this.failHere();
      this.parseSimpleStatements(body);
    }
    return body;
  }

  private parseDecorated(): A.Stmt {
    const s = this.pos();
    const decorators: A.Expr[] = [];
    while (this.eat(T.AT)) {
      decorators.push(this.parseNamedExpr());
      if (this.k() !== T.NEWLINE) this.failHere();
      this.i++;
    }
    if (this.k() === T.KW_DEF) return this.parseFuncDef(decorators, false, s);
    if (this.k() === T.KW_ASYNC && this.kAt(1) === T.KW_DEF) {
      this.i++;
      return this.parseFuncDef(decorators, true, s);
    }
    if (this.k() === T.KW_CLASS) return this.parseClassDef(decorators, s);
    this.failHere();
  }

  private parseFuncDef(decorators: A.Expr[], isAsync: boolean, s: number): A.FunctionDef {
    const defPos = this.pos();
    this.expect(T.KW_DEF);
    const name = this.name();
    if (this.k() !== T.LPAR) this.fail('expected', this.pos(), ['('], { end: this.lx.endOf(this.i) });
    this.i++;
    const args = this.parseParams(T.RPAR, true);
    this.expectClose(T.RPAR, ')');
    let returns: A.Expr | null = null;
    if (this.eat(T.ARROW)) returns = this.parseExpr();
    const body = this.parseBlock('function definition', defPos);
    return { t: 'FunctionDef', name, args, body, decorators, returns, isAsync, s, e: this.prevEnd(), defPos };
  }

  private parseClassDef(decorators: A.Expr[], s: number): A.ClassDef {
    const classPos = this.pos();
    this.expect(T.KW_CLASS);
    const name = this.name();
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (this.k() === T.LPAR) {
      const call = this.parsePrimaryCallArgs();
      bases = call.args;
      keywords = call.keywords;
    }
    const body = this.parseBlock('class definition', classPos);
    return { t: 'ClassDef', name, bases, keywords, body, decorators, s, e: this.prevEnd(), classPos };
  }

  /** Parse `(args)` as a call's argument list (class bases use call syntax). */
  private parsePrimaryCallArgs(): A.Call {
    const placeholder: A.Name = { t: 'Name', id: '', ctx: 'load', s: this.pos(), e: this.pos() };
    return this.parseCall(placeholder);
  }

  private parseIf(): A.If {
    const s = this.pos();
    const kw = this.k() === T.KW_IF ? 'if' : 'elif';
    this.i++;
    const test = this.parseNamedExpr();
    const body = this.parseBlock(`'${kw}' statement`, s);
    let orelse: A.Stmt[] = [];
    if (this.k() === T.KW_ELIF) {
      orelse = [this.parseIf()];
    } else if (this.k() === T.KW_ELSE) {
      const es = this.pos();
      this.i++;
      orelse = this.parseBlock("'else' statement", es);
    }
    return { t: 'If', test, body, orelse, s, e: this.prevEnd() };
  }

  private parseWhile(): A.While {
    const s = this.pos();
    this.i++;
    const test = this.parseNamedExpr();
    const body = this.parseBlock("'while' statement", s);
    let orelse: A.Stmt[] = [];
    if (this.k() === T.KW_ELSE) {
      const es = this.pos();
      this.i++;
      orelse = this.parseBlock("'else' statement", es);
    }
    return { t: 'While', test, body, orelse, s, e: this.prevEnd() };
  }

  private parseFor(isAsync: boolean, s: number): A.For {
    const fs = this.pos();
    this.expect(T.KW_FOR);
    const target = this.parseTargetList(T.KW_IN);
    this.setContext(target, 'store', 'for');
    this.expect(T.KW_IN);
    const iter = this.parseStarExprs();
    const body = this.parseBlock("'for' statement", fs);
    let orelse: A.Stmt[] = [];
    if (this.k() === T.KW_ELSE) {
      const es = this.pos();
      this.i++;
      orelse = this.parseBlock("'else' statement", es);
    }
    return { t: 'For', target, iter, body, orelse, isAsync, s, e: this.prevEnd() };
  }

  private parseWith(isAsync: boolean, s: number): A.With {
    const ws = this.pos();
    this.expect(T.KW_WITH);
    let items: A.WithItem[] | null = null;
    if (this.k() === T.LPAR) {
      // 3.10+ parenthesised with-items; fall back to an ordinary expression if not that.
      const save = this.i;
      try {
        this.i++;
        const list: A.WithItem[] = [];
        while (this.k() !== T.RPAR) {
          list.push(this.parseWithItem());
          if (!this.eat(T.COMMA)) break;
        }
        this.expect(T.RPAR);
        if (this.k() !== T.COLON) throw new Error('not parenthesised items');
        items = list;
      } catch (err) {
        if (err instanceof CompileError && !(err.diag.id === 'invalidSyntax' || err.diag.id === 'expected')) throw err;
        this.i = save;
        items = null;
      }
    }
    if (items === null) {
      items = [this.parseWithItem()];
      while (this.eat(T.COMMA)) items.push(this.parseWithItem());
    }
    const body = this.parseBlock("'with' statement", ws);
    return { t: 'With', items, body, isAsync, s, e: this.prevEnd() };
  }

  private parseWithItem(): A.WithItem {
    const contextExpr = this.parseExpr();
    let optionalVars: A.Expr | null = null;
    if (this.eat(T.KW_AS)) {
      optionalVars = this.parseStarTarget();
      this.setContext(optionalVars, 'store', 'with');
    }
    return { contextExpr, optionalVars };
  }

  private parseTry(): A.Try {
    const s = this.pos();
    this.i++;
    const body = this.parseBlock("'try' statement", s);
    const handlers: A.ExceptHandler[] = [];
    let isStar: boolean | null = null;
    while (this.k() === T.KW_EXCEPT) {
      const hs = this.pos();
      this.i++;
      const star = this.eat(T.STAR);
      if (isStar !== null && isStar !== star) this.fail('exceptStarMixed', hs, [], { end: hs + 'except'.length });
      isStar = star;
      let type: A.Expr | null = null;
      let name: string | null = null;
      if (this.k() !== T.COLON) {
        type = this.parseExpr();
        if (this.k() === T.COMMA) {
          const elts = [type];
          while (this.eat(T.COMMA)) {
            if (this.k() === T.COLON || this.k() === T.KW_AS) break;
            elts.push(this.parseExpr());
          }
          if (this.k() === T.KW_AS) this.fail('invalidSyntax', this.pos());
          this.fail('invalidSyntax', type.s, [], { end: this.prevEnd() });
        }
        if (this.eat(T.KW_AS)) name = this.name();
      } else if (star) {
        this.fail('exceptStarBare', this.pos());
      } else if (handlers.length > 0 && handlers[handlers.length - 1].type === null) {
        // handled below
      }
      const prev = handlers[handlers.length - 1];
      if (prev !== undefined && prev.type === null) this.fail('defaultExceptNotLast', prev.s, [], { end: prev.e });
      const hbody = this.parseBlock(star ? "'except*' statement" : "'except' statement", hs);
      handlers.push({ type, name, body: hbody, s: hs, e: this.prevEnd() });
    }
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    if (this.k() === T.KW_ELSE) {
      if (handlers.length === 0) this.failHere();
      const es = this.pos();
      this.i++;
      orelse = this.parseBlock("'else' statement", es);
    }
    if (this.k() === T.KW_FINALLY) {
      const fs = this.pos();
      this.i++;
      finalbody = this.parseBlock("'finally' statement", fs);
    }
    if (handlers.length === 0 && finalbody.length === 0) this.fail('expectedExcept', this.pos(), [], { end: this.lx.endOf(this.i) });
    return { t: 'Try', body, handlers, orelse, finalbody, isStar: isStar === true, s, e: this.prevEnd() };
  }

  // ---- simple statements ----------------------------------------------------------------

  private parseSimple(): A.Stmt {
    const s = this.pos();
    switch (this.k()) {
      case T.KW_PASS:
        this.i++;
        return { t: 'Pass', s, e: this.prevEnd() };
      case T.KW_BREAK:
        this.i++;
        return { t: 'Break', s, e: this.prevEnd() };
      case T.KW_CONTINUE:
        this.i++;
        return { t: 'Continue', s, e: this.prevEnd() };
      case T.KW_RETURN: {
        this.i++;
        const value = this.atStatementEnd() ? null : this.parseStarExprs();
        return { t: 'Return', value, s, e: this.prevEnd() };
      }
      case T.KW_RAISE: {
        this.i++;
        let exc: A.Expr | null = null;
        let cause: A.Expr | null = null;
        if (!this.atStatementEnd()) {
          exc = this.parseExpr();
          if (this.eat(T.KW_FROM)) cause = this.parseExpr();
        }
        return { t: 'Raise', exc, cause, s, e: this.prevEnd() };
      }
      case T.KW_GLOBAL:
      case T.KW_NONLOCAL: {
        const isGlobal = this.k() === T.KW_GLOBAL;
        this.i++;
        const names = [this.name()];
        while (this.eat(T.COMMA)) names.push(this.name());
        return isGlobal ? { t: 'Global', names, s, e: this.prevEnd() } : { t: 'Nonlocal', names, s, e: this.prevEnd() };
      }
      case T.KW_DEL: {
        this.i++;
        const targets: A.Expr[] = [];
        do {
          if (this.atStatementEnd()) break;
          const tg = this.parseBitOr();
          this.setContext(tg, 'del', 'del');
          targets.push(tg);
        } while (this.eat(T.COMMA));
        if (targets.length === 0) this.failHere();
        return { t: 'Delete', targets, s, e: this.prevEnd() };
      }
      case T.KW_ASSERT: {
        this.i++;
        const test = this.parseExpr();
        const msg = this.eat(T.COMMA) ? this.parseExpr() : null;
        return { t: 'Assert', test, msg, s, e: this.prevEnd() };
      }
      case T.KW_IMPORT:
        return this.parseImport();
      case T.KW_FROM:
        return this.parseFromImport();
      case T.NAME:
        if (this.isName('type') && this.kAt(1) === T.NAME && this.kAt(2) === T.EQUAL) {
          this.i++;
          const ns = this.pos();
          const id = this.name();
          this.i++;
          const value = this.parseExpr();
          return { t: 'TypeAlias', name: { t: 'Name', id, ctx: 'store', s: ns, e: ns + id.length }, value, s, e: this.prevEnd() };
        }
        break;
      default:
        break;
    }
    return this.parseExprOrAssign();
  }

  private atStatementEnd(): boolean {
    const k = this.k();
    return k === T.NEWLINE || k === T.SEMI || k === T.ENDMARKER;
  }

  private parseExprOrAssign(): A.Stmt {
    const s = this.pos();
    const first = this.k() === T.KW_YIELD ? this.parseYield() : this.parseStarExprs(true);
    const k = this.k();
    if (k === T.EQUAL) {
      const targets: A.Expr[] = [first];
      let value: A.Expr = first;
      // CPython's "here. Maybe you meant '=='" hint needs `target = value` with one '='
      // and a value that is a bitwise_or (no yield, lambda, not, or starred value).
      const hint = !NOT_BITWISE_OR_START.has(this.kAt(1));
      while (this.eat(T.EQUAL)) {
        value = this.k() === T.KW_YIELD ? this.parseYield() : this.parseStarExprs();
        targets.push(value);
      }
      targets.pop();
      for (const tg of targets) {
        if (tg.t === 'Starred') this.fail('starredAssignTarget', tg.s, [], { end: tg.e });
        this.setContext(tg, 'store', hint && targets.length === 1 ? 'assign' : 'chain');
      }
      return { t: 'Assign', targets, value, s, e: this.prevEnd() };
    }
    const aug = AUG_OPS.get(k);
    if (aug !== undefined) {
      if (first.t !== 'Name' && first.t !== 'Attribute' && first.t !== 'Subscript') {
        this.fail('illegalAugTarget', first.s, [exprName(first)], { end: first.e });
      }
      this.i++;
      const value = this.k() === T.KW_YIELD ? this.parseYield() : this.parseStarExprs();
      this.setContext(first, 'store', 'aug');
      return { t: 'AugAssign', target: first, op: aug, value, s, e: this.prevEnd() };
    }
    if (k === T.COLON) {
      if (first.t !== 'Name' && first.t !== 'Attribute' && first.t !== 'Subscript') {
        if (first.t === 'Tuple' || first.t === 'List') this.fail('onlySingleTargetAnnotated', first.s, [first.t === 'Tuple' ? 'tuple' : 'list'], { end: first.e });
        this.fail('illegalAnnotationTarget', first.s, [exprName(first)], { end: first.e });
      }
      this.i++;
      const annotation = this.parseExpr();
      let value: A.Expr | null = null;
      if (this.eat(T.EQUAL)) value = this.k() === T.KW_YIELD ? this.parseYield() : this.parseStarExprs();
      const parenthesised = first.t === 'Name' && this.source.text[s] === '(';
      this.setContext(first, 'store', 'assign');
      return { t: 'AnnAssign', target: first, annotation, value, simple: first.t === 'Name' && !parenthesised, s, e: this.prevEnd() };
    }
    if (first.t === 'Name' && (first.id === 'print' || first.id === 'exec') && this.canStartExpr() && this.k() !== T.LPAR) {
      this.fail('missingParensPrint', first.s, [first.id], { end: this.legacyArgEnd() });
    }
    if (first.t === 'Starred') this.fail('cantUseStarred', first.s, [], { end: first.e });
    return { t: 'Expr', value: first, s, e: this.prevEnd() };
  }

  /**
   * The end of `b` in invalid_legacy_expression (`print b`): the longest prefix that parses
   * as star_expressions, at least an atom; the rest of the line when even that fails.
   */
  private legacyArgEnd(): number {
    const save = this.i;
    this.noInvalid = true;
    try {
      for (const parse of [(): unknown => this.parseStarExprs(), (): unknown => this.parseAtom()]) {
        this.i = save;
        try {
          parse();
          return this.prevEnd();
        } catch (e) {
          if (!(e instanceof CompileError) || this.lx.hasFailed) throw e;
        }
      }
      this.i = save;
      return this.findLineEnd();
    } finally {
      this.noInvalid = false;
      this.i = save;
    }
  }

  private findLineEnd(): number {
    let j = this.i;
    while (this.lx.kind(j) !== T.NEWLINE && this.lx.kind(j) !== T.ENDMARKER) j++;
    return this.lx.endOf(j - 1);
  }

  private parseDottedName(): string {
    let n = this.name();
    while (this.eat(T.DOT)) n += '.' + this.name();
    return n;
  }

  private parseImport(): A.Import {
    const s = this.pos();
    this.i++;
    const names: A.Alias[] = [];
    do {
      const as = this.pos();
      const name = this.parseDottedName();
      const asname = this.eat(T.KW_AS) ? this.name() : null;
      names.push({ name, asname, s: as, e: this.prevEnd() });
    } while (this.eat(T.COMMA));
    return { t: 'Import', names, s, e: this.prevEnd() };
  }

  private parseFromImport(): A.ImportFrom {
    const s = this.pos();
    this.i++;
    let level = 0;
    for (;;) {
      if (this.eat(T.DOT)) level++;
      else if (this.eat(T.ELLIPSIS)) level += 3;
      else break;
    }
    let module: string | null = null;
    if (this.k() !== T.KW_IMPORT || level === 0) module = this.parseDottedName();
    if (this.k() !== T.KW_IMPORT) this.failHere();
    this.i++;
    const names: A.Alias[] = [];
    if (this.k() === T.STAR) {
      const as = this.pos();
      this.i++;
      names.push({ name: '*', asname: null, s: as, e: this.prevEnd() });
      return { t: 'ImportFrom', module, names, level, s, e: this.prevEnd() };
    }
    const paren = this.eat(T.LPAR);
    do {
      if (paren && this.k() === T.RPAR) break;
      const as = this.pos();
      const name = this.name();
      const asname = this.eat(T.KW_AS) ? this.name() : null;
      names.push({ name, asname, s: as, e: this.prevEnd() });
    } while (this.eat(T.COMMA));
    if (paren) this.expectClose(T.RPAR, ')');
    else if (this.k() !== T.NEWLINE && this.k() !== T.SEMI && this.k() !== T.ENDMARKER) this.failHere();
    if (names.length === 0) this.failHere();
    return { t: 'ImportFrom', module, names, level, s, e: this.prevEnd() };
  }

  // ---- match statements (PEP 634) -------------------------------------------------------

  /** Try `match subject:` followed by an indented block of cases; null if it is not one. */
  private tryMatch(): A.Match | null {
    const save = this.i;
    const s = this.pos();
    const k1 = this.kAt(1);
    // Quick rejections: `match = ...`, `match.x`, `match(...)` followed by no colon, etc.
    if (k1 === T.EQUAL || k1 === T.DOT || k1 === T.NEWLINE || k1 === T.COMMA || k1 === T.RPAR || AUG_OPS.has(k1) || k1 === T.COLON) return null;
    this.i++;
    let subject: A.Expr;
    try {
      subject = this.parseStarExprs(true);
      // invalid_match_stmt: `match SUBJECT` ending the line, when that cannot be an
      // expression statement (a name or literal right after `match`).
      if (this.k() === T.NEWLINE && MATCH_SUBJECT_START.has(k1)) this.fail('expectedColon', this.pos(), [], { end: this.lx.endOf(this.i) });
      if (this.k() !== T.COLON) throw new Error('not a match statement');
    } catch (err) {
      if (err instanceof CompileError && err.diag.id === 'expectedColon') throw err;
      if (err instanceof CompileError && err.diag.id !== 'invalidSyntax') {
        // A real error inside the subject would be reported identically by the expression
        // statement parse, so just fall back.
      }
      this.i = save;
      return null;
    }
    this.i++;
    if (this.k() !== T.NEWLINE) {
      this.i = save;
      return null;
    }
    this.i++;
    if (this.k() !== T.INDENT) this.fail('expectedIndent', this.pos(), ["'match' statement", this.source.lineOf(s)]);
    this.i++;
    const cases: A.MatchCase[] = [];
    while (this.k() !== T.DEDENT && this.k() !== T.ENDMARKER) {
      if (this.eat(T.NEWLINE)) continue;
      if (!this.isName('case')) this.failHere();
      const cs = this.pos();
      this.i++;
      const pattern = this.parsePatterns();
      const guard = this.eat(T.KW_IF) ? this.parseNamedExpr() : null;
      const body = this.parseBlock("'case' statement", cs);
      cases.push({ pattern, guard, body });
    }
    this.eat(T.DEDENT);
    return { t: 'Match', subject, cases, s, e: this.prevEnd() };
  }

  /** patterns: open_sequence_pattern | pattern */
  private parsePatterns(): A.Pattern {
    const s = this.pos();
    const first = this.parseMaybeStarPattern();
    if (this.k() !== T.COMMA) {
      if (first.t === 'MatchStar') return { t: 'MatchSequence', patterns: [first], s, e: first.e };
      return first;
    }
    const patterns = [first];
    while (this.eat(T.COMMA)) {
      if (this.k() === T.COLON || this.k() === T.KW_IF) break;
      patterns.push(this.parseMaybeStarPattern());
    }
    return { t: 'MatchSequence', patterns, s, e: this.prevEnd() };
  }

  private parseMaybeStarPattern(): A.Pattern {
    if (this.k() === T.STAR) {
      const s = this.pos();
      this.i++;
      const n = this.name();
      return { t: 'MatchStar', name: n === '_' ? null : n, s, e: this.prevEnd() };
    }
    return this.parsePattern();
  }

  /** pattern: or_pattern ['as' NAME] */
  private parsePattern(): A.Pattern {
    const s = this.pos();
    const p = this.parseOrPattern();
    if (this.eat(T.KW_AS)) {
      const ns = this.pos();
      const name = this.name();
      if (name === '_') this.fail('wildcardCapture', ns, [], { end: this.prevEnd() });
      return { t: 'MatchAs', pattern: p, name, s, e: this.prevEnd() };
    }
    return p;
  }

  private parseOrPattern(): A.Pattern {
    const s = this.pos();
    const first = this.parseClosedPattern();
    if (this.k() !== T.VBAR) return first;
    const patterns = [first];
    while (this.eat(T.VBAR)) patterns.push(this.parseClosedPattern());
    return { t: 'MatchOr', patterns, s, e: this.prevEnd() };
  }

  private parseClosedPattern(): A.Pattern {
    const s = this.pos();
    const k = this.k();
    if (k === T.KW_NONE || k === T.KW_TRUE || k === T.KW_FALSE) {
      this.i++;
      const value: A.ConstValue = k === T.KW_NONE ? { k: 'none' } : { k: 'bool', v: k === T.KW_TRUE };
      return { t: 'MatchSingleton', value, s, e: this.prevEnd() };
    }
    if (k === T.NUMBER || k === T.MINUS || k === T.STRING) {
      return { t: 'MatchValue', value: this.parseLiteralPatternExpr(), s, e: this.prevEnd() };
    }
    if (k === T.LPAR) {
      this.i++;
      if (this.eat(T.RPAR)) return { t: 'MatchSequence', patterns: [], s, e: this.prevEnd() };
      const first = this.parseMaybeStarPattern();
      if (this.eat(T.RPAR)) {
        if (first.t === 'MatchStar') return { t: 'MatchSequence', patterns: [first], s, e: this.prevEnd() };
        return first;
      }
      const patterns = [first];
      while (this.eat(T.COMMA)) {
        if (this.k() === T.RPAR) break;
        patterns.push(this.parseMaybeStarPattern());
      }
      this.expectClose(T.RPAR, ')');
      return { t: 'MatchSequence', patterns, s, e: this.prevEnd() };
    }
    if (k === T.LSQB) {
      this.i++;
      const patterns: A.Pattern[] = [];
      while (this.k() !== T.RSQB) {
        patterns.push(this.parseMaybeStarPattern());
        if (!this.eat(T.COMMA)) break;
      }
      this.expectClose(T.RSQB, ']');
      return { t: 'MatchSequence', patterns, s, e: this.prevEnd() };
    }
    if (k === T.LBRACE) return this.parseMappingPattern();
    if (k === T.NAME) {
      const ns = this.pos();
      const name = this.name();
      if (this.k() !== T.DOT && this.k() !== T.LPAR) {
        if (name === '_') return { t: 'MatchAs', pattern: null, name: null, s, e: this.prevEnd() };
        return { t: 'MatchAs', pattern: null, name, s, e: this.prevEnd() };
      }
      let cls: A.Expr = { t: 'Name', id: name, ctx: 'load', s: ns, e: this.prevEnd() };
      while (this.eat(T.DOT)) {
        const attrPos = this.pos();
        const attr = this.name();
        cls = { t: 'Attribute', value: cls, attr, ctx: 'load', s: ns, e: this.prevEnd(), attrPos };
      }
      if (this.k() !== T.LPAR) {
        return { t: 'MatchValue', value: cls, s, e: this.prevEnd() };
      }
      return this.parseClassPattern(cls, s);
    }
    this.failHere();
  }

  private parseLiteralPatternExpr(): A.Expr {
    const s = this.pos();
    if (this.k() === T.STRING) return this.parseAtom();
    let e: A.Expr;
    if (this.eat(T.MINUS)) {
      if (this.k() !== T.NUMBER) this.failHere();
      const operand = this.parseAtom();
      e = { t: 'UnaryOp', op: '-', operand, s, e: operand.e };
    } else {
      if (this.k() !== T.NUMBER) this.failHere();
      e = this.parseAtom();
    }
    if (this.k() === T.PLUS || this.k() === T.MINUS) {
      const op = this.k() === T.PLUS ? '+' : '-';
      const opPos = this.pos();
      this.i++;
      if (this.k() !== T.NUMBER) this.failHere();
      const right = this.parseAtom();
      e = { t: 'BinOp', op, left: e, right, s, e: right.e, opPos };
    }
    return e;
  }

  private parseMappingPattern(): A.MatchMapping {
    const s = this.pos();
    this.i++;
    const keys: A.Expr[] = [];
    const patterns: A.Pattern[] = [];
    let rest: string | null = null;
    while (this.k() !== T.RBRACE) {
      if (this.eat(T.DSTAR)) {
        rest = this.name();
        this.eat(T.COMMA);
        break;
      }
      const k = this.k();
      let key: A.Expr;
      if (k === T.KW_NONE || k === T.KW_TRUE || k === T.KW_FALSE) key = this.parseAtom();
      else if (k === T.NAME) {
        const ks = this.pos();
        let v: A.Expr = { t: 'Name', id: this.name(), ctx: 'load', s: ks, e: this.prevEnd() };
        if (this.k() !== T.DOT) this.failHere();
        while (this.eat(T.DOT)) {
          const attrPos = this.pos();
          const attr = this.name();
          v = { t: 'Attribute', value: v, attr, ctx: 'load', s: ks, e: this.prevEnd(), attrPos };
        }
        key = v;
      } else key = this.parseLiteralPatternExpr();
      this.expect(T.COLON);
      keys.push(key);
      patterns.push(this.parsePattern());
      if (!this.eat(T.COMMA)) break;
    }
    this.expectClose(T.RBRACE, '}');
    return { t: 'MatchMapping', keys, patterns, rest, s, e: this.prevEnd() };
  }

  private parseClassPattern(cls: A.Expr, s: number): A.MatchClass {
    this.i++; // (
    const patterns: A.Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: A.Pattern[] = [];
    while (this.k() !== T.RPAR) {
      if (this.k() === T.NAME && this.kAt(1) === T.EQUAL) {
        const as = this.pos();
        const attr = this.name();
        if (kwdAttrs.includes(attr)) this.fail('patternKeyword', as, [attr]);
        this.i++;
        kwdAttrs.push(attr);
        kwdPatterns.push(this.parsePattern());
      } else {
        if (kwdAttrs.length > 0) this.failHere();
        patterns.push(this.parsePattern());
      }
      if (!this.eat(T.COMMA)) break;
    }
    this.expectClose(T.RPAR, ')');
    return { t: 'MatchClass', cls, patterns, kwdAttrs, kwdPatterns, s, e: this.prevEnd() };
  }
}

function isDocstring(body: A.Stmt[]): boolean {
  const first = body[0];
  return first !== undefined && first.t === 'Expr' && first.value.t === 'Constant' && first.value.value.k === 'str';
}

export { isDocstring };
