// `__builtins__` (the builtins module as a module global) has no native counterpart: a
// program reading it is refused at compile time with the name and its place
// (src/native/program.ts checkSupported), never a NameError at run time; a module that binds
// the name itself compiles.
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

function refusal(text: string): string | null {
  try {
    buildProgram(compileModule(new Source('/tmp/builtins_global.py', text)));
    return null;
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.message;
  }
}

describe('__builtins__ natively', () => {
  test.each([
    "print('len' in dir(__builtins__))\n",
    'def f():\n    return __builtins__\n',
  ])('%j is refused', (text) => {
    expect(refusal(text)).toMatch(/^native backend does not support builtin '__builtins__' yet/);
  });

  test('a module binding the name compiles', () => {
    expect(refusal('__builtins__ = 1\nprint(__builtins__)\n')).toBeNull();
  });
});
