// `npm run format:check`: Prettier over the files listed in .prettier-files (one path a line, # comments).
// Exit 1 and the names of the files that are not in the house style.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = fs
  .readFileSync(path.join(root, '.prettier-files'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const bad = [];
for (const file of files) {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) continue; // removed since it was listed
  const options = { ...(await prettier.resolveConfig(full)), filepath: full };
  if (!(await prettier.check(fs.readFileSync(full, 'utf8'), options))) bad.push(file);
}
if (bad.length) {
  process.stderr.write(`Prettier: not formatted (npx prettier --write FILE):\n${bad.map((f) => `  ${f}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`Prettier: ${files.length} files formatted\n`);
