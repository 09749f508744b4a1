// The migrations in order. Add a file NNN_description.ts and list it here; never edit a shipped one.
import m001 from './001_archive.js';
import m002 from './002_any_province.js';
import m003 from './003_legacy_formats.js';
import m004 from './004_review_workflow.js';
import m005 from './005_ocr_confidence.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_archive', sql: m001 },
  { version: 2, name: '002_any_province', sql: m002 },
  { version: 3, name: '003_legacy_formats', sql: m003 },
  { version: 4, name: '004_review_workflow', sql: m004 },
  { version: 5, name: '005_ocr_confidence', sql: m005 },
];
