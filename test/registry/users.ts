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
}

/** Who a request's bearer token stands for. */
export type Identity =
  | { kind: 'user'; user: User }
  | { kind: 'oidc'; pkg: string; expiresAt: number; permissions: TrustPermission[] };

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

  add(name: string, opts: { twoFactor?: boolean; web?: boolean; email?: string; password?: string } = {}): CreatedUser {
    if (!NAME.test(name)) throw new Error(`invalid user name: ${JSON.stringify(name)}`);
    if (this.#users.has(name)) throw new Error(`user already exists: ${name}`);
    const user: User = {
      name,
      email: opts.email ?? `${name}@example.test`,
      secret: randomSecret(),
      twoFactor: opts.twoFactor ?? true,
      web: opts.web === true,
    };
    if (opts.password !== undefined) user.password = opts.password;
    this.#users.set(name, user);
    const token = this.issueToken(user);
    return { name, email: user.email, token, secret: user.secret, twoFactor: user.twoFactor, web: user.web };
  }

  issueToken(user: User): string {
    const token = newToken();
    this.#tokens.set(token, { kind: 'user', user });
    return token;
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
