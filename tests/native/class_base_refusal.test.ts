// A class statement whose base is a builtin type the native class machinery cannot lay out
// yet (bytes, bytearray, enumerate, zip, map, filter, reversed, super) is refused at compile
// time at the base's location (program.ts isClassBase), never a TypeError when the class is
// created; the same names used otherwise still compile.
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { CompileError } from '../../src/diagnostics.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

function build(text: string): void {
  buildProgram(compileModule(new Source('/tmp/class_base.py', text)));
}

describe('builtin bases the native backend cannot subclass', () => {
  test.each([
    ['class X(bytes):\n    pass\n', 'bytes', 'bytes'],
    ['class X(int, bytearray):\n    pass\n', 'bytearray', 'bytearray'],
    ['class X(zip, metaclass=type):\n    pass\n', 'zip', 'zip'],
    ['def f():\n    class S(super):\n        pass\n', 'super', 'super'],
  ])('%j is refused', (text, at, what) => {
    let err: unknown = null;
    try {
      build(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CompileError);
    const ce = err as CompileError;
    expect(ce.message).toBe(`native backend does not support subclasses of '${what}' yet`);
    expect(ce.diag.offset).toBe(text.indexOf(at, text.indexOf('(')));
  });

  test.each([
    ['x = bytes(3)\nclass Y(int):\n    pass\n'],
    ['def f(t):\n    return t\nclass X(f(int)):\n    pass\nz = zip\n'],
    ['bytes = int\nclass X(bytes):\n    pass\n'],
  ])('%j compiles', (text) => {
    expect(() => build(text)).not.toThrow();
  });
});
