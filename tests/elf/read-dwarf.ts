// An independent decoder for DWARF 4 .debug_line, for the tests: runs the line-number
// state machine (DWARF 4 section 6.2) over a program and returns its rows, so the
// encoder in src/elf/dwarf.ts is checked against the spec's semantics rather than
// against its own byte patterns. Only what a version 4 program may contain is handled;
// anything else throws.

export interface LineHeader {
  readonly version: number;
  readonly minInstructionLength: number;
  readonly maxOpsPerInstruction: number;
  readonly defaultIsStmt: boolean;
  readonly lineBase: number;
  readonly lineRange: number;
  readonly opcodeBase: number;
  readonly standardOpcodeLengths: readonly number[];
  readonly includeDirectories: readonly string[];
  readonly files: readonly { readonly name: string; readonly dir: number }[];
}

export interface LineRow {
  readonly address: number;
  readonly file: number;
  readonly line: number;
  readonly column: number;
  readonly isStmt: boolean;
  readonly endSequence: boolean;
}

export function decodeLineProgram(bytes: Uint8Array): { header: LineHeader; rows: LineRow[] } {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u8 = () => view.getUint8(at++);
  const u16 = () => ((at += 2), view.getUint16(at - 2, true));
  const u32 = () => ((at += 4), view.getUint32(at - 4, true));
  const u64 = () => ((at += 8), Number(view.getBigUint64(at - 8, true)));
  const uleb = () => {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = u8();
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return result;
    }
  };
  const sleb = () => {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = u8();
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return byte & 0x40 ? result - scale : result;
    }
  };
  const cstr = () => {
    const end = bytes.indexOf(0, at);
    const text = new TextDecoder().decode(bytes.subarray(at, end));
    at = end + 1;
    return text;
  };

  const unitLength = u32();
  const unitEnd = at + unitLength;
  if (unitEnd !== bytes.length) throw new Error(`unit_length ${unitLength} does not match ${bytes.length} bytes`);
  const version = u16();
  const headerLength = u32();
  const programStart = at + headerLength;
  const minInstructionLength = u8();
  const maxOpsPerInstruction = u8();
  const defaultIsStmt = u8() !== 0;
  const lineBase = view.getInt8(at++);
  const lineRange = u8();
  const opcodeBase = u8();
  const standardOpcodeLengths = Array.from({ length: opcodeBase - 1 }, u8);
  const includeDirectories: string[] = [];
  while (bytes[at] !== 0) includeDirectories.push(cstr());
  at++;
  const files: { name: string; dir: number }[] = [];
  while (bytes[at] !== 0) {
    const name = cstr();
    const dir = uleb();
    uleb(); // mtime
    uleb(); // length
    files.push({ name, dir });
  }
  at++;
  if (at !== programStart) throw new Error(`header_length says ${programStart}, header ends at ${at}`);

  const rows: LineRow[] = [];
  const fresh = () => ({ address: 0, file: 1, line: 1, column: 0, isStmt: defaultIsStmt });
  let state = fresh();
  const emit = (endSequence: boolean) => rows.push({ ...state, endSequence });
  while (at < unitEnd) {
    const opcode = u8();
    if (opcode >= opcodeBase) {
      // Special opcode (6.2.5.1).
      const adjusted = opcode - opcodeBase;
      state.address += Math.floor(adjusted / lineRange) * minInstructionLength;
      state.line += lineBase + (adjusted % lineRange);
      emit(false);
    } else if (opcode === 0) {
      const length = uleb();
      const end = at + length;
      const sub = u8();
      if (sub === 1) {
        emit(true);
        state = fresh();
      } else if (sub === 2) {
        state.address = u64();
      } else {
        throw new Error(`unexpected extended opcode ${sub}`);
      }
      if (at !== end) throw new Error(`extended opcode ${sub} length mismatch`);
    } else if (opcode === 1) emit(false);
    else if (opcode === 2) state.address += uleb() * minInstructionLength;
    else if (opcode === 3) state.line += sleb();
    else if (opcode === 4) state.file = uleb();
    else if (opcode === 5) state.column = uleb();
    else if (opcode === 6) state.isStmt = !state.isStmt;
    else if (opcode === 8) state.address += Math.floor((255 - opcodeBase) / lineRange) * minInstructionLength;
    else if (opcode === 9) state.address += u16();
    else throw new Error(`unexpected standard opcode ${opcode}`);
  }
  return {
    header: {
      version,
      minInstructionLength,
      maxOpsPerInstruction,
      defaultIsStmt,
      lineBase,
      lineRange,
      opcodeBase,
      standardOpcodeLengths,
      includeDirectories,
      files,
    },
    rows,
  };
}
