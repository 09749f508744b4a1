// The Electron shell's security decisions as plain functions (no electron import, so they are tested in
// Node): which URLs the window may show, which links may leave for the system browser, which IPC sender is
// the workstation's own page, and which file an app:// request names.
import path from 'node:path';

/** The renderer's origin: app://workstation (a standard, secure scheme registered by the shell). */
export const APP_ORIGIN = 'app://workstation';

/** Sites an auditor may be sent to from the workstation, by exact host name; https only. */
export const EXTERNAL_HOSTS: readonly string[] = ['www.mof.gov.cn', 'yss.mof.gov.cn'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The workstation's own pages: app://workstation/…, nothing else (no file:, no http:, no other app host). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === 'app:' && u.host === 'workstation';
}

/** A link that may be opened in the system browser. */
export function isAllowedExternal(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === 'https:' && EXTERNAL_HOSTS.includes(u.hostname) && u.username === '' && u.password === '';
}

/** An IPC message is the workstation's when it comes from the main frame of its window, showing an app page. */
export function isTrustedSender(
  event: { sender: unknown; senderFrame?: { url: string } | null },
  window: { webContents: unknown & { mainFrame?: unknown } } | undefined,
): boolean {
  if (!window || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== window.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

/**
 * The file an app:// request names inside `root`, or null. The path is decoded tolerantly (a malformed
 * escape is taken as written, never an exception) and must stay inside `root` by whole path segments
 * (root + separator), so /renderer-evil/… is not inside /renderer.
 */
export function appRequestFile(requestUrl: string, root: string): string | null {
  const u = parse(requestUrl);
  if (!u || u.protocol !== 'app:' || u.host !== 'workstation') return null;
  let pathname = u.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // keep the escapes as written
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(pathname)) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + (pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(base + path.sep) ? file : null;
}
