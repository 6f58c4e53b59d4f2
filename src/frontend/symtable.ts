// Symbol tables: which scope every name belongs to.
//
// Third stage (parser -> symtable -> compiler). Python decides at compile time whether a
// name in a function is local, global, free (a closure variable of an enclosing function)
// or a cell (local, but captured by an inner function), and it decides by looking at the
// whole function body first. This pass walks the AST once to collect, per scope, how each
// name is defined and used, then resolves scopes top-down exactly as CPython's symtable.c
// does (reference 4.2 "Naming and binding"): class scopes are skipped when resolving free
// variables of nested functions, comprehensions are scopes of their own whose outermost
// iterable belongs to the enclosing scope, walrus targets inside comprehensions bind in
// the nearest enclosing function, and methods that mention `super` or `__class__` get an
// implicit `__class__` cell. Scope-related SyntaxErrors are raised here.

import { compileError } from '../diagnostics.js';
import type * as A from './ast.js';
import type { Source } from './source.js';

export const enum Def {
  Local = 1,
  Param = 2,
  Global = 4,
  Nonlocal = 8,
  Use = 16,
  Import = 32,
  CompIter = 64,
  Annot = 128,
}

export type NameScope = 'local' | 'global_explicit' | 'global_implicit' | 'free' | 'cell';

export type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

export class Scope {
  readonly kind: ScopeKind;
  readonly name: string;
  readonly parent: Scope | null;
  readonly children: Scope[] = [];
  readonly flags = new Map<string, number>();
  /** Offsets of first use / definition, for error positions. */
  readonly firstUse = new Map<string, number>();
  readonly resolved = new Map<string, NameScope>();
  /** Parameters in order, then other locals in order of first binding. */
  readonly varnames: string[] = [];
  cellvars: string[] = [];
  freevars: string[] = [];
  isGenerator = false;
  isCoroutine = false;
  hasYieldFrom = false;
  /** A class whose methods use `super`/`__class__`: it provides a __class__ cell. */
  needsClassClosure = false;
  /** A function that mentions `super` (so it needs `__class__` from its class). */
  usesSuperOrClass = false;
  /** A function defined directly in a class body (a method). */
  isMethod = false;
  /** Comprehension that is a generator expression. */
  isGenExpr = false;
  hasAnnotations = false;
  childFree = new Set<string>();

  constructor(kind: ScopeKind, name: string, parent: Scope | null) {
    this.kind = kind;
    this.name = name;
    this.parent = parent;
  }

  add(name: string, flag: number, offset: number): void {
    const old = this.flags.get(name) ?? 0;
    this.flags.set(name, old | flag);
    if (!this.firstUse.has(name)) this.firstUse.set(name, offset);
  }

  scopeOf(name: string): NameScope {
    return this.resolved.get(name) ?? (this.kind === 'module' ? 'global_implicit' : 'global_implicit');
  }

  /** Is this a function-like scope (function, lambda, comprehension)? */
  get isFunction(): boolean {
    return this.kind === 'function' || this.kind === 'comprehension';
  }
}

export interface SymbolTable {
  readonly top: Scope;
  readonly byNode: Map<object, Scope>;
  /** Future features in effect (`from __future__ import annotations`). */
  readonly futureAnnotations: boolean;
}

export function buildSymbolTable(source: Source, mod: A.Module): SymbolTable {
  const b = new Builder(source);
  b.visitModule(mod);
  b.analyze(b.top, new Set(), new Set(), null);
  return { top: b.top, byNode: b.byNode, futureAnnotations: b.futureAnnotations };
}

/** Build the table for an expression evaluated as a module (eval input). */
export function buildSymbolTableForExpr(source: Source, e: A.Expr): SymbolTable {
  const b = new Builder(source);
  b.visitExpr(e);
  b.analyze(b.top, new Set(), new Set(), null);
  return { top: b.top, byNode: b.byNode, futureAnnotations: false };
}

class Builder {
  readonly source: Source;
  readonly top: Scope;
  readonly byNode = new Map<object, Scope>();
  cur: Scope;
  futureAnnotations = false;
  /** Comprehension iteration variables in scope (for walrus rebinding checks). */
  private compIterTargets: Set<string>[] = [];

  constructor(source: Source) {
    this.source = source;
    this.top = new Scope('module', '<module>', null);
    this.cur = this.top;
  }

  private err(id: Parameters<typeof compileError>[1], offset: number, args: (string | number)[] = [], end?: number): never {
    throw compileError(this.source, id, offset, args, { end });
  }

  private enter(kind: ScopeKind, name: string, node: object): Scope {
    const s = new Scope(kind, name, this.cur);
    this.cur.children.push(s);
    this.byNode.set(node, s);
    this.cur = s;
    return s;
  }

  private leave(): void {
    this.cur = this.cur.parent!;
  }

  private def(name: string, flag: number, offset: number): void {
    const s = this.cur;
    const old = s.flags.get(name) ?? 0;
    if ((old & Def.Global) !== 0 && (flag & Def.Param) !== 0) this.err('paramGlobal', offset, [name]);
    s.add(name, flag, offset);
  }

  visitModule(mod: A.Module): void {
    let early = true;
    for (const st of mod.body) {
      if (st.t === 'ImportFrom' && st.module === '__future__') {
        if (!early) this.err('futureLate', st.s);
        for (const a of st.names) {
          if (a.name === 'annotations') this.futureAnnotations = true;
          else if (!['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop'].includes(a.name)) {
            this.err('futureFeature', a.s, [a.name]);
          }
        }
      } else if (!(st.t === 'Expr' && st.value.t === 'Constant' && st.value.value.k === 'str' && st === mod.body[0])) {
        early = false;
      }
    }
    this.visitBody(mod.body);
  }

  private visitBody(body: A.Stmt[]): void {
    for (const s of body) this.visitStmt(s);
  }

  visitStmt(s: A.Stmt): void {
    switch (s.t) {
      case 'FunctionDef': {
        this.def(s.name, Def.Local, s.defPos);
        for (const d of s.decorators) this.visitExpr(d);
        this.visitArgDefaults(s.args);
        this.visitArgAnnotations(s.args);
        if (s.returns) this.visitAnnotation(s.returns);
        const fs = this.enter('function', s.name, s);
        fs.isCoroutine = s.isAsync;
        fs.isMethod = this.cur.parent!.kind === 'class';
        this.visitParams(s.args);
        this.visitBody(s.body);
        this.leave();
        return;
      }
      case 'ClassDef': {
        this.def(s.name, Def.Local, s.classPos);
        for (const d of s.decorators) this.visitExpr(d);
        for (const b of s.bases) this.visitExpr(b);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.enter('class', s.name, s);
        this.visitBody(s.body);
        this.leave();
        return;
      }
      case 'Return':
        if (!this.cur.isFunction || this.cur.kind === 'comprehension') this.err('returnOutsideFunction', s.s, [], s.e);
        if (s.value) this.visitExpr(s.value);
        return;
      case 'Delete':
        for (const t of s.targets) this.visitExpr(t);
        return;
      case 'Assign':
        this.visitExpr(s.value);
        for (const t of s.targets) this.visitExpr(t);
        return;
      case 'AugAssign':
        this.visitExpr(s.value);
        if (s.target.t === 'Name') {
          this.def(s.target.id, Def.Local | Def.Use, s.target.s);
        } else this.visitExpr(s.target);
        return;
      case 'AnnAssign': {
        if (s.target.t === 'Name') {
          const flags = this.cur.flags.get(s.target.id) ?? 0;
          if ((flags & (Def.Global | Def.Nonlocal)) !== 0 && s.simple) {
            this.err((flags & Def.Global) !== 0 ? 'globalAtModuleAnnotated' : 'annotatedNonlocal', s.target.s, [s.target.id], s.target.e);
          }
          this.def(s.target.id, s.value || !this.cur.isFunction ? Def.Local | Def.Annot : Def.Annot, s.target.s);
          if (!this.cur.isFunction && s.simple) this.cur.hasAnnotations = true;
        } else this.visitExpr(s.target);
        if (!this.cur.isFunction || !s.simple) {
          if (!this.futureAnnotations) this.visitAnnotation(s.annotation);
        }
        if (s.value) this.visitExpr(s.value);
        return;
      }
      case 'For':
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitBody(s.body);
        this.visitBody(s.orelse);
        if (s.isAsync) this.checkAsync(s.s, "'async for'");
        return;
      case 'While':
        this.visitExpr(s.test);
        this.visitBody(s.body);
        this.visitBody(s.orelse);
        return;
      case 'If':
        this.visitExpr(s.test);
        this.visitBody(s.body);
        this.visitBody(s.orelse);
        return;
      case 'With':
        for (const it of s.items) {
          this.visitExpr(it.contextExpr);
          if (it.optionalVars) this.visitExpr(it.optionalVars);
        }
        this.visitBody(s.body);
        if (s.isAsync) this.checkAsync(s.s, "'async with'");
        return;
      case 'Match':
        this.visitExpr(s.subject);
        for (const c of s.cases) {
          this.visitPattern(c.pattern);
          if (c.guard) this.visitExpr(c.guard);
          this.visitBody(c.body);
        }
        return;
      case 'Raise':
        if (s.exc) this.visitExpr(s.exc);
        if (s.cause) this.visitExpr(s.cause);
        return;
      case 'Try':
        this.visitBody(s.body);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.def(h.name, Def.Local, h.s);
          this.visitBody(h.body);
        }
        this.visitBody(s.orelse);
        this.visitBody(s.finalbody);
        return;
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        return;
      case 'Import':
        for (const a of s.names) {
          const bound = a.asname ?? a.name.split('.')[0];
          this.def(bound, Def.Local | Def.Import, a.s);
        }
        return;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (this.cur.kind !== 'module') this.err('importStarInFunction', a.s, [], a.e);
            continue;
          }
          this.def(a.asname ?? a.name, Def.Local | Def.Import, a.s);
        }
        return;
      case 'Global':
      case 'Nonlocal': {
        const isGlobal = s.t === 'Global';
        if (!isGlobal && this.cur.kind === 'module') this.err('nonlocalAtModule', s.s, [], s.e);
        for (const n of s.names) {
          const old = this.cur.flags.get(n) ?? 0;
          if ((old & Def.Param) !== 0) this.err(isGlobal ? 'paramGlobal' : 'paramNonlocal', s.s, [n], s.e);
          if ((old & (isGlobal ? Def.Nonlocal : Def.Global)) !== 0) this.err('nonlocalAndGlobal', s.s, [n], s.e);
          if ((old & (Def.Local | Def.Annot)) !== 0 && (old & Def.Import) === 0) {
            if ((old & Def.Annot) !== 0) this.err(isGlobal ? 'globalAtModuleAnnotated' : 'annotatedNonlocal', s.s, [n], s.e);
            this.err(isGlobal ? 'nameAssignedBeforeGlobal' : 'nameAssignedBeforeNonlocal', s.s, [n], s.e);
          }
          if ((old & Def.Use) !== 0) this.err(isGlobal ? 'nameUsedBeforeGlobal' : 'nameUsedBeforeNonlocal', s.s, [n], s.e);
          if ((old & Def.Import) !== 0) this.err(isGlobal ? 'nameAssignedBeforeGlobal' : 'nameAssignedBeforeNonlocal', s.s, [n], s.e);
          this.cur.add(n, isGlobal ? Def.Global : Def.Nonlocal, s.s);
        }
        return;
      }
      case 'Expr':
        this.visitExpr(s.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
      case 'TypeAlias': {
        this.def(s.name.id, Def.Local, s.name.s);
        // The value is evaluated lazily in a scope of its own (PEP 695).
        this.enter('function', s.name.id, s);
        this.visitExpr(s.value);
        this.leave();
        return;
      }
    }
  }

  private checkAsync(offset: number, what: string): void {
    const fn = this.nearestFunction();
    if (!fn || !fn.isCoroutine) this.err('asyncOutsideAsync', offset, [what]);
  }

  private nearestFunction(): Scope | null {
    let s: Scope | null = this.cur;
    while (s && s.kind === 'comprehension') s = s.parent;
    return s && s.kind === 'function' ? s : null;
  }

  private visitAnnotation(e: A.Expr): void {
    if (this.futureAnnotations) return;
    this.visitExpr(e);
  }

  private visitArgDefaults(a: A.Arguments): void {
    for (const d of a.defaults) this.visitExpr(d);
    for (const d of a.kwDefaults) if (d) this.visitExpr(d);
  }

  private visitArgAnnotations(a: A.Arguments): void {
    for (const p of [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])]) {
      if (p.annotation) this.visitAnnotation(p.annotation);
    }
  }

  private visitParams(a: A.Arguments): void {
    for (const p of a.posonlyargs) this.def(p.arg, Def.Param, p.s);
    for (const p of a.args) this.def(p.arg, Def.Param, p.s);
    for (const p of a.kwonlyargs) this.def(p.arg, Def.Param, p.s);
    if (a.vararg) this.def(a.vararg.arg, Def.Param, a.vararg.s);
    if (a.kwarg) this.def(a.kwarg.arg, Def.Param, a.kwarg.s);
  }

  private visitPattern(p: A.Pattern): void {
    switch (p.t) {
      case 'MatchValue':
        this.visitExpr(p.value);
        return;
      case 'MatchSingleton':
        return;
      case 'MatchSequence':
        for (const x of p.patterns) this.visitPattern(x);
        return;
      case 'MatchMapping':
        for (const k of p.keys) this.visitExpr(k);
        for (const x of p.patterns) this.visitPattern(x);
        if (p.rest) this.def(p.rest, Def.Local, p.s);
        return;
      case 'MatchClass':
        this.visitExpr(p.cls);
        for (const x of p.patterns) this.visitPattern(x);
        for (const x of p.kwdPatterns) this.visitPattern(x);
        return;
      case 'MatchStar':
        if (p.name) this.def(p.name, Def.Local, p.s);
        return;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.def(p.name, Def.Local, p.s);
        return;
      case 'MatchOr':
        for (const x of p.patterns) this.visitPattern(x);
        return;
    }
  }

  visitExpr(e: A.Expr): void {
    switch (e.t) {
      case 'Name':
        if (e.ctx === 'load') {
          this.cur.add(e.id, Def.Use, e.s);
          if (e.id === 'super' || e.id === '__class__') this.noteSuper();
        } else this.def(e.id, Def.Local, e.s);
        return;
      case 'Constant':
        return;
      case 'JoinedStr':
        for (const v of e.values) this.visitExpr(v);
        return;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.formatSpec) this.visitExpr(e.formatSpec);
        return;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        return;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        return;
      case 'BoolOp':
        for (const v of e.values) this.visitExpr(v);
        return;
      case 'Compare':
        this.visitExpr(e.left);
        for (const c of e.comparators) this.visitExpr(c);
        return;
      case 'Call':
        this.visitExpr(e.func);
        for (const a of e.args) this.visitExpr(a);
        for (const k of e.keywords) this.visitExpr(k.value);
        return;
      case 'Attribute':
        this.visitExpr(e.value);
        return;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        return;
      case 'Slice':
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        return;
      case 'Starred':
        this.visitExpr(e.value);
        return;
      case 'List':
      case 'Tuple':
      case 'Set':
        for (const x of e.elts) this.visitExpr(x);
        return;
      case 'Dict':
        for (const k of e.keys) if (k) this.visitExpr(k);
        for (const v of e.values) this.visitExpr(v);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.visitComprehension(e, e.generators, [e.elt]);
        return;
      case 'DictComp':
        this.visitComprehension(e, e.generators, [e.key, e.value]);
        return;
      case 'Lambda': {
        this.visitArgDefaults(e.args);
        this.enter('function', '<lambda>', e);
        this.visitParams(e.args);
        this.visitExpr(e.body);
        this.leave();
        return;
      }
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        return;
      case 'NamedExpr':
        this.visitExpr(e.value);
        this.visitNamedTarget(e.target);
        return;
      case 'Await': {
        const fn = this.nearestFunction();
        if (!fn) {
          if (this.cur.kind === 'module' || this.cur.kind === 'class') this.err('awaitOutsideFunction', e.s, [], e.e);
        }
        if (fn && !fn.isCoroutine) {
          if (this.cur.kind !== 'comprehension' || !this.cur.isGenExpr) this.err('awaitOutsideAsync', e.s, [], e.e);
        }
        if (this.cur.kind === 'comprehension') this.cur.isCoroutine = true;
        this.visitExpr(e.value);
        return;
      }
      case 'Yield':
      case 'YieldFrom': {
        if (this.cur.kind !== 'function') {
          if (this.cur.kind === 'comprehension') this.err('yieldOutsideFunction', e.s, [], e.e);
          this.err('yieldOutsideFunction', e.s, [], e.e);
        }
        this.cur.isGenerator = true;
        if (e.t === 'YieldFrom') {
          if (this.cur.isCoroutine) this.err('yieldInsideAsyncGen', e.s, [], e.e);
          this.cur.hasYieldFrom = true;
        }
        if (e.value) this.visitExpr(e.value);
        return;
      }
    }
  }

  private noteSuper(): void {
    // `super` or `__class__` in a method: the enclosing class needs a __class__ cell.
    // Comprehensions are functions of their own (3.11), so they take the cell themselves.
    const s = this.cur;
    if (s.kind === 'function' || s.kind === 'comprehension') s.usesSuperOrClass = true;
  }

  private visitNamedTarget(t: A.Name): void {
    // PEP 572: in a comprehension, the target binds in the nearest enclosing non-
    // comprehension scope; it may not rebind an iteration variable.
    for (const set of this.compIterTargets) {
      if (set.has(t.id)) this.err('walrusRebind', t.s, [t.id], t.e);
    }
    if (this.cur.kind === 'comprehension') {
      let s: Scope = this.cur;
      while (s.kind === 'comprehension') {
        s = s.parent!;
      }
      if (s.kind === 'class') this.err('walrusInClassComp', t.s, [], t.e);
      // Mark as nonlocal-like in each comprehension, bound in s.
      let c: Scope = this.cur;
      while (c.kind === 'comprehension') {
        c.add(t.id, Def.Nonlocal | Def.Use, t.s);
        c = c.parent!;
      }
      if (s.kind === 'module') {
        // Binding at module level: the comprehensions see it as a global.
        let c2: Scope = this.cur;
        while (c2.kind === 'comprehension') {
          const f = c2.flags.get(t.id) ?? 0;
          c2.flags.set(t.id, (f & ~Def.Nonlocal) | Def.Global);
          c2 = c2.parent!;
        }
      }
      s.add(t.id, Def.Local, t.s);
      return;
    }
    this.def(t.id, Def.Local, t.s);
  }

  private visitComprehension(node: A.Expr, gens: A.Comprehension[], elts: A.Expr[]): void {
    // The outermost iterable is evaluated in the enclosing scope.
    const outer = gens[0];
    this.checkNoWalrusInIter(outer.iter);
    this.visitExpr(outer.iter);
    const kindName = node.t === 'ListComp' ? '<listcomp>' : node.t === 'SetComp' ? '<setcomp>' : node.t === 'DictComp' ? '<dictcomp>' : '<genexpr>';
    const cs = this.enter('comprehension', kindName, node);
    cs.isGenExpr = node.t === 'GeneratorExp';
    if (cs.isGenExpr) cs.isGenerator = true;
    cs.add('.0', Def.Param, node.s);
    const iterNames = new Set<string>();
    for (const g of gens) collectNames(g.target, iterNames);
    this.compIterTargets.push(iterNames);
    for (let i = 0; i < gens.length; i++) {
      const g = gens[i];
      if (i > 0) {
        this.checkNoWalrusInIter(g.iter);
        this.visitExpr(g.iter);
      }
      this.visitExpr(g.target);
      for (const cond of g.ifs) this.visitExpr(cond);
      if (g.isAsync) cs.isCoroutine = true;
    }
    for (const x of elts) this.visitExpr(x);
    this.compIterTargets.pop();
    this.leave();
    if (cs.isCoroutine && !cs.isGenExpr) {
      const fn = this.nearestFunction();
      if (!fn || !fn.isCoroutine) this.err('asyncComprehensionOutside', node.s, [], node.e);
    }
  }

  private checkNoWalrusInIter(e: A.Expr): void {
    const walk = (x: A.Expr): void => {
      if (x.t === 'NamedExpr') this.err('walrusIterable', x.s, [], x.e);
      if (x.t === 'Lambda' || x.t === 'ListComp' || x.t === 'SetComp' || x.t === 'DictComp' || x.t === 'GeneratorExp') return;
      forEachChild(x, walk);
    };
    if (this.compIterTargets.length > 0 || this.cur.kind === 'comprehension') walk(e);
  }

  // ---- resolution ---------------------------------------------------------------------

  /**
   * Resolve every name of `s` given the names bound in enclosing function scopes (`bound`)
   * and the names declared global at enclosing levels (`globals`). Mirrors symtable.c's
   * analyze_block/analyze_name/update_symbols.
   */
  analyze(s: Scope, bound: Set<string>, globals: Set<string>, classEntry: Scope | null): Set<string> {
    const local = new Set<string>();
    const newGlobals = new Set(globals);
    const newBound = new Set(bound);
    for (const [name, f] of s.flags) {
      if ((f & Def.Global) !== 0) {
        s.resolved.set(name, 'global_explicit');
        newGlobals.add(name);
        newBound.delete(name);
      } else if ((f & Def.Nonlocal) !== 0) {
        if (!bound.has(name)) {
          if (s.kind === 'comprehension') {
            // walrus target bound in an enclosing function; resolved when that scope is.
          } else this.err('noBindingNonlocal', s.firstUse.get(name)!, [name]);
        }
        s.resolved.set(name, 'free');
      } else if ((f & (Def.Local | Def.Param)) !== 0) {
        s.resolved.set(name, 'local');
        local.add(name);
        newGlobals.delete(name);
      } else if (s.kind !== 'module' && bound.has(name)) {
        s.resolved.set(name, 'free');
      } else if (globals.has(name)) {
        s.resolved.set(name, 'global_explicit');
      } else {
        s.resolved.set(name, 'global_implicit');
      }
    }
    // Names bound in this function are visible to nested functions.
    let childBound: Set<string>;
    if (s.kind === 'function' || s.kind === 'comprehension') {
      childBound = new Set(newBound);
      for (const n of local) childBound.add(n);
    } else if (s.kind === 'class') {
      childBound = new Set(bound);
      childBound.add('__class__');
    } else {
      childBound = new Set();
    }
    const childGlobals = s.kind === 'class' ? newGlobals : newGlobals;
    const allFree = new Set<string>();
    for (const c of s.children) {
      const free = this.analyze(c, childBound, childGlobals, s.kind === 'class' ? s : classEntry);
      for (const n of free) allFree.add(n);
    }
    // Methods using super/__class__ need the class's __class__ cell.
    if (s.kind === 'class') {
      if (allFree.has('__class__')) {
        s.needsClassClosure = true;
        allFree.delete('__class__');
      }
    }
    // Free variables of children that are local here become cells.
    if (s.kind === 'function' || s.kind === 'comprehension') {
      for (const n of allFree) {
        if (local.has(n)) {
          s.resolved.set(n, 'cell');
          allFree.delete(n);
        }
      }
    }
    // Remaining free names of children are free here too (if not global here).
    for (const n of allFree) {
      const r = s.resolved.get(n);
      if (r === 'global_explicit' || (s.kind === 'module')) continue;
      if (s.kind === 'class' && (r === 'local')) {
        // A class-local name that children use freely refers to an outer binding; the class
        // passes the free variable through (LOAD_CLASSDEREF semantics).
        s.childFree.add(n);
        continue;
      }
      if (r === undefined || r === 'global_implicit' || r === 'free') {
        if (bound.has(n)) {
          if (r !== 'free') s.childFree.add(n);
          if (r === undefined) s.resolved.set(n, 'free');
          else if (r === 'global_implicit') s.childFree.add(n);
        }
      }
    }
    // Collect this scope's own free variables to report upward.
    const myFree = new Set<string>();
    for (const [n, r] of s.resolved) if (r === 'free') myFree.add(n);
    for (const n of s.childFree) if (bound.has(n)) myFree.add(n);
    for (const n of allFree) if (bound.has(n) && s.resolved.get(n) !== 'global_explicit' && s.kind !== 'module') myFree.add(n);
    if (s.kind === 'function' && s.usesSuperOrClass && classEntry !== null && s.parent === classEntry) {
      myFree.add('__class__');
      if (!s.resolved.has('__class__')) s.resolved.set('__class__', 'free');
    }
    if (s.kind === 'comprehension' || s.kind === 'function') {
      // A comprehension/lambda nested in a method that uses super() needs __class__ too.
      if (s.usesSuperOrClass && classEntry !== null && s.parent !== classEntry && bound.has('__class__')) {
        myFree.add('__class__');
        if (!s.resolved.has('__class__')) s.resolved.set('__class__', 'free');
      }
    }
    this.finishVarnames(s, myFree);
    return myFree;
  }

  private finishVarnames(s: Scope, free: Set<string>): void {
    if (s.kind === 'module' || s.kind === 'class') {
      s.freevars = [...free].filter((n) => n !== '__class__' || s.kind !== 'class').sort();
      if (s.kind === 'class') {
        s.freevars = [...new Set([...s.freevars, ...[...s.childFree].filter((n) => free.has(n))])].sort();
        s.cellvars = s.needsClassClosure ? ['__class__'] : [];
      }
      return;
    }
    // Parameters first in declaration order, then the other locals.
    const params: string[] = [];
    const others: string[] = [];
    for (const [name, f] of s.flags) {
      if ((f & Def.Param) !== 0) params.push(name);
      else if (s.resolved.get(name) === 'local' || s.resolved.get(name) === 'cell') others.push(name);
    }
    for (const n of params) s.varnames.push(n);
    for (const n of others) s.varnames.push(n);
    s.cellvars = [...s.resolved].filter(([, r]) => r === 'cell').map(([n]) => n).sort();
    s.freevars = [...free].sort();
    for (const n of s.freevars) if (!s.resolved.has(n) || s.resolved.get(n) === 'global_implicit') s.resolved.set(n, 'free');
  }
}

function collectNames(e: A.Expr, out: Set<string>): void {
  if (e.t === 'Name') out.add(e.id);
  else if (e.t === 'Tuple' || e.t === 'List') for (const x of e.elts) collectNames(x, out);
  else if (e.t === 'Starred') collectNames(e.value, out);
}

/** Call `f` on each direct sub-expression of `e`. */
export function forEachChild(e: A.Expr, f: (x: A.Expr) => void): void {
  switch (e.t) {
    case 'Name': case 'Constant': return;
    case 'JoinedStr': e.values.forEach(f); return;
    case 'FormattedValue': f(e.value); if (e.formatSpec) f(e.formatSpec); return;
    case 'BinOp': f(e.left); f(e.right); return;
    case 'UnaryOp': f(e.operand); return;
    case 'BoolOp': e.values.forEach(f); return;
    case 'Compare': f(e.left); e.comparators.forEach(f); return;
    case 'Call': f(e.func); e.args.forEach(f); e.keywords.forEach((k) => f(k.value)); return;
    case 'Attribute': f(e.value); return;
    case 'Subscript': f(e.value); f(e.slice); return;
    case 'Slice': if (e.lower) f(e.lower); if (e.upper) f(e.upper); if (e.step) f(e.step); return;
    case 'Starred': f(e.value); return;
    case 'List': case 'Tuple': case 'Set': e.elts.forEach(f); return;
    case 'Dict': e.keys.forEach((k) => k && f(k)); e.values.forEach(f); return;
    case 'ListComp': case 'SetComp': case 'GeneratorExp':
      f(e.elt); for (const g of e.generators) { f(g.target); f(g.iter); g.ifs.forEach(f); } return;
    case 'DictComp':
      f(e.key); f(e.value); for (const g of e.generators) { f(g.target); f(g.iter); g.ifs.forEach(f); } return;
    case 'Lambda': f(e.body); return;
    case 'IfExp': f(e.test); f(e.body); f(e.orelse); return;
    case 'NamedExpr': f(e.target); f(e.value); return;
    case 'Await': f(e.value); return;
    case 'Yield': if (e.value) f(e.value); return;
    case 'YieldFrom': f(e.value); return;
  }
}
