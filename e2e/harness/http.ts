import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/**
 * The harness's HTTP rules, kept apart from the services so they can be tested on their own:
 * the app's CSP, content types, the bridge tag, and the path resolver that refuses to leave the
 * renderer's folder.
 */

/** The same policy the app protocol sends: the harness must not be more lenient than the app. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Loads the bridge before the app's module script; the token travels in a meta tag, not in code. */
export function withBridge(html: string, token: string): string {
  const tags = `<meta name="kasane-harness-token" content="${token}"><script src="/__harness/bridge.js"></script>`;
  const moduleScript = html.search(/<script\b[^>]*type="module"/i);
  if (moduleScript < 0) throw new Error('index.html has no module script to put the harness bridge before');
  return `${html.slice(0, moduleScript)}${tags}${html.slice(moduleScript)}`;
}

/**
 * Maps a request path to a file inside `root`, or null. Refuses `..`, `.`, encoded slashes and
 * backslashes, NUL, and anything that resolves (through symlinks too) outside the folder.
 */
export async function resolveRendererFile(root: string, rawUrl: string): Promise<string | null> {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  if (!rawPath.startsWith('/') || /%2f|%5c|\\|\0|%00/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) return null;
  const relative = decoded === '/' ? 'index.html' : segments.join('/');
  const candidate = resolve(root, relative);
  if (!candidate.startsWith(root + sep)) return null;
  try {
    const real = await realpath(candidate);
    return real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
