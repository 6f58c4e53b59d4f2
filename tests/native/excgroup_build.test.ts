// Exception groups and except* compile natively: a program that names ExceptionGroup /
// BaseExceptionGroup or uses except* gets runtime/lib/_edgepyc_eg.py compiled in (the
// constructor's checks, split/subgroup/derive, CHECK_EG_MATCH, PREP_RERAISE_STAR and the boxed
// group tracebacks: runtime/core/excgroup.ts); other programs do not carry it. Behaviour is
// compared with CPython by tests/programs (errors_native/eg_*, errors/tb_group*,
// keywords/except_star_semantics).
import { describe, expect, test } from 'vitest';
import { compileModule } from '../../src/compiler/codegen.js';
import { Source } from '../../src/frontend/source.js';
import { buildProgram } from '../../src/native/program.js';

/** Whether the built program contains the exception-group module's code. */
function carriesGroups(text: string): boolean {
  const built = buildProgram(compileModule(new Source('/tmp/excgroup_build.py', text)));
  return built.functions.some((f) => f.code.filename.endsWith('_edgepyc_eg.py'));
}

describe('exception groups natively', () => {
  test.each([
    "eg = ExceptionGroup('m', [ValueError()])\n",
    'def f(e):\n    return isinstance(e, BaseExceptionGroup)\n',
    'try:\n    pass\nexcept* ValueError:\n    pass\n',
  ])('%j compiles with the group module', (text) => {
    expect(carriesGroups(text)).toBe(true);
  });

  test('a program without groups does not carry the module', () => {
    expect(carriesGroups('try:\n    pass\nexcept ValueError:\n    pass\nprint(1)\n')).toBe(false);
  });

  test("a global of that name is the program's own", () => {
    expect(carriesGroups('ExceptionGroup = list\nprint(ExceptionGroup())\n')).toBe(false);
  });
});
