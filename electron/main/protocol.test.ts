import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy as harnessPolicy } from '../../e2e/harness/http.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { app, protocol, resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const { registerAppScheme, serveRenderer } = await import('./protocol.js');

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  resetFakeElectron();
  ({ dir, cleanup } = await tempDataDir());
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>かさね</title>');
  await writeFile(join(dir, 'renderer', 'assets', 'index.js'), 'export {};');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer folder');
});
afterEach(async () => cleanup());

function request(url: string, method = 'GET') {
  serveRenderer(join(dir, 'renderer'));
  const handler = protocol.handlers.get('app');
  if (!handler) throw new Error('app: is not handled');
  return handler({ url, method });
}

describe('app:// プロトコル', () => {
  it('ready 前に standard・secure・fetch 可で登録し、CSP は迂回させない', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    app.markReady();
    expect(() => registerAppScheme()).toThrow();
  });

  it('renderer のファイルを厳格な CSP と nosniff 付きで返す', async () => {
    const res = await request('app://kasane/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('かさね');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The e2e suite in Chromium must exercise the very policy the app ships.
    expect(harnessPolicy).toBe(csp);
    const js = await request('app://kasane/assets/index.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://kasane/../secret.txt',
    'app://kasane/%2e%2e/secret.txt',
    'app://kasane/..%2fsecret.txt',
    'app://kasane/..%5csecret.txt',
    'app://kasane/missing.js',
    'app://kasane/assets',
    'app://other/index.html',
  ])('%s は 404（外のファイルを読まない）', async (url) => {
    const res = await request(url);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
    expect(res.headers.get('content-security-policy')).toBe(csp);
  });

  it('GET 以外は受けない', async () => {
    expect((await request('app://kasane/index.html', 'POST')).status).toBe(405);
  });
});
