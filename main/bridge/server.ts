// The loopback bridge: the same Api over HTTP on 127.0.0.1 with a per-launch token, so the renderer runs
// in a plain browser (tests here; the fallback where Electron is missing). No logic: it only carries calls.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { toErrorData } from '../model/errors.js';
import { isApiMethod } from '../api/schema.js';
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
const MAX_BODY = 420 * 1024 * 1024;

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
    void handle(req, res).catch((err) => send(res, 500, { ok: false, error: toErrorData(err) }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only loopback names: refuses DNS-rebinding pages that reach 127.0.0.1 under another host name.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'forbidden host' } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      if (!tokenOk(req.headers['x-budget-token'] as string | undefined)) return send(res, 401, { ok: false, error: { code: 'unauthorized', message: '令牌无效 / invalid token', zh: '令牌无效', en: 'invalid token' } });
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (!isApiMethod(method)) return send(res, 404, { ok: false, error: { code: 'not-found', message: `未知方法 / unknown method ${method}`, zh: '未知方法', en: `unknown method ${method}` } });
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        return send(res, 400, { ok: false, error: { code: 'invalid-argument', message: '请求不是 JSON / body is not JSON', zh: '请求不是 JSON', en: 'body is not JSON' } });
      }
      try {
        const fn = opts.api[method] as (i: unknown) => Promise<unknown>;
        return send(res, 200, { ok: true, data: await fn(input) });
      } catch (err) {
        return send(res, 200, { ok: false, error: toErrorData(err) });
      }
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 401, { ok: false });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(url.pathname, res);
    send(res, 405, { ok: false });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep) && file !== staticRoot) return void send(res, 403, { ok: false });
    fs.readFile(file, (err, data) => {
      if (err) {
        if (!path.extname(rel)) return serveStatic('/', res);
        return void send(res, 404, { ok: false });
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
  const port = (server.address() as AddressInfo).port;
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
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
