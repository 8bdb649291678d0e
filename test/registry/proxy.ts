/**
 * Forwards a request to the Verdaccio backend and buffers its answer, so the
 * server can rewrite packuments and decide how (or whether) to deliver it.
 */
import { Agent, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply.ts';

/** Headers that belong to one connection and must not be copied across. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'upgrade', 'proxy-connection', 'te', 'trailer']);

export interface ForwardRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class Proxy {
  readonly #port: number;
  readonly #agent = new Agent({ keepAlive: true });

  constructor(port: number) {
    this.#port = port;
  }

  /**
   * Sends the request on as anonymous (the fixture owns auth) and uncompressed
   * (so JSON can be rewritten). The Host header is kept so the tarball URLs
   * Verdaccio writes point at the outer server.
   */
  forward(req: ForwardRequest): Promise<Reply> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      if (name === 'authorization' || name === 'accept-encoding' || name === 'npm-otp') continue;
      // Owner changes alter the packument without Verdaccio knowing: never let it answer 304.
      if (name === 'if-none-match' || name === 'if-modified-since') continue;
      headers[name] = value;
    }
    headers['content-length'] = String(req.body.length);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: this.#port,
          method: req.method,
          path: req.url,
          headers,
          agent: this.#agent,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const out: Record<string, string> = {};
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value === undefined || HOP_BY_HOP.has(name) || name === 'x-powered-by') continue;
              out[name] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ status: incoming.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  }

  /** GET for the fixture's own reads; `host` decides the tarball URLs Verdaccio writes. */
  async get(path: string, host: string): Promise<Reply> {
    return this.forward({ method: 'GET', url: path, headers: { accept: 'application/json', host }, body: Buffer.alloc(0) });
  }

  close(): void {
    this.#agent.destroy();
  }
}
