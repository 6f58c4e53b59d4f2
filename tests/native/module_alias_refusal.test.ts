// The program builder checks attributes of the native builtin modules (sys, math, time,
// _abcflags) at compile time also through `import m as name` aliases (collections does
// `import sys as _sys`): a CPython attribute the runtime lacks is refused at its location,
// never an AttributeError at run time; attributes it has compile.
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

function build(text: string): void {
  buildProgram(compileModule(new Source('/tmp/module_alias.py', text)));
}

describe('aliases of native builtin modules', () => {
  test.each([
    ['import sys as s\nprint(s.getsizeof(1))\n', 's.getsizeof', 'sys.getsizeof'],
    ['import sys as _sys\ndef f():\n    return _sys._getframe(0)\n', '_sys._getframe', 'sys._getframe'],
    // time is runtime/nativelib/time.py: names it does not define are refused the same way.
    ['import time as t\nprint(t.strptime("1", "%d"))\n', 't.strptime', 'time.strptime'],
  ])('%j is refused', (text, at, what) => {
    let err: unknown = null;
    try {
      build(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompileError);
    const ce = err as CompileError;
    expect(ce.message).toBe(`native backend does not support '${what}' yet`);
    expect(ce.diag.offset).toBe(text.indexOf(at));
  });

  test.each([
    ['import sys as s\nprint(s.maxsize, s.version_info, s.modules, s.intern("a"), s.exc_info())\n'],
    ['import math as m\nprint(m.floor(2.5))\n'],
    ['import time as t\nprint(t.localtime(0).tm_year, t.strftime("%Y"))\n'],
    // Rebound elsewhere: not an alias any more, so not checked as one (as before).
    ['import sys as s\ns = 3\nprint(s.getsizeof)\n'],
  ])('%j compiles', (text) => {
    expect(() => build(text)).not.toThrow();
  });
});
