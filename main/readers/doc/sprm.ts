// Property modifiers (SPRMs, [MS-DOC] 2.2.5) of the Word binary format: a 16-bit code and an operand
// whose size the code's top three bits give. Only the handful the reader uses are named here.

export const SPRM = {
  /** Paragraph is in a table / is a table row's end mark / its table depth. */
  PFInTable: 0x2416,
  PFTtp: 0x2417,
  PItap: 0x6649,
  PFInnerTableCell: 0x244b,
  PFInnerTtp: 0x244c,
  /** Paragraph properties too large for the FKP page, stored in the Data stream. */
  PHugePapx: 0x6646,
  PJc80: 0x2403,
  PJc: 0x2461,
  POutLvl: 0x2640,
  PChgTabs: 0xc615,
  /** Row: cell edges and per-cell flags; vertical merge of one cell; old-style horizontal merge; header row. */
  TDefTable: 0xd608,
  TDefTable10: 0xd606,
  TVertMerge: 0xd62b,
  TMerge: 0x5624,
  TSplit: 0x5625,
  TTableHeader: 0x3404,
  /** Character: bold, size in half-points, deleted revision. */
  CFBold: 0x0835,
  CHps: 0x4a43,
  CFRMarkDel: 0x0800,
} as const;

export interface Sprm {
  code: number;
  /** The operand bytes. */
  arg: Uint8Array;
}

const FIXED_SIZE = [1, 1, 2, 4, 2, 2, 0, 3];

function operandSize(code: number, b: Uint8Array, at: number): number {
  const spra = code >>> 13;
  if (spra !== 6) return FIXED_SIZE[spra]!;
  if (code === SPRM.TDefTable || code === SPRM.TDefTable10) return at + 1 < b.length ? (b[at]! | (b[at + 1]! << 8)) + 1 : b.length - at;
  if (code === SPRM.PChgTabs && b[at] === 255) {
    // PChgTabsDelClose + PChgTabsAdd: counts of deleted (4 bytes each) and added (3 bytes each) tab stops.
    const del = b[at + 1] ?? 0;
    const add = b[at + 2 + del * 4] ?? 0;
    return 1 + 1 + del * 4 + 1 + add * 3;
  }
  return 1 + (b[at] ?? 0);
}

/** The SPRMs of a grpprl; a truncated last one is dropped. */
export function sprmsOf(b: Uint8Array, from = 0): Sprm[] {
  const out: Sprm[] = [];
  let at = from;
  while (at + 2 <= b.length) {
    const code = b[at]! | (b[at + 1]! << 8);
    at += 2;
    const size = operandSize(code, b, at);
    if (at + size > b.length) break;
    out.push({ code, arg: b.subarray(at, at + size) });
    at += size;
  }
  return out;
}

export const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
export const i16 = (b: Uint8Array, at: number): number => (u16(b, at) << 16) >> 16;
export const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
