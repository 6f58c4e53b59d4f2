// REPL input (src/repl/input.ts): when a block is complete, and the syntax colours.

import { describe, expect, test } from 'vitest';
import { highlight, inputState } from '../../src/repl/input.js';

describe('inputState', () => {
  const cases: [string[], 'complete' | 'incomplete'][] = [
    [['x = 1'], 'complete'],
    [['1 +'], 'complete'], // a SyntaxError: run it so it is reported
    [['def f(x):'], 'incomplete'],
    [['def f(x):', '    return x'], 'incomplete'],
    [['def f(x):', '    return x', ''], 'complete'],
    [['def f(x):', ''], 'complete'], // IndentationError, reported
    [['if x: pass'], 'incomplete'],
    [['if x: pass', ''], 'complete'],
    [['@dec'], 'complete'], // invalid alone (SyntaxError), as in CPython
    [['class A:', '    def m(self):', '        return 1', ''], 'complete'],
    [['for i in range(3):', '    print(i)', ''], 'complete'],
    [['x = (1,'], 'incomplete'],
    [['x = (1,', ''], 'incomplete'], // brackets keep asking
    [['x = (1,', '2)'], 'complete'],
    [['s = """a'], 'incomplete'],
    [['s = """a', 'b"""'], 'complete'],
    [['x = 1 + \\'], 'incomplete'],
    [['x = 1 + \\', '2'], 'complete'],
    [['# just a comment'], 'complete'],
    [['try:', '    1/0', 'except ZeroDivisionError:', '    pass', ''], 'complete'],
  ];
  for (const [lines, want] of cases) test(JSON.stringify(lines), () => expect(inputState(lines)).toBe(want));
});

describe('highlight', () => {
  test('keywords, builtins, strings, numbers and comments get colours; the text is unchanged', () => {
    const line = "def f(x): return len('a#b') + 12  # note";
    const out = highlight(line);
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(line);
    expect(out).toContain('\x1b[35mdef\x1b[0m');
    expect(out).toContain('\x1b[35mreturn\x1b[0m');
    expect(out).toContain('\x1b[34mlen\x1b[0m');
    expect(out).toContain("\x1b[32m'a#b'\x1b[0m");
    expect(out).toContain('\x1b[36m12\x1b[0m');
    expect(out).toContain('\x1b[90m# note\x1b[0m');
    expect(highlight('xdef = define')).toBe('xdef = define');
  });
});
