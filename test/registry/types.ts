/**
 * The public shapes of the test registry. Kept in one file so the project codes
 * against types, not against the fixture's internals.
 */

/** How the registry signals "a one-time password is required". */
export type OtpChallenge = 'www-authenticate' | 'body';

export interface RegistryOptions {
  /** Registry clock offset vs this machine, ms (positive = registry ahead). Reflected in its Date header and used for OTP checks. Default 0. */
  clockOffsetMs?: number;
  /**
   * After a code it refuses as invalid, the registry's clock jumps to the start of the next 30 s window (its Date
   * header says so, and the product reads its clock from every answer): a test of a wrong secret sees every refusal
   * without waiting real windows. Default false.
   */
  nextWindowAfterRefusal?: boolean;
  /** Accepted windows either side of the current one. Default 1. */
  otpTolerance?: number;
  /** Refuse a code that was already accepted (RFC 6238 5.2), except within one npm command (same npm-command/npm-session pair). Default false. */
  singleUse?: boolean;
  /** How an OTP requirement is signalled to a TOTP account: 'www-authenticate' (401 + `www-authenticate: OTP`, default), 'body' (401, body mentions "one-time pass", no header). A web-only account (`addUser(name, { web: true })`) gets web challenges (web-auth.ts). */
  otpChallenge?: OtpChallenge;
  /** After this many rejected codes (per user), answer 429 with Retry-After (seconds given by rateLimitRetryAfterS, default 1). Default: no rate limit. */
  rateLimitAfterRejections?: number;
  /** Lock duration after the limit trips, in seconds of registry time. Default 1. */
  rateLimitRetryAfterS?: number;
  /** Lifetime of a token minted by the OIDC exchange, seconds of registry time. Default 900. */
  oidcTokenTtlS?: number;
  /**
   * How many gated writes one code (user + time step + code) may make, as registry.npmjs.org
   * rate-limits reuse ("E429 ... rate limited otp" after about 4-5 writes with one code).
   * The requests of one command (same npm-command/npm-session pair, see `singleUse`) that share
   * a code count as ONE use. The write that would be use K+1 answers 429 with
   * `Retry-After: otpUsesRetryAfterS` and `{"error": "rate limited otp"}`, and for that long
   * every gated write of the user answers the same (Retry-After = whole seconds left).
   * Default: unlimited.
   */
  otpUsesPerCode?: number;
  /** Lock duration after a code went over `otpUsesPerCode`, in seconds of registry time. Default 300. */
  otpUsesRetryAfterS?: number;
  /** Keep each request's body in the log (`RequestRecord.body`), to see exactly what a client sent. Default false. */
  recordBodies?: boolean;
  /** Web approvals: `retry-after` seconds on a pending doneUrl; null leaves the header out. Default 1. */
  webRetryAfterS?: number | null;
  /** Web approvals: how long "don't ask again" lasts, seconds. Default 300. */
  webWindowS?: number;
  /** Web approvals: an approved token is accepted again for any write of its user until it expires (else only within its command). Default false. */
  webTokenReuse?: boolean;
  /** Web approvals: an approved token's lifetime, seconds. Default 300. */
  webTokenTtlS?: number;
  /** Web approvals: the origin doneUrl names (`http://host:port`), to test a client against another origin. Default the registry's. */
  webDoneOrigin?: string | null;
  /**
   * The `Date` header every answer carries, as given (a date years away, one before 1970, text that is no date),
   * instead of the registry clock's: a registry whose answers misstate its time. Codes are still checked on the
   * registry clock. Default: the registry clock's time.
   */
  dateHeader?: string | undefined;
  /** An `npm-notice` header on every answer (as npmjs sends its announcements), given as is. Default none. */
  npmNotice?: string | undefined;
  /**
   * How many answers a newly staged version shows as `validating` before it is `staged`: each stage view or list
   * answer that shows it, and each approval, which answers 409 while it validates. Default 0 (staged at once).
   */
  stageValidatingAnswers?: number;
}

/** What a user's extra token may do (`issueToken`). */
export interface TokenOptions {
  /**
   * "Bypass two-factor authentication": writes go without a second factor, except owner, access, mfa and trust
   * changes and the trust list, which answer 403 `{"code": "Forbidden2FABypassGAT", "error": "Granular access
   * tokens that bypass two-factor authentication may not perform this action."}` (npm, August 2026).
   */
  bypass2fa?: boolean;
  /** "Read and write (stage only)": may stage; a direct publish answers 403 "OIDC permission denied for this action". */
  stageOnly?: boolean;
}

/** A web challenge (a web-only account's refused write), as `TestRegistry.webChallenges()` lists it. */
export interface WebChallengeInfo {
  /** A UUID: the `authId` of doneUrl. */
  id: string;
  user: string;
  /** What was refused. */
  route: string;
  method: string;
  path: string;
  npmCommand: string;
  authUrl: string;
  doneUrl: string;
  status: 'pending' | 'approved' | 'denied' | 'expired';
  /** Registry ms. */
  createdAt: number;
  /** Answers doneUrl gave so far. */
  polls: number;
  /** Approved with "don't ask again" (never for stage approve). */
  dontAskAgain: boolean;
}

/** Why a code was refused (or the write was refused before a code was checked). */
export type OtpRefusal = 'missing' | 'invalid' | 'reused' | 'rate-limited' | 'web';

/**
 * Which limit a 429 came from: 'failed-attempts' (`rateLimitAfterRejections`: too many
 * rejected codes) or 'code-uses' (`otpUsesPerCode`: one code used too often).
 */
export type RateLimitKind = 'failed-attempts' | 'code-uses';

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
  /** A web-only account's write that passed: with its approved token, or unasked in a "don't ask again" window. */
  webAccepted?: 'token' | 'window';
  /** The `npm-auth-type` header, when sent. */
  npmAuthType?: string;
  /** Set when the gate refused the write. */
  otpRefusal?: OtpRefusal;
  /** Set with otpRefusal 'rate-limited': which limit answered 429. */
  rateLimit?: RateLimitKind;
  /** The status the registry produced; 0 when the connection was reset before any answer. */
  status: number;
  /** The authenticated user, if any. */
  user?: string;
  /** The package an OIDC-minted token was scoped to, when such a token was used. */
  oidcPackage?: string;
  /** `npm-command` and `npm-session` headers, when sent. */
  npmCommand?: string;
  npmSession?: string;
  /** The fault applied to this request, if any ('fail-package' comes from `failPackage()`). */
  fault?: 'fail' | 'fail-package' | 'answer' | 'reset' | 'lose-answer' | 'delay' | 'owner-conflict';
  /** Registry time (ms) at arrival. */
  at: number;
  /**
   * Only with `recordBodies`: the request body, parsed when it is JSON, else its UTF-8 text;
   * absent for an empty body.
   */
  body?: unknown;
}

/** Counters of the 2FA gate since the registry started (see `TestRegistry.otpStats`). */
export interface OtpStats {
  /** Gated requests whose code was accepted (every request counts, also within one command). */
  accepted: number;
  /** Uses counted against `otpUsesPerCode`: accepted requests, one per command per code. */
  uses: number;
  /** Distinct codes (user + time step + code) ever accepted. */
  distinctCodes: number;
  /** Gated requests of TOTP accounts refused with 401 (missing, invalid or reused code). */
  refused: number;
  /** 429 answers of the gate, both limits. */
  rateLimited: number;
  /** Of `rateLimited`, those from `otpUsesPerCode` (the over-limit use and the lock after it). */
  rateLimitedCodeUses: number;
  /** Per accepted code, in order of first acceptance. */
  codes: OtpCodeStats[];
}

export interface OtpCodeStats {
  user: string;
  code: string;
  /** The 30 s time step the code matched (Unix seconds / 30). */
  step: number;
  /** Requests accepted with this code. */
  requests: number;
  /** Uses counted against `otpUsesPerCode` (one per command). */
  uses: number;
  /** Times this code was refused as use K+1 (429). */
  overLimit: number;
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

/**
 * A failure for one package only (`failPackage`). Which requests it hits:
 * - 'publish' (default): the requests that make a version public, a publish `PUT /<pkg>`
 *   and a staged approval `POST /-/stage/<id>/approve` of a version of that package;
 * - 'stage': a stage publish `POST /-/stage/package/<pkg>`;
 * - 'write': any PUT/POST/DELETE/PATCH naming the package (the above, dist-tags, owners,
 *   access, deprecate, unpublish, trust, stage reject);
 * - 'any': any request naming the package, reads (packument, tarballs) included.
 */
export interface PackageFailFault {
  /** Status to answer (4xx or 5xx). Default 500. */
  status?: number;
  /** How many matching requests fail. Default 1. */
  times?: number;
  phase?: 'publish' | 'stage' | 'write' | 'any';
  /** JSON body. Default `{"error": "<status text>"}`. */
  body?: unknown;
  /** Adds a Retry-After header (seconds). */
  retryAfterS?: number;
  /**
   * false (default): fails before any processing, like `fail()` (no OTP check, the code is
   * not spent). true: the 2FA gate runs first (a code is checked, counted and, in single-use
   * mode, spent; a refused code answers as usual), then the failure.
   */
  afterOtp?: boolean;
}

/**
 * An answer given instead of processing the request (`answer()`), as a registry, or something in front of it,
 * might send one: a redirect (`status: 307` with a `location` header), a crafted document.
 */
export interface AnswerFault extends RequestMatch {
  /** How many matching requests get it. Default 1. */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  /** The body: a string is sent as it is, anything else as JSON. Default none. */
  body?: unknown;
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

/** What a trusted publisher may do, as `npm trust --allow-publish / --allow-stage-publish` names it. */
export type TrustPermission = 'createPackage' | 'createStagedPackage';

/** A GitHub Actions trusted publisher configured on a package (npmjs "Trusted Publisher" settings). */
export interface TrustedPublisher {
  /** `owner/repo`. */
  repository: string;
  /** Workflow file name (not a path), e.g. `release.yml`. */
  workflow: string;
  environment?: string;
  /** Default `['createPackage']` (publish only). */
  permissions?: TrustPermission[];
  /** Set by the registry (a UUID); ignored when given to `trustPublisher()`. */
  id?: string;
}

/**
 * A trust configuration as `GET/POST /-/package/<pkg>/trust` carry it (npm CLI 11.21).
 * github claims: `{repository: 'owner/repo', workflow_ref: {file}, environment?}`;
 * gitlab: `{project_path, ci_config_ref_uri: {file}, environment?}`;
 * circleci: `{'oidc.circleci.com/org-id', .../project-id, .../pipeline-definition-id, .../vcs-origin, .../context-ids?}`.
 * Only github configurations are matched by the OIDC exchange (the fixture issues GitHub-style tokens only).
 */
export interface TrustConfig {
  /** A UUID given by the registry. */
  id: string;
  type: 'github' | 'gitlab' | 'circleci';
  claims: Record<string, unknown>;
  permissions: TrustPermission[];
}

/**
 * A staged version as `GET /-/stage` and `GET /-/stage/<id>` show it. Staged versions are
 * not in the packument until approved; approval removes the entry (it is then a published
 * version), rejection removes it and its tarball.
 */
export interface StagedPackage {
  /** A UUID (what `npm stage view/approve/reject <id>` take). */
  id: string;
  packageName: string;
  version: string;
  /** The dist-tag it will get when approved (the publish body's one dist-tag). */
  tag: string;
  /** ISO 8601, registry time. */
  createdAt: string;
  /** The user name, or for a trusted-publishing token `GitHub Actions`. */
  actor: string;
  actorType: 'user' | 'oidc';
  /** The publish body's `access` (null: keep the registry's choice). */
  access: string | null;
  /** sha1 hex of the stored tarball. */
  shasum: string;
  /** `validating` for the first `stageValidatingAnswers` answers that show it (see RegistryOptions), then `staged`. */
  status: 'staged' | 'validating';
}

/** What `npm access` and `npm owner` change, as the registry holds it. */
export interface PackageSettings {
  exists: boolean;
  access: 'public' | 'restricted';
  /** As `npm access set mfa=` names it. */
  mfa: 'none' | 'publish' | 'automation';
  maintainers: Array<{ name: string; email: string }>;
  /** Every version ever accepted, including unpublished ones (not staged ones). */
  publishedVersions: string[];
  /** The github trust configurations, in the `trustPublisher()` shape, with `id` and `permissions` set. */
  trustedPublishers: TrustedPublisher[];
  /** Every trust configuration (github, gitlab, circleci), as `GET /-/package/<pkg>/trust` answers. */
  trustConfigs: TrustConfig[];
}

export interface CreatedUser {
  name: string;
  email: string;
  /** Bearer token for `//host/:_authToken`. */
  token: string;
  /** Base32 TOTP secret (20 random bytes). */
  secret: string;
  twoFactor: boolean;
  /** A web-only account: a security key or passkey, no TOTP. */
  web: boolean;
}

export interface TestRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The temporary folder holding Verdaccio's storage; removed by close(). */
  storageDir: string;
  /**
   * Creates a user; with twoFactor (default true) every write by that user needs a second factor: a TOTP code from
   * `secret`, or with `web` a web approval (a security-key or passkey account: it never accepts a TOTP code).
   */
  addUser(name: string, opts?: { twoFactor?: boolean; web?: boolean; email?: string; tfa?: 'auth-only' | 'none' | 'pending' }): Promise<CreatedUser>;
  /** Another granular token for an existing user, with the powers `options` give (a bypass-2FA token, a stage-only one). */
  issueToken(userName: string, options?: TokenOptions): string;
  /**
   * The token expires (or is revoked: npmjs answers both alike): it then counts as no token, every answer to a
   * request carrying it has `npm-notice: Access token expired or revoked. Please try logging in again.`, a write
   * answers 404 and `/-/whoami` 401.
   */
  expireToken(token: string): void;
  /** Every web challenge so far, oldest first. */
  webChallenges(): WebChallengeInfo[];
  /** A person approves a web challenge (by id, authUrl or doneUrl); `dontAskAgain` ticks "don't ask again for 5 minutes". */
  approveWeb(idOrUrl: string, options?: { dontAskAgain?: boolean }): void;
  /** A person denies it: doneUrl answers 403. */
  denyWeb(idOrUrl: string): void;
  /** It expires unapproved: doneUrl answers 410. */
  expireWeb(idOrUrl: string): void;
  /** Approves every later challenge at its `afterPolls`-th poll of doneUrl (default 1), as a person would; undefined stops. */
  autoApproveWeb(options: { afterPolls?: number; dontAskAgain?: boolean } | undefined): void;
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
  /** The next `times` requests for package `name` in `phase` (default: its publish) answer `status` (default 500); other packages are untouched. */
  failPackage(name: string, fault?: PackageFailFault): void;
  /** The next `times` matching requests get exactly this answer, before any processing (no 2FA gate, nothing stored). */
  answer(fault: AnswerFault): void;
  /** The next matching requests have their connection destroyed before processing. */
  reset(fault?: CountedFault): void;
  /** The next matching requests are processed (a publish is stored), then the connection is destroyed. */
  loseAnswer(fault?: CountedFault): void;
  /** Matching requests are held `ms` milliseconds (or until releaseDelays()). */
  delay(ms: number, fault?: DelayFault): void;
  /**
   * Ends every delay under way now: each held request or answer goes on at once. With a delay longer than any
   * test, the test decides when a held request goes on, instead of racing a timer against the client's.
   */
  releaseDelays(): void;
  /** The next owner change (PUT /<pkg>/-rev/<rev> with maintainers) answers 409 after passing the OTP gate, without applying. */
  ownerConflictOnce(): void;
  /** Drops every pending fault (`failPackage` ones included). */
  clearFaults(): void;
  /** The 2FA gate's counters so far (a fresh copy on each read). */
  readonly otpStats: OtpStats;
  /**
   * Configures a trusted publisher (GitHub Actions), which lets the OIDC exchange mint tokens
   * for `pkg` (publish with `createPackage`, the default; stage with `createStagedPackage`).
   * Unlike `POST /-/package/<pkg>/trust`, it needs no existing package and allows several per
   * package. Returns the configuration's id.
   */
  trustPublisher(pkg: string, publisher: TrustedPublisher): string;
  /** Mints a signed ID token as GitHub Actions would (RS256, key owned by the fixture). */
  issueIdToken(claims: IdTokenClaims): string;
  /** npmjs-only settings of a package (not in the packument), for assertions; undefined if never named. */
  packageSettings(name: string): PackageSettings | undefined;
  /** The packument as clients see it (with maintainers and the fixture's _rev), or undefined. */
  packument(name: string): Promise<any | undefined>;
  /** Versions waiting for approval (all packages, or `pkg`'s), oldest first. */
  staged(pkg?: string): StagedPackage[];
  close(): Promise<void>;
}
