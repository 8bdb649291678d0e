/**
 * The storage half of the fixture: a real Verdaccio keeps packuments, tarballs,
 * dist-tags, deprecations and unpublishes. It listens on its own loopback port
 * and sees every request as anonymous; the outer server does auth, 2FA and the
 * npmjs-only routes. The module costs 0.5-1 s to load (about 1.2 s of CPU), so it
 * is loaded once per process and shared; under `npm test`, once for the whole run:
 * scripts/test.js hosts every test file's Verdaccios (hostVerdaccios) and names
 * the host in NPM_TOTP_PUBLISH_VERDACCIO_HOST. Verdaccio is reached only through
 * its port either way, so where it runs changes nothing a test sees.
 */
import { createRequire } from 'node:module';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

interface VerdaccioModule {
  runServer(config: Record<string, unknown>): Promise<Server>;
}

let loaded: VerdaccioModule | undefined;

/** Loads `verdaccio` on first use; later calls reuse it. */
export function loadVerdaccio(): VerdaccioModule {
  loaded ??= createRequire(import.meta.url)('verdaccio') as VerdaccioModule;
  return loaded;
}

export interface Backend {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts Verdaccio on 127.0.0.1 with storage under `dir`, no uplinks, anyone may read and write:
 * in the host NPM_TOTP_PUBLISH_VERDACCIO_HOST names, else in this process.
 */
export async function startVerdaccio(dir: string): Promise<Backend> {
  const host = process.env.NPM_TOTP_PUBLISH_VERDACCIO_HOST;
  if (host) {
    const { port } = (await ask(host, 'start', { dir })) as { port: number };
    return { port, close: async () => void (await ask(host, 'close', { port })) };
  }
  return startHere(dir);
}

async function startHere(dir: string): Promise<Backend> {
  const config = {
    self_path: dir,
    configPath: path.join(dir, 'config.yaml'),
    storage: path.join(dir, 'storage'),
    uplinks: {},
    packages: {
      '@*/*': { access: '$all', publish: '$all', unpublish: '$all' },
      '**': { access: '$all', publish: '$all', unpublish: '$all' },
    },
    log: { type: 'stdout', format: 'pretty', level: 'fatal' },
    web: { enable: false },
    max_body_size: '50mb',
  };
  const server = await loadVerdaccio().runServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One call to the host: POST <host><action> with a JSON body; the JSON answer. */
function ask(host: string, action: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // No keep-alive: an idle connection to the host must not hold a test process open.
    const outgoing = request(new URL(action, host), { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (incoming) => {
      readJson(incoming).then((answer) => {
        if (incoming.statusCode === 200) resolve(answer);
        else reject(new Error(`the Verdaccio host at ${host} refused ${action}: ${JSON.stringify(answer)}`));
      }, reject);
    });
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

async function readJson(message: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * Runs Verdaccios for other processes (scripts/test.js, for the whole run): a control server on
 * 127.0.0.1 answering `POST /start {dir}` with `{port}` of a new Verdaccio (startVerdaccio's) and
 * `POST /close {port}` by closing it. `url` goes into NPM_TOTP_PUBLISH_VERDACCIO_HOST; `close()`
 * closes the control server and every Verdaccio still open (a test process that died before
 * closing its registry). The module is loaded here, before any test asks: a registry starts as fast
 * from the host as in a process that has loaded it.
 */
export async function hostVerdaccios(): Promise<{ url: string; close(): Promise<void> }> {
  loadVerdaccio();
  const open = new Map<number, Backend>();
  const control = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    readJson(req)
      .then(async (body) => {
        const { dir, port } = (body ?? {}) as { dir?: unknown; port?: unknown };
        if (req.method === 'POST' && req.url === '/start' && typeof dir === 'string') {
          const backend = await startHere(dir);
          open.set(backend.port, backend);
          return answer(200, { port: backend.port });
        }
        if (req.method === 'POST' && req.url === '/close' && typeof port === 'number') {
          const backend = open.get(port);
          open.delete(port);
          await backend?.close();
          return answer(200, { closed: backend !== undefined });
        }
        return answer(404, { error: `no such call: ${req.method} ${req.url}` });
      })
      .catch((error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    control.once('error', reject);
    control.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(control.address() as AddressInfo).port}/`,
    close: async () => {
      control.closeAllConnections();
      await new Promise<void>((resolve) => control.close(() => resolve()));
      await Promise.all([...open.values()].map((backend) => backend.close()));
      open.clear();
    },
  };
}
