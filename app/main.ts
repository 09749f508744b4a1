// The Electron shell: one window, the menu, the app:// protocol for the renderer, the IPC bridge to the
// core's Api, native dialogs. Security per Electron's checklist: isolation, sandbox, CSP, no navigation.
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApi } from '../main/api/index.js';
import { registerApiIpc, sendEvent } from './ipc.js';
import { buildMenu } from './menu.js';

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

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | undefined;
const api = createApi({ dbPath: path.join(app.getPath('userData'), 'archive.sqlite'), onEvent: (e) => sendEvent(mainWindow?.webContents, e), version: app.getVersion() });

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
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // No navigation, no new windows: links to the outside open in the system browser.
  mainWindow.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith('app://')) e.preventDefault();
  });
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void mainWindow.loadURL('app://workstation/index.html');
}

app.whenReady().then(() => {
  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url);
    const file = path.normalize(path.join(RENDERER_DIR, decodeURIComponent(pathname)));
    if (!file.startsWith(RENDERER_DIR) || !fs.existsSync(file)) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  registerApiIpc(api, (wc) => wc === mainWindow?.webContents);
  ipcMain.handle('dialog:pickFiles', async () => {
    const r = await dialog.showOpenDialog(mainWindow!, {
      title: '导入部门预算公开文件',
      properties: ['openFile', 'multiSelections'],
      filters: [{ name: '预算公开文件', extensions: ['pdf', 'docx', 'xlsx', 'doc', 'wps', 'xls', 'et'] }],
    });
    return r.canceled ? [] : r.filePaths;
  });
  ipcMain.handle('dialog:pickFolder', async () => {
    const r = await dialog.showOpenDialog(mainWindow!, { title: '导入整个文件夹', properties: ['openDirectory'] });
    return r.canceled ? null : (r.filePaths[0] ?? null);
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
