// Bytecode listing (`edgepyc disasm --bytecode`).
//
// Derived entirely from the op table: each instruction is printed with its source line,
// index, name and argument rendered by its ArgKind. Specialized (quickened) instructions
// show their specialized name, so a listing taken after a profile shows what the
// interpreter learned. Output holds no addresses or absolute paths, so it can be golden-
// tested.

import type { CodeObject, Const } from './code.js';
import { BINOPS, CMPOPS, INPLACE, INTRINSICS, OPS } from './ops.js';

export function constRepr(c: Const): string {
  switch (c.k) {
    case 'int': return String(c.v);
    case 'float': {
      if (Number.isNaN(c.v)) return 'nan';
      if (!Number.isFinite(c.v)) return c.v > 0 ? 'inf' : '-inf';
      const s = String(c.v);
      return Number.isInteger(c.v) && !s.includes('e') ? `${s}.0` : s;
    }
    case 'complex': return c.re === 0 ? `${c.im}j` : `(${c.re}+${c.im}j)`;
    case 'str': return `'${c.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    case 'bytes': return `b'${Array.from(c.v).map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('')}'`;
    case 'bool': return c.v ? 'True' : 'False';
    case 'none': return 'None';
    case 'ellipsis': return 'Ellipsis';
    case 'tuple': return `(${c.items.map(constRepr).join(', ')}${c.items.length === 1 ? ',' : ''})`;
    case 'frozenset': return `frozenset({${c.items.map(constRepr).join(', ')}})`;
    case 'code': return `<code ${c.code.qualname}, line ${c.code.firstLine}>`;
  }
}

/** Human-readable argument of instruction `i`. */
export function argText(co: CodeObject, i: number): string {
  const op = co.ops[i];
  const arg = co.args[i];
  const d = OPS[op];
  const deref = (n: number): string => (n < co.cellvars.length ? co.cellvars[n] : co.freevars[n - co.cellvars.length] ?? '?');
  switch (d.arg) {
    case 'none': return '';
    case 'const': return `${arg} (${constRepr(co.consts[arg])})`;
    case 'local': {
      const fused = d.fuses ? co.args[i + 1] : -1;
      if (d.fuses && d.name.endsWith('LOAD_CONST')) return `${arg} (${co.varnames[arg]}), ${constRepr(co.consts[fused])}`;
      return d.fuses ? `${arg} (${co.varnames[arg]}), ${fused} (${co.varnames[fused]})` : `${arg} (${co.varnames[arg]})`;
    }
    case 'deref': return `${arg} (${deref(arg)})`;
    case 'name': return `${arg} (${co.names[arg]})`;
    case 'jump': return `to ${arg}`;
    case 'count': return String(arg);
    case 'binop': return `${arg} (${BINOPS[arg & (INPLACE - 1)]}${arg & INPLACE ? '=' : ''})`;
    case 'cmp': return d.fuses ? `${arg} (${CMPOPS[arg]}), jump to ${co.args[i + 1]}` : `${arg} (${CMPOPS[arg]})`;
    case 'flag': return String(arg);
    case 'intrinsic': return `${arg} (${INTRINSICS[arg]})`;
  }
}

export interface DisasmOptions {
  /** Recurse into nested code objects (functions, classes, comprehensions). */
  recursive?: boolean;
  /** Per-instruction annotation (e.g. execution counts from a profile). */
  annotate?: (co: CodeObject, i: number) => string;
}

export function disassemble(co: CodeObject, options: DisasmOptions = {}): string {
  const out: string[] = [];
  const visit = (c: CodeObject): void => {
    out.push(`Disassembly of <code ${c.qualname}> (${c.filename.split('/').pop()}, line ${c.firstLine}):`);
    const targets = new Set<number>();
    for (let i = 0; i < c.ops.length; i++) if (OPS[c.ops[i]].arg === 'jump') targets.add(c.args[i]);
    for (const e of c.exceptionTable) targets.add(e.target);
    let lastLine = -1;
    for (let i = 0; i < c.ops.length; i++) {
      const line = c.lines[i];
      const lineCol = line !== lastLine ? String(line).padStart(4) : '    ';
      lastLine = line;
      const mark = targets.has(i) ? '>>' : '  ';
      const name = OPS[c.ops[i]].name;
      const arg = argText(c, i);
      const note = options.annotate ? options.annotate(c, i) : '';
      out.push(`${lineCol}  ${mark}${String(i).padStart(5)} ${name.padEnd(28)}${arg}${note ? `  ${note}` : ''}`.trimEnd());
    }
    if (c.exceptionTable.length > 0) {
      out.push('ExceptionTable:');
      for (const e of c.exceptionTable) out.push(`  ${e.start} to ${e.end - 1} -> ${e.target} [${e.depth}]`);
    }
    out.push('');
    if (options.recursive !== false) {
      for (const k of c.consts) if (k.k === 'code') visit(k.code);
    }
  };
  visit(co);
  return out.join('\n');
}
