// The Electron shell's security decisions (app/security.ts, plain functions) and the shell's wiring of them:
// no Electron binary can run here, so the wiring is read from the source and the packaging configuration.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appRequestFile, isAllowedExternal, isAppUrl, isTrustedSender } from '../app/security.js';
import { ROOT } from './helpers/paths.js';

const root = path.join(ROOT, 'dist', 'renderer');

describe('app:// requests', () => {
  it('resolve inside the renderer folder only, by whole path segments', () => {
    expect(appRequestFile('app://workstation/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(appRequestFile('app://workstation/', root)).toBe(path.join(root, 'index.html'));
    expect(appRequestFile('app://workstation/assets/a%20b.js', root)).toBe(path.join(root, 'assets', 'a b.js'));
    // A sibling folder whose name starts like the renderer's is not inside it.
    expect(appRequestFile(`app://workstation/..%2F${path.basename(root)}-evil%2Fx.js`, root)).toBeNull();
    expect(appRequestFile('app://workstation/..%2F..%2Fpackage.json', root)).toBeNull();
    // The URL parser resolves %2e%2e segments itself: what is left stays inside.
    expect(appRequestFile('app://workstation/%2e%2e/%2e%2e/package.json', root)).toBe(path.join(root, 'package.json'));
    expect(appRequestFile('app://workstation/a%5C..%5C..%5Cx', root)).toBeNull();
    expect(appRequestFile('app://workstation/%00.js', root)).toBeNull();
    expect(appRequestFile('app://other-host/index.html', root)).toBeNull();
  });

  it('decode a malformed escape tolerantly instead of throwing', () => {
    expect(() => appRequestFile('app://workstation/%E0%A4%A.js', root)).not.toThrow();
    expect(appRequestFile('app://workstation/%E0%A4%A.js', root)).toBe(path.join(root, '%E0%A4%A.js'));
    expect(appRequestFile('app://workstation/100%.js', root)).toBe(path.join(root, '100%.js'));
  });
});

describe('navigation and links', () => {
  it('the window shows app://workstation pages only', () => {
    expect(isAppUrl('app://workstation/index.html#/review/3')).toBe(true);
    for (const url of ['https://example.com', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'not a url'])
      expect(isAppUrl(url), url).toBe(false);
  });

  it('links leave for the system browser only to the allow-list, over https', () => {
    expect(isAllowedExternal('https://www.mof.gov.cn/zhengwuxinxi/')).toBe(true);
    for (const url of [
      'http://www.mof.gov.cn/',
      'https://www.mof.gov.cn.evil.com/',
      'https://user:pw@www.mof.gov.cn/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://host/share',
      'https://example.com',
    ])
      expect(isAllowedExternal(url), url).toBe(false);
  });
});

describe('IPC senders', () => {
  const mainFrame = { url: 'app://workstation/index.html' };
  const webContents = { mainFrame };
  const win = { webContents };
  it('are trusted only from the main frame of the workstation window on an app page', () => {
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, win)).toBe(true);
    expect(isTrustedSender({ sender: webContents, senderFrame: { url: 'app://workstation/index.html' } }, win)).toBe(false); // a subframe
    expect(isTrustedSender({ sender: webContents, senderFrame: null }, win)).toBe(false);
    expect(isTrustedSender({ sender: {}, senderFrame: mainFrame }, win)).toBe(false);
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, undefined)).toBe(false);
    const navigatedAway = { url: 'https://evil.example/' };
    expect(isTrustedSender({ sender: { mainFrame: navigatedAway }, senderFrame: navigatedAway }, { webContents: { mainFrame: navigatedAway } })).toBe(false);
  });
});

describe('the shell wires every guard', () => {
  const source = (f: string) => fs.readFileSync(path.join(ROOT, 'app', f), 'utf8');
  it('on every web contents, every IPC channel and the session', () => {
    const main = source('main.ts');
    for (const needle of [
      "'web-contents-created'",
      "'will-navigate'",
      "'will-redirect'",
      "'will-attach-webview'",
      'setWindowOpenHandler',
      "action: 'deny'",
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'appRequestFile(',
      'isAllowedExternal(',
    ]) {
      expect(main, needle).toContain(needle);
    }
    // Every channel is registered through handleTrusted (which checks the sender's frame), none directly.
    for (const f of fs.readdirSync(path.join(ROOT, 'app')).filter((n) => n.endsWith('.ts'))) {
      const uses = source(f).match(/ipcMain\.handle\(/g)?.length ?? 0;
      expect(uses, f).toBe(f === 'ipc.ts' ? 1 : 0);
    }
    expect(source('ipc.ts')).toMatch(/ipcMain\.handle\(channel, \(event[^)]*\) => \{\s*if \(!isTrusted\(event\)\)/);
    expect(main).toMatch(/handleTrusted\('dialog:pickFiles', trusted/);
    expect(main).toMatch(/handleTrusted\('dialog:pickFolder', trusted/);
  });

  it('packaging flips the Electron fuses', () => {
    const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
    const { FUSES } = createRequire(import.meta.url)(path.join(ROOT, 'scripts', 'after-pack.cjs')) as { FUSES: Record<string, boolean> };
    expect(FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
    });
  });
});
