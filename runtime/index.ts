// The hand-written runtime: every module, in link order.

import type { RuntimeModule } from '../src/native/rt.js';
import { callsModule } from './core/calls.js';
import { excModule } from './core/exc.js';
import { gcModule } from './core/gc.js';
import { initModule } from './core/init.js';
import { objectsModule } from './core/objects.js';
import { protocolModule } from './core/protocol.js';
import { strCoreModule } from './core/strcore.js';
import { sysModule } from './core/sys.js';
import { tupleModule } from './core/tuple.js';
import { valueModule } from './core/value.js';
import { unicodeModule } from './core/unicode.js';
import { strBaseModule } from './core/strbase.js';

/** All runtime modules of a compiled program. */
export function runtimeModules(): RuntimeModule[] {
  const modules = [sysModule, initModule, gcModule, valueModule, excModule, protocolModule, callsModule, strCoreModule, tupleModule, unicodeModule, strBaseModule];
  return [...modules, objectsModule(modules)];
}
