// Runtime: the int area's modules in link order (docs/int.md), registered as one group in
// runtime/index.ts.

import type { RuntimeModule } from '../../src/native/rt.js';
import { intModule } from './int.js';
import { intBitsModule } from './int_bits.js';
import { intDivModule } from './int_div.js';
import { intFloatModule } from './int_float.js';
import { intFormatModule } from './int_format.js';
import { intKernelsModule } from './int_kernels.js';
import { intMethodsModule } from './int_methods.js';
import { intPowModule } from './int_pow.js';
import { intStrModule } from './int_str.js';

export const intModules: readonly RuntimeModule[] = [intKernelsModule, intModule, intDivModule, intBitsModule, intFloatModule, intPowModule, intStrModule, intFormatModule, intMethodsModule];
