// Used by the type check only when the optional `electron` package is absent (npm install on a machine that
// cannot download Electron drops it): the subset of Electron's API the shell uses, so app/ is still checked.
// Where `electron` is installed, its own electron.d.ts is used instead (see app/tsconfig.json paths).
/* eslint-disable @typescript-eslint/no-explicit-any -- IPC arguments are `any` in electron.d.ts too */
export interface WebFrameMain {
  url: string;
}
export interface WebContents {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  mainFrame: WebFrameMain;
  on(event: 'will-navigate' | 'will-redirect', listener: (e: { preventDefault(): void }, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): this;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
}
export interface IpcMainInvokeEvent {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
}
export declare const ipcMain: {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => unknown): void;
};
export declare const ipcRenderer: {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: any[]) => void): unknown;
  removeListener(channel: string, listener: (...args: any[]) => void): unknown;
};
export declare const contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
export interface BrowserWindowConstructorOptions {
  width?: number;
  height?: number;
  title?: string;
  show?: boolean;
  webPreferences?: Record<string, unknown>;
}
export declare class BrowserWindow {
  constructor(options?: BrowserWindowConstructorOptions);
  static getAllWindows(): BrowserWindow[];
  webContents: WebContents;
  once(event: 'ready-to-show', listener: () => void): this;
  show(): void;
  loadURL(url: string): Promise<void>;
}
export interface MenuItemConstructorOptions {
  label?: string;
  accelerator?: string;
  role?: string;
  type?: 'separator' | 'normal';
  click?: () => void;
  submenu?: MenuItemConstructorOptions[];
}
export declare class Menu {
  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  static setApplicationMenu(menu: Menu | null): void;
}
export declare const app: {
  getPath(name: 'userData' | 'documents' | 'temp'): string;
  getVersion(): string;
  whenReady(): Promise<void>;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
  on(event: string, listener: (...args: any[]) => void): unknown;
  quit(): void;
};
export declare const dialog: {
  showOpenDialog(win: BrowserWindow, options: Record<string, unknown>): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(win: BrowserWindow, options: Record<string, unknown>): Promise<unknown>;
};
export declare const shell: { openExternal(url: string): Promise<void> };
export declare const net: { fetch(url: string): Promise<Response> };
export declare const protocol: {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
};
export declare const session: {
  defaultSession: {
    webRequest: {
      onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[] | string> }, callback: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void): void;
    };
    setPermissionRequestHandler(handler: (wc: WebContents, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: (wc: WebContents | null, permission: string) => boolean): void;
  };
};
