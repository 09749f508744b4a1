// The loopback bridge: the same Api over HTTP on 127.0.0.1 with a per-launch token, so the renderer runs
// in a plain browser (tests here; the fallback where Electron is missing). No logic: it only carries calls.
// Only the path-free Api is carried (files arrive as bytes, exports leave as downloads); requests from
// another origin, another host name or without the token are refused, and no answer names a path.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isApiMethod } from '../api/schema.js';
import { publicErrorData } from '../api/public-error.js';
import { LIMITS } from '../readers/limits.js';
import type { Api, ProgressEvent } from '../api/types.js';

export interface BridgeOptions {
  api: Api;
  /** Folder of the built renderer (index.html + assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  /** Push an event to every open event stream. */
  broadcast(event: ProgressEvent): void;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.bcmap': 'application/octet-stream', '.pfb': 'application/octet-stream', '.ttf': 'font/ttf',
  '.wasm': 'application/wasm', '.ico': 'image/x-icon',
};
/** The largest file a reader accepts, base64 in JSON, and a little room for the rest of the request. */
const MAX_BODY = Math.ceil((LIMITS.fileBytes * 4) / 3) + 1024 * 1024;
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

class BodyTooLarge extends Error {}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const streams = new Set<http.ServerResponse>();
  const staticRoot = path.resolve(opts.staticDir);

  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) {
        res.once('finish', () => req.destroy());
        return refuse(res, 413, 'too-large', '请求过大（文件超过上限）', 'request too large (the file exceeds the limit)');
      }
      send(res, 500, { ok: false, error: publicErrorData(err) });
    });
  });

  let port = 0;
  /** The page's own origins: the bridge's address under each loopback name. */
  const ownOrigins = () => new Set(LOOPBACK_HOSTS.map((h) => `http://${h}:${port}`));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only loopback names: refuses DNS-rebinding pages that reach 127.0.0.1 under another host name.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOOPBACK_HOSTS.includes(host)) return refuse(res, 403, 'forbidden', '拒绝访问（主机名）', 'forbidden host');
    // A page of another origin may send requests here (a browser sends them with its Origin): refused.
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().has(origin)) return refuse(res, 403, 'forbidden', '拒绝访问（来源）', 'forbidden origin');
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 403, 'forbidden', '拒绝访问（来源）', 'forbidden origin');
    const target = parseTarget(req.url);
    if (!target) return refuse(res, 400, 'bad-request', '请求地址无效', 'malformed request URL');
    const { pathname, searchParams } = target;
    if (req.method === 'POST' && pathname.startsWith('/api/')) {
      if (!tokenOk(req.headers['x-budget-token'] as string | undefined)) return refuse(res, 401, 'unauthorized', '令牌无效', 'invalid token');
      const method = pathname.slice('/api/'.length);
      if (!isApiMethod(method)) return refuse(res, 404, 'not-found', '未知方法', 'unknown method');
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new BodyTooLarge();
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        return refuse(res, 400, 'invalid-argument', '请求不是 JSON', 'body is not JSON');
      }
      try {
        const fn = opts.api[method] as (i: unknown) => Promise<unknown>;
        return send(res, 200, { ok: true, data: await fn(input) });
      } catch (err) {
        return send(res, 200, { ok: false, error: publicErrorData(err) });
      }
    }
    if (req.method === 'GET' && pathname === '/events') {
      if (!tokenOk(searchParams.get('token'))) return refuse(res, 401, 'unauthorized', '令牌无效', 'invalid token');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(pathname, res);
    refuse(res, 405, 'method-not-allowed', '不支持的请求', 'method not allowed');
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    // Decoded names with control characters or backslashes are never file names of the renderer.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\\]/.test(rel)) return refuse(res, 400, 'bad-request', '请求地址无效', 'malformed request URL');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep)) return refuse(res, 403, 'forbidden', '拒绝访问', 'forbidden');
    fs.readFile(file, (err, data) => {
      if (err) {
        if (!path.extname(rel)) return serveStatic('/', res);
        return refuse(res, 404, 'not-found', '未找到', 'not found');
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(data);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    broadcast(event) {
      const line = `data: ${JSON.stringify(event)}\n\n`;
      for (const s of streams) s.write(line);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        streams.clear();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The request path, decoded; null when the URL or its escapes are malformed. */
function parseTarget(raw: string | undefined): { pathname: string; searchParams: URLSearchParams } | null {
  try {
    const url = new URL(raw ?? '/', 'http://127.0.0.1');
    return { pathname: decodeURIComponent(url.pathname), searchParams: url.searchParams };
  } catch {
    return null;
  }
}

function refuse(res: http.ServerResponse, status: number, code: string, zh: string, en: string): void {
  send(res, status, { ok: false, error: { code, zh, en, message: `${zh} / ${en}` } });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge());
        req.pause();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
