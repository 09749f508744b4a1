// Browser tests: the core's Api behind the loopback bridge (in-process, temp archive), the built renderer,
// and Debian's Chromium driven by playwright-core with a fresh profile.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApi, type ApiInstance } from '../../main/api/index.js';
import { startBridge, type Bridge } from '../../main/bridge/index.js';
import { ROOT, tempDir } from '../helpers/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'test-output', 'e2e');
const RENDERER_OUT = path.join(ROOT, 'dist', 'renderer');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, n) => Math.max(m, newestMtime(path.join(p, n))), st.mtimeMs);
}

function rendererStale(): boolean {
  const built = path.join(RENDERER_OUT, 'index.html');
  if (!fs.existsSync(built) || !fs.existsSync(path.join(RENDERER_OUT, 'pdfjs', 'cmaps'))) return true;
  const sources = Math.max(newestMtime(path.join(ROOT, 'renderer')), newestMtime(path.join(ROOT, 'main', 'api', 'types.ts')));
  return sources > fs.statSync(built).mtimeMs;
}

/** Builds dist/renderer when it is missing or older than its sources; one builder at a time across test files. */
export async function ensureRenderer(): Promise<void> {
  const lock = path.join(ROOT, 'dist', '.renderer-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than the deadline is a crashed run's leftover.
      if (Date.now() > deadline || Date.now() - fs.statSync(lock).mtimeMs > 150_000) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (rendererStale()) {
      const mod = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'build.mjs')).href)) as { buildRenderer(): Promise<void> };
      await mod.buildRenderer();
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface Workstation {
  url: string;
  dir: string;
  api: ApiInstance;
  bridge: Bridge;
  close(): Promise<void>;
}

/** The Api on a fresh archive in a temp folder, served with the renderer on 127.0.0.1. */
export async function startWorkstation(): Promise<Workstation> {
  const dir = tempDir('budget-e2e-');
  let bridge: Bridge | undefined;
  const api = createApi({ dbPath: path.join(dir, 'archive.sqlite'), onEvent: (e) => bridge?.broadcast(e) });
  bridge = await startBridge({ api, staticDir: RENDERER_OUT });
  const b = bridge;
  return {
    url: b.url,
    dir,
    api,
    bridge: b,
    async close() {
      await b.close();
      api.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors (CSP violations show up here). */
  problems: string[];
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1680, height: 1000 }): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 Chromium：${CHROMIUM}。浏览器测试需要 Debian 的 chromium（.ci/run 会安装）。 / Chromium not found at ${CHROMIUM}: the browser tests need Debian's chromium (installed by .ci/run).`,
    );
  }
  const profile = tempDir('budget-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The archive opens on its overview; the tests that pick a submission by file switch to the full list. */
export async function showList(page: Page): Promise<void> {
  await page.getByRole('button', { name: '全部报送' }).click();
  await page.getByTestId('archive-table').waitFor();
}

/** Opens the workstation (the token travels in the first URL), then goes to a screen by its hash (#/s/12/t6). */
export async function gotoScreen(page: Page, ws: Workstation, hash: string): Promise<void> {
  await page.goto(ws.url);
  await page.locator('.app-head').waitFor();
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}
