// The embedding API (src/api.ts): compile Python in-process, call its functions natively,
// convert values both ways, surface Python exceptions as JavaScript errors, free the memory.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, CompileError, float, type NativeModule, PythonError } from '../../src/api.js';

const SOURCE = `
import sys

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def ident(x):
    return x

def kinds(*args):
    return [type(a).__name__ for a in args]

def add(a, b):
    return a + b

def build(n):
    return {'n': n, 'squares': [i * i for i in range(n)], 'big': 2 ** 100, 'neg': -(2 ** 70), 'pair': (1, 'two')}

def int_keys():
    return {1: 'one', (2, 3): 'tuple'}

def a_set():
    return {1, 2}

def divide(a, b):
    return inner(a, b)

def inner(a, b):
    return a / b

class Oops(Exception):
    pass

def raise_custom():
    raise Oops('custom message')

def exit_now(code):
    sys.exit(code)

def cyclic():
    x = [1]
    x.append(x)
    return x

def total(items):
    s = 0
    for k in items:
        s += items[k]
    return s

def forever(n):
    return forever(n + 1)

counter = 0

def bump():
    global counter
    counter += 1
    return counter
`;

let mod: NativeModule;
beforeAll(async () => {
  mod = await compile(SOURCE, { filename: 'embedded.py' });
});
afterAll(() => mod.dispose());

describe('calls', () => {
  test('a recursive function runs natively and returns an int', () => {
    expect(mod.call('fib', 20)).toBe(6765);
  });

  test('globals persist between calls', () => {
    const first = mod.call('bump') as number;
    expect(mod.call('bump')).toBe(first + 1);
    expect(mod.has('counter')).toBe(true);
    expect(mod.globals()).toEqual(expect.arrayContaining(['fib', 'ident', 'counter', 'sys']));
  });

  test('an unknown name is a ReferenceError', () => {
    expect(() => mod.call('nope')).toThrow(ReferenceError);
  });

  test('placement names the function, its address and size', () => {
    const p = mod.placement('fib')!;
    expect(p.symbol).toBe('embedded.fib');
    expect(p.address).toBeGreaterThan(0n);
    expect(p.size).toBeGreaterThan(50);
    expect(mod.placement('no_such')).toBeNull();
  });
});

describe('JavaScript -> Python', () => {
  test('each JavaScript kind becomes the Python type the docs promise', () => {
    expect(mod.call('kinds', null, true, 3, 2.5, float(2), -0, 10n, 2n ** 80n, 'x', [1], { a: 1 }, new Map([[1, 2]]))).toEqual([
      'NoneType', 'bool', 'int', 'float', 'float', 'float', 'int', 'int', 'str', 'list', 'dict', 'dict',
    ]);
  });

  test('ints of every size, both signs, round-trip', () => {
    for (const v of [0n, 1n, -1n, (1n << 47n) - 1n, -(1n << 47n), 1n << 47n, -(1n << 47n) - 1n, 1n << 64n, -(3n ** 90n), 10n ** 50n]) {
      const r = mod.call('ident', v);
      expect(BigInt(r as number | bigint)).toBe(v);
      // Safe integers come back as numbers, the rest as bigints.
      expect(typeof r).toBe(v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? 'number' : 'bigint');
    }
    expect(mod.call('add', 2n ** 100n, 1)).toBe(2n ** 100n + 1n);
  });

  test('floats round-trip bit for bit, including -0.0, inf and nan', () => {
    for (const v of [0.1, -2.5e300, 5e-324, Infinity, -Infinity]) expect(mod.call('ident', v)).toBe(v);
    expect(Object.is(mod.call('ident', -0), -0)).toBe(true);
    expect(mod.call('ident', NaN)).toBeNaN();
    expect(mod.call('add', float(1), 2)).toBe(3);
    expect(mod.call('kinds', mod.call('add', float(1), 2) as number)).toEqual(['int']);
  });

  test('strs round-trip: ASCII, Latin-1, BMP, astral, empty', () => {
    for (const s of ['', 'abc', 'héllo', 'Ω≈ç', '😀 x 𝄞', 'a\u0000b']) expect(mod.call('ident', s)).toBe(s);
    expect(mod.call('add', 'é', '😀')).toBe('é😀');
  });

  test('nested lists and dicts convert both ways', () => {
    const v = { list: [1, [2, [3, 'x']], { k: null }], empty: {}, none: null, t: true };
    expect(mod.call('ident', v)).toEqual(v);
    expect(mod.call('total', { a: 1, b: 2, c: 39 })).toBe(42);
  });

  test('values JavaScript cannot give Python are TypeErrors', () => {
    expect(() => mod.call('ident', undefined as never)).toThrow(TypeError);
    expect(() => mod.call('ident', (() => 1) as never)).toThrow(/cannot convert a function/);
    expect(() => mod.call('ident', new Date() as never)).toThrow(/class Date/);
    const cyc: unknown[] = [];
    cyc.push(cyc);
    expect(() => mod.call('ident', cyc as never)).toThrow(/nests too deeply/);
    expect(() => mod.call('ident', new Map([[[1], 2]]) as never)).toThrow(/unhashable/);
  });
});

describe('Python -> JavaScript', () => {
  test('a dict of mixed values, big ints and a tuple', () => {
    expect(mod.call('build', 4)).toEqual({ n: 4, squares: [0, 1, 4, 9], big: 2n ** 100n, neg: -(2n ** 70n), pair: [1, 'two'] });
  });

  test('a dict with non-str keys becomes a Map', () => {
    const m = mod.call('int_keys') as Map<unknown, unknown>;
    expect(m).toBeInstanceOf(Map);
    expect([...m.entries()]).toEqual([[1, 'one'], [[2, 3], 'tuple']]);
  });

  test('a cyclic list decodes to a cyclic array', () => {
    const x = mod.call('cyclic') as unknown[];
    expect(x[0]).toBe(1);
    expect(x[1]).toBe(x);
  });

  test('a type without a JavaScript counterpart is a TypeError naming it', () => {
    expect(() => mod.call('a_set')).toThrow("cannot convert a Python 'set' to a JavaScript value");
  });
});

describe('exceptions', () => {
  test('a Python exception is a PythonError with type, message and traceback', () => {
    let err: unknown;
    try {
      mod.call('divide', 1, 0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PythonError);
    expect(err).toBeInstanceOf(Error);
    const e = err as PythonError;
    expect(e.name).toBe('ZeroDivisionError');
    expect(e.pythonType).toBe('ZeroDivisionError');
    expect(e.message).toBe('division by zero');
    expect(String(e)).toBe('ZeroDivisionError: division by zero');
    expect(e.traceback).toBe(
      [
        'Traceback (most recent call last):',
        '  File "embedded.py", line 26, in divide',
        '    return inner(a, b)',
        '           ^^^^^^^^^^^',
        '  File "embedded.py", line 29, in inner',
        '    return a / b',
        '           ~~^~~',
        'ZeroDivisionError: division by zero',
        '',
      ].join('\n'),
    );
  });

  test('a class defined in the module, and the module keeps working afterwards', () => {
    expect(() => mod.call('raise_custom')).toThrow(expect.objectContaining({ name: 'Oops', message: 'custom message' }));
    expect(() => mod.call('add', 1, 'a')).toThrow(expect.objectContaining({ name: 'TypeError', message: "unsupported operand type(s) for +: 'int' and 'str'" }));
    expect(mod.call('fib', 10)).toBe(55);
  });

  test('sys.exit() inside a call is a SystemExit error, not the end of the process', () => {
    expect(() => mod.call('exit_now', 3)).toThrow(expect.objectContaining({ name: 'SystemExit', message: '3' }));
    expect(mod.call('fib', 5)).toBe(5);
  });

  test('runaway recursion is a RecursionError, and the depth is restored afterwards', () => {
    expect(() => mod.call('forever', 0)).toThrow(expect.objectContaining({ name: 'RecursionError', message: 'maximum recursion depth exceeded' }));
    expect(() => mod.call('forever', 0)).toThrow(expect.objectContaining({ name: 'RecursionError' }));
    expect(mod.call('fib', 15)).toBe(610);
  });
});

describe('compiling', () => {
  test('a syntax error rejects with CompileError and the CPython report', async () => {
    const err = await compile('def f(:\n    pass\n', { filename: 'bad.py' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CompileError);
    expect((err as CompileError).message).toBe('SyntaxError: invalid syntax');
    expect((err as CompileError).report).toContain('File "bad.py", line 1');
  });

  test('a construct the native backend refuses rejects with its name and position', async () => {
    const err = await compile('f = exec("x")\n', { filename: 'nat.py' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CompileError);
    expect((err as CompileError).message).toBe("nat.py:1:5: native backend does not support builtin 'exec' yet");
  });

  test('top-level code that raises rejects with a PythonError', async () => {
    const err = await compile('x = 1\nraise ValueError("at import")\n', { filename: 'top.py' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PythonError);
    expect((err as PythonError).traceback).toContain('File "top.py", line 2, in <module>');
    expect(String(err)).toBe('ValueError: at import');
  });

  test('a file compiles with its path as filename, and argv reaches sys.argv', async () => {
    const file = new URL('./fixtures/argv.py', import.meta.url).pathname;
    const m = await compile({ file }, { argv: ['prog', 'a', 'b'] });
    try {
      expect(m.filename).toBe(file);
      expect(m.call('args')).toEqual(['prog', 'a', 'b']);
      expect(readFileSync(file, 'utf8')).toContain('def args');
    } finally {
      m.dispose();
    }
  });
});

describe('memory', () => {
  test('dispose unmaps the code and the runtime heap; later calls throw', async () => {
    const m = await compile('def make(n):\n    return [str(i) for i in range(n)]\n');
    expect((m.call('make', 1000) as string[]).length).toBe(1000);
    const p = m.placement('make')!;
    const mapped = (addr: bigint): boolean =>
      readFileSync('/proc/self/maps', 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .some((l) => {
          const [lo, hi] = l.split(' ')[0].split('-').map((x) => BigInt(`0x${x}`));
          return addr >= lo && addr < hi;
        });
    expect(mapped(p.address)).toBe(true);
    m.dispose();
    expect(m.disposed).toBe(true);
    expect(mapped(p.address)).toBe(false);
    expect(() => m.call('make', 1)).toThrow(/disposed/);
    m.dispose();
  });

  test('calls survive a collection at every allocation (EDGEPYC_GC_STRESS)', async () => {
    const m = await compile('def f(xs, d):\n    return [x * 2 for x in xs] + [d[k] for k in d] + [str(x) for x in xs]\n', { env: { EDGEPYC_GC_STRESS: '1' } });
    try {
      const xs = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? i : 2n ** 70n + BigInt(i)));
      const d = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, `v${i}`.repeat(3)]));
      const r = m.call('f', xs, d) as unknown[];
      expect(r.length).toBe(120);
      expect(r[1]).toBe(2n ** 71n + 2n);
      expect(r[50]).toBe('v0v0v0');
      expect(r[119]).toBe(String(2n ** 70n + 49n));
    } finally {
      m.dispose();
    }
  });
});
