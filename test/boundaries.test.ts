// The layers are folders: main/ is Electron-free and UI-free, renderer/ sees main/ only through the API's
// types, and only app/ imports electron. A test, so the rule cannot quietly stop holding.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/paths.js';

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({ spec: (m[3] ?? m[4] ?? m[5])!, typeOnly: Boolean(m[2]) }));
}

const resolvesInto = (file: string, spec: string, folder: string) =>
  spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.join(ROOT, folder) + path.sep);

describe('layer boundaries', () => {
  it('main/ imports neither electron, react, app/ nor renderer/', () => {
    const bad = sourceFiles(path.join(ROOT, 'main')).flatMap((f) =>
      importsOf(f)
        .filter(({ spec }) => /^electron(\/|$)|^react(-dom)?(\/|$)/.test(spec) || resolvesInto(f, spec, 'app') || resolvesInto(f, spec, 'renderer'))
        .map(({ spec }) => `${path.relative(ROOT, f)} → ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('renderer/ reaches main/ only as type imports of main/api/types, and uses no Node built-ins', () => {
    const bad = sourceFiles(path.join(ROOT, 'renderer', 'src')).flatMap((f) =>
      importsOf(f)
        .filter(({ spec, typeOnly }) =>
          (resolvesInto(f, spec, 'main') && !(typeOnly && /main\/api\/types(\.js)?$/.test(spec))) || /^node:|^(fs|path|os|child_process)$/.test(spec) || /^electron/.test(spec) || resolvesInto(f, spec, 'app'),
        )
        .map(({ spec }) => `${path.relative(ROOT, f)} → ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('only app/ imports electron', () => {
    const outside = ['main', 'renderer'].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    const bad = outside.filter((f) => importsOf(f).some(({ spec }) => /^electron(\/|$)/.test(spec)));
    expect(bad.map((f) => path.relative(ROOT, f))).toEqual([]);
    expect(sourceFiles(path.join(ROOT, 'app')).some((f) => importsOf(f).some(({ spec }) => spec === 'electron'))).toBe(true);
  });

  it('the checker itself catches a bad import', () => {
    const tmp = path.join(ROOT, 'test', 'fixtures', 'boundary-bad.ts.txt');
    const file = tmp.replace(/\.txt$/, '');
    fs.writeFileSync(file, "import { app } from 'electron';\nimport type { Api } from '../main/api/types.js';\n");
    try {
      expect(importsOf(file)).toEqual([{ spec: 'electron', typeOnly: false }, { spec: '../main/api/types.js', typeOnly: true }]);
    } finally {
      fs.rmSync(file);
    }
  });
});
