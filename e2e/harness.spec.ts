import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures/harness.js';
import { contentSecurityPolicy, resolveRendererFile } from './harness/http.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the test can send the Host and Origin a hostile page would. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

test.describe('検証用ハーネス', () => {
  test('アプリと同じCSPで配信し、ブリッジをアプリ本体より先に読み込む', async ({ page, harness }) => {
    const index = await send(harness.url);
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body.indexOf('/__harness/bridge.js')).toBeGreaterThan(0);
    expect(index.body.indexOf('/__harness/bridge.js')).toBeLessThan(index.body.indexOf('type="module"'));
    expect(index.body).not.toMatch(/<script>(?!<\/script>)|<style|style="/);

    const script = index.body.match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await send(`${harness.url}${script}`);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');

    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: '初期設定' })).toBeVisible();
    expect(await page.evaluate(() => Object.keys(window.kasane).sort())).toContain('vault.status');
    expect(violations).toEqual([]);
  });

  test('トークンのない呼び出し、よそのOriginやHostからの呼び出しを断る', async ({ harness }) => {
    const origin = harness.url.slice(0, -1);
    const ipc = `${harness.url}__harness/ipc/vault.status`;
    const json = { 'content-type': 'application/json' };
    const ok = await send(ipc, {
      method: 'POST',
      headers: { ...json, origin, 'x-kasane-token': harness.token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { state: 'uninitialized' } });

    const noToken = await send(ipc, { method: 'POST', headers: { ...json, origin }, body: '{}' });
    expect(noToken.status).toBe(403);
    const wrongToken = await send(ipc, {
      method: 'POST',
      headers: { ...json, origin, 'x-kasane-token': 'a'.repeat(64) },
      body: '{}',
    });
    expect(wrongToken.status).toBe(403);
    const otherOrigin = await send(ipc, {
      method: 'POST',
      headers: { ...json, origin: 'http://evil.example', 'x-kasane-token': harness.token },
      body: '{}',
    });
    expect(otherOrigin.status).toBe(403);
    const rebound = await send(ipc, {
      method: 'POST',
      headers: { ...json, origin, host: 'evil.example', 'x-kasane-token': harness.token },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    const events = await send(`${harness.url}__harness/events?token=wrong`);
    expect(events.status).toBe(403);
    const unknown = await send(`${harness.url}__harness/ipc/vault.nothing`, {
      method: 'POST',
      headers: { ...json, origin, 'x-kasane-token': harness.token },
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, code: 'VALIDATION' });
    // A malformed percent-escape in the channel is the caller's mistake (400), never a server error.
    for (const bad of ['vault.status%', 'vault%E0%A4%A', '%ZZ']) {
      const malformed = await send(`${harness.url}__harness/ipc/${bad}`, {
        method: 'POST',
        headers: { ...json, origin, 'x-kasane-token': harness.token },
        body: '{}',
      });
      expect(malformed.status).toBe(400);
    }
  });

  test('描画用フォルダの外のファイルは配信しない', async ({ harness }) => {
    for (const path of [
      '../package.json',
      '..%2fpackage.json',
      '%2e%2e/package.json',
      'assets/..%5c..%5cpackage.json',
    ]) {
      const reply = await send(`${harness.url}${path}`);
      expect(reply.status, path).toBe(404);
    }
    const root = process.cwd();
    expect(await resolveRendererFile(`${root}/out/renderer`, '/../../package.json')).toBeNull();
    expect(
      await resolveRendererFile(`${root}/out/renderer`, '/assets/%2e%2e/%2e%2e/package.json'),
    ).toBeNull();
    expect(await resolveRendererFile(`${root}/out/renderer`, '/index.html')).toBe(
      `${root}/out/renderer/index.html`,
    );
  });
});
