// Runtime: layouts of instances of Python subclasses of builtin container and number types
// (list, set, frozenset, dict; float and complex: floatsub.ts).
//
// CPython gives every heap subclass of a builtin type an instance dict placed after the
// base's own fields (type_new's tp_dictoffset, Objects/typeobject.c). Natively the builtin's
// new slot allocates an object of the subclass with TYPE.instanceSize bytes (classes.ts
// rt_new_type sets base size + 8), so the builtin routines, which test the LAYOUT of their
// operands (listshared.ts ifLayout), see the instance as the base; the word at the base's
// size is the instance dict (UNBOUND until first store). The collector scans non-raw objects
// whole, so that word is traced with no change there.
//
// This table is the single source for rt_new_type (which layouts and which solid bases may
// be subclassed), rt_instance_dict_slot (attrs.ts) and rt_descr_dict_addr (descrkit.ts).

import { type Assembler, type Gpr, type Label, mem, qword, rax } from '../../src/asm/index.js';
import { DICT, LAYOUTS, LIST, SET, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';

/** Layouts whose builtin types may be subclassed with the dict word after the base's fields. */
export const CONTAINER_SUBCLASS_BASES = [
  { layout: 'dict', types: ['dict'], size: DICT.size },
  { layout: 'list', types: ['list'], size: LIST.items + 8 },
  { layout: 'set', types: ['set', 'frozenset'], size: SET.size },
] as const;

/**
 * For an object at raw address `obj` whose type's layout id is in `layoutId`: jump to `found`
 * with rax = address of its instance-dict word when it is an instance of a heap subclass of a
 * container above; jump to `none` for an exact builtin of such a layout; fall through for any
 * other layout. `type` holds the object's type address. Clobbers rax.
 */
export function containerSubDictAddr(a: Assembler<any>, obj: Gpr<64>, type: Gpr<64>, layoutId: Gpr<64>, found: Label, none: Label): void {
  for (const c of CONTAINER_SUBCLASS_BASES) {
    const skip = a.newLabel();
    a.cmp(layoutId, LAYOUTS[c.layout].id);
    a.jne(skip);
    a.test(qword(mem(type, TYPE.flags)), TYPEFLAG_BUILTIN);
    a.jne(none);
    a.lea(rax, mem(obj, c.size));
    a.jmp(found);
    a.bind(skip);
  }
}
