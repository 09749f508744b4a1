// Test support for the export: a corpus truth file (copied into test/fixtures/truth) as a BudgetDocument.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentFromTruth, type TruthJson } from '../main/model/truth-document.js';
import type { BudgetDocument } from '../main/model/types.js';

export const fixture = (rel: string): string => fileURLToPath(new URL(`./fixtures/${rel}`, import.meta.url));

export function truthDocument(id: string): BudgetDocument {
  return documentFromTruth(JSON.parse(readFileSync(fixture(`truth/${id}.json`), 'utf8')) as TruthJson);
}
