// How findings name things for an auditor: the standard tables by their Chinese names (for a table that is
// missing, so has no printed title; the model's list) and each rule id by its Chinese name.

export { TABLE_NAMES } from '../../model/tables.js';
import { RULE_WORDS } from '../../model/vocabulary.js';

/** Rule id → the name an auditor reads: the model's vocabulary, the one list the screen, the 审核意见 sheet
 *  and the 审核意见书 use too. */
export const RULE_NAMES: Record<string, string> = Object.fromEntries(Object.entries(RULE_WORDS).map(([id, w]) => [id, w.name]));

export const ruleName = (id: string): string => RULE_NAMES[id] ?? id;
