// IPC adapter: one `api:call` channel accepting only the Api's method names; errors become data.
import { ipcMain, type WebContents } from 'electron';
import { toErrorData } from '../main/model/errors.js';
import { isApiMethod } from '../main/api/schema.js';
import type { Api, ProgressEvent } from '../main/api/types.js';

export const CALL_CHANNEL = 'api:call';
export const EVENT_CHANNEL = 'api:event';

export function registerApiIpc(api: Api, isTrustedSender: (wc: WebContents) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.sender)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender', zh: '不受信任的窗口', en: 'untrusted sender' } };
    if (!isApiMethod(method)) return { ok: false, error: { code: 'not-found', message: `unknown method ${String(method)}`, zh: '未知方法', en: 'unknown method' } };
    try {
      const fn = api[method] as (i: unknown) => Promise<unknown>;
      return { ok: true, data: await fn(input) };
    } catch (err) {
      return { ok: false, error: toErrorData(err) };
    }
  });
}

export function sendEvent(wc: WebContents | undefined, event: ProgressEvent): void {
  if (wc && !wc.isDestroyed()) wc.send(EVENT_CHANNEL, event);
}
