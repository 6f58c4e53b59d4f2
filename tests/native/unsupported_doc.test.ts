// docs/native-unsupported.md must list every refusal the native backend can make today
// (issue #5: "every construct still unsupported natively is a compile-time error naming it
// and its location, listed in docs/ with the plan for it"). The candidates come from
// src/native/program.ts itself (its FEATURE_OF_OP table, its CPYTHON_BUILTINS list, its
// literal 'feature:' messages, unsupportedConst's kinds) and from the
// native modules' CPython name lists; which of them are refused is computed from the runtime
// the way checkSupported decides it (an op whose generic stencil is missing or calls an
// undefined routine, a builtin no runtime module defines, a module attribute the native
// module lacks). Each refusal's message must appear in the page.

import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERIC, INTRINSICS, OPS } from '../../src/bytecode/ops.js';
import { runtimeImage } from '../../src/native/runtime-image.js';
import { stencilFor } from '../../src/native/stencil.js';
import { CPYTHON_MODULE_NAMES, nativeModuleNames } from '../../runtime/core/modules.js';
import { TEMPLATES } from '../../templates/index.js';
import { ROOT } from '../lib/programs.js';

const PROGRAM = readFileSync(join(ROOT, 'src', 'native', 'program.ts'), 'utf8');
const DOC = readFileSync(join(ROOT, 'docs', 'native-unsupported.md'), 'utf8');

/** The source text of `const NAME ... = <body>;` in program.ts (one declaration). */
function declaration(name: string): string {
  const at = PROGRAM.indexOf(`const ${name}`);
  if (at < 0) throw new Error(`program.ts has no const ${name}`);
  return PROGRAM.slice(at, PROGRAM.indexOf(';\n', at));
}

/** The source text of `function NAME(...) { ... }` in program.ts, up to its closing line. */
function functionText(name: string): string {
  const at = PROGRAM.indexOf(`function ${name}(`);
  if (at < 0) throw new Error(`program.ts has no function ${name}`);
  return PROGRAM.slice(at, PROGRAM.indexOf('\n}\n', at));
}

const FEATURE_OF_OP: Record<string, string> = Object.fromEntries(
  [...declaration('FEATURE_OF_OP').matchAll(/^\s+(\w+): (["'])(.*)\2,$/gm)].map((m) => [m[1], m[3]]),
);
const CPYTHON_BUILTINS = /'([^']+)'\.split\(' '\)/.exec(declaration('CPYTHON_BUILTINS'))![1].split(' ');

const image = runtimeImage();
const defined = new Set<string>();
for (const m of image.modules) {
  for (const r of m.routines) defined.add(r.name);
  for (const d of m.data) defined.add(d.name);
}
/** The builtin names the program builder binds (ProgramBuilder's constructor). */
const builtins = new Set<string>(['NotImplemented', 'Ellipsis']);
for (const m of image.modules) for (const b of m.builtins ?? []) builtins.add(b.name);
for (const n of defined) if (n.startsWith('type_')) builtins.add(n.slice(5));
// CPython's other names of OSError, bound to the same type (program.ts ProgramBuilder).
if (builtins.has('OSError')) for (const n of ['IOError', 'EnvironmentError']) builtins.add(n);

/** Generic ops (the only ones checkSupported sees) that have no usable native template. */
function refusedOps(): string[] {
  const out: string[] = [];
  for (let op = 0; op < OPS.length; op++) {
    if (GENERIC[op] !== op) continue;
    const name = OPS[op].name;
    const def = TEMPLATES.get(name);
    if (def === undefined) {
      out.push(FEATURE_OF_OP[name] ?? `'${name}'`);
      continue;
    }
    const args = name === 'CALL_INTRINSIC_1' ? INTRINSICS.map((_, k) => k) : [0];
    for (const arg of args) {
      const label = name === 'CALL_INTRINSIC_1' ? `INTRINSIC_${INTRINSICS[arg]}` : name;
      try {
        const st = stencilFor(def, def.variant ? def.variant({ op: name as never, arg, next: null, depth: 0, facts: {} } as never) : {});
        const calls = [...st.relocs, ...(st.cold?.relocs ?? [])].filter((r) => r.target.kind === 'extern');
        if (calls.some((r) => r.target.kind === 'extern' && !defined.has(r.target.name.replace(/^box:/, '')))) out.push(FEATURE_OF_OP[label] ?? `'${label}'`);
      } catch {
        out.push(FEATURE_OF_OP[label] ?? `'${label}'`);
      }
    }
  }
  return [...new Set(out)];
}

describe('docs/native-unsupported.md lists every native refusal', () => {
  test('program.ts was read (the extraction found its tables)', () => {
    expect(Object.keys(FEATURE_OF_OP).length).toBeGreaterThan(30);
    expect(CPYTHON_BUILTINS).toContain('print');
  });

  test('instructions without a template', () => {
    const ops = refusedOps();
    expect(ops).toContain('interactive expressions');
    // except* has its templates (templates/stmts.ts, runtime/core/excgroup.ts).
    expect(ops).not.toContain("'except*'");
    for (const what of ops) expect(DOC, `docs/native-unsupported.md does not list ${what}`).toContain(`\`${what}\``);
  });

  test('fixed messages: constants, globals(), vars()/dir() without an argument', () => {
    const fixed = [
      ...[...functionText('unsupportedConst').matchAll(/return '([^']+)'/g)].map((m) => m[1]),
      ...[...PROGRAM.matchAll(/missing = 'feature:([^']+)'/g)].map((m) => m[1]),
      ...[...PROGRAM.matchAll(/missing = `builtin:\$\{name\}\(\) without an argument`/g)].flatMap(() => ["'vars' without an argument", "'dir' without an argument"]),
    ];
    expect(fixed.length).toBeGreaterThanOrEqual(5);
    for (const what of fixed) expect(DOC, `docs/native-unsupported.md does not list ${what}`).toContain(what);
  });

  test('CPython builtins the runtime does not define', () => {
    // True, False and None are keywords: the compiler makes them constants, never a LOAD_GLOBAL.
    const missing = CPYTHON_BUILTINS.filter((n) => !builtins.has(n) && !['True', 'False', 'None'].includes(n));
    for (const n of missing) expect(DOC, `docs/native-unsupported.md does not list builtin '${n}'`).toContain(`builtin '${n}'`);
  });

  test('attributes of native modules the runtime does not define', () => {
    const native = nativeModuleNames();
    for (const [mod, names] of Object.entries(CPYTHON_MODULE_NAMES)) {
      const have = native[mod as keyof typeof native];
      for (const n of names) {
        if (!have.has(n)) expect(DOC, `docs/native-unsupported.md does not list '${mod}.${n}'`).toContain(`'${mod}.${n}'`);
      }
    }
  });
});
