// Public surface of src/unicode: CPython 3.11's character database (Unicode 14.0.0).
//
// Role: what the lexer (identifiers, "\N{...}"), the interpreter's str methods,
// int()/float() and the unicodedata module import. See docs/unicode.md.

export * from './props.js';
export * from './casing.js';
export * from './ctype.js';
export { codePoints, isAsciiString } from './codepoints.js';
export { NAME_MAXLEN, aliasEntries, lookupName, lookupNamedSequence, namedSequenceEntries, nameOf } from './names.js';
export * as unicodedata from './unicodedata.js';
