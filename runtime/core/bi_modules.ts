// Builtins runtime: the bi_* modules in link order (docs/builtins-native.md), registered as
// one group in runtime/index.ts.

import type { RuntimeModule } from '../../src/native/rt.js';
import { biArgsModule } from './bi_args.js';
import { biIoModule } from './bi_io.js';
import { biIterModule } from './bi_iter.js';
import { biNumericModule } from './bi_numeric.js';
import { biReflectModule } from './bi_reflect.js';
import { biSiteModule } from './bi_site.js';
import { biTypesModule } from './bi_types.js';

export const biModules: readonly RuntimeModule[] = [biArgsModule, biNumericModule, biIterModule, biReflectModule, biTypesModule, biSiteModule, biIoModule];
