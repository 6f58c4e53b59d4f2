// Little-endian byte buffer used to serialise ELF structures and DWARF streams.
//
// Role: the only place in src/elf that turns numbers into bytes. Everything the ELF
// writer and the DWARF generator produce goes through a ByteWriter, so every byte of
// the output is written explicitly: the buffer starts zeroed and padding is always
// written as zeros (reproducible output, no uninitialised bytes).
//
// Invariants: integers are checked to fit their field (a silent truncation would be a
// corrupt executable); 64-bit fields take non-negative safe integers, which covers
// every address and size edgepyc produces.

const UTF8 = new TextEncoder();

/** UTF-8 bytes of a string (symbol names, file names, DWARF strings). */
export function utf8(text: string): Uint8Array {
  return UTF8.encode(text);
}

/** Round `value` up to a multiple of `align` (a power of two). */
export function alignUp(value: number, align: number): number {
  if (!isPowerOfTwo(align)) throw new RangeError(`alignment ${align} is not a power of two`);
  return Math.ceil(value / align) * align;
}

export function isPowerOfTwo(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && (value & (value - 1)) === 0 && value <= 2 ** 30;
}

export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  /** Number of bytes written so far; also the offset of the next byte. */
  get length(): number {
    return this.len;
  }

  u8(value: number): this {
    checkUnsigned(value, 8);
    this.reserve(1)[0] = value;
    return this;
  }

  i8(value: number): this {
    if (!Number.isInteger(value) || value < -128 || value > 127) {
      throw new RangeError(`${value} does not fit in a signed byte`);
    }
    return this.u8(value & 0xff);
  }

  u16(value: number): this {
    checkUnsigned(value, 16);
    const at = this.reserve(2);
    at[0] = value & 0xff;
    at[1] = value >>> 8;
    return this;
  }

  u32(value: number): this {
    checkUnsigned(value, 32);
    const at = this.reserve(4);
    at[0] = value & 0xff;
    at[1] = (value >>> 8) & 0xff;
    at[2] = (value >>> 16) & 0xff;
    at[3] = value >>> 24;
    return this;
  }

  u64(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${value} is not a non-negative safe integer`);
    }
    const low = value % 2 ** 32;
    return this.u32(low).u32((value - low) / 2 ** 32);
  }

  /** Unsigned LEB128 (DWARF 4 section 7.6). */
  uleb(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`bad ULEB128 value ${value}`);
    let rest = value;
    for (;;) {
      const byte = rest % 128;
      rest = Math.floor(rest / 128);
      if (rest === 0) return this.u8(byte);
      this.u8(byte | 0x80);
    }
  }

  /** Signed LEB128 (DWARF 4 section 7.6). */
  sleb(value: number): this {
    if (!Number.isSafeInteger(value)) throw new RangeError(`bad SLEB128 value ${value}`);
    let rest = value;
    for (;;) {
      const byte = ((rest % 128) + 128) % 128;
      rest = Math.floor(rest / 128);
      const signBitSet = (byte & 0x40) !== 0;
      if ((rest === 0 && !signBitSet) || (rest === -1 && signBitSet)) return this.u8(byte);
      this.u8(byte | 0x80);
    }
  }

  bytes(data: Uint8Array): this {
    this.reserve(data.length).set(data);
    return this;
  }

  /** A NUL-terminated UTF-8 string; the text itself must not contain NUL. */
  cstring(text: string): this {
    if (text.includes('\0')) throw new RangeError(`string contains NUL: ${JSON.stringify(text)}`);
    return this.bytes(utf8(text)).u8(0);
  }

  /** Zero bytes up to the next multiple of `align`. */
  align(align: number): this {
    return this.zeros(alignUp(this.len, align) - this.len);
  }

  /** Zero bytes up to absolute offset `offset` (which must not be behind us). */
  padTo(offset: number): this {
    if (offset < this.len) throw new RangeError(`cannot pad back from ${this.len} to ${offset}`);
    return this.zeros(offset - this.len);
  }

  zeros(count: number): this {
    this.reserve(count); // the buffer is zero-filled, so reserving writes the zeros
    return this;
  }

  /** Overwrite a previously written 32-bit field (DWARF unit lengths). */
  patchU32(offset: number, value: number): void {
    checkUnsigned(value, 32);
    if (offset < 0 || offset + 4 > this.len) throw new RangeError(`patch at ${offset} out of range`);
    this.buf[offset] = value & 0xff;
    this.buf[offset + 1] = (value >>> 8) & 0xff;
    this.buf[offset + 2] = (value >>> 16) & 0xff;
    this.buf[offset + 3] = value >>> 24;
  }

  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private reserve(count: number): Uint8Array {
    const start = this.len;
    const end = start + count;
    if (end > this.buf.length) {
      const grown = new Uint8Array(Math.max(end, this.buf.length * 2));
      grown.set(this.buf.subarray(0, start));
      this.buf = grown;
    }
    this.len = end;
    return this.buf.subarray(start, end);
  }
}

function checkUnsigned(value: number, bits: 8 | 16 | 32): void {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) {
    throw new RangeError(`${value} does not fit in ${bits} unsigned bits`);
  }
}
