// `npm start`: the Electron workstation. Where the Electron runtime is missing (an offline machine, or an
// install with ELECTRON_SKIP_BINARY_DOWNLOAD), say so in Chinese and English and offer the browser version.
// better-sqlite3 is rebuilt for Electron's ABI into a cache of its own, so Node's build (tests, CLI) stays.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const bin = require('electron'); // the package exports the binary's path, or throws when it was never downloaded
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

/** A copy of better-sqlite3 built for this Electron version, cached under .cache/electron-native/<version>. */
async function electronSqliteBinding(version) {
  const appDir = path.join(root, '.cache', 'electron-native', version);
  const binding = path.join(appDir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  process.stderr.write(`正在为 Electron ${version} 编译 better-sqlite3（仅首次）… / building better-sqlite3 for Electron ${version} (first start only)…\n`);
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(appDir, 'node_modules'), { recursive: true });
  const src = path.join(root, 'node_modules/better-sqlite3');
  fs.cpSync(src, path.join(appDir, 'node_modules/better-sqlite3'), { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'native-cache', version: '1.0.0', dependencies: { 'better-sqlite3': pkg.version } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: appDir, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  if (!fs.existsSync(binding)) throw new Error(`better-sqlite3 was not built for Electron ${version}`);
  return binding;
}

async function main() {
  const bin = electronBinary();
  if (!bin) {
    process.stderr.write(
      [
        '未找到 Electron 运行时：安装依赖时没有下载 Electron（离线环境或设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。',
        '获取方法：在联网的电脑上执行 `npm install`（或 `npm install electron`）即可下载 Electron。',
        '现在改为以浏览器模式启动工作台（功能相同，数据保存在同一档案库）。',
        'The Electron runtime is missing: it was not downloaded at install time (offline, or ELECTRON_SKIP_BINARY_DOWNLOAD set).',
        'To get it, run `npm install` (or `npm install electron`) on a machine with internet access.',
        'Starting the workstation in your browser instead (same features, same archive).',
        '',
      ].join('\n'),
    );
    const web = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/web.ts'), '--open', ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    web.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const { buildApp, buildRenderer } = await import('./build.mjs');
  await buildApp();
  await buildRenderer();
  const env = { ...process.env, BUDGET_SQLITE_BINDING: await electronSqliteBinding(electronVersion()) };
  delete env.ELECTRON_RUN_AS_NODE;
  const r = spawnSync(bin, [path.join(root, 'dist/app/main.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', env });
  process.exit(r.status ?? 0);
}

main().catch((err) => {
  process.stderr.write(`启动失败 / failed to start: ${err.message}\n`);
  process.exit(1);
});
