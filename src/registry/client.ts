import { randomUUID } from 'node:crypto';
import npmFetch, { type FetchOptions, type FetchResponse } from 'npm-registry-fetch';
import type { Clock } from '../foundation/clock.ts';
import { errorHeader, statusOf } from '../foundation/http-errors.ts';
import type { TimeSync } from '../otp/time-sync.ts';
import type { NpmHeaders } from './npm-headers.ts';
import { WriteGuard } from './write-guard.ts';

export interface RegistryClientOptions {
  /** Registry base URL, normalised with a trailing slash. */
  registry: string;
  /** Bearer token; undefined for anonymous reads. */
  token: string | undefined;
  clock: Clock;
  timeSync: TimeSync;
  /** Product name/version for the user agent. */
  userAgent: string;
  /** Request timeout, ms. Default 5 minutes (npm's). */
  timeoutMs?: number;
  /**
   * `npm-auth-type` on writes: `web` (npm 11's default) makes a registry that offers web approvals answer a
   * challenged write with the approval page; `legacy` (what npm sends with --otp) asks for a TOTP code. Default legacy.
   */
  authType?: 'web' | 'legacy';
}

/** An answer of the registry, whatever its status (RegistryClient.answer). */
export interface Answer {
  status: number;
  body: unknown;
  /** A header of the answer, by its lower-case name. */
  header(name: string): string | undefined;
  /** For a 4xx or 5xx: npm-registry-fetch's error, as other reads would have thrown it. */
  error?: unknown;
}

/** Reads retry on 408/429/5xx and network errors; writes never do (a retried publish can land twice). */
const READ_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 };
const WRITE_RETRY = { retries: 0 };

/**
 * The one place that knows how to talk to the registry with npm's libraries:
 * builds their options (auth keyed by registry path, as npm's config does;
 * the token only ever lives in memory), and times every call so the clock
 * offset and latency estimates follow the registry.
 */
export class RegistryClient {
  readonly registry: string;
  readonly #clock: Clock;
  readonly #timeSync: TimeSync;
  readonly #base: FetchOptions;

  constructor(options: RegistryClientOptions) {
    this.registry = options.registry;
    this.#clock = options.clock;
    this.#timeSync = options.timeSync;
    const url = new URL(options.registry);
    this.#base = {
      registry: options.registry,
      authType: options.authType ?? 'legacy',
      userAgent: options.userAgent,
      npmSession: randomUUID().replaceAll('-', '').slice(0, 16),
      timeout: options.timeoutMs ?? 5 * 60 * 1000,
      preferOnline: true,
      ...(options.token === undefined ? {} : { [`//${url.host}${url.pathname}:_authToken`]: options.token }),
    };
  }

  /**
   * The registry's clock against this machine's, as the answers so far say (TimeSync: registry time minus local
   * time, and how precise that is); undefined until an answer carried a `Date` that is applied.
   */
  get clockOffset(): { offsetMs: number; uncertaintyMs: number } | undefined {
    return this.#timeSync.known ? { offsetMs: this.#timeSync.offsetMs, uncertaintyMs: this.#timeSync.uncertaintyMs } : undefined;
  }

  /**
   * Options for one of npm's libraries making a write: the code if any, and
   * never a retry by make-fetch-happen (it re-sends any method but POST on
   * 5xx and resets), whatever `extra` says: a lost write is reconciled by
   * reading the registry back, never blindly re-sent.
   */
  writeOptions(npmHeaders: NpmHeaders, extra: FetchOptions = {}): FetchOptions {
    return {
      ...this.#base,
      ...(npmHeaders.otp === undefined ? {} : { otp: npmHeaders.otp }),
      npmCommand: npmHeaders.command,
      npmSession: npmHeaders.session,
      ...extra,
      retry: WRITE_RETRY,
    };
  }

  /**
   * One write made by `call` with this client's write options, timed (its
   * body size feeds the upload-speed estimate). Its requests go through a
   * WriteGuard: none leaves the registry's origin or follows a redirect, and
   * a redirect is the write's error (a RedirectRefusedError naming where it pointed).
   */
  write<T>(npmHeaders: NpmHeaders, bodyBytes: number, call: (options: FetchOptions) => Promise<T>, extra: FetchOptions = {}): Promise<T> {
    const guard = new WriteGuard(this.registry, { timeout: this.#base.timeout as number });
    return this.timed(bodyBytes, async () => {
      try {
        return await call(this.writeOptions(npmHeaders, { ...extra, agent: guard.agent }));
      } catch (error) {
        throw guard.explain(error);
      }
    });
  }

  /** Options for reads. */
  readOptions(extra: FetchOptions = {}): FetchOptions {
    return { ...this.#base, retry: READ_RETRY, ...extra };
  }

  /**
   * GET a JSON document. A 404 is an answer (undefined), not an error.
   * Every answer, error or not, feeds the clock estimate.
   */
  async getJson(path: string, extra: FetchOptions = {}): Promise<unknown | undefined> {
    try {
      const response = await this.timed(0, () => npmFetch(path, this.readOptions(extra)));
      return await response.json();
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * GET an answer whatever its status: the status, the body (JSON when it parses) and the headers (an error's,
   * for 4xx and 5xx), for a read whose refusal says something (doctor's whoami, profile, collaborators). A
   * failure without an answer (no connection) throws.
   */
  async answer(path: string, extra: FetchOptions = {}): Promise<Answer> {
    try {
      const response = await this.timed(0, () => npmFetch(path, this.readOptions(extra)));
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      return { status: response.status, body, header: (name) => response.headers.get(name) ?? undefined };
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined) throw error;
      return { status, body: (error as { body?: unknown }).body, header: (name) => errorHeader(error, name), error };
    }
  }

  /** GET raw bytes (a tarball). */
  async getBuffer(url: string): Promise<Buffer> {
    const response = await this.timed(0, () => npmFetch(this.sameProtocol(url), this.readOptions()));
    return response.buffer();
  }

  /**
   * A URL the registry handed out (a packument's `dist.tarball`) on the
   * registry's own host is fetched with the registry's protocol: npm's auth
   * is keyed by host and path, not scheme, so an `http:` URL behind a TLS
   * proxy would otherwise carry the token in clear.
   */
  sameProtocol(url: string): string {
    const target = new URL(url, this.registry);
    const registry = new URL(this.registry);
    if (target.host === registry.host && target.protocol !== registry.protocol) target.protocol = registry.protocol;
    return target.toString();
  }

  /**
   * Runs one request made by npm's libraries and feeds its timing and `Date`
   * header (from the answer, or from the error it threw) into the estimates.
   */
  async timed<T>(bytesSent: number, call: () => Promise<T>): Promise<T> {
    const sentAt = this.#clock.now();
    try {
      const result = await call();
      this.#timeSync.observe({ date: responseDate(result), sentAt, receivedAt: this.#clock.now(), bytesSent });
      return result;
    } catch (error) {
      this.#timeSync.observe({ date: errorHeader(error, 'date'), sentAt, receivedAt: this.#clock.now(), bytesSent });
      throw error;
    }
  }
}

function responseDate(result: unknown): string | undefined {
  const headers = (result as Partial<FetchResponse> | undefined)?.headers;
  if (!headers || typeof headers.get !== 'function') return undefined;
  return headers.get('date') ?? undefined;
}

/** `@scope/name` -> `@scope%2fname`, as npm escapes package names in paths. */
export function escapeName(name: string): string {
  return name.replace('/', '%2f');
}
