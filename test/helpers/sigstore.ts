/**
 * Sigstore's public-good services, mocked on 127.0.0.1 with @sigstore/mock's
 * own handlers (an ephemeral Fulcio CA, a Rekor log and a timestamp
 * authority) behind real HTTP servers: sigstore-js talks to them exactly as
 * to fulcio.sigstore.dev and rekor.sigstore.dev. The handler modules are
 * loaded one by one, so nock (which the package index loads to patch
 * node:http) stays out of the process.
 */
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

type Handler = { path: string; fn: (body: string) => Promise<{ statusCode: number; response: string | ArrayBufferView; contentType?: string }> };

const fulcio = require('@sigstore/mock/dist/fulcio/index.js') as {
  initializeCTLog(keyPair: unknown): Promise<unknown>;
  initializeCA(keyPair: unknown, ctlog: unknown): Promise<unknown>;
  fulcioHandler(ca: unknown, opts?: { strict?: boolean }): Handler;
};
const rekor = require('@sigstore/mock/dist/rekor/index.js') as {
  initializeTLog(url: string, keyPair: unknown): Promise<unknown>;
  rekorHandler(tlog: unknown, opts?: { strict?: boolean }): Handler;
};
const timestamp = require('@sigstore/mock/dist/timestamp/index.js') as {
  initializeTSA(keyPair: unknown): Promise<unknown>;
  tsaHandler(tsa: unknown, opts?: { strict?: boolean }): Handler;
};
const { generateKeyPair } = require('@sigstore/mock/dist/util/key.js') as { generateKeyPair(curve: string): unknown };

export interface MockSigstore {
  fulcioURL: string;
  rekorURL: string;
  tsaServerURL: string;
  /** Every request, in order: `<service> <path>`, and for Fulcio the identity token's claims. */
  requests: Array<{ service: 'fulcio' | 'rekor' | 'tsa'; path: string; claims?: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Starts mocked Fulcio, Rekor and TSA services, each on a free port of 127.0.0.1. */
export async function startMockSigstore(): Promise<MockSigstore> {
  const keyPair = generateKeyPair('prime256v1');
  const requests: MockSigstore['requests'] = [];
  const servers: Server[] = [];
  const listen = async (service: 'fulcio' | 'rekor' | 'tsa', handler: () => Handler | undefined): Promise<string> => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const current = handler();
        requests.push({ service, path: req.url ?? '', ...(service === 'fulcio' ? { claims: fulcioClaims(body) } : {}) });
        if (!current || req.method !== 'POST' || req.url !== current.path) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        current.fn(body).then(
          ({ statusCode, response, contentType }) => res.writeHead(statusCode, { 'content-type': contentType ?? 'text/plain' }).end(response),
          (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
        );
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const fulcioHandler = fulcio.fulcioHandler(await fulcio.initializeCA(keyPair, await fulcio.initializeCTLog(keyPair)));
  // Rekor's handler needs Rekor's own URL, known once it listens: the server reads it through this variable.
  // eslint-disable-next-line prefer-const
  let rekorHandler: Handler | undefined;
  const rekorURL = await listen('rekor', () => rekorHandler);
  rekorHandler = rekor.rekorHandler(await rekor.initializeTLog(rekorURL, keyPair));
  const tsaHandler = timestamp.tsaHandler(await timestamp.initializeTSA(keyPair));
  return {
    fulcioURL: await listen('fulcio', () => fulcioHandler),
    rekorURL,
    tsaServerURL: await listen('tsa', () => tsaHandler),
    requests,
    close: async () => {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

/** An identity token as sigstore's Fulcio takes it (the mock checks its shape, not its signature). */
export function sigstoreIdToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'sigstore', iat: Math.floor(Date.now() / 1000), ...claims })}.c2lnbmF0dXJl`;
}

function fulcioClaims(body: string): Record<string, unknown> | undefined {
  try {
    const token = (JSON.parse(body) as { credentials?: { oidcIdentityToken?: string } }).credentials?.oidcIdentityToken ?? '';
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
