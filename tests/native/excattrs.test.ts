// Exception attributes (runtime/core/excattrs.ts) through the slot routines: the members
// and their checks, the family fields and the layout they need (EXC_EXT, header aux), the
// init slots' keyword handling, the str slots. Python-level behaviour is compared with CPython
// in descr_programs.test.ts (exception_attrs.py).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, EXCEPTION, HDR_AUX, UNBOUND } from '../../src/native/layout.js';
import { EXC_AUX_EXT } from '../../runtime/core/excattrs.js';
import { loadRuntime, type Rt } from './harness.js';
import { helpers } from './descr_support.js';

let rt: Rt;
let h: ReturnType<typeof helpers>;
beforeAll(() => {
  rt = loadRuntime();
  h = helpers(rt);
});
afterAll(() => rt.dispose());

const exc = (type: string, ...xs: bigint[]) => h.call(h.box(`type_${type}`), xs);
const get = (e: bigint, name: string) => {
  const r = rt.call('rt_getattr_BaseException', e, rt.str(name));
  return r === EXC ? h.error() : r === UNBOUND ? 'UNBOUND' : rt.decode(r);
};
const set = (e: bigint, name: string, v: bigint) => {
  const r = rt.call('rt_setattr_BaseException', e, rt.str(name), v);
  return r === EXC ? h.error() : r;
};
const aux = (e: bigint) => rt.img.read((e & 0xffff_ffff_ffffn) + BigInt(HDR_AUX), 1)[0];

describe('members', () => {
  test('unset chaining fields read as None; absent names are UNBOUND (rt_getattr raises)', () => {
    const e = exc('ValueError', rt.str('a'));
    expect(get(e, '__cause__')).toBe(null);
    expect(get(e, '__context__')).toBe(null);
    expect(get(e, '__traceback__')).toBe(null);
    expect(get(e, '__suppress_context__')).toBe(false);
    expect(get(e, '__notes__')).toBe('UNBOUND');
    expect(get(e, 'nope')).toBe('UNBOUND');
    expect(get(e, 'args')).toEqual({ tuple: ['a'] });
  });

  test('a cause sets __suppress_context__ (kept as int 0/1 like rt_raise_from)', () => {
    const e = exc('ValueError');
    expect(set(e, '__cause__', exc('KeyError'))).toBe(0n);
    expect(rt.img.readU64((e & 0xffff_ffff_ffffn) + BigInt(EXCEPTION.suppress))).toBe(rt.int(1));
    expect(get(e, '__suppress_context__')).toBe(true);
    expect(set(e, '__cause__', rt.none)).toBe(0n);
    expect(rt.img.readU64((e & 0xffff_ffff_ffffn) + BigInt(EXCEPTION.cause))).toBe(UNBOUND);
    expect(set(e, '__suppress_context__', rt.false)).toBe(0n);
    expect(get(e, '__suppress_context__')).toBe(false);
  });

  test.each([
    ['__cause__', 5n, 'TypeError: exception cause must be None or derive from BaseException'],
    ['__context__', 5n, 'TypeError: exception context must be None or derive from BaseException'],
    ['__traceback__', 5n, 'TypeError: __traceback__ must be a traceback or None'],
    ['__suppress_context__', 1n, 'TypeError: attribute value type must be bool'],
    ['args', 5n, "TypeError: 'int' object is not iterable"],
  ] as const)('setting %s', (name, v, message) => {
    expect(set(exc('ValueError'), name, rt.int(v))).toBe(message);
  });

  test.each([
    ['args', 'TypeError: args may not be deleted'],
    ['__cause__', 'TypeError: __cause__ may not be deleted'],
    ['__context__', 'TypeError: __context__ may not be deleted'],
    ['__traceback__', 'TypeError: __traceback__ may not be deleted'],
    ['__suppress_context__', "TypeError: can't delete numeric/char attribute"],
    ['__dict__', 'TypeError: cannot delete __dict__'],
    ['__notes__', "AttributeError: 'ValueError' object has no attribute '__notes__'"],
    ['other', "AttributeError: 'ValueError' object has no attribute 'other'"],
  ] as const)('deleting %s', (name, message) => {
    expect(set(exc('ValueError'), name, UNBOUND)).toBe(message);
  });

  test('other names live in the exception dict', () => {
    const e = exc('KeyError');
    expect(set(e, 'extra', rt.int(4))).toBe(0n);
    expect(get(e, 'extra')).toBe(4n);
    const d = rt.img.readU64((e & 0xffff_ffff_ffffn) + BigInt(EXCEPTION.dict));
    expect(rt.call('rt_len', d)).toBe(1n);
    expect(set(e, 'extra', UNBOUND)).toBe(0n);
    expect(get(e, 'extra')).toBe('UNBOUND');
  });
});

describe('families', () => {
  test('OSError(errno, strerror, filename): the subclass, the fields, args cut to two', () => {
    const o = exc('OSError', rt.int(2), rt.str('No such file or directory'), rt.str('f'));
    expect(rt.typeName(o)).toBe('FileNotFoundError');
    expect(aux(o)).toBe(EXC_AUX_EXT);
    expect(get(o, 'errno')).toBe(2n);
    expect(get(o, 'filename')).toBe('f');
    expect(get(o, 'filename2')).toBe(null);
    expect(get(o, 'args')).toEqual({ tuple: [2n, 'No such file or directory'] });
    expect(rt.decode(rt.call('rt_str', o))).toBe("[Errno 2] No such file or directory: 'f'");
    expect(get(o, 'characters_written')).toBe('AttributeError: characters_written');
  });

  test('an OSError made by the runtime (rt_exc_new, no family fields) reads None and prints as BaseException', () => {
    const args = rt.call('rt_build_tuple', h.words([rt.int(2), rt.str('m')]), 2n);
    const o = rt.call('rt_exc_new', rt.addr('type_OSError'), args);
    expect(aux(o)).toBe(0);
    expect(get(o, 'errno')).toBe(null);
    expect(rt.decode(rt.call('rt_str', o))).toBe("(2, 'm')");
    expect(set(o, 'errno', rt.int(5))).toBe(0n);
    expect(get(o, 'errno')).toBe(5n);
  });

  test('OSError refuses keywords unless a subclass parses in __init__', () => {
    expect(exc('OSError')).not.toBe(EXC);
    expect(h.call(h.box('type_FileNotFoundError'), [rt.int(1)], h.names('x'))).toBe(EXC);
    expect(h.error()).toBe('TypeError: FileNotFoundError() takes no keyword arguments');
  });

  test('ImportError, AttributeError, NameError take their keyword-only fields', () => {
    const i = h.call(h.box('type_ImportError'), [rt.str('m'), rt.str('n'), rt.str('p')], h.names('name', 'path'));
    expect(get(i, 'name')).toBe('n');
    expect(get(i, 'path')).toBe('p');
    expect(get(i, 'msg')).toBe('m');
    expect(get(i, 'args')).toEqual({ tuple: ['m'] });
    expect(h.call(h.box('type_ModuleNotFoundError'), [rt.int(1)], h.names('x'))).toBe(EXC);
    expect(h.error()).toBe("TypeError: 'x' is an invalid keyword argument for ImportError()");
    const a = h.call(h.box('type_AttributeError'), [rt.str('m'), rt.int(3)], h.names('obj'));
    expect(get(a, 'obj')).toBe(3n);
    expect(get(a, 'name')).toBe(null);
    expect(h.call(h.box('type_NameError'), [rt.int(1)], h.names('obj'))).toBe(EXC);
    expect(h.error()).toBe("TypeError: 'obj' is an invalid keyword argument for NameError()");
  });

  test('StopIteration.value and SystemExit.code come from args unless assigned', () => {
    expect(get(exc('StopIteration'), 'value')).toBe(null);
    expect(get(exc('StopIteration', rt.int(1), rt.int(2)), 'value')).toBe(1n);
    expect(get(exc('SystemExit', rt.int(1), rt.int(2)), 'code')).toEqual({ tuple: [1n, 2n] });
    const s = exc('StopIteration', rt.int(1));
    expect(set(s, 'value', rt.int(9))).toBe(0n);
    expect(get(s, 'value')).toBe(9n);
  });

  test('KeyError prints the repr of its single argument', () => {
    expect(rt.decode(rt.call('rt_str', exc('KeyError', rt.str('k'))))).toBe("'k'");
    expect(rt.decode(rt.call('rt_str', exc('KeyError')))).toBe('');
    expect(rt.decode(rt.call('rt_str', exc('KeyError', rt.str('a'), rt.int(1))))).toBe("('a', 1)");
  });
});

describe('methods', () => {
  test('add_note appends to a new list; with_traceback returns the exception', () => {
    const e = exc('ValueError');
    expect(rt.decode(h.call(h.attr(e, 'add_note'), [rt.str('n')]))).toBe(null);
    expect(get(e, '__notes__')).toEqual({ list: ['n'] });
    expect(h.call(h.attr(e, 'add_note'), [rt.int(1)])).toBe(EXC);
    expect(h.error()).toBe("TypeError: note must be a str, not 'int'");
    expect(h.call(h.attr(e, 'with_traceback'), [rt.none])).toBe(e);
    expect(h.call(h.attr(e, 'with_traceback'), [rt.none], h.names('tb'))).toBe(EXC);
    expect(h.error()).toBe('TypeError: BaseException.with_traceback() takes no keyword arguments');
  });
});
