/**
 * The storage half of the fixture: a real Verdaccio keeps packuments, tarballs,
 * dist-tags, deprecations and unpublishes. It listens on its own loopback port
 * and sees every request as anonymous; the outer server does auth, 2FA and the
 * npmjs-only routes. The module costs 0.5-1 s to load, so it is loaded once per
 * process and shared.
 */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
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

/** Starts Verdaccio on 127.0.0.1 with storage under `dir`, no uplinks, anyone may read and write. */
export async function startVerdaccio(dir: string): Promise<Backend> {
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
