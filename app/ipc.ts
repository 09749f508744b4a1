// IPC adapter: one `api:call` channel accepting only the path-free Api's method names, and the dialog
// channels; every channel checks that the message comes from the workstation's own page (its window's
// main frame on app://workstation). Errors become data, without internal paths.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isApiMethod } from '../main/api/schema.js';
import { publicErrorData } from '../main/api/public-error.js';
import type { Api, ProgressEvent } from '../main/api/types.js';

export const CALL_CHANNEL = 'api:call';
export const EVENT_CHANNEL = 'api:event';

const UNTRUSTED = { ok: false, error: { code: 'forbidden', message: '不受信任的窗口 / untrusted sender', zh: '不受信任的窗口', en: 'untrusted sender' } };

/** Registers a channel whose handler runs only for trusted senders. */
export function handleTrusted(channel: string, isTrusted: (event: IpcMainInvokeEvent) => boolean, handler: (...args: unknown[]) => unknown): void {
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrusted(event)) return channel === CALL_CHANNEL ? UNTRUSTED : null;
    return handler(...args);
  });
}

export function registerApiIpc(api: Api, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  handleTrusted(CALL_CHANNEL, isTrusted, async (method: unknown, input: unknown) => {
    if (!isApiMethod(method)) return { ok: false, error: { code: 'not-found', message: '未知方法 / unknown method', zh: '未知方法', en: 'unknown method' } };
    try {
      const fn = api[method] as (i: unknown) => Promise<unknown>;
      return { ok: true, data: await fn(input) };
    } catch (err) {
      return { ok: false, error: publicErrorData(err) };
    }
  });
}

export function sendEvent(wc: WebContents | undefined, event: ProgressEvent): void {
  if (wc && !wc.isDestroyed()) wc.send(EVENT_CHANNEL, event);
}
