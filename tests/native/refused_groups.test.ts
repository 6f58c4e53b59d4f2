// Exception groups are not implemented by the native runtime yet: every use of the builtin
// names ExceptionGroup / BaseExceptionGroup and every `except*` is refused at compile time
// with its location (src/native/program.ts checkSupported), never wrong output. A program
// that binds the name itself is compiled.
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

function refusal(text: string): string | null {
  try {
    buildProgram(compileModule(new Source('/tmp/refused_groups.py', text)));
    return null;
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.message;
  }
}

describe('exception groups natively', () => {
  test.each([
    ["eg = ExceptionGroup('m', [ValueError()])\n", "builtin 'ExceptionGroup'"],
    ['def f(e):\n    return isinstance(e, BaseExceptionGroup)\n', "builtin 'BaseExceptionGroup'"],
    ['try:\n    pass\nexcept* ValueError:\n    pass\n', "'except\\*'"],
  ])('%j is refused', (text, what) => {
    expect(refusal(text)).toMatch(new RegExp(`^native backend does not support ${what} yet`));
  });

  test('a global of that name is the program\'s own', () => {
    expect(refusal('ExceptionGroup = list\nprint(ExceptionGroup())\n')).toBeNull();
  });
});
