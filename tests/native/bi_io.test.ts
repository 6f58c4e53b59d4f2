// Builtins runtime: the standard-input line reader behind input() (runtime/core/bi_io.ts),
// driven through its buffer with the end of input already reached (so no read(2) of the
// test process's own stdin happens). Reads that cross the buffer, prompts and EOFError run
// end to end in tests/programs/native_builtins/input_lines.py (with a .in file) and the
// spec suite's input programs.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { OBJ_TAG_BITS, UNBOUND } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

/** Put `text` (UTF-8) in the stdin buffer as everything that is left of standard input. */
function feed(text: string): void {
  const bytes = new TextEncoder().encode(text);
  rt.img.write(rt.addr('rt_bi_stdin_buf'), bytes);
  rt.img.writeU64(rt.addr('rt_bi_stdin_pos'), 0n);
  rt.img.writeU64(rt.addr('rt_bi_stdin_len'), BigInt(bytes.length));
  rt.img.writeU64(rt.addr('rt_bi_stdin_eof'), 1n);
}

function lines(): (string | null)[] {
  const out: (string | null)[] = [];
  for (;;) {
    const w = rt.call('rt_bi_readline');
    if (w === UNBOUND) return out;
    out.push(rt.decode(w) as string);
    if (out.length > 20) throw new Error('no end');
  }
}

test('lines end at "\\n" only; the last one may lack it; then the end of input', () => {
  feed('one\ntwo\r\n\r\nthree\rfour\n\nlast');
  expect(lines()).toEqual(['one', 'two\r', '\r', 'three\rfour', '', 'last']);
  expect(rt.call('rt_bi_readline')).toBe(UNBOUND);
  feed('');
  expect(lines()).toEqual([]);
  feed('x\n');
  expect(lines()).toEqual(['x']);
});

test('UTF-8 text is decoded; malformed bytes become U+FFFD', () => {
  feed('héllo ✓ 𝄞\n');
  expect(lines()).toEqual(['héllo ✓ 𝄞']);
  const bad = Uint8Array.from([0x61, 0xff, 0x62, 0x0a]);
  rt.img.write(rt.addr('rt_bi_stdin_buf'), bad);
  rt.img.writeU64(rt.addr('rt_bi_stdin_pos'), 0n);
  rt.img.writeU64(rt.addr('rt_bi_stdin_len'), 4n);
  expect(lines()).toEqual(['a\ufffdb']);
});

test('input() raises EOFError at the end of input', () => {
  feed('');
  const r = rt.call('rt_call', rt.addr('bfn_input') | OBJ_TAG_BITS, rt.scratch, 0n, 0n);
  expect(rt.decode(r)).toEqual({ raised: { exc: 'EOFError', args: ['EOF when reading a line'] } });
  feed('ok\n');
  expect(rt.decode(rt.call('rt_call', rt.addr('bfn_input') | OBJ_TAG_BITS, rt.scratch, 0n, 0n))).toBe('ok');
});
