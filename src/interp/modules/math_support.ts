// Shared imports for the TypeScript-implemented modules (keeps their import lists short).

import { binaryOp } from '../arith.js';

export { callDescr, isTrue, newTuple, toArray, typeOf, typeName } from '../protocol.js';

export const binaryOpRef = { f: binaryOp };
