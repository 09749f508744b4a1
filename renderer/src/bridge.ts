// window.budgetApi: set by the Electron preload; in a plain browser this twin talks to the loopback bridge.
import type { ApiInput, ApiMethod, ApiOutput, ClientBridge, ProgressEvent } from '../../main/api/types';

declare global {
  interface Window {
    budgetApi?: ClientBridge;
  }
}

function webBridge(): ClientBridge {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) sessionStorage.setItem('budget-token', fromHash);
  const token = fromHash ?? sessionStorage.getItem('budget-token') ?? '';
  const listeners = new Set<(e: ProgressEvent) => void>();
  let source: EventSource | null = null;
  return {
    platform: 'web',
    async call<K extends ApiMethod>(method: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
      const res = await fetch(`./api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-budget-token': token },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await res.json()) as { ok: true; data: ApiOutput<K> } | { ok: false; error: { message: string } };
      if (body.ok) return body.data;
      throw Object.assign(new Error(body.error.message), body.error);
    },
    onEvent(listener) {
      listeners.add(listener);
      source ??= new EventSource(`./events?token=${encodeURIComponent(token)}`);
      source.onmessage = (m) => listeners.forEach((l) => l(JSON.parse(m.data as string) as ProgressEvent));
      return () => void listeners.delete(listener);
    },
  };
}

// In the browser the twin takes the preload's place, so every page script finds the same object.
window.budgetApi ??= webBridge();
export const bridge: ClientBridge = window.budgetApi;
export const api = <K extends ApiMethod>(method: K, input: ApiInput<K>): Promise<ApiOutput<K>> => bridge.call(method, input);
