import { randomBytes, timingSafeEqual } from 'node:crypto';
import { access, readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { channels } from '../../electron/ipc/channels.js';
import { type JobKind, jobProgressSchema } from '../../electron/ipc/schemas/jobs.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { createApp } from '../../electron/services/handlers.js';
import { sourceWorkerEntry } from '../../electron/services/jobs/job-runner.js';
import { folderPlatform } from '../../electron/services/platform.js';
import { type LockReason, VaultSession } from '../../electron/services/vault-session.js';
import { bridgeScript } from './bridge.js';
import { contentTypes, resolveRendererFile, securityHeaders, withBridge } from './http.js';
import { JobPace, pacedWorkerEntry } from './job-pace.js';

// Imports send files as base64: the 20 MB file limit plus a third.
const maxBodyBytes = 32 * 1024 * 1024;

export interface HarnessOptions {
  dataDir: string;
  rendererDir?: string;
  port?: number;
  /** Where "save as" puts files (the app asks with a dialog). Never inside the data folder. */
  downloadsDir?: string;
  /** Job workers wait for the test before each progress report (`Harness.jobPace`). */
  pacedJobs?: boolean;
}

export interface Harness {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  token: string;
  session: VaultSession;
  downloadsDir: string;
  /** The test's hold on job progress when started with `pacedJobs`; null otherwise. */
  jobPace: JobPace | null;
  /** How many jobs of `kind` have started since the harness did (a spec checks what a screen starts). */
  jobsStarted(kind: JobKind): number;
  /** Locks the vault (closing the database) and stops the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the real handler table on 127.0.0.1 so Chromium can drive the real
 * screens against a real encrypted vault. A development and test tool only: never shipped.
 */
export async function startHarness({
  dataDir,
  rendererDir = 'out/renderer',
  port = 0,
  downloadsDir = resolve('.tmp/harness-downloads'),
  pacedJobs = false,
}: HarnessOptions): Promise<Harness> {
  const root = await realpath(resolve(rendererDir)).catch(() => resolve(rendererDir));
  const indexFile = resolve(root, 'index.html');
  if (!(await exists(indexFile))) {
    throw new Error(
      `The built renderer is missing: ${indexFile} does not exist. Run \`electron-vite build\` first (npm run build).`,
    );
  }

  const token = randomBytes(32).toString('hex');
  const eventStreams = new Set<ServerResponse>();
  const session = new VaultSession({
    dataDir,
    via: 'harness',
    onLocked: (reason: LockReason) => {
      for (const stream of eventStreams) stream.write(`event: locked\ndata: ${reason}\n\n`);
    },
  });
  // The same worker path as the app (its source through tsx), so the page sees real progress.
  const jobPace = pacedJobs ? new JobPace() : null;
  const app = createApp(
    session,
    folderPlatform(downloadsDir),
    jobPace ? pacedWorkerEntry : sourceWorkerEntry,
  );
  const started = new Map<JobKind, number>();
  app.jobs?.onProgress((progress) => {
    if (progress.step === 'starting') started.set(progress.job, (started.get(progress.job) ?? 0) + 1);
    const data = JSON.stringify(jobProgressSchema.parse(progress));
    for (const stream of eventStreams) stream.write(`event: progress\ndata: ${data}\n\n`);
  });
  const bridge = bridgeScript(channels);

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });

  let origin = '';
  let host = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another origin, or a DNS-rebound name, never gets past this line.
    if (req.headers.host !== host) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
    const url = new URL(req.url ?? '/', origin);

    if (url.pathname.startsWith('/__harness/ipc/')) return handleIpc(req, res, url);
    if (url.pathname === '/__harness/events') return handleEvents(req, res, url);
    if (url.pathname === '/__harness/bridge.js' && req.method === 'GET') {
      return send(res, 200, contentTypes['.js'] as string, bridge);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');

    const file = await resolveRendererFile(root, req.url ?? '/');
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    if (file === indexFile) {
      const html = await readFile(file, 'utf8');
      return send(res, 200, contentTypes['.html'] as string, withBridge(html, token));
    }
    const body = await readFile(file);
    return send(res, 200, contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream', body);
  }

  async function handleIpc(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    if (!sameToken(header(req, 'x-kasane-token'), token))
      return send(res, 403, 'text/plain; charset=utf-8', 'bad token');
    if (req.headers.origin !== origin) return send(res, 403, 'text/plain; charset=utf-8', 'bad origin');
    if (!header(req, 'content-type').startsWith('application/json')) {
      return send(res, 415, 'text/plain; charset=utf-8', 'expected application/json');
    }
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request body');
    }
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice('/__harness/ipc/'.length));
    } catch {
      // A malformed percent-escape is the client's mistake, never a server error.
      return send(res, 400, 'text/plain; charset=utf-8', 'bad channel name');
    }
    const result = await dispatch(app, channel, body, (line) => process.stderr.write(`[harness] ${line}\n`));
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      return;
    }
    if (!sameToken(url.searchParams.get('token') ?? '', token)) {
      send(res, 403, 'text/plain; charset=utf-8', 'bad token');
      return;
    }
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    eventStreams.add(res);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      eventStreams.delete(res);
    });
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  host = `127.0.0.1:${actualPort}`;
  origin = `http://${host}`;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      await session.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    })();
    return closing;
  };

  return {
    url: `${origin}/`,
    token,
    session,
    downloadsDir,
    jobPace,
    jobsStarted: (kind) => started.get(kind) ?? 0,
    close,
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': contentType });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
