// Expression unparsing, as Python's ast.unparse spells it.
//
// Used for annotations under `from __future__ import annotations` (PEP 563), where
// CPython stores each annotation as the unparsed text of its expression. Precedence
// follows Lib/ast.py's _Precedence so parentheses appear exactly where CPython puts them.

import type * as A from '../frontend/ast.js';

const enum P {
  NAMED_EXPR = 1, TUPLE, YIELD, TEST, OR, AND, NOT, CMP, EXPR, BOR = EXPR, BXOR, BAND, SHIFT, ARITH, TERM, FACTOR, POWER, AWAIT, ATOM,
}

const BINPREC: Record<A.BinOpKind, P> = {
  '+': P.ARITH, '-': P.ARITH, '*': P.TERM, '/': P.TERM, '//': P.TERM, '%': P.TERM, '@': P.TERM,
  '**': P.POWER, '<<': P.SHIFT, '>>': P.SHIFT, '&': P.BAND, '|': P.BOR, '^': P.BXOR,
};

function reprStr(s: string): string {
  // Python's repr of a str: prefer single quotes unless the text has ' and no ".
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function constText(v: A.ConstValue): string {
  switch (v.k) {
    case 'int': return String(v.v);
    case 'float': {
      if (!Number.isFinite(v.v)) return '1e309';
      const s = String(v.v);
      return /[.e]/.test(s) ? s.replace('e+', 'e+') : s + '.0';
    }
    case 'complex': return `${v.im}j`;
    case 'str': return reprStr(v.v);
    case 'bytes': return "b'" + Array.from(v.v).map((b) => (b >= 32 && b < 127 && b !== 39 && b !== 92 ? String.fromCharCode(b) : '\\x' + b.toString(16).padStart(2, '0'))).join('') + "'";
    case 'bool': return v.v ? 'True' : 'False';
    case 'none': return 'None';
    case 'ellipsis': return '...';
  }
}

export function unparse(e: A.Expr, prec: number = P.TEST): string {
  const wrap = (p: number, s: string): string => (prec > p ? `(${s})` : s);
  switch (e.t) {
    case 'Name': return e.id;
    case 'Constant': return constText(e.value);
    case 'Attribute': return `${unparse(e.value, P.ATOM)}.${e.attr}`;
    case 'Subscript': {
      const sl = e.slice.t === 'Tuple' && e.slice.elts.length > 0 ? e.slice.elts.map((x) => unparse(x, P.TEST)).join(', ') : unparse(e.slice, P.TUPLE);
      return `${unparse(e.value, P.ATOM)}[${sl}]`;
    }
    case 'Call': {
      const parts = [...e.args.map((a) => unparse(a, P.TEST)), ...e.keywords.map((k) => (k.arg === null ? `**${unparse(k.value, P.TEST)}` : `${k.arg}=${unparse(k.value, P.TEST)}`))];
      return `${unparse(e.func, P.ATOM)}(${parts.join(', ')})`;
    }
    case 'BinOp': {
      const p = BINPREC[e.op];
      const right = e.op === '**';
      return wrap(p, `${unparse(e.left, right ? p + 1 : p)} ${e.op} ${unparse(e.right, right ? p : p + 1)}`);
    }
    case 'UnaryOp': {
      if (e.op === 'not') return wrap(P.NOT, `not ${unparse(e.operand, P.NOT)}`);
      return wrap(P.FACTOR, `${e.op}${unparse(e.operand, P.FACTOR)}`);
    }
    case 'BoolOp': {
      const p = e.op === 'and' ? P.AND : P.OR;
      return wrap(p, e.values.map((v) => unparse(v, p + 1)).join(` ${e.op} `));
    }
    case 'Compare':
      return wrap(P.CMP, [unparse(e.left, P.CMP + 1), ...e.ops.map((o, i) => `${o} ${unparse(e.comparators[i], P.CMP + 1)}`)].join(' '));
    case 'Tuple': {
      if (e.elts.length === 0) return '()';
      const inner = e.elts.map((x) => unparse(x, P.TEST)).join(', ') + (e.elts.length === 1 ? ',' : '');
      return prec > P.TUPLE ? `(${inner})` : inner;
    }
    case 'List': return `[${e.elts.map((x) => unparse(x, P.TEST)).join(', ')}]`;
    case 'Set': return e.elts.length === 0 ? '{*()}' : `{${e.elts.map((x) => unparse(x, P.TEST)).join(', ')}}`;
    case 'Dict': return `{${e.keys.map((k, i) => (k === null ? `**${unparse(e.values[i], P.EXPR)}` : `${unparse(k, P.TEST)}: ${unparse(e.values[i], P.TEST)}`)).join(', ')}}`;
    case 'Starred': return `*${unparse(e.value, P.EXPR)}`;
    case 'Slice': {
      let s = (e.lower ? unparse(e.lower) : '') + ':' + (e.upper ? unparse(e.upper) : '');
      if (e.step) s += ':' + unparse(e.step);
      return s;
    }
    case 'IfExp': return wrap(P.TEST, `${unparse(e.body, P.TEST + 1)} if ${unparse(e.test, P.TEST + 1)} else ${unparse(e.orelse, P.TEST)}`);
    case 'Lambda': return wrap(P.TEST, `lambda${e.args.args.length ? ' ' + e.args.args.map((a) => a.arg).join(', ') : ''}: ${unparse(e.body, P.TEST)}`);
    case 'NamedExpr': return wrap(P.NAMED_EXPR, `${e.target.id} := ${unparse(e.value, P.ATOM)}`);
    case 'Await': return wrap(P.AWAIT, `await ${unparse(e.value, P.ATOM)}`);
    case 'Yield': return wrap(P.YIELD, e.value ? `yield ${unparse(e.value, P.TUPLE)}` : 'yield');
    case 'YieldFrom': return wrap(P.YIELD, `yield from ${unparse(e.value, P.TEST)}`);
    case 'JoinedStr': return "f'...'";
    case 'FormattedValue': return unparse(e.value);
    case 'ListComp': return `[${unparse(e.elt)} ${comps(e.generators)}]`;
    case 'SetComp': return `{${unparse(e.elt)} ${comps(e.generators)}}`;
    case 'GeneratorExp': return `(${unparse(e.elt)} ${comps(e.generators)})`;
    case 'DictComp': return `{${unparse(e.key)}: ${unparse(e.value)} ${comps(e.generators)}}`;
  }
}

function comps(gs: A.Comprehension[]): string {
  return gs
    .map((g) => `${g.isAsync ? 'async ' : ''}for ${unparse(g.target, P.TUPLE)} in ${unparse(g.iter, P.TEST + 1)}${g.ifs.map((c) => ` if ${unparse(c, P.TEST + 1)}`).join('')}`)
    .join(' ');
}
