// The op table: the single source of truth for edgepyc bytecode.
//
// Every instruction is declared here once: its name, what its argument means, its stack
// effect, whether it branches, and, for specialized instructions, the family (generic op)
// it belongs to. The compiler's stack-depth analysis, the verifier, the disassembler, the
// interpreter's quickening, `--stats` and the native template index are all derived from
// this table; nothing else lists opcodes.
//
// Instruction encoding: a code object holds two parallel arrays, `ops: Uint8Array` (the
// opcode; quickening rewrites it in place) and `args: Int32Array` (the argument). The
// program counter indexes instructions, not bytes. Jump arguments are absolute instruction
// indices. The operand stack lives in the frame's slot array after the locals, cells and
// free variables, so every stack position is a fixed frame slot at each instruction (the
// depth is static), which is what lets the native backend address it as [frame + offset].

export type ArgKind =
  | 'none'
  | 'const' // index into co.consts
  | 'local' // index into the frame's fast locals
  | 'deref' // index into cells+frees (after the locals)
  | 'name' // index into co.names
  | 'jump' // absolute instruction index
  | 'count' // a small count
  | 'binop' // BinaryOpArg
  | 'cmp' // CompareArg
  | 'flag' // an opcode-specific flag word
  | 'intrinsic'; // IntrinsicArg

/** Stack effect: number popped/pushed, or a function of the argument. */
type Effect = number | ((arg: number) => number);

export interface OpDef {
  readonly name: string;
  readonly arg: ArgKind;
  readonly pop: Effect;
  readonly push: Effect;
  /** Unconditional transfer: control never falls through. */
  readonly terminal?: boolean;
  /** Conditional branch to `arg` (the effect given is the fall-through one). */
  readonly branch?: boolean;
  /** Stack effect when the branch is taken, if different from the fall-through one. */
  readonly branchPush?: number;
  readonly branchPop?: number;
  /** The generic op this one specializes. */
  readonly family?: string;
  /** Superinstruction: also performs the next `fuses` instructions (which stay in place). */
  readonly fuses?: number;
  /** One-line semantics, shown by `disasm --ops` and used as documentation. */
  readonly doc: string;
}

/** BINARY_OP arguments: the operator, in-place variants at +INPLACE. */
export const BINOPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@'] as const;
export type BinOpSym = (typeof BINOPS)[number];
export const INPLACE = 16;
/** The dunder names of each binary operator: [method, reflected, in-place]. */
export const BINOP_DUNDERS: Readonly<Record<BinOpSym, readonly [string, string, string]>> = {
  '+': ['__add__', '__radd__', '__iadd__'],
  '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'],
  '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'],
  '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'],
  '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'],
  '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'],
  '^': ['__xor__', '__rxor__', '__ixor__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
};

/** COMPARE_OP arguments. */
export const CMPOPS = ['<', '<=', '==', '!=', '>', '>='] as const;
export type CmpOpSym = (typeof CMPOPS)[number];

/** Rare operations folded into CALL_INTRINSIC_1 (like CPython 3.12's intrinsics). */
export const INTRINSICS = [
  'PRINT_EXPR', // REPL: print repr of TOS and bind _
  'IMPORT_STAR', // from TOS module import * into the current namespace
  'STOPITERATION_ERROR', // convert StopIteration escaping a generator into RuntimeError
  'UNARY_POSITIVE',
  'LIST_TO_TUPLE',
  'TYPEALIAS', // TOS = (name, value-thunk) -> TypeAliasType
  'ASYNC_GEN_WRAP', // wrap a value yielded by an async generator
  'SUBSCRIPT_GENERIC', // unused placeholder kept for numbering stability
  'OWN_LOOP_ITER', // a for loop over a temporary iterable owns its iterator (TOS)
  'CLOSE_LOOP_ITER', // a for loop left early drops TOS: close a generator it owns (refcount finalization)
] as const;
export type IntrinsicName = (typeof INTRINSICS)[number];

/** FORMAT_VALUE flag bits. */
export const FVC_MASK = 0x3;
export const FVC_NONE = 0x0;
export const FVC_STR = 0x1;
export const FVC_REPR = 0x2;
export const FVC_ASCII = 0x3;
export const FVS_HAVE_SPEC = 0x4;

/** MAKE_FUNCTION flag bits (which optional items sit below the code object). */
export const MF_DEFAULTS = 0x1;
export const MF_KWDEFAULTS = 0x2;
export const MF_ANNOTATIONS = 0x4;
export const MF_CLOSURE = 0x8;

const popcount = (n: number): number => {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
};

/**
 * The table. Order defines opcode numbers; generic ops come first, then specialized
 * variants (grouped after their family), then superinstructions.
 */
const TABLE = [
  // -- stack and constants
  { name: 'NOP', arg: 'none', pop: 0, push: 0, doc: 'do nothing' },
  { name: 'POP_TOP', arg: 'none', pop: 1, push: 0, doc: 'discard TOS' },
  { name: 'COPY', arg: 'count', pop: (n: number) => n, push: (n: number) => n + 1, doc: 'push a copy of the n-th item (1 = TOS)' },
  { name: 'SWAP', arg: 'count', pop: (n: number) => n, push: (n: number) => n, doc: 'swap TOS with the n-th item' },
  { name: 'PUSH_NULL', arg: 'none', pop: 0, push: 1, doc: 'push NULL (absent self for CALL_METHOD)' },
  { name: 'LOAD_CONST', arg: 'const', pop: 0, push: 1, doc: 'push co.consts[arg]' },
  { name: 'RETURN_VALUE', arg: 'none', pop: 1, push: 0, terminal: true, doc: 'return TOS to the caller' },
  { name: 'RETURN_CONST', arg: 'const', pop: 0, push: 0, terminal: true, doc: 'return co.consts[arg]' },
  // -- variables
  { name: 'LOAD_FAST', arg: 'local', pop: 0, push: 1, doc: 'push local arg (UnboundLocalError if unbound)' },
  { name: 'STORE_FAST', arg: 'local', pop: 1, push: 0, doc: 'local arg = TOS' },
  { name: 'DELETE_FAST', arg: 'local', pop: 0, push: 0, doc: 'unbind local arg' },
  { name: 'LOAD_DEREF', arg: 'deref', pop: 0, push: 1, doc: 'push the contents of cell arg' },
  { name: 'STORE_DEREF', arg: 'deref', pop: 1, push: 0, doc: 'cell arg contents = TOS' },
  { name: 'DELETE_DEREF', arg: 'deref', pop: 0, push: 0, doc: 'empty cell arg' },
  { name: 'LOAD_CLOSURE', arg: 'deref', pop: 0, push: 1, doc: 'push cell arg itself (to build a closure)' },
  { name: 'LOAD_CLASSDEREF', arg: 'deref', pop: 0, push: 1, doc: 'class body: class namespace, else cell arg' },
  { name: 'LOAD_GLOBAL', arg: 'name', pop: 0, push: 1, doc: 'push global or builtin names[arg]' },
  { name: 'STORE_GLOBAL', arg: 'name', pop: 1, push: 0, doc: 'global names[arg] = TOS' },
  { name: 'DELETE_GLOBAL', arg: 'name', pop: 0, push: 0, doc: 'del global names[arg]' },
  { name: 'LOAD_NAME', arg: 'name', pop: 0, push: 1, doc: 'push names[arg] from locals, globals, builtins' },
  { name: 'STORE_NAME', arg: 'name', pop: 1, push: 0, doc: 'locals[names[arg]] = TOS' },
  { name: 'DELETE_NAME', arg: 'name', pop: 0, push: 0, doc: 'del locals[names[arg]]' },
  // -- attributes and subscripts
  { name: 'LOAD_ATTR', arg: 'name', pop: 1, push: 1, doc: 'TOS = getattr(TOS, names[arg])' },
  { name: 'STORE_ATTR', arg: 'name', pop: 2, push: 0, doc: 'setattr(TOS, names[arg], TOS1)' },
  { name: 'DELETE_ATTR', arg: 'name', pop: 1, push: 0, doc: 'delattr(TOS, names[arg])' },
  { name: 'LOAD_METHOD', arg: 'name', pop: 1, push: 2, doc: 'push (method, self) or (attribute, NULL)' },
  { name: 'BINARY_SUBSCR', arg: 'none', pop: 2, push: 1, doc: 'TOS = TOS1[TOS]' },
  { name: 'STORE_SUBSCR', arg: 'none', pop: 3, push: 0, doc: 'TOS1[TOS] = TOS2' },
  { name: 'DELETE_SUBSCR', arg: 'none', pop: 2, push: 0, doc: 'del TOS1[TOS]' },
  { name: 'BUILD_SLICE', arg: 'count', pop: (n: number) => n, push: 1, doc: 'push slice(start, stop[, step])' },
  // -- operators
  { name: 'BINARY_OP', arg: 'binop', pop: 2, push: 1, doc: 'TOS = TOS1 <op> TOS' },
  { name: 'UNARY_NEGATIVE', arg: 'none', pop: 1, push: 1, doc: 'TOS = -TOS' },
  { name: 'UNARY_INVERT', arg: 'none', pop: 1, push: 1, doc: 'TOS = ~TOS' },
  { name: 'UNARY_NOT', arg: 'none', pop: 1, push: 1, doc: 'TOS = not TOS' },
  { name: 'COMPARE_OP', arg: 'cmp', pop: 2, push: 1, doc: 'TOS = TOS1 <cmp> TOS' },
  { name: 'IS_OP', arg: 'flag', pop: 2, push: 1, doc: 'TOS = TOS1 is TOS (is not if arg)' },
  { name: 'CONTAINS_OP', arg: 'flag', pop: 2, push: 1, doc: 'TOS = TOS1 in TOS (not in if arg)' },
  // -- building
  { name: 'BUILD_TUPLE', arg: 'count', pop: (n: number) => n, push: 1, doc: 'tuple of the top n items' },
  { name: 'BUILD_LIST', arg: 'count', pop: (n: number) => n, push: 1, doc: 'list of the top n items' },
  { name: 'BUILD_SET', arg: 'count', pop: (n: number) => n, push: 1, doc: 'set of the top n items' },
  { name: 'BUILD_MAP', arg: 'count', pop: (n: number) => 2 * n, push: 1, doc: 'dict of the top n key/value pairs' },
  { name: 'BUILD_STRING', arg: 'count', pop: (n: number) => n, push: 1, doc: 'concatenate the top n strings' },
  { name: 'FORMAT_VALUE', arg: 'flag', pop: (f: number) => ((f & FVS_HAVE_SPEC) ? 2 : 1), push: 1, doc: 'format TOS (conversion/spec from flags)' },
  { name: 'LIST_APPEND', arg: 'count', pop: 1, push: 0, doc: 'STACK[-arg].append(TOS)' },
  { name: 'SET_ADD', arg: 'count', pop: 1, push: 0, doc: 'STACK[-arg].add(TOS)' },
  { name: 'MAP_ADD', arg: 'count', pop: 2, push: 0, doc: 'STACK[-arg][TOS1] = TOS' },
  { name: 'LIST_EXTEND', arg: 'count', pop: 1, push: 0, doc: 'STACK[-arg].extend(TOS)' },
  { name: 'SET_UPDATE', arg: 'count', pop: 1, push: 0, doc: 'STACK[-arg].update(TOS)' },
  { name: 'DICT_UPDATE', arg: 'count', pop: 1, push: 0, doc: 'STACK[-arg].update(TOS)' },
  { name: 'DICT_MERGE', arg: 'count', pop: 1, push: 0, doc: 'like DICT_UPDATE but duplicate keys are an error (calls)' },
  { name: 'UNPACK_SEQUENCE', arg: 'count', pop: 1, push: (n: number) => n, doc: 'push the n items of TOS, last first' },
  { name: 'UNPACK_EX', arg: 'flag', pop: 1, push: (f: number) => (f & 0xff) + (f >> 8) + 1, doc: 'starred unpack: arg = before | after << 8' },
  // -- control flow
  { name: 'JUMP', arg: 'jump', pop: 0, push: 0, terminal: true, doc: 'jump to arg' },
  { name: 'POP_JUMP_IF_FALSE', arg: 'jump', pop: 1, push: 0, branch: true, doc: 'pop; jump if false' },
  { name: 'POP_JUMP_IF_TRUE', arg: 'jump', pop: 1, push: 0, branch: true, doc: 'pop; jump if true' },
  { name: 'POP_JUMP_IF_NONE', arg: 'jump', pop: 1, push: 0, branch: true, doc: 'pop; jump if None' },
  { name: 'POP_JUMP_IF_NOT_NONE', arg: 'jump', pop: 1, push: 0, branch: true, doc: 'pop; jump if not None' },
  { name: 'JUMP_IF_FALSE_OR_POP', arg: 'jump', pop: 1, push: 0, branch: true, branchPop: 0, branchPush: 0, doc: 'if false jump (keep TOS), else pop' },
  { name: 'JUMP_IF_TRUE_OR_POP', arg: 'jump', pop: 1, push: 0, branch: true, branchPop: 0, branchPush: 0, doc: 'if true jump (keep TOS), else pop' },
  { name: 'GET_ITER', arg: 'none', pop: 1, push: 1, doc: 'TOS = iter(TOS)' },
  { name: 'FOR_ITER', arg: 'jump', pop: 1, push: 2, branch: true, branchPop: 1, branchPush: 0, doc: 'push next(TOS); when exhausted pop TOS and jump' },
  // -- calls and functions
  { name: 'CALL', arg: 'count', pop: (n: number) => n + 1, push: 1, doc: 'call STACK[-n-1](n positional args)' },
  { name: 'CALL_KW', arg: 'count', pop: (n: number) => n + 2, push: 1, doc: 'call with n args, the last len(kwnames) by keyword; TOS = kwnames' },
  { name: 'CALL_METHOD', arg: 'count', pop: (n: number) => n + 2, push: 1, doc: 'call (method, self|NULL) with n args' },
  { name: 'CALL_METHOD_KW', arg: 'count', pop: (n: number) => n + 3, push: 1, doc: 'CALL_METHOD with keyword names at TOS' },
  { name: 'CALL_FUNCTION_EX', arg: 'flag', pop: (f: number) => (f & 1 ? 3 : 2), push: 1, doc: 'call TOS1|TOS2 with *args tuple (and **kwargs dict if arg&1)' },
  { name: 'MAKE_FUNCTION', arg: 'flag', pop: (f: number) => 1 + popcount(f), push: 1, doc: 'function from code TOS and optional defaults/kwdefaults/annotations/closure' },
  { name: 'LOAD_BUILD_CLASS', arg: 'none', pop: 0, push: 1, doc: 'push builtins.__build_class__' },
  { name: 'CALL_INTRINSIC_1', arg: 'intrinsic', pop: 1, push: 1, doc: 'TOS = intrinsic(TOS)' },
  // -- exceptions
  { name: 'RAISE_VARARGS', arg: 'count', pop: (n: number) => n, push: 0, terminal: true, doc: 'raise (0: re-raise, 1: TOS, 2: TOS1 from TOS)' },
  { name: 'RERAISE', arg: 'none', pop: 1, push: 0, terminal: true, doc: 're-raise exception TOS keeping its traceback' },
  { name: 'PUSH_EXC_INFO', arg: 'none', pop: 1, push: 2, doc: 'push the current handled exception, make TOS current' },
  { name: 'POP_EXCEPT', arg: 'none', pop: 1, push: 0, doc: 'restore the handled exception from TOS' },
  { name: 'CHECK_EXC_MATCH', arg: 'none', pop: 2, push: 2, doc: 'TOS = isinstance(TOS1, TOS) for except clauses' },
  { name: 'CHECK_EG_MATCH', arg: 'none', pop: 2, push: 2, doc: 'except*: split exception group TOS1 by type TOS -> (rest, match)' },
  { name: 'PREP_RERAISE_STAR', arg: 'none', pop: 2, push: 1, doc: 'except*: combine raised and unhandled exceptions' },
  { name: 'LOAD_ASSERTION_ERROR', arg: 'none', pop: 0, push: 1, doc: 'push AssertionError' },
  { name: 'BEFORE_WITH', arg: 'none', pop: 1, push: 2, doc: 'push (bound __exit__, result of __enter__())' },
  { name: 'BEFORE_ASYNC_WITH', arg: 'none', pop: 1, push: 2, doc: 'push (bound __aexit__, awaitable of __aenter__())' },
  { name: 'WITH_EXCEPT_START', arg: 'none', pop: 4, push: 5, doc: 'call __exit__ (STACK[-4]) with the exception TOS' },
  // -- generators and coroutines
  { name: 'YIELD_VALUE', arg: 'none', pop: 1, push: 1, doc: 'suspend, yielding TOS; resume with the sent value' },
  { name: 'SEND', arg: 'jump', pop: 2, push: 2, branch: true, branchPop: 2, branchPush: 1, doc: 'delegate: send TOS into TOS1; on return pop and jump with the value' },
  { name: 'GET_YIELD_FROM_ITER', arg: 'none', pop: 1, push: 1, doc: 'TOS = iter(TOS) unless a generator/coroutine' },
  { name: 'GET_AWAITABLE', arg: 'flag', pop: 1, push: 1, doc: 'TOS = TOS.__await__() (or the coroutine itself)' },
  { name: 'GET_AITER', arg: 'none', pop: 1, push: 1, doc: 'TOS = TOS.__aiter__()' },
  { name: 'GET_ANEXT', arg: 'none', pop: 1, push: 2, doc: 'push awaitable of TOS.__anext__()' },
  { name: 'END_ASYNC_FOR', arg: 'none', pop: 2, push: 0, doc: 'end async for on StopAsyncIteration, else re-raise' },
  // -- modules, annotations, pattern matching
  { name: 'IMPORT_NAME', arg: 'name', pop: 2, push: 1, doc: '__import__(names[arg], fromlist=TOS, level=TOS1)' },
  { name: 'IMPORT_FROM', arg: 'name', pop: 1, push: 2, doc: 'push getattr(TOS, names[arg]) (or submodule)' },
  { name: 'SETUP_ANNOTATIONS', arg: 'none', pop: 0, push: 0, doc: 'create __annotations__ in locals' },
  { name: 'MATCH_CLASS', arg: 'count', pop: 3, push: 1, doc: 'match TOS2 against class TOS1 with n positional and keyword names TOS -> tuple|None' },
  { name: 'MATCH_MAPPING', arg: 'none', pop: 1, push: 2, doc: 'push whether TOS is a mapping' },
  { name: 'MATCH_SEQUENCE', arg: 'none', pop: 1, push: 2, doc: 'push whether TOS is a sequence for matching' },
  { name: 'MATCH_KEYS', arg: 'none', pop: 2, push: 3, doc: 'push tuple of TOS1[k] for keys TOS, or None' },
  { name: 'GET_LEN', arg: 'none', pop: 1, push: 2, doc: 'push len(TOS)' },
  { name: 'COPY_DICT_WITHOUT_KEYS', arg: 'none', pop: 2, push: 2, doc: 'TOS = dict(TOS1) without keys TOS' },

  // ---- specialized variants (quickened in place by the interpreter) --------------------
  { name: 'BINARY_OP_ADD_INT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'int + int' },
  { name: 'BINARY_OP_SUB_INT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'int - int' },
  { name: 'BINARY_OP_MUL_INT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'int * int' },
  { name: 'BINARY_OP_FLOORDIV_INT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'int // int' },
  { name: 'BINARY_OP_MOD_INT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'int % int' },
  { name: 'BINARY_OP_BITWISE_INT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'int & | ^ << >> int (small)' },
  { name: 'BINARY_OP_ADD_FLOAT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'float + float (or int)' },
  { name: 'BINARY_OP_SUB_FLOAT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'float - float (or int)' },
  { name: 'BINARY_OP_MUL_FLOAT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'float * float (or int)' },
  { name: 'BINARY_OP_TRUEDIV_FLOAT', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'float / float (or int)' },
  { name: 'BINARY_OP_ADD_STR', arg: 'binop', pop: 2, push: 1, family: 'BINARY_OP', doc: 'str + str' },
  { name: 'COMPARE_OP_INT', arg: 'cmp', pop: 2, push: 1, family: 'COMPARE_OP', doc: 'int <cmp> int' },
  { name: 'COMPARE_OP_FLOAT', arg: 'cmp', pop: 2, push: 1, family: 'COMPARE_OP', doc: 'float <cmp> float (or int)' },
  { name: 'COMPARE_OP_STR', arg: 'cmp', pop: 2, push: 1, family: 'COMPARE_OP', doc: 'str <cmp> str' },
  { name: 'BINARY_SUBSCR_LIST_INT', arg: 'none', pop: 2, push: 1, family: 'BINARY_SUBSCR', doc: 'list[int]' },
  { name: 'BINARY_SUBSCR_TUPLE_INT', arg: 'none', pop: 2, push: 1, family: 'BINARY_SUBSCR', doc: 'tuple[int]' },
  { name: 'BINARY_SUBSCR_DICT', arg: 'none', pop: 2, push: 1, family: 'BINARY_SUBSCR', doc: 'dict[key]' },
  { name: 'BINARY_SUBSCR_STR_INT', arg: 'none', pop: 2, push: 1, family: 'BINARY_SUBSCR', doc: 'str[int]' },
  { name: 'STORE_SUBSCR_LIST_INT', arg: 'none', pop: 3, push: 0, family: 'STORE_SUBSCR', doc: 'list[int] = v' },
  { name: 'STORE_SUBSCR_DICT', arg: 'none', pop: 3, push: 0, family: 'STORE_SUBSCR', doc: 'dict[key] = v' },
  { name: 'LOAD_ATTR_INSTANCE', arg: 'name', pop: 1, push: 1, family: 'LOAD_ATTR', doc: 'instance attribute of a cached class' },
  { name: 'LOAD_ATTR_CLASS', arg: 'name', pop: 1, push: 1, family: 'LOAD_ATTR', doc: 'plain class attribute via instance of a cached class' },
  { name: 'LOAD_ATTR_MODULE', arg: 'name', pop: 1, push: 1, family: 'LOAD_ATTR', doc: 'module attribute' },
  { name: 'STORE_ATTR_INSTANCE', arg: 'name', pop: 2, push: 0, family: 'STORE_ATTR', doc: 'instance attribute store on a cached class' },
  { name: 'LOAD_METHOD_PY', arg: 'name', pop: 1, push: 2, family: 'LOAD_METHOD', doc: 'Python method of a cached class' },
  { name: 'LOAD_METHOD_BUILTIN', arg: 'name', pop: 1, push: 2, family: 'LOAD_METHOD', doc: 'builtin method of a builtin type' },
  { name: 'LOAD_METHOD_MODULE', arg: 'name', pop: 1, push: 2, family: 'LOAD_METHOD', doc: 'function attribute of a module' },
  { name: 'LOAD_GLOBAL_MODULE', arg: 'name', pop: 0, push: 1, family: 'LOAD_GLOBAL', doc: 'global found in module globals (cached version)' },
  { name: 'LOAD_GLOBAL_BUILTIN', arg: 'name', pop: 0, push: 1, family: 'LOAD_GLOBAL', doc: 'global found in builtins (cached versions)' },
  { name: 'CALL_PY_EXACT_ARGS', arg: 'count', pop: (n: number) => n + 1, push: 1, family: 'CALL', doc: 'Python function, positional args matching exactly' },
  { name: 'CALL_PY_WITH_DEFAULTS', arg: 'count', pop: (n: number) => n + 1, push: 1, family: 'CALL', doc: 'Python function, missing args from defaults' },
  { name: 'CALL_BUILTIN', arg: 'count', pop: (n: number) => n + 1, push: 1, family: 'CALL', doc: 'builtin function' },
  { name: 'CALL_TYPE', arg: 'count', pop: (n: number) => n + 1, push: 1, family: 'CALL', doc: 'instantiate a class' },
  { name: 'CALL_METHOD_PY', arg: 'count', pop: (n: number) => n + 2, push: 1, family: 'CALL_METHOD', doc: 'Python method with exact args' },
  { name: 'CALL_METHOD_BUILTIN', arg: 'count', pop: (n: number) => n + 2, push: 1, family: 'CALL_METHOD', doc: 'builtin method' },
  { name: 'FOR_ITER_RANGE', arg: 'jump', pop: 1, push: 2, branch: true, branchPop: 1, branchPush: 0, family: 'FOR_ITER', doc: 'next of a range iterator' },
  { name: 'FOR_ITER_LIST', arg: 'jump', pop: 1, push: 2, branch: true, branchPop: 1, branchPush: 0, family: 'FOR_ITER', doc: 'next of a list iterator' },
  { name: 'FOR_ITER_TUPLE', arg: 'jump', pop: 1, push: 2, branch: true, branchPop: 1, branchPush: 0, family: 'FOR_ITER', doc: 'next of a tuple iterator' },
  { name: 'UNPACK_SEQUENCE_TUPLE', arg: 'count', pop: 1, push: (n: number) => n, family: 'UNPACK_SEQUENCE', doc: 'unpack a tuple of the right length' },
  { name: 'UNPACK_SEQUENCE_LIST', arg: 'count', pop: 1, push: (n: number) => n, family: 'UNPACK_SEQUENCE', doc: 'unpack a list of the right length' },
  { name: 'CONTAINS_OP_DICT', arg: 'flag', pop: 2, push: 1, family: 'CONTAINS_OP', doc: 'key in dict' },
  { name: 'CONTAINS_OP_SET', arg: 'flag', pop: 2, push: 1, family: 'CONTAINS_OP', doc: 'item in set' },

  // ---- superinstructions: quickening fuses an op with the one after it; the second
  // instruction stays in place (its argument is read from there) and only runs if the
  // fused op deoptimizes. General patterns only: local load pairs, compare+branch.
  { name: 'LOAD_FAST__LOAD_FAST', arg: 'local', pop: 0, push: 2, fuses: 1, family: 'LOAD_FAST', doc: 'push local arg, then local args[pc+1]' },
  { name: 'LOAD_FAST__LOAD_CONST', arg: 'local', pop: 0, push: 2, fuses: 1, family: 'LOAD_FAST', doc: 'push local arg, then const args[pc+1]' },
  { name: 'STORE_FAST__LOAD_FAST', arg: 'local', pop: 1, push: 1, fuses: 1, family: 'STORE_FAST', doc: 'store local arg, then push local args[pc+1]' },
  { name: 'STORE_FAST__STORE_FAST', arg: 'local', pop: 2, push: 0, fuses: 1, family: 'STORE_FAST', doc: 'store local arg, then local args[pc+1]' },
  { name: 'COMPARE_OP_INT_JUMP', arg: 'cmp', pop: 2, push: 0, fuses: 1, family: 'COMPARE_OP', doc: 'int <cmp> int fused with the POP_JUMP_IF_* after it' },
  { name: 'COMPARE_OP_FLOAT_JUMP', arg: 'cmp', pop: 2, push: 0, fuses: 1, family: 'COMPARE_OP', doc: 'float <cmp> float fused with the POP_JUMP_IF_* after it' },
  { name: 'COMPARE_OP_STR_JUMP', arg: 'cmp', pop: 2, push: 0, fuses: 1, family: 'COMPARE_OP', doc: 'str <cmp> str fused with the POP_JUMP_IF_* after it' },
] as const satisfies readonly OpDef[];

export type OpName = (typeof TABLE)[number]['name'];

export const OPS: readonly OpDef[] = TABLE;

/** Opcode numbers by name: `Op.LOAD_FAST`. */
export const Op = Object.fromEntries(TABLE.map((d, i) => [d.name, i])) as { readonly [K in OpName]: number };

export const OP_COUNT = TABLE.length;

const byName = new Map<string, number>(TABLE.map((d, i) => [d.name, i]));

export function opNumber(name: string): number {
  const n = byName.get(name);
  if (n === undefined) throw new Error(`unknown op ${name}`);
  return n;
}

export function opName(op: number): OpName {
  return TABLE[op].name;
}

/** The generic op of `op` (itself when not specialized). */
export const GENERIC: Uint8Array = Uint8Array.from(TABLE.map((d) => ('family' in d && d.family ? byName.get(d.family)! : byName.get(d.name)!)));

/** Specialized ops of each family. */
export const FAMILIES: ReadonlyMap<number, readonly number[]> = (() => {
  const m = new Map<number, number[]>();
  TABLE.forEach((d, i) => {
    if ('family' in d && d.family) {
      const g = byName.get(d.family)!;
      if (!m.has(g)) m.set(g, []);
      m.get(g)!.push(i);
    }
  });
  return m;
})();

function effect(e: Effect, arg: number): number {
  return typeof e === 'number' ? e : e(arg);
}

/** Net stack effect of falling through `op arg`. */
export function stackEffect(op: number, arg: number): number {
  const d = TABLE[op] as OpDef;
  return effect(d.push, arg) - effect(d.pop, arg);
}

/** Net stack effect when `op` branches (for branch ops). */
export function branchEffect(op: number, arg: number): number {
  const d = TABLE[op] as OpDef;
  const pop = d.branchPop ?? effect(d.pop, arg);
  const push = d.branchPush ?? effect(d.push, arg);
  return push - pop;
}

export function isJumpOp(op: number): boolean {
  return TABLE[op].arg === 'jump';
}

export function isTerminal(op: number): boolean {
  return (TABLE[op] as OpDef).terminal === true;
}

export function isBranch(op: number): boolean {
  return (TABLE[op] as OpDef).branch === true;
}
