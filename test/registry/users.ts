/**
 * Accounts and tokens. The fixture owns authentication (Verdaccio sees every
 * request as anonymous), so a token is whatever this store says it is: a user's
 * token, or a short-lived token minted by the OIDC exchange for one package.
 */
import { randomBytes } from 'node:crypto';
import { randomSecret } from './totp.ts';
import type { CreatedUser, TrustPermission } from './types.ts';

export interface User {
  name: string;
  email: string;
  secret: string;
  twoFactor: boolean;
  /** The second factor is a security key or passkey (web approvals), not TOTP. */
  web: boolean;
  /** Set when created over HTTP (`npm adduser`), to check a later login. */
  password?: string;
  /** What `GET /-/npm/v1/user` says of 2FA for a user without 2FA for writes: `auth-only` (default), `none`, or `pending` (enrolment not finished). */
  tfa: 'auth-only' | 'none' | 'pending';
}

/** What a user's granular token may do beyond its user's rights. */
export interface TokenFlags {
  /** "Bypass two-factor authentication": writes go without 2FA, except account and governance actions, which answer 403 Forbidden2FABypassGAT. */
  bypass2fa: boolean;
  /** "Read and write (stage only)": stages, never publishes directly (403 "OIDC permission denied for this action"). */
  stageOnly: boolean;
}

/** Who a request's bearer token stands for. */
export type Identity = { kind: 'user'; user: User; flags: TokenFlags } | { kind: 'oidc'; pkg: string; expiresAt: number; permissions: TrustPermission[] };

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A token shaped like npmjs's granular tokens: `npm_` and 36 base62 characters. */
export function newToken(): string {
  const bytes = randomBytes(36);
  let out = 'npm_';
  for (const byte of bytes) out += BASE62[byte % 62];
  return out;
}

/** npm's rules for a new user name, as far as the tests need them. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,213}$/;

export class UserStore {
  readonly #users = new Map<string, User>();
  readonly #tokens = new Map<string, Identity>();
  /** Tokens that expired or were revoked: npmjs answers them with an `npm-notice` and as if anonymous. */
  readonly #dead = new Set<string>();

  add(name: string, opts: { twoFactor?: boolean; web?: boolean; email?: string; password?: string; tfa?: 'auth-only' | 'none' | 'pending' } = {}): CreatedUser {
    if (!NAME.test(name)) throw new Error(`invalid user name: ${JSON.stringify(name)}`);
    if (this.#users.has(name)) throw new Error(`user already exists: ${name}`);
    const user: User = {
      name,
      email: opts.email ?? `${name}@example.test`,
      secret: randomSecret(),
      twoFactor: opts.twoFactor ?? true,
      web: opts.web === true,
      tfa: opts.tfa ?? 'auth-only',
    };
    if (opts.password !== undefined) user.password = opts.password;
    this.#users.set(name, user);
    const token = this.issueToken(user);
    return { name, email: user.email, token, secret: user.secret, twoFactor: user.twoFactor, web: user.web };
  }

  issueToken(user: User, flags: Partial<TokenFlags> = {}): string {
    const token = newToken();
    this.#tokens.set(token, { kind: 'user', user, flags: { bypass2fa: flags.bypass2fa === true, stageOnly: flags.stageOnly === true } });
    return token;
  }

  /** The token stops working (it expired, or was revoked): npmjs answers both alike. */
  expire(token: string): void {
    if (!this.#tokens.delete(token)) throw new Error('expireToken: no such token');
    this.#dead.add(token);
  }

  /** True when the `authorization` header carries a token that expired or was revoked. */
  isDead(authorization: string | undefined): boolean {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    return match?.[1] !== undefined && this.#dead.has(match[1]);
  }

  /** A token for `pkg` only (publish and/or stage, as `permissions` say), valid until `expiresAt` (registry ms). */
  issueOidcToken(pkg: string, expiresAt: number, permissions: TrustPermission[] = ['createPackage']): string {
    const token = newToken();
    this.#tokens.set(token, { kind: 'oidc', pkg, expiresAt, permissions: [...permissions] });
    return token;
  }

  byName(name: string): User | undefined {
    return this.#users.get(name);
  }

  /** The identity behind an `authorization` header, or undefined (also for expired OIDC tokens). */
  identify(authorization: string | undefined, now: number): Identity | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return undefined;
    const identity = this.#tokens.get(match[1]);
    if (identity?.kind === 'oidc' && identity.expiresAt <= now) return undefined;
    return identity;
  }
}
