// `npm run web`: the workstation in a plain browser — the core's Api on 127.0.0.1 with a per-launch token.
//   npm run web [-- --db PATH] [--port N] [--no-build] [--open]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApi } from '../main/api/index.js';
import { startBridge, type Bridge } from '../main/bridge/index.js';
import { defaultDbPath } from '../main/store/index.js';
import { parseArgs } from '../main/cli/args.js';
import { installProcessGuards } from '../main/api/guards.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'dist/renderer');

/** Rebuild the renderer when any source file is newer than the last build. */
function rendererIsStale(): boolean {
  const built = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  return Math.max(newest(path.join(root, 'renderer')), fs.statSync(path.join(root, 'main/api/types.ts')).mtimeMs) > builtAt;
}

/**
 * Opens the workstation in the user's browser without putting the token on a command line (where any
 * local user sees it in the process list): the browser is given a private file (mode 0600, in a 0700
 * folder) that forwards to the tokened URL, removed a minute later. $BROWSER overrides the opener.
 */
export function openBrowser(url: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-open-'));
  fs.chmodSync(dir, 0o700);
  const launch = path.join(dir, 'open.html');
  const target = JSON.stringify(url);
  fs.writeFileSync(
    launch,
    `<!doctype html><meta charset="utf-8"><title>部门预算审核工作台</title><meta http-equiv="refresh" content="0;url=${url}"><script>location.replace(${target})</script>`,
    { mode: 0o600 },
  );
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  setTimeout(cleanup, 60_000).unref();
  process.once('exit', cleanup);
  const fileUrl = pathToFileURL(launch).href;
  const custom = process.env.BROWSER;
  const cmd = custom || (process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open');
  const args = custom ? [fileUrl] : process.platform === 'win32' ? ['/c', 'start', '', fileUrl] : [fileUrl];
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    /* no browser to open: the URL is printed */
  }
  return launch;
}

export async function startWeb(argv: string[]): Promise<Bridge> {
  const args = parseArgs(argv);
  if (!args.flags.has('no-build') && rendererIsStale()) {
    process.stderr.write('正在构建界面… / building the renderer…\n');
    const { buildRenderer } = await import('./build.mjs');
    await buildRenderer();
  }
  let bridge: Bridge | undefined;
  const api = createApi({ dbPath: args.options.get('db') ?? defaultDbPath(), onEvent: (e) => bridge?.broadcast(e) });
  const port = args.options.get('port');
  bridge = await startBridge({ api, staticDir: rendererDir, port: port ? Number(port) : undefined });
  process.stdout.write(`部门预算审核工作台（浏览器模式）已启动 / workstation running at:\n${bridge.url}\n`);
  if (args.flags.has('open')) openBrowser(bridge.url);
  const stop = () => void bridge!.close().then(() => (api.close(), process.exit(0)));
  // One file, one request: whatever escapes is logged and the workstation goes on serving.
  installProcessGuards({ log: (line) => process.stderr.write(line + '\n') });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return bridge;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startWeb(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`启动失败 / failed to start: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
