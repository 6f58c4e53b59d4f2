/**
 * The numeric core's public surface: pure functions on Python numbers in their JS forms
 * (int: number|bigint canonical, float: number, complex: {re, im}) with CPython 3.11
 * semantics and error messages. See errors.ts for the value conventions.
 */

export * from './errors.js';
export {
  intAdd,
  intSub,
  intMul,
  intFloorDiv,
  intMod,
  intDivmod,
  intTrueDiv,
  intPow,
  intPowMod,
  intNeg,
  intAbs,
  intInvert,
  intAnd,
  intOr,
  intXor,
  intLshift,
  intRshift,
  intBitLength,
  intBitCount,
  intToFloat,
  floatToInt,
  intCompare,
  intFloatCompare,
  intHash,
  floatHash,
  intRound,
  intToBytes,
  intFromBytes,
  HASH_MODULUS,
  HASH_INF,
} from './int.js';
export type { IntPowResult, ByteOrder } from './int.js';
export * from './intstr.js';
export {
  floatTrueDiv,
  floatFloorDiv,
  floatMod,
  floatDivmod,
  floatPow,
  floatRound,
  floatRoundNdigits,
  floatTrunc,
  floatFloor,
  floatCeil,
  floatIsInteger,
  floatAsIntegerRatio,
  floatHex,
  floatFromHex,
} from './float.js';
export type { FloatPowResult } from './float.js';
export { floatRepr, doubleToString, shortestDigits, roundedDigits } from './dtoa.js';
export type { DtoaCode, DtoaFlags, DecimalDigits } from './dtoa.js';
export { floatFromString } from './floatstr.js';
export { crPow, crExp, crLog, crSin, crCos, crAtan2, crHypot } from './libm.js';
export { parseFormatSpec, formatInt, formatFloat, formatStr } from './format.js';
export type { FormatSpec, Align, Grouping } from './format.js';
export { percentFormat, percentIntTypeError, percentFloatTypeError } from './percent.js';
export type { PercentHooks, PercentIntConv } from './percent.js';
export * from './complex.js';
export { pyStrRepr } from './unicode.js';
