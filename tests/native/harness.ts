// Test harness for the hand-written runtime: map the whole runtime in-process (jit.ts), call
// routines through koffi, build values from JavaScript and read them back.
//
//   const rt = loadRuntime();
//   const s = rt.str('héllo');
//   expect(rt.decode(rt.call('rt_repr', s))).toBe("'héllo'");
//
// decode() turns a value word into a JavaScript value: int -> bigint, float -> number,
// str -> string, None -> null, bool -> boolean, tuple -> { tuple: [...] }, list ->
// { list: [...] }, exception -> { exc: 'TypeError', args: [...] }, anything else ->
// { type: 'name', addr }. The EXC word decodes to { raised: <the exception in rt_exc> }.

import koffi from 'koffi';
import { mapImage, type MappedImage } from '../../src/native/jit.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { buildProgram } from '../../src/native/program.js';
import { compileModule } from '../../src/compiler/codegen.js';
import { Source } from '../../src/frontend/source.js';
import { BIGINT, boxInt, EXC, EXCEPTION, INT48_MAX, INT48_MIN, isFloatWord, LIST, OBJ_TAG_BITS, PAYLOAD_MASK, STR, TAG_INT, TAG_OBJ, TUPLE, TYPE, UNBOUND, unboxInt, VALUES } from '../../src/native/layout.js';

export type Decoded =
  | bigint
  | number
  | string
  | null
  | boolean
  | { tuple: Decoded[] }
  | { list: Decoded[] }
  | { exc: string; args: Decoded[] }
  | { type: string; addr: bigint }
  | { raised: Decoded }
  | 'UNBOUND';

export interface Rt {
  img: MappedImage;
  call(name: string, ...args: bigint[]): bigint;
  addr(name: string): bigint;
  /** A str value. */
  str(text: string): bigint;
  /** A small int value (int48). */
  int(n: bigint | number): bigint;
  /** Any int: a small int inside int48, else a heap big int (BIGINT layout, canonical). */
  bigint(n: bigint | number): bigint;
  float(x: number): bigint;
  /** Boxed static objects: None, True, False. */
  readonly none: bigint;
  readonly true: bigint;
  readonly false: bigint;
  /** Address of a NUL-terminated copy of `text` (for C-string arguments). */
  cstr(text: string): bigint;
  /** Scratch memory for tests (1 MiB, reused by str() and cstr()). */
  scratch: bigint;
  decode(word: bigint): Decoded;
  /** Type name of a value word. */
  typeName(word: bigint): string;
  /** The pending exception (rt_exc), decoded. */
  raised(): Decoded;
  dispose(): void;
}

const SCRATCH = 1 << 20;

export interface LoadOptions {
  /**
   * Let the collector run automatically (threshold, EDGEPYC_GC_STRESS). Off by default: values
   * held only in JavaScript variables are not roots, so a collection would free them. Tests
   * that turn it on keep their objects in registered roots or on the value stack.
   */
  gc?: boolean;
  /** Python source compiled as the program instead of an empty one (run it with rt_program_main). */
  source?: string;
}

export function loadRuntime(extra: RuntimeModule[] = [], opts: LoadOptions = {}): Rt {
  // The runtime linked with an empty program (which provides the program-level symbols:
  // the main code object and the globals table).
  const img = mapImage(buildProgram(compileModule(new Source('<runtime tests>', opts.source ?? '')), { extraRuntime: extra, keepAll: true }).chunks);
  img.call('rt_runtime_init');
  if (opts.gc !== true) img.writeU64(img.addr('rt_gc_inhibit'), 1n);
  const libc = koffi.load('libc.so.6');
  const mmap = libc.func('uintptr_t mmap(void *addr, size_t len, int prot, int flags, int fd, long off)');
  const munmap = libc.func('int munmap(uintptr_t addr, size_t len)');
  const scratch = BigInt(mmap(null, SCRATCH, 3, 0x22, -1, 0));
  let scratchUse = 0;
  const put = (bytes: Uint8Array): bigint => {
    if (scratchUse + bytes.length + 1 > SCRATCH) scratchUse = 0;
    const at = scratch + BigInt(scratchUse);
    img.write(at, bytes);
    scratchUse += bytes.length + 8 - (bytes.length % 8);
    return at;
  };
  const typeAddr = new Map<bigint, string>();
  const typeNameAt = (addr: bigint): string => {
    let n = typeAddr.get(addr);
    if (n === undefined) {
      n = decodeStr(img.readU64(addr + BigInt(TYPE.name)));
      typeAddr.set(addr, n);
    }
    return n;
  };
  const u64 = (addr: bigint, off: number): bigint => img.readU64(addr + BigInt(off));
  const decodeStr = (word: bigint): string => {
    const p = word & PAYLOAD_MASK;
    const len = Number(u64(p, STR.length));
    const kind = img.read(p + BigInt(STR.kind), 1)[0];
    const data = img.read(p + BigInt(STR.data), len * kind);
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let out = '';
    for (let i = 0; i < len; i++) {
      const cp = kind === 1 ? data[i] : kind === 2 ? dv.getUint16(i * 2, true) : dv.getUint32(i * 4, true);
      out += String.fromCodePoint(cp);
    }
    return out;
  };
  const rt: Rt = {
    img,
    scratch,
    call: (name, ...args) => img.call(name, ...args),
    addr: (name) => img.addr(name),
    str(text) {
      const bytes = new TextEncoder().encode(text);
      return img.call('rt_str_from_utf8', put(bytes), BigInt(bytes.length));
    },
    int(n) {
      return boxInt(BigInt(n));
    },
    bigint(n) {
      const v = BigInt(n);
      if (v >= INT48_MIN && v <= INT48_MAX) return boxInt(v);
      const digits: number[] = [];
      for (let m = v < 0n ? -v : v; m > 0n; m >>= 32n) digits.push(Number(m & 0xffffffffn));
      const slots = digits.length + (digits.length % 2); // whole u64 limbs, top half zero
      const p = img.call('rt_alloc', BigInt(BIGINT.digits + 4 * slots), img.addr('type_int'));
      const bytes = new Uint8Array(16 + 4 * slots);
      const dv = new DataView(bytes.buffer);
      dv.setBigUint64(0, BigInt(digits.length), true);
      dv.setBigInt64(8, v < 0n ? -1n : 1n, true);
      digits.forEach((d, i) => dv.setUint32(16 + 4 * i, d, true));
      img.write(p + BigInt(BIGINT.ndigits), bytes);
      return p | OBJ_TAG_BITS;
    },
    float(x) {
      const dv = new DataView(new ArrayBuffer(8));
      dv.setFloat64(0, x, true);
      return x !== x ? 0xfff8_0000_0000_0000n : dv.getBigUint64(0, true);
    },
    none: img.addr('obj_None') | OBJ_TAG_BITS,
    true: img.addr('obj_True') | OBJ_TAG_BITS,
    false: img.addr('obj_False') | OBJ_TAG_BITS,
    cstr(text) {
      return put(new TextEncoder().encode(`${text}\0`));
    },
    typeName(word) {
      if (isFloatWord(word)) return 'float';
      const tag = Number(word >> 48n);
      if (tag === TAG_INT) return 'int';
      if (tag !== TAG_OBJ) return `<tag ${tag.toString(16)}>`;
      return typeNameAt(u64(word & PAYLOAD_MASK, 0));
    },
    decode(word): Decoded {
      if (word === EXC) return { raised: rt.raised() };
      if (word === UNBOUND) return 'UNBOUND';
      if (isFloatWord(word)) {
        const dv = new DataView(new ArrayBuffer(8));
        dv.setBigUint64(0, word, true);
        return dv.getFloat64(0, true);
      }
      const tag = Number(word >> 48n);
      if (tag === TAG_INT) return unboxInt(word);
      if (tag !== TAG_OBJ) throw new Error(`decode: bad word ${word.toString(16)}`);
      const p = word & PAYLOAD_MASK;
      const name = rt.typeName(word);
      const isExc = (() => {
        const mro = u64(u64(p, 0), TYPE.mro) & PAYLOAD_MASK;
        const n = Number(u64(mro, TUPLE.length));
        for (let i = 0; i < n; i++) if ((u64(mro, TUPLE.items + 8 * i) & PAYLOAD_MASK) === img.addr('type_BaseException')) return true;
        return false;
      })();
      switch (name) {
        case 'NoneType':
          return null;
        case 'bool':
          return word === rt.true;
        case 'str':
          return decodeStr(word);
        case 'int': {
          const nd = Number(u64(p, BIGINT.ndigits));
          const sign = BigInt.asIntN(64, u64(p, BIGINT.sign));
          const digits = img.read(p + BigInt(BIGINT.digits), nd * 4);
          const dv = new DataView(digits.buffer, digits.byteOffset, digits.byteLength);
          let m = 0n;
          for (let i = nd - 1; i >= 0; i--) m = (m << 32n) | BigInt(dv.getUint32(i * 4, true));
          return sign < 0n ? -m : m;
        }
        case 'tuple': {
          const n = Number(u64(p, TUPLE.length));
          return { tuple: Array.from({ length: n }, (_, i) => rt.decode(u64(p, TUPLE.items + 8 * i))) };
        }
        case 'list': {
          const n = Number(u64(p, LIST.length));
          const items = u64(p, LIST.items) & PAYLOAD_MASK;
          return { list: Array.from({ length: n }, (_, i) => rt.decode(u64(items, VALUES.items + 8 * i))) };
        }
        default:
          if (isExc) {
            const args = rt.decode(u64(p, EXCEPTION.args)) as { tuple: Decoded[] };
            return { exc: name, args: args.tuple };
          }
          return { type: name, addr: p };
      }
    },
    raised() {
      return rt.decode(img.readU64(img.addr('rt_exc')));
    },
    dispose() {
      munmap(scratch, SCRATCH);
      img.dispose();
    },
  };
  return rt;
}

export { INT48_MAX, INT48_MIN };
