// Every template, by op name (and pseudo op). The stitcher takes the template of an
// instruction's specialized op when there is one, else the template of its family.

import type { TemplateDef } from '../src/native/stencil.js';
import { arithTemplates } from './arith.js';
import { asyncTemplates } from './async.js';
import { attrTemplates } from './attrs.js';
import { seqIterTemplates } from './seqiter.js';
import { callTemplates } from './calls.js';
import { coreTemplates } from './core.js';
import { frameTemplates } from './frame.js';
import { loopTemplates } from './loops.js';
import { stmtTemplates } from './stmts.js';
import { subscrTemplates } from './subscr.js';

export const TEMPLATES: ReadonlyMap<string, TemplateDef<any>> = (() => {
  const m = new Map<string, TemplateDef<any>>();
  for (const t of [...frameTemplates, ...coreTemplates, ...attrTemplates, ...seqIterTemplates, ...arithTemplates, ...callTemplates, ...loopTemplates, ...stmtTemplates, ...subscrTemplates, ...asyncTemplates]) {
    if (m.has(t.op)) throw new Error(`template ${t.op} defined twice`);
    m.set(t.op, t);
  }
  return m;
})();
