import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The renderer's one origin. Everything the window loads, and every IPC sender, must be on it. */
export const appScheme = 'app';
const appOrigin = `${appScheme}://kasane`;
export const appEntryUrl = `${appOrigin}/index.html`;

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${appOrigin}/`);
}

/**
 * Maps an `app://kasane/…` URL to a file inside `rendererDir`, or null when the URL is not ours or
 * its path could name anything outside that folder. Refuses rather than normalises: a request
 * that needs cleaning up did not come from the built renderer.
 */
export function resolveAppPath(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const rawPath = url.slice(appOrigin.length + 1).split(/[?#]/, 1)[0] ?? '';
  if (/%(2f|5c|00)|\\|\0/i.test(rawPath)) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath) || 'index.html';
  } catch {
    return null;
  }
  const segments = path.split('/');
  // An empty segment means `//` (a UNC or absolute path); a drive letter would re-root on Windows.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /^[a-z]:/i.test(s))) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  const escapes = inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  return escapes ? null : file;
}
