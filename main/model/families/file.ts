// A layout family from a JSON file on disk: a user's own province, or a test's fixture.
import { readFileSync } from 'node:fs';
import { unusableInput } from '../errors.js';
import { parseFamily, registerFamily, type LayoutFamily } from './index.js';

/** Load a family from a JSON file and register it, so documents of that family read. */
export function loadFamilyFile(path: string): LayoutFamily {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw unusableInput('布局族文件无法读取或不是 JSON', 'layout family file unreadable or not JSON');
  }
  const family = parseFamily(data);
  registerFamily(family);
  return family;
}
