import fs from 'node:fs';
import path from 'node:path';
import { exportWorkbook } from '../../main/export/index.js';
import { truthDoc, withCell } from '../checks/helpers.js';

/** seed000 (2023) says its budget fell by 117.26 on 2022; this 2022 file puts 2022 at 1800.00 (a fall of 111.95). */
export async function lastYearWorkbook(dir: string): Promise<string> {
  let prev = structuredClone(truthDoc('seed000'));
  prev.year = 2022;
  for (const [key, row, lane] of [['t1', '32', 2], ['t1', '34', 2], ['t1', '32', 4], ['t1', '34', 4], ['t2', '1', 3], ['t2', '1', 4], ['t3', '1', 3]] as const) {
    prev = withCell(prev, key, row, lane, '1800.00');
  }
  const file = path.join(dir, 'seed000-2022.xlsx');
  fs.writeFileSync(file, await exportWorkbook({ document: prev, corrections: [], findings: [], plain: true }));
  return file;
}
