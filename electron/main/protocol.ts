import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { protocol } from 'electron';
import { appScheme, resolveAppPath } from './protocol-path.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Must run before `app` is ready. `standard` + `secure` give the scheme a real origin for 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, (request) => rendererResponse(rendererDir, request));
}

/** Serves a built renderer file, or 404 for anything outside `rendererDir`. */
async function rendererResponse(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET')
    return new Response(null, { status: 405, headers: responseHeaders('text/plain') });
  const file = resolveAppPath(rendererDir, request.url);
  if (file) {
    try {
      const body = await readFile(file);
      return new Response(body, { headers: responseHeaders(contentTypeOf(file)) });
    } catch {
      // A missing file or a folder: the same 404 as a refused path.
    }
  }
  return new Response(null, { status: 404, headers: responseHeaders('text/plain') });
}

function contentTypeOf(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function responseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
  };
  // Assigned as a literal so Electronegativity's CSP check can find this policy and grade it.
  // Reviewed: it notes 'self' as "maybe weak" (JSONP, uploads); here 'self' is app://kasane, which
  // serves only the built renderer files.
  headers['Content-Security-Policy'] = // eng-disable CSP_GLOBAL_CHECK
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return headers;
}
