// The app:// scheme serves the built renderer. A custom scheme (rather than file://) gives the
// page a real origin, so the Content-Security-Policy and the sender check can rely on it.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './policy';

export { APP_HOST, APP_ORIGIN, APP_SCHEME, APP_URL, CONTENT_SECURITY_POLICY } from './policy';

/** Headers of every app:// response, whatever its status: the page's CSP travels with it. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
} as const;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Must run before the app's `ready` event: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type ResolvedAsset = { kind: 'file'; path: string } | { kind: 'forbidden' } | { kind: 'not-found' };

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Maps an app:// URL to a file of the renderer folder, or refuses it. Chromium already
 * removes plain `..` segments from standard-scheme URLs, so what remains to catch are the
 * encoded forms (`..%2f`, `%5c`), NUL bytes and anything that resolves outside the folder.
 */
export function resolveAsset(rendererDir: string, requestUrl: string): ResolvedAsset {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'not-found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'not-found' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname || '/');
  } catch {
    return { kind: 'forbidden' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'forbidden' };
  const segments = pathname.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { kind: 'forbidden' };
  const wanted = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  const root = resolve(rendererDir);
  const target = resolve(root, `.${wanted}`);
  if (!isInside(root, target)) return { kind: 'forbidden' };
  return { kind: 'file', path: target };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      ...SECURITY_HEADERS,
    },
  });
}

/** The handler given to protocol.handle; exported separately so that it can be tested. */
export function createAssetHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Méthode refusée');
    const asset = resolveAsset(rendererDir, request.url);
    if (asset.kind === 'forbidden') return textResponse(403, 'Accès refusé');
    if (asset.kind === 'not-found') return textResponse(404, 'Introuvable');
    try {
      // A symbolic link inside the folder must not lead outside it either.
      const real = await realpath(asset.path);
      if (!isInside(await realpath(rendererDir), real)) return textResponse(403, 'Accès refusé');
      if (!(await stat(real)).isFile()) return textResponse(404, 'Introuvable');
      const body = request.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeOf(real),
          ...SECURITY_HEADERS,
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return textResponse(404, 'Introuvable');
    }
  };
}

/** Must run after `ready`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAssetHandler(rendererDir));
}
