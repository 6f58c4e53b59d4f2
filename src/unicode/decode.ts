// Decoding helpers for the generated Unicode tables in src/unicode/data/.
//
// Role: turns the base64 text that scripts/gen-unicode.py writes into typed arrays and
// reads the little-endian integers and LEB128 varints inside them. The formats are
// fixed by the generator; each table module (props, casing, names, unicodedata) knows
// its own layout and uses only these primitives.
//
// Invariants: decoding is pure and happens once per table, on first use, so importing
// src/unicode costs nothing until a lookup needs the data. Newlines inside the base64
// text (the generator wraps lines) are ignored by Node's base64 decoder.

/** Bytes of a base64 string (whitespace ignored). */
export function base64Bytes(text: string): Uint8Array {
  const buf = Buffer.from(text, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** An array of little-endian unsigned integers of `width` bytes each. */
export function base64Array(text: string, width: number): Uint8Array | Uint16Array | Uint32Array {
  const bytes = base64Bytes(text);
  switch (width) {
    case 1:
      return bytes;
    case 2: {
      const out = new Uint16Array(bytes.length >> 1);
      for (let i = 0; i < out.length; i++) out[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
      return out;
    }
    case 4: {
      const out = new Uint32Array(bytes.length >> 2);
      for (let i = 0; i < out.length; i++) {
        const j = 4 * i;
        out[i] = (bytes[j]! | (bytes[j + 1]! << 8) | (bytes[j + 2]! << 16) | (bytes[j + 3]! << 24)) >>> 0;
      }
      return out;
    }
    default:
      throw new RangeError(`unsupported table width ${width}`);
  }
}

/** Sequential reader of bytes and unsigned LEB128 varints. */
export class ByteReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  u8(): number {
    if (this.pos >= this.bytes.length) throw new RangeError('read past the end of a Unicode table');
    return this.bytes[this.pos++]!;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
  }

  /** A zigzag-encoded signed varint (0, -1, 1, -2, ... -> 0, 1, 2, 3, ...). */
  svarint(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}
