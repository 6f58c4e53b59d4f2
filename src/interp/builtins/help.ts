// help(): pydoc's plain-text rendering (Lib/pydoc.py, TextDoc) for functions.
//
// help(f) for a Python or builtin function prints what CPython prints when stdout is not
// a terminal: "Help on function f in module m:", a blank line, the name with its
// inspect.signature() text, and the docstring cleaned (inspect.cleandoc) and indented by
// four spaces, then a blank line. Signatures of Python functions are rebuilt from the
// code object, defaults and annotations; builtins use CPython's text (docs_table.ts).
// Other objects get a short summary from their docstring (pydoc's full class and module
// pages are not reproduced).

import { CO_VARARGS, CO_VARKEYWORDS, CO_COROUTINE, CO_ASYNC_GENERATOR } from '../../bytecode/code.js';
import { PyBuiltin, PyFunction, PyMethod, PyModule } from '../objects.js';
import { getAttrOpt, None, typeName, typeOf as typeOfRef } from '../protocol.js';
import { PyDict } from '../pydict.js';
import { PyType } from '../typeobj.js';
import { FUNCTION_SIGNATURES } from './docs_table.js';
import { repr } from './repr.js';

/** inspect.cleandoc. */
export function cleandoc(doc: string): string {
  const lines = doc.replace(/\t/g, '        ').split('\n');
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.trimStart().length;
    if (content > 0) margin = Math.min(margin, line.length - content);
  }
  lines[0] = lines[0].trimStart();
  if (margin < Infinity) for (let i = 1; i < lines.length; i++) lines[i] = lines[i].slice(margin);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines.join('\n');
}

function indent(text: string): string {
  const lines = text.split('\n').map((l) => `    ${l}`);
  lines[lines.length - 1] = lines[lines.length - 1].trimEnd();
  return lines.join('\n');
}

/** inspect.formatannotation. */
function formatAnnotation(a: any): string {
  if (a instanceof PyType) {
    const mod = getAttrOpt(a, '__module__');
    if (mod === 'builtins' || mod === undefined) return a.qualname;
    return `${String(mod)}.${a.qualname}`;
  }
  if (getAttrOpt(a, '__module__') === 'typing') return repr(a).replace(/typing\./g, '');
  return repr(a);
}

/** str(inspect.signature(f)) for a Python function. */
export function functionSignature(f: PyFunction): string {
  const co = f.code;
  const ann = f.annotations instanceof PyDict ? f.annotations : null;
  const annot = (name: string): string => {
    const a = ann?.getStr(name);
    return a === undefined ? '' : `: ${formatAnnotation(a)}`;
  };
  const parts: string[] = [];
  const defaults = f.defaults ?? [];
  const firstDefault = co.argcount - defaults.length;
  for (let i = 0; i < co.argcount; i++) {
    const name = co.varnames[i];
    let p = name + annot(name);
    if (i >= firstDefault) p += `${ann?.getStr(name) !== undefined ? ' = ' : '='}${repr(defaults[i - firstDefault])}`;
    parts.push(p);
    if (i === co.posonlyargcount - 1) parts.push('/');
  }
  let k = co.argcount + co.kwonlyargcount;
  if (co.flags & CO_VARARGS) {
    const name = co.varnames[k++];
    parts.push(`*${name}${annot(name)}`);
  } else if (co.kwonlyargcount > 0) parts.push('*');
  for (let i = co.argcount; i < co.argcount + co.kwonlyargcount; i++) {
    const name = co.varnames[i];
    let p = name + annot(name);
    const d = f.kwdefaults?.getStr(name);
    if (d !== undefined) p += `${ann?.getStr(name) !== undefined ? ' = ' : '='}${repr(d)}`;
    parts.push(p);
  }
  if (co.flags & CO_VARKEYWORDS) {
    const name = co.varnames[k];
    parts.push(`**${name}${annot(name)}`);
  }
  const ret = ann?.getStr('return');
  return `(${parts.join(', ')})${ret === undefined ? '' : ` -> ${formatAnnotation(ret)}`}`;
}

function docOf(o: any): string {
  const d = getAttrOpt(o, '__doc__');
  return typeof d === 'string' ? cleandoc(d) : '';
}

/** pydoc's docroutine: the declaration line, then the indented docstring. */
function routine(name: string, argspec: string, doc: string, asyncQualifier: string, note = ''): string {
  const decl = name === '<lambda>' ? `${name} lambda ${argspec.slice(1, -1)}` : asyncQualifier + name + argspec + note;
  return decl + '\n' + (doc !== '' ? indent(doc).trimEnd() + '\n' : '');
}

/** The text help(obj) writes (before the final newline help() adds). */
export function helpText(o: any): string {
  if (o instanceof PyFunction) {
    const mod = typeof o.module === 'string' ? ` in module ${o.module}` : '';
    const isAsync = (o.code.flags & (CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0 ? 'async ' : '';
    return `Help on function ${o.name}${mod}:\n\n` + routine(o.name, functionSignature(o), docOf(o), isAsync);
  }
  if (o instanceof PyMethod && o.func instanceof PyFunction) {
    const f = o.func;
    const mod = typeof f.module === 'string' ? ` in module ${f.module}` : '';
    // pydoc classname(type(self), None): always module-qualified, by __name__.
    const cls = typeOfRef(o.self);
    const clsMod = getAttrOpt(cls, '__module__');
    const note = ` method of ${typeof clsMod === 'string' ? `${clsMod}.` : ''}${cls.name} instance`;
    const sig = functionSignature(f).replace(/^\((self|cls|[^,)]*)(, )?/, '(');
    return `Help on method ${f.name}${mod}:\n\n` + routine(f.name, sig, docOf(f), '', note);
  }
  if (o instanceof PyBuiltin && o.self === undefined && o.owner === null) {
    const sig = FUNCTION_SIGNATURES[o.name] ?? '(...)';
    return `Help on built-in function ${o.name} in module builtins:\n\n` + routine(o.name, sig, docOf(o), '');
  }
  if (o instanceof PyModule) return `Help on module ${o.name}:\n\nNAME\n    ${o.name}\n` + (docOf(o) !== '' ? `\nDESCRIPTION\n${indent(docOf(o))}\n` : '');
  if (o instanceof PyType) return `Help on class ${o.name}:\n\nclass ${o.name}\n` + (docOf(o) !== '' ? `${indent(docOf(o))}\n` : '');
  const t = typeName(o);
  return `Help on ${t} object:\n\n` + (docOf(o) !== '' ? `${indent(docOf(o))}\n` : '');
}

export { None };
