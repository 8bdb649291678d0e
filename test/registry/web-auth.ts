/**
 * Web-based 2FA for writes, as registry.npmjs.org speaks it to npm 11 (PROTOCOL.md, "Web-based 2FA";
 * the npm CLI's capture in /work/notes/web-2fa.md): for an account whose second factor is a security key or
 * passkey (`addUser(name, { web: true })`), a gated write that carries `npm-auth-type: web` and `npm-command`
 * is answered 401 + `www-authenticate: OTP` + `{authUrl, doneUrl}`; without those headers, the legacy
 * "You must provide a one-time pass" body with an `npm-notice` pointing to a login URL. `doneUrl`
 * (`/-/v1/done?authId=<uuid>`, on the registry's own origin) answers only the challenged user's token:
 * 202 `{}` with `retry-after` while nobody approved, 200 `{token}` once approved; denied 403 and expired
 * 410 are this fixture's guesses (npmjs's answers are not documented). The approved token is accepted as
 * `npm-otp` by that user for the requests of the command it was given for (all of them: npm's unpublish
 * sends several), or for any write until it expires with `webTokenReuse`. An approval with "don't ask
 * again" opens a window in which the user's writes pass unasked, except `stage approve`.
 *
 * Tests approve without a web page: `approveWeb(idOrUrl)`, `denyWeb`, `expireWeb`, or `autoApproveWeb`.
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from './reply.ts';
import { errorReply, jsonReply } from './reply.ts';
import type { RouteKind } from './routes.ts';
import type { WebChallengeInfo } from './types.ts';
import type { User } from './users.ts';

export interface WebAuthSettings {
  /** `retry-after` on a pending doneUrl, seconds; null leaves the header out. Default 1. */
  webRetryAfterS: number | null;
  /** How long "don't ask again" lasts, seconds of registry time. Default 300 (npm's five minutes). */
  webWindowS: number;
  /** Accept an approved token again for any write of its user until it expires (else only within its command). Default false. */
  webTokenReuse: boolean;
  /** Lifetime of an approved token, seconds of registry time. Default 300. */
  webTokenTtlS: number;
  /** The origin doneUrl names; null for the registry's own. */
  webDoneOrigin: string | null;
}

/** npmjs's notice to a security-key user whose client did not ask for web approval (npm's login docs). */
export const SECURITY_KEY_NOTICE = (url: string) => `Open ${url} to use your security key for authentication or enter OTP from your authenticator app`;

interface Challenge extends WebChallengeInfo {
  token?: string;
  /** Registry ms the token stops being accepted. */
  tokenExpiresAt?: number;
  /** The command (npm-command + session) the token was first accepted for. */
  tokenCommand?: string;
}

export type WebVerdict = { ok: true; reason: 'token' | 'window' } | { ok: false };

export class WebAuth {
  readonly #challenges = new Map<string, Challenge>();
  /** User name -> registry ms until which its writes pass unasked. */
  readonly #windows = new Map<string, number>();
  readonly #settings: () => WebAuthSettings;
  readonly #registryUrl: string;
  #auto: { afterPolls: number; dontAskAgain: boolean } | undefined;

  constructor(registryUrl: string, settings: () => WebAuthSettings) {
    this.#registryUrl = registryUrl;
    this.#settings = settings;
  }

  /** Whether a gated write of a web-only user passes: an open window (not for stage approve), or its approved token. */
  check(user: User, otp: string | undefined, route: RouteKind, command: string | undefined, now: number): WebVerdict {
    if (route !== 'stage-approve' && (this.#windows.get(user.name) ?? 0) > now) return { ok: true, reason: 'window' };
    if (otp === undefined || otp === '') return { ok: false };
    const challenge = [...this.#challenges.values()].find((entry) => entry.user === user.name && entry.token === otp);
    if (!challenge || challenge.status !== 'approved' || (challenge.tokenExpiresAt ?? 0) <= now) return { ok: false };
    const key = command ?? '';
    if (challenge.tokenCommand === undefined) challenge.tokenCommand = key;
    else if (challenge.tokenCommand !== key && !this.#settings().webTokenReuse) return { ok: false };
    return { ok: true, reason: 'token' };
  }

  /**
   * The answer to a refused write of a web-only user: a web challenge when the client asked for one
   * (`npm-auth-type: web` and `npm-command`), else npm's legacy body and the security-key notice.
   */
  refuse(
    user: User,
    route: RouteKind,
    method: string,
    path: string,
    headers: { authType: string | undefined; npmCommand: string | undefined },
    now: number,
  ): Reply {
    if (headers.authType !== 'web' || !headers.npmCommand) {
      return errorReply(401, 'You must provide a one-time pass. Upgrade your client to npm@latest in order to use 2FA.', {
        'npm-notice': SECURITY_KEY_NOTICE(`${this.#registryUrl}-/v1/login`),
      });
    }
    const id = randomUUID();
    const challenge: Challenge = {
      id,
      user: user.name,
      route,
      method,
      path,
      npmCommand: headers.npmCommand,
      authUrl: `${this.#registryUrl}-/v1/auth/${id}`,
      doneUrl: `${this.#settings().webDoneOrigin === null ? this.#registryUrl : `${this.#settings().webDoneOrigin}/`}-/v1/done?authId=${id}`,
      status: 'pending',
      createdAt: now,
      polls: 0,
      dontAskAgain: false,
    };
    this.#challenges.set(id, challenge);
    return jsonReply(401, { authUrl: challenge.authUrl, doneUrl: challenge.doneUrl }, { 'www-authenticate': 'OTP' });
  }

  /** `GET|PUT|DELETE /-/v1/done?authId=<id>`: only the challenged user's token learns how it went. */
  done(query: string, userName: string | undefined, now: number): Reply {
    const id = new URLSearchParams(query).get('authId') ?? '';
    const challenge = this.#challenges.get(id);
    if (!challenge || userName === undefined || challenge.user !== userName) return errorReply(404, 'Not found');
    challenge.polls += 1;
    if (challenge.status === 'pending' && this.#auto && challenge.polls >= this.#auto.afterPolls) this.#approve(challenge, this.#auto.dontAskAgain, now);
    switch (challenge.status) {
      case 'approved':
        return jsonReply(200, { token: challenge.token });
      case 'denied':
        return errorReply(403, 'The request was denied.');
      case 'expired':
        return errorReply(410, 'This login session has expired.');
      default: {
        const retryAfter = this.#settings().webRetryAfterS;
        return jsonReply(202, {}, retryAfter === null ? {} : { 'retry-after': String(retryAfter) });
      }
    }
  }

  /** `GET /-/v1/auth/<id>`: the page a person would open; here only a line of text. */
  page(pathname: string): Reply {
    const id = pathname.split('/').pop() ?? '';
    const known = this.#challenges.has(id);
    return {
      status: known ? 200 : 404,
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from(known ? 'Approve this request with your security key.\n' : 'Not found\n'),
    };
  }

  approve(idOrUrl: string, options: { dontAskAgain?: boolean } = {}, now: number): void {
    this.#approve(this.#find(idOrUrl), options.dontAskAgain === true, now);
  }

  deny(idOrUrl: string): void {
    const challenge = this.#find(idOrUrl);
    if (challenge.status === 'pending') challenge.status = 'denied';
  }

  expire(idOrUrl: string): void {
    const challenge = this.#find(idOrUrl);
    if (challenge.status === 'pending') challenge.status = 'expired';
  }

  /** Every later challenge is approved at its `afterPolls`-th poll (default 1); undefined stops it. */
  autoApprove(options: { afterPolls?: number; dontAskAgain?: boolean } | undefined): void {
    this.#auto = options === undefined ? undefined : { afterPolls: options.afterPolls ?? 1, dontAskAgain: options.dontAskAgain === true };
  }

  list(): WebChallengeInfo[] {
    return [...this.#challenges.values()].map(({ token: _token, tokenExpiresAt: _expires, tokenCommand: _command, ...info }) => ({ ...info }));
  }

  #approve(challenge: Challenge, dontAskAgain: boolean, now: number): void {
    if (challenge.status !== 'pending') throw new Error(`web challenge ${challenge.id} is ${challenge.status}, not pending`);
    challenge.status = 'approved';
    challenge.token = `webotp_${randomUUID().replaceAll('-', '')}`;
    challenge.tokenExpiresAt = now + this.#settings().webTokenTtlS * 1000;
    // npm withholds "don't ask again" from stage approve: the page does not offer it there.
    challenge.dontAskAgain = dontAskAgain && challenge.route !== 'stage-approve';
    if (challenge.dontAskAgain) this.#windows.set(challenge.user, now + this.#settings().webWindowS * 1000);
  }

  #find(idOrUrl: string): Challenge {
    const id = /authId=([^&]+)/.exec(idOrUrl)?.[1] ?? idOrUrl.split('/').pop() ?? idOrUrl;
    const challenge = this.#challenges.get(id);
    if (!challenge) throw new Error(`no web challenge ${idOrUrl}`);
    return challenge;
  }
}
