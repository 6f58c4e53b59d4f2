// The abstract syntax tree.
//
// The parser builds this small tree and the compiler walks it twice: once for scopes
// (symtable.ts: Python decides whether a name is local by looking at the whole function,
// including nested comprehensions and closures) and once to emit bytecode. The node set
// mirrors CPython's ast module so its semantics map one to one. Every node carries the
// source offsets [s, e) it spans; positions (line, column) are computed from them only
// when needed (line tables, tracebacks, diagnostics).

export type ConstValue =
  | { readonly k: 'int'; readonly v: number | bigint }
  | { readonly k: 'float'; readonly v: number }
  | { readonly k: 'complex'; readonly re: number; readonly im: number }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'bytes'; readonly v: Uint8Array }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'none' }
  | { readonly k: 'ellipsis' };

interface Pos {
  s: number;
  e: number;
}

export type BinOpKind = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^' | '@';
export type UnaryOpKind = 'not' | '-' | '+' | '~';
export type CmpOpKind = '<' | '>' | '==' | '>=' | '<=' | '!=' | 'in' | 'not in' | 'is' | 'is not';
export type ExprContext = 'load' | 'store' | 'del';

export interface Name extends Pos { t: 'Name'; id: string; ctx: ExprContext }
export interface Constant extends Pos { t: 'Constant'; value: ConstValue }
export interface JoinedStr extends Pos { t: 'JoinedStr'; values: Expr[] }
export interface FormattedValue extends Pos {
  t: 'FormattedValue';
  value: Expr;
  conversion: -1 | 115 | 114 | 97; // none, 's', 'r', 'a'
  formatSpec: JoinedStr | null;
}
export interface BinOp extends Pos { t: 'BinOp'; op: BinOpKind; left: Expr; right: Expr; opPos: number }
export interface UnaryOp extends Pos { t: 'UnaryOp'; op: UnaryOpKind; operand: Expr }
export interface BoolOp extends Pos { t: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
export interface Compare extends Pos { t: 'Compare'; left: Expr; ops: CmpOpKind[]; comparators: Expr[] }
export interface Keyword extends Pos { arg: string | null; value: Expr }
export interface Call extends Pos { t: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
export interface Attribute extends Pos { t: 'Attribute'; value: Expr; attr: string; ctx: ExprContext; attrPos: number }
export interface Subscript extends Pos { t: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
export interface Slice extends Pos { t: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
export interface Starred extends Pos { t: 'Starred'; value: Expr; ctx: ExprContext }
export interface List extends Pos { t: 'List'; elts: Expr[]; ctx: ExprContext }
export interface Tuple extends Pos { t: 'Tuple'; elts: Expr[]; ctx: ExprContext; parens: boolean }
export interface SetExpr extends Pos { t: 'Set'; elts: Expr[] }
export interface Dict extends Pos { t: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
export interface Comprehension { target: Expr; iter: Expr; ifs: Expr[]; isAsync: boolean }
export interface ListComp extends Pos { t: 'ListComp'; elt: Expr; generators: Comprehension[] }
export interface SetComp extends Pos { t: 'SetComp'; elt: Expr; generators: Comprehension[] }
export interface GeneratorExp extends Pos { t: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
export interface DictComp extends Pos { t: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
export interface Lambda extends Pos { t: 'Lambda'; args: Arguments; body: Expr }
export interface IfExp extends Pos { t: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
export interface NamedExpr extends Pos { t: 'NamedExpr'; target: Name; value: Expr }
export interface Await extends Pos { t: 'Await'; value: Expr }
export interface Yield extends Pos { t: 'Yield'; value: Expr | null }
export interface YieldFrom extends Pos { t: 'YieldFrom'; value: Expr }

export type Expr =
  | Name | Constant | JoinedStr | FormattedValue | BinOp | UnaryOp | BoolOp | Compare | Call
  | Attribute | Subscript | Slice | Starred | List | Tuple | SetExpr | Dict | ListComp | SetComp
  | GeneratorExp | DictComp | Lambda | IfExp | NamedExpr | Await | Yield | YieldFrom;

export interface Arg extends Pos { arg: string; annotation: Expr | null }
export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}

export interface FunctionDef extends Pos {
  t: 'FunctionDef';
  name: string;
  args: Arguments;
  body: Stmt[];
  decorators: Expr[];
  returns: Expr | null;
  isAsync: boolean;
  /** Offset of the `def` keyword (the line CPython reports for the function). */
  defPos: number;
}
export interface ClassDef extends Pos {
  t: 'ClassDef';
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorators: Expr[];
  classPos: number;
}
export interface Return extends Pos { t: 'Return'; value: Expr | null }
export interface Delete extends Pos { t: 'Delete'; targets: Expr[] }
export interface Assign extends Pos { t: 'Assign'; targets: Expr[]; value: Expr }
export interface AugAssign extends Pos { t: 'AugAssign'; target: Name | Attribute | Subscript; op: BinOpKind; value: Expr }
export interface AnnAssign extends Pos { t: 'AnnAssign'; target: Name | Attribute | Subscript; annotation: Expr; value: Expr | null; simple: boolean }
export interface For extends Pos { t: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; isAsync: boolean }
export interface While extends Pos { t: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface If extends Pos { t: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface WithItem { contextExpr: Expr; optionalVars: Expr | null }
export interface With extends Pos { t: 'With'; items: WithItem[]; body: Stmt[]; isAsync: boolean }
export interface MatchCase { pattern: Pattern; guard: Expr | null; body: Stmt[] }
export interface Match extends Pos { t: 'Match'; subject: Expr; cases: MatchCase[] }
export interface Raise extends Pos { t: 'Raise'; exc: Expr | null; cause: Expr | null }
export interface ExceptHandler extends Pos { type: Expr | null; name: string | null; body: Stmt[] }
export interface Try extends Pos { t: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[]; isStar: boolean }
export interface Assert extends Pos { t: 'Assert'; test: Expr; msg: Expr | null }
export interface Alias extends Pos { name: string; asname: string | null }
export interface Import extends Pos { t: 'Import'; names: Alias[] }
export interface ImportFrom extends Pos { t: 'ImportFrom'; module: string | null; names: Alias[]; level: number }
export interface Global extends Pos { t: 'Global'; names: string[] }
export interface Nonlocal extends Pos { t: 'Nonlocal'; names: string[] }
export interface ExprStmt extends Pos { t: 'Expr'; value: Expr }
export interface Pass extends Pos { t: 'Pass' }
export interface Break extends Pos { t: 'Break' }
export interface Continue extends Pos { t: 'Continue' }
/** PEP 695 `type X = value` (3.12); the value is evaluated lazily. */
export interface TypeAlias extends Pos { t: 'TypeAlias'; name: Name; value: Expr }

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | While | If
  | With | Match | Raise | Try | Assert | Import | ImportFrom | Global | Nonlocal | ExprStmt
  | Pass | Break | Continue | TypeAlias;

export interface MatchValue extends Pos { t: 'MatchValue'; value: Expr }
export interface MatchSingleton extends Pos { t: 'MatchSingleton'; value: ConstValue }
export interface MatchSequence extends Pos { t: 'MatchSequence'; patterns: Pattern[] }
export interface MatchMapping extends Pos { t: 'MatchMapping'; keys: Expr[]; patterns: Pattern[]; rest: string | null }
export interface MatchClass extends Pos { t: 'MatchClass'; cls: Expr; patterns: Pattern[]; kwdAttrs: string[]; kwdPatterns: Pattern[] }
export interface MatchStar extends Pos { t: 'MatchStar'; name: string | null }
export interface MatchAs extends Pos { t: 'MatchAs'; pattern: Pattern | null; name: string | null }
export interface MatchOr extends Pos { t: 'MatchOr'; patterns: Pattern[] }

export type Pattern = MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr;

export interface Module { body: Stmt[]; docstring: boolean }

export type ScopeNode = FunctionDef | Lambda | ClassDef | ListComp | SetComp | GeneratorExp | DictComp;
