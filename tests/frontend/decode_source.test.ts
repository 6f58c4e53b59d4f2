// Source decoding (PEP 263): UTF-8 by default, a coding declaration in the first two lines
// names another encoding, and invalid UTF-8 without one is CPython's "Non-UTF-8 code"
// SyntaxError (the message python3 3.11 prints for such a file).

import { describe, expect, test } from 'vitest';
import { decodeSource, SourceDecodeError } from '../../src/frontend/source.js';

const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('decodeSource', () => {
  test('UTF-8 text, with or without a BOM-free utf-8 declaration', () => {
    expect(decodeSource(Buffer.from("print('café')\n", 'utf8'), 'a.py')).toBe("print('café')\n");
    expect(decodeSource(Buffer.from("# -*- coding: utf-8 -*-\nx = 'é'\n", 'utf8'), 'a.py')).toBe("# -*- coding: utf-8 -*-\nx = 'é'\n");
  });

  test('a latin-1 declaration on the first or second line decodes the file as latin-1', () => {
    expect(decodeSource(bytes('# -*- coding: latin-1 -*-\nx = "caf\xe9"\n'), 'a.py')).toBe('# -*- coding: latin-1 -*-\nx = "café"\n');
    expect(decodeSource(bytes('#!/usr/bin/env python3\n# coding=iso-8859-1\nx = "\xe9"\n'), 'a.py')).toContain('x = "é"');
  });

  test('invalid UTF-8 without a declaration: CPython\'s message, with the line of the first bad byte', () => {
    const f = (): string => decodeSource(bytes('x = 1\ny = "\xff\xfe"\n'), '/d/app.py');
    expect(f).toThrow(SourceDecodeError);
    expect(f).toThrow("Non-UTF-8 code starting with '\\xff' in file /d/app.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details");
    // A truncated multi-byte sequence is reported at its first byte.
    expect(() => decodeSource(bytes('s = "\xe2\x82"\n'), 'b.py')).toThrow("starting with '\\xe2' in file b.py on line 1");
  });

  test('an unknown encoding name is an error', () => {
    expect(() => decodeSource(bytes('# coding: no-such-codec\n'), 'a.py')).toThrow('unknown encoding: no-such-codec');
  });
});
