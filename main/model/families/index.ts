// Layout families as data: one JSON file per way a province (or the national template) prints its
// disclosures — how to recognise it, which standard tables it prints, extra words for titles, columns and
// rows, the label before the department name, the sections of its narrative. A document of no known family
// still reads through the generic lexicon; a new province is a new file here (or one loaded at run time with
// loadFamilyFile in ./file.ts), never a code change.
import { z } from 'zod';
import { unusableInput } from '../errors.js';
import { GENERIC_LEXICON, type Lexicon, type LabelRole } from '../lexicon/concepts.js';
import { re } from '../lexicon/titles.js';
import type { DocKind, TableKey } from '../types.js';
import finalNational from './final-national.json' with { type: 'json' };
import hebei from './hebei.json' with { type: 'json' };
import jiangsu from './jiangsu.json' with { type: 'json' };
import national from './national.json' with { type: 'json' };
import shanghai from './shanghai.json' with { type: 'json' };

const TABLE_KEY = z.enum(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
const PATTERN = z.string().min(1).max(400).refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, '不是有效的正则表达式 / not a valid regular expression');
const WORDS = z.array(z.object({ concept: z.string().min(1).max(40), words: z.array(PATTERN).min(1) }));

const FAMILY = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  name: z.string().min(1).max(80),
  kind: z.enum(['预算', '决算']).optional(),
  detect: z.object({ patterns: z.array(PATTERN).min(1), min: z.number().int().min(1).optional() }),
  expected: z.array(TABLE_KEY).min(1),
  titles: z.partialRecord(TABLE_KEY, z.array(PATTERN)).optional(),
  extraTitles: z.array(PATTERN).optional(),
  labels: z.partialRecord(z.enum(['seq', 'code', 'code-lei', 'code-kuan', 'code-xiang', 'name', 'item']), z.array(PATTERN)).optional(),
  columns: WORDS.optional(),
  rows: WORDS.optional(),
  meta: z.object({ department: z.array(z.string().min(1).max(20)) }).optional(),
  narrative: z
    .object({
      sections: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), pattern: PATTERN, required: z.boolean().optional() })),
    })
    .optional(),
  unit: z.enum(['元', '万元']).optional(),
});

export type LayoutFamily = z.infer<typeof FAMILY>;
export interface NarrativeSectionDef {
  id: string;
  name: string;
  pattern: string;
  required?: boolean;
}

const registry = new Map<string, LayoutFamily>();

/** Validate a family description; a clear error names what is wrong. */
export function parseFamily(data: unknown, source = '布局族文件'): LayoutFamily {
  const r = FAMILY.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : '';
    throw unusableInput(`${source}格式不正确（${where}）`, `invalid layout family file (${where})`);
  }
  return r.data;
}

export function registerFamily(family: LayoutFamily): void {
  registry.set(family.id, family);
}

for (const f of [hebei, shanghai, jiangsu, national, finalNational]) registerFamily(parseFamily(f, `内置布局族 ${f.id}`));

export const families = (): LayoutFamily[] => [...registry.values()];

export const familyById = (id: string | null | undefined): LayoutFamily | null => (id ? (registry.get(id) ?? null) : null);

/**
 * The family whose signals the document's lines show most (at least its `min`), or null. `lines` are the
 * document's short text lines: titles, meta lines, header cells, headings.
 */
export function detectFamily(lines: string[], kind: DocKind | null): LayoutFamily | null {
  let best: LayoutFamily | null = null;
  let bestScore = 0;
  const squashed = lines.map((l) => l.replace(/\s+/g, ''));
  for (const f of registry.values()) {
    if (kind && f.kind && f.kind !== kind) continue;
    const score = f.detect.patterns.filter((p) => squashed.some((l) => re(p).test(l))).length;
    if (score >= (f.detect.min ?? 2) && score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

const lexiconMemo = new WeakMap<LayoutFamily, Lexicon>();

/** The generic lexicon with the family's words added (family words are tried first). */
export function lexiconFor(family: LayoutFamily | null): Lexicon {
  if (!family || (!family.columns && !family.rows && !family.labels)) return GENERIC_LEXICON;
  const hit = lexiconMemo.get(family);
  if (hit) return hit;
  const extend = (defs: Lexicon['columns'], extra: LayoutFamily['columns']): Lexicon['columns'] => {
    const out = defs.map((d) => ({ ...d, words: [...d.words] }));
    for (const e of extra ?? []) {
      const def = out.find((d) => d.id === e.concept);
      if (def) def.words.unshift(...e.words);
      else out.unshift({ id: e.concept, name: e.concept, words: e.words });
    }
    return out;
  };
  const labels = { ...GENERIC_LEXICON.labels };
  for (const [role, words] of Object.entries(family.labels ?? {}) as [LabelRole, string[]][]) labels[role] = [...words, ...labels[role]];
  const lex: Lexicon = { ...GENERIC_LEXICON, labels, columns: extend(GENERIC_LEXICON.columns, family.columns), rows: extend(GENERIC_LEXICON.rows, family.rows) };
  lexiconMemo.set(family, lex);
  return lex;
}

/** The standard tables a family prints (for completeness); the nine of the kind when unknown. */
export function expectedTables(family: LayoutFamily | null, kind: DocKind): TableKey[] {
  if (family?.expected.length && (!family.kind || family.kind === kind)) return family.expected as TableKey[];
  const p = kind === '决算' ? 'd' : 't';
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${p}${n}` as TableKey);
}
