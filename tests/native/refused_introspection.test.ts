// Code, frame and traceback introspection does not exist natively (compiled functions keep
// no code object, compiled frames are value-stack slots): a program naming one of those
// attributes is refused at compile time with its location (src/native/program.ts
// INTROSPECTION_ATTRS), never an AttributeError at run time. docs/native-unsupported.md has
// the plan.
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

function refusal(text: string): { message: string; line: number } | null {
  try {
    buildProgram(compileModule(new Source('/tmp/refused_introspection.py', text)));
    return null;
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return { message: e.message, line: e.source.lineOf(e.diag.offset) };
  }
}

describe('introspection attributes natively', () => {
  test.each([
    ['def f():\n    pass\nprint(f.__code__.co_name)\n', '__code__', 3],
    ['try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print(e.__traceback__.tb_lineno)\n', 'tb_lineno', 4],
    ['def g():\n    yield 1\nx = g()\nx.gi_frame\n', 'gi_frame', 4],
    ['def f():\n    pass\nf.__globals__["k"] = 1\n', '__globals__', 3],
  ])('%j is refused', (text, attr, line) => {
    const r = refusal(text);
    expect(r?.message).toBe(`native backend does not support attribute '${attr}' (code, frame and traceback introspection) yet`);
    expect(r?.line).toBe(line);
  });

  test('other attributes of functions and cells compile', () => {
    expect(refusal('def f(a: int):\n    return lambda: a\nprint(f.__annotations__, f(1).__closure__[0].cell_contents)\n')).toBeNull();
  });
});
