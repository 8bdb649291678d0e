/**
 * The public shapes of the test registry. Kept in one file so the project codes
 * against types, not against the fixture's internals.
 */

/** How the registry signals "a one-time password is required". */
export type OtpChallenge = 'www-authenticate' | 'body' | 'webauthn';

export interface RegistryOptions {
  /** Registry clock offset vs this machine, ms (positive = registry ahead). Reflected in its Date header and used for OTP checks. Default 0. */
  clockOffsetMs?: number;
  /** Accepted windows either side of the current one. Default 1. */
  otpTolerance?: number;
  /** Refuse a code that was already accepted (RFC 6238 5.2), except within one npm command (same npm-command/npm-session pair). Default false. */
  singleUse?: boolean;
  /** How an OTP requirement is signalled: 'www-authenticate' (401 + `www-authenticate: OTP`, default), 'body' (401, body mentions "one-time pass", no header), 'webauthn' (401 + www-authenticate OTP and a body carrying authUrl and doneUrl: a security-key account that never accepts a TOTP). */
  otpChallenge?: OtpChallenge;
  /** After this many rejected codes (per user), answer 429 with Retry-After (seconds given by rateLimitRetryAfterS, default 1). Default: no rate limit. */
  rateLimitAfterRejections?: number;
  /** Lock duration after the limit trips, in seconds of registry time. Default 1. */
  rateLimitRetryAfterS?: number;
  /** Lifetime of a token minted by the OIDC exchange, seconds of registry time. Default 900. */
  oidcTokenTtlS?: number;
}

/** Why a code was refused (or the write was refused before a code was checked). */
export type OtpRefusal = 'missing' | 'invalid' | 'reused' | 'rate-limited' | 'webauthn';

/** One entry of the request log, in arrival order. */
export interface RequestRecord {
  method: string;
  /** The pathname as sent (percent-encoding kept, e.g. `/@scope%2fpkg`), without the query. */
  path: string;
  /** The query string including `?`, or ''. */
  query: string;
  otpSent: boolean;
  otp?: string;
  /** Set when the OTP gate ran: true if the code was accepted. */
  otpAccepted?: boolean;
  /** Set when the gate refused the write. */
  otpRefusal?: OtpRefusal;
  /** The status the registry produced; 0 when the connection was reset before any answer. */
  status: number;
  /** The authenticated user, if any. */
  user?: string;
  /** The package an OIDC-minted token was scoped to, when such a token was used. */
  oidcPackage?: string;
  /** `npm-command` and `npm-session` headers, when sent. */
  npmCommand?: string;
  npmSession?: string;
  /** The fault applied to this request, if any. */
  fault?: 'fail' | 'reset' | 'lose-answer' | 'delay' | 'owner-conflict';
  /** Registry time (ms) at arrival. */
  at: number;
}

/** Which requests a fault applies to. All given fields must match. */
export interface RequestMatch {
  /** HTTP method, case-insensitive. Default: any. */
  method?: string;
  /**
   * The pathname: a string matches exactly, a RegExp is tested. Either the raw form
   * (`/@scope%2fpkg`) or the decoded one (`/@scope/pkg`) may match. Default: any.
   */
  path?: string | RegExp;
}

export interface FailFault extends RequestMatch {
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Status to answer. Default 503. */
  status?: number;
  /** JSON body. Default `{"error": "<status text>"}`. */
  body?: unknown;
  /** Adds a Retry-After header (seconds). */
  retryAfterS?: number;
}

export interface CountedFault extends RequestMatch {
  /** How many matching requests are affected. Default 1. */
  times?: number;
}

export interface DelayFault extends RequestMatch {
  /** How many matching requests are delayed. Default: all, until clearFaults(). */
  times?: number;
  /** 'answer' (default): the request is processed at once and its answer held; 'request': held before processing (so an OTP is checked D ms later). */
  phase?: 'answer' | 'request';
}

/** Claims for a GitHub-Actions-style ID token minted by the fixture. */
export interface IdTokenClaims {
  /** `owner/repo`. */
  repository: string;
  /** Workflow file name, e.g. `release.yml`. */
  workflow: string;
  /** Default `refs/heads/main`. */
  ref?: string;
  environment?: string;
  /** Default 'public'. npm enables provenance only for public repositories. */
  repositoryVisibility?: 'public' | 'private' | 'internal';
  /** Default `npm:127.0.0.1` (what the npm CLI asks for). */
  audience?: string;
  /** Default 300 s after now (registry clock). */
  expiresInS?: number;
  /** Sign with a key the registry does not trust (negative tests). Default false. */
  foreignKey?: boolean;
}

/** A trusted publisher configured on a package (npmjs "Trusted Publisher" settings). */
export interface TrustedPublisher {
  repository: string;
  workflow: string;
  environment?: string;
}

/** What `npm access` and `npm owner` change, as the registry holds it. */
export interface PackageSettings {
  exists: boolean;
  access: 'public' | 'restricted';
  /** As `npm access set mfa=` names it. */
  mfa: 'none' | 'publish' | 'automation';
  maintainers: Array<{ name: string; email: string }>;
  /** Every version ever accepted, including unpublished ones. */
  publishedVersions: string[];
  trustedPublishers: TrustedPublisher[];
}

export interface CreatedUser {
  name: string;
  email: string;
  /** Bearer token for `//host/:_authToken`. */
  token: string;
  /** Base32 TOTP secret (20 random bytes). */
  secret: string;
  twoFactor: boolean;
}

export interface TestRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The temporary folder holding Verdaccio's storage; removed by close(). */
  storageDir: string;
  /** Creates a user; with twoFactor (default true) every write by that user needs a TOTP code from `secret`. */
  addUser(name: string, opts?: { twoFactor?: boolean; email?: string }): Promise<CreatedUser>;
  /** The registry's current time in ms (machine time + offset). */
  now(): number;
  /** The code the registry's clock expects now for `secret` (plus `windows` steps of 30 s). */
  codeFor(secret: string, windows?: number): string;
  /** Change OTP behaviour at run time (moving clockOffsetMs is how tests advance time). */
  configure(options: Partial<RegistryOptions>): void;
  /** Every request so far, in arrival order (a copy). */
  readonly requests: ReadonlyArray<RequestRecord>;
  clearRequests(): void;
  /** The next `times` matching requests answer `status` (default 503) before any processing. */
  fail(fault?: FailFault): void;
  /** The next matching requests have their connection destroyed before processing. */
  reset(fault?: CountedFault): void;
  /** The next matching requests are processed (a publish is stored), then the connection is destroyed. */
  loseAnswer(fault?: CountedFault): void;
  /** Matching requests are held `ms` milliseconds. */
  delay(ms: number, fault?: DelayFault): void;
  /** The next owner change (PUT /<pkg>/-rev/<rev> with maintainers) answers 409 after passing the OTP gate, without applying. */
  ownerConflictOnce(): void;
  /** Drops every pending fault. */
  clearFaults(): void;
  /** Configures a trusted publisher, which lets the OIDC exchange mint publish tokens for `pkg`. */
  trustPublisher(pkg: string, publisher: TrustedPublisher): void;
  /** Mints a signed ID token as GitHub Actions would (RS256, key owned by the fixture). */
  issueIdToken(claims: IdTokenClaims): string;
  /** npmjs-only settings of a package (not in the packument), for assertions; undefined if never named. */
  packageSettings(name: string): PackageSettings | undefined;
  /** The packument as clients see it (with maintainers and the fixture's _rev), or undefined. */
  packument(name: string): Promise<any | undefined>;
  close(): Promise<void>;
}
