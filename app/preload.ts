// The preload exposes one object, window.budgetApi, typed by the Api; nothing else of Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiInput, ApiMethod, ApiOutput, ClientBridge, Picked, ProgressEvent } from '../main/api/types.js';

const bridge = {
  platform: 'electron',
  async call<K extends ApiMethod>(method: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
    const r = (await ipcRenderer.invoke('api:call', method, input)) as { ok: true; data: ApiOutput<K> } | { ok: false; error: { message: string } & Record<string, unknown> };
    if (r.ok) return r.data;
    throw Object.assign(new Error(r.error.message), r.error);
  },
  onEvent(listener: (event: ProgressEvent) => void) {
    const wrapped = (_e: unknown, event: ProgressEvent) => listener(event);
    ipcRenderer.on('api:event', wrapped);
    return () => void ipcRenderer.removeListener('api:event', wrapped);
  },
  onMenuCommand(listener: (command: string) => void) {
    const wrapped = (_e: unknown, command: string) => listener(command);
    ipcRenderer.on('menu:command', wrapped);
    return () => void ipcRenderer.removeListener('menu:command', wrapped);
  },
  // The main process keeps the chosen paths; the page gets names to show and handles to import.
  pickFiles: async () => ((await ipcRenderer.invoke('dialog:pickFiles')) as Picked[] | null) ?? [],
  pickFolder: () => ipcRenderer.invoke('dialog:pickFolder') as Promise<Picked | null>,
} satisfies ClientBridge;

contextBridge.exposeInMainWorld('budgetApi', bridge);
