import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { type Backend, startBackend } from '../backend/host';

export interface WebHostOptions {
  rendererDir: string;
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
  /** Where "Déplacer sur cet ordinateur" copies the data (a local, non-roaming folder). */
  localDataDir?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface WebHost {
  url: string;
  backend: Backend;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const MAX_BODY = 10 * 1024 * 1024;

/**
 * Serves the built renderer and the backend router over HTTP on loopback, for development and
 * end-to-end tests. The bridge the preload would expose is injected as a script; every call
 * must carry this run's random token and come from this origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('hex');
  const listeners = new Set<ServerResponse>();
  const backend = await startBackend({
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    appVersion: options.appVersion,
    ...(options.localDataDir ? { localDataDir: options.localDataDir } : {}),
    onEvent: (topic, payload) => {
      const line = `data: ${JSON.stringify({ topic, payload })}\n\n`;
      for (const res of listeners) res.write(line);
    },
  });

  let origin = '';
  const server: Server = createServer((req, res) => {
    void route(req, res).catch((error) => {
      console.error('[webhost]', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host) return end(res, 421, 'Misdirected');

    if (url.pathname === '/rpc' && req.method === 'POST') {
      if (req.headers['x-concerto-token'] !== token) return end(res, 403, 'Forbidden');
      if (req.headers.origin && req.headers.origin !== origin) return end(res, 403, 'Forbidden');
      const body = await readBody(req);
      if (body === null) return end(res, 413, 'Too large');
      let message: { method?: unknown; input?: unknown };
      try {
        message = JSON.parse(body) as typeof message;
      } catch {
        return end(res, 400, 'Bad JSON');
      }
      const envelope = await backend.invoke(message.method, message.input);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(envelope));
      return;
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      if (url.searchParams.get('token') !== token) return end(res, 403, 'Forbidden');
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    // A file Concerto wrote, handed to the browser as a download (the desktop app opens it instead).
    if (url.pathname.startsWith('/exports/') && req.method === 'GET') {
      if (req.headers['x-concerto-token'] !== token) return end(res, 403, 'Forbidden');
      const id = decodeSegment(url.pathname.slice('/exports/'.length));
      const envelope = await backend.invoke('exports.file', { id });
      if (!envelope.ok) return end(res, 404, envelope.error.message);
      const file = envelope.value as { path: string; fileName: string; mime: string };
      let bytes: Buffer;
      try {
        bytes = readFileSync(file.path);
      } catch {
        return end(res, 404, 'Le fichier a été déplacé ou supprimé.');
      }
      res.writeHead(200, {
        'content-type': file.mime,
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(bytes);
      return;
    }
    if (url.pathname === '/__concerto/bridge.js') {
      res.writeHead(200, { 'content-type': MIME['.js'] ?? '', 'cache-control': 'no-store' });
      res.end(bridgeScript(token, options.appVersion));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'Method not allowed');
    serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      end(res, 400, 'Bad path');
      return;
    }
    const root = normalize(options.rendererDir);
    const file = normalize(join(root, relative === '/' ? 'index.html' : relative));
    if (file !== root && !file.startsWith(root + sep)) {
      end(res, 403, 'Forbidden');
      return;
    }
    const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    if (!existsSync(target)) {
      end(res, 404, 'Renderer not built: run npm run build');
      return;
    }
    let content: string | Buffer = readFileSync(target);
    if (target.endsWith('index.html')) {
      content = content
        .toString('utf8')
        .replace('</head>', '<script src="/__concerto/bridge.js"></script></head>');
    }
    res.writeHead(200, {
      'content-type': MIME[extname(target)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    res.end(content);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    backend,
    close: async () => {
      // The backend first: it refuses new calls, lets those in flight finish (so their answers
      // can still be sent) and checkpoints the database; then the sockets go.
      await backend.close();
      for (const res of listeners) res.end();
      // Event streams and keep-alive sockets would hold close() open forever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The same object the Electron preload exposes, speaking HTTP instead of IPC. */
function bridgeScript(token: string, version: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const listeners = new Map();
  let source = null;
  function ensureSource() {
    if (source) return;
    source = new EventSource('/events?token=' + token);
    source.onmessage = (e) => {
      const { topic, payload } = JSON.parse(e.data);
      for (const l of listeners.get(topic) ?? []) l(payload);
    };
  }
  window.concerto = Object.freeze({
    invoke: async (method, input) => {
      try {
        const res = await fetch('/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-concerto-token': token },
          body: JSON.stringify({ method, input }),
        });
        if (!res.ok) return { ok: false, error: { code: 'IO', message: 'Service de données injoignable (' + res.status + ').' } };
        return await res.json();
      } catch (err) {
        return { ok: false, error: { code: 'IO', message: 'Service de données injoignable.' } };
      }
    },
    subscribe: (topic, listener) => {
      ensureSource();
      if (!listeners.has(topic)) listeners.set(topic, new Set());
      listeners.get(topic).add(listener);
      return () => listeners.get(topic)?.delete(listener);
    },
    info: Object.freeze({ host: 'web', version: ${JSON.stringify(version)}, platform: navigator.platform }),
    // No native dialogs in a browser: files are downloaded, folders are typed.
    openExport: async (id) => {
      try {
        const res = await fetch('/exports/' + encodeURIComponent(id), { headers: { 'x-concerto-token': token } });
        if (!res.ok) return { ok: false, message: await res.text() };
        const disposition = res.headers.get('content-disposition') || '';
        const match = /filename[*]=UTF-8''([^;]+)/.exec(disposition);
        const link = document.createElement('a');
        link.href = URL.createObjectURL(await res.blob());
        link.download = match ? decodeURIComponent(match[1]) : 'document';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 60000);
        return { ok: true };
      } catch (err) {
        return { ok: false, message: 'Téléchargement impossible.' };
      }
    },
  });
})();
`;
}
