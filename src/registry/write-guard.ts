import type { ClientRequest, IncomingMessage } from 'node:http';
import { getAgent } from '@npmcli/agent';

/**
 * npm-registry-fetch lets make-fetch-happen follow redirects, and passes no
 * option to stop it: a `307` on a `PUT` re-sends the body and the `npm-otp`
 * header to the `Location`, with the token when only the port or the scheme
 * changes. A write goes through this guard instead: the HTTP agent npm itself
 * would use (@npmcli/agent's, for the registry URL: proxies, keep-alive and
 * timeouts as npm sets them), except that a request of the write to any
 * other origin than the registry's, or any request after a 3xx answer, is
 * stopped before it connects. The 3xx becomes the write's error.
 */
export class WriteGuard {
  readonly agent: unknown;
  readonly #origin: string;
  #redirect: { status: number; location: string | undefined } | undefined;

  constructor(registry: string, options: { timeout?: number } = {}) {
    this.#origin = new URL(registry).origin;
    const real = getAgent(registry, options) as unknown as Record<PropertyKey, unknown> & { addRequest(req: ClientRequest, options: RequestOptions): void };
    const addRequest = (req: ClientRequest, requestOptions: RequestOptions) => {
      const target = originOf(requestOptions);
      if (this.#redirect !== undefined || target !== this.#origin) {
        const error = Object.assign(new Error(`a write to ${this.#origin} may not go on to ${target ?? 'another origin'}`), { code: 'EWRITEORIGIN' });
        // Never connected, so nothing of the request (headers, body) leaves this process.
        process.nextTick(() => {
          req.destroy();
          req.emit('error', error);
        });
        return;
      }
      req.once('response', (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          const location = response.headers.location;
          this.#redirect = { status, location: typeof location === 'string' ? location : undefined };
        }
      });
      real.addRequest(req, requestOptions);
    };
    // Everything else is the real agent's own (its methods bound to it: they use private fields).
    this.agent = new Proxy(real, {
      get(target, property) {
        if (property === 'addRequest') return addRequest;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /**
   * The error a write failed with, as the caller should see it: when the
   * registry answered with a redirect, a `RedirectRefusedError` naming where
   * it pointed; otherwise the error itself.
   */
  explain(error: unknown): unknown {
    if (this.#redirect === undefined) return error;
    return new RedirectRefusedError(
      this.#redirect.status,
      this.#redirect.location === undefined ? undefined : targetOf(this.#redirect.location, this.#origin),
      error,
    );
  }
}

/** What Node passes an agent for one request. */
interface RequestOptions {
  protocol?: string | null;
  host?: string | null;
  hostname?: string | null;
  port?: number | string | null;
}

function originOf(options: RequestOptions): string | undefined {
  try {
    const host = options.hostname ?? options.host ?? '';
    const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return new URL(`${options.protocol ?? 'http:'}//${bracketed}${options.port ? `:${options.port}` : ''}`).origin;
  } catch {
    return undefined;
  }
}

/** The origin a `Location` points at (relative ones resolve against the registry). */
function targetOf(location: string, origin: string): string {
  try {
    return new URL(location, origin).origin;
  } catch {
    return 'an address that does not parse';
  }
}

/**
 * The registry answered a write with a redirect, which was not followed.
 * Shaped like npm-registry-fetch's HTTP errors (`statusCode`, `code`,
 * `body.error`), so every caller treats it as the registry's answer.
 */
class RedirectRefusedError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly body: { error: string };
  /** The origin the `Location` header named; undefined without one. */
  readonly location: string | undefined;

  constructor(status: number, location: string | undefined, cause: unknown) {
    const error = `redirected the write to ${location ?? 'no Location'}; a write never follows a redirect, so nothing was sent there`;
    super(`${status} ${error}`, { cause });
    this.name = 'RedirectRefusedError';
    this.statusCode = status;
    this.code = `E${status}`;
    this.body = { error };
    this.location = location;
  }
}
