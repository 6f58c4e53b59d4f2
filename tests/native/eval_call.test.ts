// The program builder's rule for eval() (runtime/core/evalcall.ts, runtime/lib/_edgepyc_eval.py):
// a direct call `eval(...)` (CALL, CALL_KW or CALL_FUNCTION_EX whose callee is the builtin
// just loaded) compiles to the evaluator with the caller's namespaces; `eval` used as a value
// is refused at compile time at the name. (What the accepted calls compute is checked by
// tests/programs/eval_native/*.py against CPython.)
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

function build(text: string): void {
  buildProgram(compileModule(new Source('/tmp/eval_call.py', text)));
}

describe('eval() natively', () => {
  test.each([
    ["print(eval('1 + 1'))\n"],
    ["def f(a):\n    return eval('a' if a else 'b', {'b': 2})\n"],
    ["class C:\n    x = 1\n    y = eval('x')\n"],
    ["t = ('1',)\nprint(eval(*t), eval(*t, **{}))\n"],
    ["print(eval(eval('\"1\"')))\n"],
    ["x = [eval(s) for s in ('1', '2')]\n"],
    // A module global named eval is an ordinary name.
    ["def eval(s):\n    return s\nf = eval\n"],
  ])('direct call: %j is accepted', (text) => {
    expect(() => build(text)).not.toThrow();
  });

  test.each([
    ['f = eval\n'],
    ["print(list(map(eval, ['1'])))\n"],
    ["def g():\n    return eval\n"],
    ["h = [eval][0]('1')\n"],
  ])('%j is refused at the name eval', (text) => {
    let err: unknown = null;
    try {
      build(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompileError);
    const ce = err as CompileError;
    expect(ce.message).toMatch(/^native backend does not support eval other than a direct call eval\(\.\.\.\)/);
    expect(ce.diag.offset).toBe(text.indexOf('eval'));
  });
});
