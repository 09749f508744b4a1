// The Electron shell: one window, the menu, the app:// protocol for the renderer, the IPC bridge to the
// core's Api, native dialogs. Security per Electron's checklist: isolation, sandbox, CSP, no navigation,
// no new windows, no permissions, every IPC message checked for its frame, links out only to an allow-list.
// Paths never come from the page: the dialogs run here and the page gets opaque handles (PathGrants).
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApi, PathGrants } from '../main/api/index.js';
import { installProcessGuards } from '../main/api/guards.js';
import { handleTrusted, registerApiIpc, sendEvent } from './ipc.js';
import { buildMenu } from './menu.js';
import { APP_ORIGIN, appRequestFile, isAllowedExternal, isAppUrl, isTrustedSender } from './security.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(HERE, '..', 'renderer');
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// A file that escapes the reading workers' isolation must not end the workstation: logged, and it goes on.
installProcessGuards({ log: (line) => process.stderr.write(line + '\n') });

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | undefined;
const grants = new PathGrants();
const api = createApi({
  dbPath: path.join(app.getPath('userData'), 'archive.sqlite'),
  onEvent: (e) => sendEvent(mainWindow?.webContents, e),
  version: app.getVersion(),
  grants,
});
const trusted = (event: IpcMainInvokeEvent): boolean => isTrustedSender(event, mainWindow);

function openExternal(url: string): void {
  if (isAllowedExternal(url)) void shell.openExternal(url);
}

/** Every web contents the app ever creates (the window, devtools, anything a page might open). */
function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) {
      e.preventDefault();
      openExternal(url);
    }
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '部门预算审核工作台',
    show: false,
    webPreferences: {
      preload: path.join(HERE, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => guardContents(contents));

void app.whenReady().then(() => {
  protocol.handle('app', (request) => {
    const file = appRequestFile(request.url, RENDERER_DIR);
    if (!file || !fs.existsSync(file)) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerApiIpc(api, trusted);
  handleTrusted('dialog:pickFiles', trusted, async () => {
    if (!mainWindow) return [];
    const r = await dialog.showOpenDialog(mainWindow, {
      title: '导入部门预算公开文件',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: '预算公开文件', extensions: ['pdf', 'docx', 'xlsx', 'doc', 'wps', 'xls', 'et'] }],
    });
    return r.canceled ? [] : r.filePaths.map((p) => grants.grant(p, 'file'));
  });
  handleTrusted('dialog:pickFolder', trusted, async () => {
    if (!mainWindow) return null;
    const r = await dialog.showOpenDialog(mainWindow, { title: '导入整个文件夹', properties: ['openDirectory'] });
    const dir = r.canceled ? undefined : r.filePaths[0];
    return dir ? grants.grant(dir, 'folder') : null;
  });
  Menu.setApplicationMenu(
    buildMenu(
      () => mainWindow,
      () =>
        void dialog.showMessageBox(mainWindow!, {
          type: 'info',
          title: '关于',
          message: '部门预算审核工作台',
          detail: `版本 ${app.getVersion()}\n离线审核部门预算信息公开文件：逐行核对、问题标注、修改留痕、导出九张标准表。`,
        }),
    ),
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  api.close();
  if (process.platform !== 'darwin') app.quit();
});
