// The buffer protocol, as far as edgepyc has one: bytes-like objects and byte builders.
//
// Role: CPython lets bytes, bytearray and memoryview (and array, mmap...) expose their
// memory through the buffer protocol; here the bytes-like objects are the three builtin
// ones (memoryview lives in memoryview.ts) and `bytesLike` returns their current contents
// as a Uint8Array (a view for bytes and bytearray: the caller copies if it keeps the
// bytes while Python code may mutate a bytearray).
// `ByteBuilder` is the growable output buffer of encoders and bytes methods, and the
// latin-1 helpers convert between bytes and JS strings of code points below 256 in
// chunks (String.fromCharCode with an argument list is bounded by the engine's stack).

import { bytesLikeOf } from './memoryview.js';

/** The contents of a bytes-like object (bytes, bytearray, memoryview), or null. */
export function bytesLike(v: any): Uint8Array | null {
  return bytesLikeOf(v);
}

/** A growable byte array. */
export class ByteBuilder {
  buf: Uint8Array;
  len = 0;
  constructor(capacity = 16) {
    this.buf = new Uint8Array(Math.max(capacity, 16));
  }
  private grow(need: number): void {
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.buf.subarray(0, this.len));
    this.buf = nb;
  }
  push(b: number): void {
    if (this.len === this.buf.length) this.grow(this.len + 1);
    this.buf[this.len++] = b;
  }
  append(bytes: Uint8Array): void {
    if (this.len + bytes.length > this.buf.length) this.grow(this.len + bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }
  /** Append the low bytes of an ASCII/latin-1 string. */
  appendLatin1(s: string): void {
    if (this.len + s.length > this.buf.length) this.grow(this.len + s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

const CHUNK = 8192;

/** Bytes as a string of code points 0..255 (latin-1 decoding, never fails). */
export function latin1String(b: Uint8Array): string {
  if (b.length <= CHUNK) return String.fromCharCode.apply(null, b as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += CHUNK) parts.push(String.fromCharCode.apply(null, b.subarray(i, i + CHUNK) as unknown as number[]));
  return parts.join('');
}

/** A string whose units are all below 256 as bytes. */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** True when every byte is ASCII. */
export function isAsciiBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false;
  return true;
}
