// REPL input: when is a block complete, and how is a line highlighted.
//
// Completeness follows CPython's interactive console (codeop): a statement that parses and
// is simple runs at once; a compound statement (def, class, if, for, while, with, try, match,
// decorated) waits for an empty line; an unclosed bracket, string or continuation waits for
// more lines whatever they hold; anything else that fails to parse runs, so the SyntaxError
// is reported. Highlighting is a small lexical colouring (keywords, strings, numbers,
// comments) for terminals; it never changes the text, only adds ANSI SGR sequences.

import { CompileError } from '../diagnostics.js';
import type { Stmt } from '../frontend/ast.js';
import { parseText } from '../frontend/parser.js';

export type InputState =
  /** Run it now. */
  | 'complete'
  /** Ask for another line (`... `). */
  | 'incomplete';

const COMPOUND: ReadonlySet<Stmt['t']> = new Set(['FunctionDef', 'ClassDef', 'If', 'For', 'While', 'With', 'Try', 'Match']);

/** Errors that only mean "the input stops early": more lines may complete it. */
const UNCLOSED = /was never closed|unterminated triple-quoted string|unexpected EOF while parsing/;
/** Errors that an empty line turns into a real error (`def f():` then nothing). */
const NEEDS_BODY = /expected an indented block/;

/** Whether the lines typed so far (without newlines) form something to run. */
export function inputState(lines: readonly string[]): InputState {
  const text = `${lines.join('\n')}\n`;
  const lastBlank = lines.length > 1 && lines[lines.length - 1].trim() === '';
  if (lines.every((l) => l.trim() === '' || l.trim().startsWith('#'))) return 'complete';
  try {
    const { module } = parseText('<stdin>', text);
    const compound = module.body.some((s) => COMPOUND.has(s.t)) || /\\$/.test(lines[lines.length - 1]);
    return compound && !lastBlank ? 'incomplete' : 'complete';
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    if (UNCLOSED.test(e.message)) return 'incomplete';
    if (NEEDS_BODY.test(e.message)) return lastBlank ? 'complete' : 'incomplete';
    return 'complete';
  }
}

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case'.split(' '),
);

const SGR = {
  keyword: '\x1b[35m',
  string: '\x1b[32m',
  number: '\x1b[36m',
  comment: '\x1b[90m',
  builtin: '\x1b[34m',
  reset: '\x1b[0m',
} as const;

const BUILTINS = new Set('print len range int str float list dict set tuple bool type isinstance repr sorted sum min max abs enumerate zip map filter open iter next super object'.split(' '));

/** One line with ANSI colours (strings may be unterminated: coloured to the end). */
export function highlight(line: string): string {
  const token = /(#.*$)|([rbfuRBFU]{0,2}(?:'''|"""|'(?:\\.|[^'\\])*'?|"(?:\\.|[^"\\])*"?))|(\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?j?\b)|([A-Za-z_]\w*)/g;
  return line.replace(token, (m, comment: string | undefined, str: string | undefined, num: string | undefined, word: string | undefined) => {
    if (comment !== undefined) return `${SGR.comment}${m}${SGR.reset}`;
    if (str !== undefined) return `${SGR.string}${m}${SGR.reset}`;
    if (num !== undefined) return `${SGR.number}${m}${SGR.reset}`;
    if (word !== undefined && KEYWORDS.has(word)) return `${SGR.keyword}${m}${SGR.reset}`;
    if (word !== undefined && BUILTINS.has(word)) return `${SGR.builtin}${m}${SGR.reset}`;
    return m;
  });
}
