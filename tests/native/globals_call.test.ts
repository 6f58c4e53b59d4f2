// The program builder's rule for globals() (docs/decisions/0012): a snapshot of the module's
// names, accepted only where the dict is read at once; every other use is refused at compile
// time with its location. (What the accepted forms compute is checked by
// tests/programs/calls_native/namespaces.py against CPython.)
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

function build(text: string): void {
  buildProgram(compileModule(new Source('/tmp/globals_call.py', text)));
}

describe('globals() natively', () => {
  test.each([
    ["x = 1\nprint('x' in globals())\n"],
    ["x = 1\nprint('y' not in globals(), globals()['x'])\n"],
    ["def f():\n    return globals().get('x', 0)\nx = 1\n"],
    ["class C:\n    ok = 'x' in globals()\n"],
    ["def f(k, v):\n    globals()[k] = v\nglobals()['y'] = 2\n"],
  ])('read at once: %j is accepted', (text) => {
    expect(() => build(text)).not.toThrow();
  });

  test.each([
    ['g = globals()\n'],
    ["globals()['x'] += 1\n"],
    ["globals()['__doc__'] = 'd'\n"],
    ["globals()[1 + 2] = 3\n"],
    ['for k in globals():\n    pass\n'],
    ["print('__name__' in globals())\n"],
    ['f = globals\n'],
  ])('%j is refused at the name globals', (text) => {
    let err: unknown = null;
    try {
      build(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompileError);
    const ce = err as CompileError;
    expect(ce.message).toMatch(/^native backend does not support globals\(\) other than `k in globals\(\)`/);
    expect(ce.diag.offset).toBe(text.indexOf('globals'));
  });
});
