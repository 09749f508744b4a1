// The loopback bridge as an attacker on this machine (or a web page in the user's browser) meets it: no
// path-taking method, no file written or probed through it, no install path in any answer, no request
// from another origin, no token on a command line; and a hostile upload costs one error, not the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createApi, type ApiInstance } from '../main/api/index.js';
import { startBridge, type Bridge } from '../main/bridge/index.js';
import { fixture, ROOT, tempDir } from './helpers/paths.js';
import { nestedDocx } from './hostile/office.js';

let dir: string;
let api: ApiInstance;
let bridge: Bridge;
let staticDir: string;

beforeAll(async () => {
  dir = tempDir('budget-bridge-');
  staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
  api = createApi({ dbPath: path.join(dir, 'archive.sqlite') });
  bridge = await startBridge({ api, staticDir });
});

afterAll(async () => {
  await bridge?.close();
  api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw HTTP request (the path is sent as written, unlike fetch, which normalises it). */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: bridge.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-budget-token': bridge.token, ...headers },
    body: JSON.stringify(input),
  });

/** No answer may show where the program, the archive or the test folder lives. */
function expectNoPaths(body: string): void {
  for (const p of [ROOT, dir, staticDir, path.dirname(ROOT)]) expect(body).not.toContain(p);
  expect(body).not.toMatch(/\/(home|root|tmp|work|usr)\//);
}

describe('loopback bridge: paths', () => {
  it('refuses export.workbook with an outPath and writes nothing', async () => {
    const target = path.join(dir, 'new-folder', 'evil.xlsx');
    const r = await call('export.workbook', { submissionId: 1, outPath: target });
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid-argument');
    expect(fs.existsSync(path.dirname(target))).toBe(false);
    expectNoPaths(r.body);
  });

  it('has no path-taking method to probe the disk with', async () => {
    for (const method of ['archive.importFile', 'archive.importFolder', 'document.check', 'export.workbookFile']) {
      const existing = await call(method, { path: '/etc/passwd', outPath: '/tmp/x.xlsx', submissionId: 1 });
      const missing = await call(method, { path: '/nonexistent/file.pdf', outPath: '/tmp/x.xlsx', submissionId: 1 });
      expect(existing.status, method).toBe(404);
      // The same answer whether the path exists or not.
      expect(existing.body, method).toBe(missing.body);
      expectNoPaths(existing.body);
    }
  });

  it('imports only what a dialog handed out: an unknown handle is refused the same way every time', async () => {
    const a = JSON.parse((await call('archive.importPicked', { handle: 'a'.repeat(32) })).body);
    expect(a.ok).toBe(false);
    expect(a.error.code).toBe('not-found');
    const b = JSON.parse((await call('archive.importPicked', { handle: '/etc/passwd' })).body);
    expect(b.error.code).toBe('invalid-argument');
  });

  it('answers GET /%00 and malformed URLs with 400, without a token and without the install path', async () => {
    for (const p of ['/%00', '/%00.js', '/assets/%E0%A4%A', '/%', '/..%5c..%5cpackage.json', '/a%00b/x.js']) {
      const r = await request({ path: p });
      expect([400, 403, 404], p).toContain(r.status);
      expectNoPaths(r.body);
    }
    const traversal = await request({ path: '/..%2f..%2fpackage.json' });
    expect(traversal.body).not.toContain('"name"');
    expect((await request({ path: '/' })).status).toBe(200);
  });

  it('keeps internal paths out of error answers', async () => {
    const r = await call('submission.get', { id: 999 });
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(false);
    expect(body.error.zh).toMatch(/[\u4e00-\u9fff]/);
    expectNoPaths(r.body);
  });
});

describe('loopback bridge: who may call', () => {
  it('refuses a foreign Origin, a cross-site fetch and a wrong token; accepts its own origin', async () => {
    const foreign = await call('archive.list', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const sibling = await call('archive.list', {}, { origin: `http://127.0.0.1:${bridge.port + 1}` });
    expect(sibling.status).toBe(403);
    const crossSite = await call('archive.list', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const events = await request({ path: `/events?token=${bridge.token}`, headers: { origin: 'http://evil.example' } });
    expect(events.status).toBe(403);
    expect((await call('archive.list', {}, { 'x-budget-token': 'x'.repeat(48) })).status).toBe(401);
    const own = await call('archive.list', {}, { origin: `http://127.0.0.1:${bridge.port}` });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body).ok).toBe(true);
  });

  it('survives a hostile upload and imports the next file', async () => {
    const hostile = await nestedDocx('w:sdt', 100_000);
    const bad = JSON.parse((await call('archive.importBytes', { fileName: 'nested.docx', dataBase64: Buffer.from(hostile).toString('base64') })).body);
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('unusable-input');
    const good = fs.readFileSync(fixture('docs', 'seed000.word.docx'));
    const ok = JSON.parse((await call('archive.importBytes', { fileName: 'seed000.word.docx', dataBase64: good.toString('base64') })).body);
    expect(ok.ok).toBe(true);
    expect(ok.data.status).toBe('stored');
  });

  it('refuses a body larger than the largest readable file before reading it', async () => {
    const r = await request({
      method: 'POST',
      path: '/api/archive.importBytes',
      headers: { 'content-type': 'application/json', 'x-budget-token': bridge.token, 'content-length': String(400 * 1024 * 1024) },
      body: '',
    }).catch(() => ({ status: 413, body: '' }));
    expect(r.status).toBe(413);
  });
});

describe('npm run web --open', () => {
  it('hands the browser a private file, never the token on a command line', () => {
    const record = path.join(dir, 'argv.json');
    const browser = path.join(dir, 'browser.mjs');
    fs.writeFileSync(
      browser,
      `#!/usr/bin/env node\nimport fs from 'node:fs';\nimport { fileURLToPath } from 'node:url';\nconst f = fileURLToPath(process.argv[2]);\nfs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), mode: fs.statSync(f).mode & 0o777, html: fs.readFileSync(f, 'utf8') }));\n`,
      { mode: 0o755 },
    );
    const script = path.join(dir, 'launch.mts');
    fs.writeFileSync(
      script,
      `import { startWeb } from ${JSON.stringify(path.join(ROOT, 'scripts', 'web.ts'))};
      const b = await startWeb(['--no-build', '--open', '--db', ${JSON.stringify(path.join(dir, 'web.sqlite'))}]);
      process.stdout.write('TOKEN=' + b.token + '\\n');
      const t0 = Date.now();
      while (!(await import('node:fs')).existsSync(${JSON.stringify(record)}) && Date.now() - t0 < 15000) await new Promise((r) => setTimeout(r, 100));
      await b.close(); process.exit(0);`,
    );
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script], {
      encoding: 'utf8',
      env: { ...process.env, BROWSER: browser },
      cwd: ROOT,
      timeout: 60_000,
    });
    const token = /TOKEN=([0-9a-f]+)/.exec(r.stdout)?.[1];
    expect(token, r.stderr).toBeDefined();
    const seen = JSON.parse(fs.readFileSync(record, 'utf8')) as { argv: string[]; mode: number; html: string };
    expect(seen.argv.join(' ')).not.toContain(token!);
    expect(seen.html).toContain(token!);
    expect(seen.mode).toBe(0o600);
  });
});
