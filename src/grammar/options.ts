import semver from 'semver';
import { parseTotpSecret, secretForms, type TotpSecret } from '../otp/secret.ts';
import { tagProblem, wholeNumber } from './validate.ts';
import { InputError } from '../foundation/errors.ts';
import { parseDuration } from '../otp/web-approval.ts';
import { SETUP_NODE_PLACEHOLDER } from '../foundation/setup-node-placeholder.ts';

/** Settings as they arrive from an adapter: text, unchecked. Empty means not given. */
export interface RawOptions {
  token?: string | undefined;
  otpSecret?: string | undefined;
  registry?: string | undefined;
  package?: string | undefined;
  tag?: string | undefined;
  access?: string | undefined;
  dryRun?: string | boolean | undefined;
  ignoreScripts?: string | boolean | undefined;
  allowInsecureRegistry?: string | boolean | undefined;
  expectVersion?: string | undefined;
  trustedPublishing?: string | undefined;
  workspaces?: string | boolean | string[] | undefined;
  includeWorkspaceRoot?: string | boolean | undefined;
  concurrency?: string | number | undefined;
  otpUses?: string | number | undefined;
  provenance?: string | boolean | undefined;
  authType?: string | undefined;
  approvalTimeout?: string | undefined;
  approvalWebhook?: string | undefined;
}

/** What each setting is called where the user sets it, so errors name it as they know it. */
export type InputNames = Record<keyof RawOptions, string>;

/**
 * Each setting's name as users write it: the action's input, and after `--` the CLI's flag (the CLI takes the
 * token, the TOTP secret and the approval webhook from environment variables only, and names those instead).
 */
export const SETTING_NAMES: InputNames = {
  token: 'token',
  otpSecret: 'otp-secret',
  registry: 'registry',
  package: 'package',
  tag: 'tag',
  access: 'access',
  dryRun: 'dry-run',
  ignoreScripts: 'ignore-scripts',
  allowInsecureRegistry: 'allow-insecure-registry',
  expectVersion: 'expect-version',
  trustedPublishing: 'trusted-publishing',
  workspaces: 'workspaces',
  includeWorkspaceRoot: 'include-workspace-root',
  concurrency: 'concurrency',
  otpUses: 'otp-uses',
  provenance: 'provenance',
  authType: 'auth-type',
  approvalTimeout: 'approval-timeout',
  approvalWebhook: 'approval-webhook',
};

/** Settings checked once, at the edge; the core trusts them. */
export interface Options {
  /** Bearer token, trimmed; undefined for a dry run without one, or when trusted publishing (OIDC) alone is to write. */
  token: string | undefined;
  /** The TOTP secret; undefined means no code is ever sent. */
  secret: TotpSecret | undefined;
  /** Every textual form of the token and secret, to mask. */
  secrets: string[];
  /** Registry base URL with a trailing slash. Default https://registry.npmjs.org/. */
  registry: string;
  /** False when the registry is the default because the setting was left empty. */
  registryGiven: boolean;
  /** Folder, package.json or .tgz. Default `.`. */
  packageSpec: string;
  /** The dist-tag if the user chose one; `latest` applies otherwise (prereleases must choose). */
  tag: string | undefined;
  /** Undefined leaves the registry's choice (or package.json's publishConfig.access). */
  access: 'public' | 'restricted' | undefined;
  dryRun: boolean;
  ignoreScripts: boolean;
  /** The version every publish must have (a release tag such as v1.2.3, leading v dropped); undefined = any. */
  expectVersion: string | undefined;
  /** `auto`: publish through trusted publishing (OIDC) when the job has an ID token, else the token. `off`: always the token. Default auto. */
  trustedPublishing: 'auto' | 'off';
  /**
   * Which workspace packages of the monorepo whose root is `packageSpec` a publish covers: undefined (default) for
   * the package alone; true for all; otherwise names, folders or globs, as `npm -w` takes them.
   */
  workspaces: true | string[] | undefined;
  /** Publish the monorepo's root package too. Default false. */
  includeWorkspaceRoot: boolean;
  /** Packages packed and uploaded at once. Default 4. */
  concurrency: number;
  /**
   * The most writes one code is sent with; the next write waits for the next window's code. Default `auto`: 3 on
   * registry.npmjs.org (which rate-limits a code used for more), no limit on any other registry until it answers
   * 429 or refuses a reused code (see otpPacing).
   */
  otpUses: number | 'auto';
  /**
   * A signed provenance statement (SLSA, through sigstore) with each publish. `true`: always, refused before anything
   * runs where it cannot be made; `false`: never; `auto` (default): package.json's `publishConfig.provenance` if set,
   * else as npm does: on for a publish that goes through trusted publishing from GitHub Actions or GitLab CI.
   */
  provenance: boolean | 'auto';
  /**
   * How a 2FA challenge is answered. `totp`: with a code from the TOTP secret (required). `web`: a person approves
   * each challenge on npm's web page (a phone, a security key) while the job waits; no code is ever sent. `auto`
   * (default): a code when a TOTP secret is given, and a web approval when the registry offers one and there is no
   * secret or the account answers a code with one.
   */
  authType: 'auto' | 'totp' | 'web';
  /** How long one web approval may take before the run stops with EAPPROVALTIMEOUT, ms. Default 15 minutes. */
  approvalTimeoutMs: number;
  /** An incoming-webhook URL (Slack, Teams, Discord) told when an approval waits; a secret. Undefined = none. */
  approvalWebhook: string | undefined;
  names: InputNames;
}

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

/** Checks and normalises every setting; throws an InputError naming the first bad one. */
export function normalizeOptions(raw: RawOptions, names: InputNames, context: { idTokenAvailable?: boolean } = {}): Options {
  const dryRun = parseBoolean(raw.dryRun, names.dryRun, false);
  const token = realToken(raw.token);
  const secretText = blankToUndefined(raw.otpSecret);
  const secret = secretText === undefined ? undefined : parseTotpSecret(secretText, names.otpSecret);
  const approvalWebhook = parseWebhook(raw.approvalWebhook, names.approvalWebhook);
  const secrets = [...(token ? [token] : []), ...(secretText && secret ? secretForms(secretText, secret) : []), ...(approvalWebhook ? [approvalWebhook] : [])];
  const authType = parseAuthType(raw.authType, names, secret !== undefined);
  const trustedPublishing = parseTrustedPublishing(raw.trustedPublishing, names.trustedPublishing);
  // Without a token, only trusted publishing (OIDC) can write: allowed when the job can have an ID token.
  if (token === undefined && !dryRun && !(context.idTokenAvailable && trustedPublishing === 'auto')) {
    throw new InputError(
      names.token,
      `${names.token}: no registry token was given. Set ${names.token} to an npm access token (a granular token with read and write access to the package), ` +
        `or, to publish or stage by trusted publishing alone, give the job an OIDC ID token (GitHub: permissions id-token: write; elsewhere NPM_ID_TOKEN).`,
    );
  }
  if (token !== undefined && /\s/.test(token)) {
    throw new InputError(
      names.token,
      `${names.token}: the token has a space or line break inside it. Give the token alone, exactly as the registry issued it.`,
    );
  }
  return {
    token,
    secret,
    secrets,
    registry: parseRegistry(raw.registry, names, parseBoolean(raw.allowInsecureRegistry, names.allowInsecureRegistry, false)),
    registryGiven: blankToUndefined(raw.registry) !== undefined,
    packageSpec: blankToUndefined(raw.package) ?? '.',
    tag: parseTag(raw.tag, names.tag),
    access: parseAccess(raw.access, names.access),
    dryRun,
    ignoreScripts: parseBoolean(raw.ignoreScripts, names.ignoreScripts, false),
    expectVersion: parseExpectedVersion(raw.expectVersion, names.expectVersion),
    trustedPublishing,
    workspaces: parseWorkspaces(raw.workspaces, names.workspaces),
    includeWorkspaceRoot: parseBoolean(raw.includeWorkspaceRoot, names.includeWorkspaceRoot, false),
    concurrency: parseCount(raw.concurrency, names.concurrency, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, 'packages packed and uploaded at once'),
    otpUses: parseCount(raw.otpUses, names.otpUses, 'auto', MAX_OTP_USES, 'writes sent with one code'),
    provenance: parseProvenance(raw.provenance, names.provenance),
    authType,
    approvalTimeoutMs: parseApprovalTimeout(raw.approvalTimeout, names.approvalTimeout),
    approvalWebhook,
    names,
  };
}

/** Default of approval-timeout. */
const DEFAULT_APPROVAL_TIMEOUT_MS = 15 * 60 * 1000;
const MIN_APPROVAL_TIMEOUT_MS = 1000;
/** GitHub ends a job after 6 hours. */
const MAX_APPROVAL_TIMEOUT_MS = 6 * 60 * 60 * 1000;

function parseAuthType(value: string | undefined, names: InputNames, hasSecret: boolean): 'auto' | 'totp' | 'web' {
  const text = blankToUndefined(value)?.toLowerCase() ?? 'auto';
  if (text !== 'auto' && text !== 'totp' && text !== 'web') {
    throw new InputError(
      names.authType,
      `${names.authType}: "${value}" is not a choice. Use auto (a TOTP code when ${names.otpSecret} is set, else a web approval), totp (codes only) or web (web approvals only).`,
      { received: value },
    );
  }
  if (text === 'totp' && !hasSecret) {
    throw new InputError(
      names.authType,
      `${names.authType} is totp, but ${names.otpSecret} is not set: give the account's TOTP secret, or set ${names.authType} to auto or web to approve writes on npm's web page while the job waits.`,
    );
  }
  if (text === 'web' && hasSecret) {
    throw new InputError(
      names.authType,
      `${names.authType} is web, which never sends a TOTP code, but ${names.otpSecret} is set: leave ${names.otpSecret} empty, or set ${names.authType} to auto (a code first, a web approval if the account has no TOTP).`,
    );
  }
  return text;
}

function parseApprovalTimeout(value: string | undefined, name: string): number {
  const text = blankToUndefined(value);
  if (text === undefined) return DEFAULT_APPROVAL_TIMEOUT_MS;
  const ms = parseDuration(text);
  if (ms === undefined || ms < MIN_APPROVAL_TIMEOUT_MS || ms > MAX_APPROVAL_TIMEOUT_MS) {
    throw new InputError(name, `${name}: "${text}" is not a duration from 1s to 6h; write it as 90s, 15m or 1h (default 15m).`, { received: text });
  }
  return ms;
}

/** An incoming-webhook URL: https, or http to this machine. Never repeated back: it is a secret. */
function parseWebhook(value: string | undefined, name: string): string | undefined {
  const text = blankToUndefined(value);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(name, `${name}: the value given is not a URL; give the incoming webhook's https URL (Slack, Teams or Discord), or leave it empty.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw new InputError(
      name,
      `${name}: the webhook must be an https URL (http only to this machine): approval links and what waits would cross the network in clear.`,
    );
  }
  return text;
}

/** True when the job can have an OIDC ID token (as npm looks for one): `NPM_ID_TOKEN`, or GitHub's token endpoint. */
export function idTokenAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.NPM_ID_TOKEN?.trim() || (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN));
}

const DEFAULT_CONCURRENCY = 4;
/** The most packages packed and uploaded at once (`concurrency`, `--concurrency`). */
export const MAX_CONCURRENCY = 32;
/** What `otp-uses: auto` means on registry.npmjs.org. */
const NPMJS_OTP_USES = 3;
/** The most writes one code may be sent with (`otp-uses`, `--otp-uses`). */
export const MAX_OTP_USES = 1000;
/** Registries known to limit how many writes one code may serve: registry.npmjs.org answers `429 rate limited otp` after about 4-5. */
const LIMITING_REGISTRIES = new Set(['registry.npmjs.org']);

/**
 * How many writes one code serves at the start of a run, and why, for the log: a number as given; `auto` is
 * NPMJS_OTP_USES on a registry known to limit it, else no limit (Infinity). Either way the OTP source lowers it
 * when the registry answers 429 `rate limited otp`, and drops to one write per code when it refuses a reused code.
 */
export function otpPacing(otpUses: number | 'auto', registry: string, inputName: string): { uses: number; why: string } {
  if (otpUses !== 'auto') return { uses: otpUses, why: `at most ${otpUses} write${otpUses === 1 ? '' : 's'} per one-time password (${inputName} ${otpUses})` };
  const host = new URL(registry).hostname;
  if (LIMITING_REGISTRIES.has(host)) {
    return {
      uses: NPMJS_OTP_USES,
      why: `at most ${NPMJS_OTP_USES} writes per one-time password (${inputName} auto: ${host} answers 429 "rate limited otp" after about 4-5 writes with one code; fewer if it answers so sooner)`,
    };
  }
  return {
    uses: Number.POSITIVE_INFINITY,
    why: `as many writes per one-time password as its window allows (${inputName} auto: ${host} is not known to limit reuse; a 429 "rate limited otp" or a refused reuse lowers it)`,
  };
}

/**
 * The `workspaces` setting: empty or false for the package alone, true for every workspace package, otherwise a
 * list of names, folders or globs (one per line or comma-separated).
 */
function parseWorkspaces(value: string | boolean | string[] | undefined, name: string): true | string[] | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return true;
  const entries = (Array.isArray(value) ? value : value.split(/[\n,]/)).map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) return undefined;
  if (entries.length === 1 && /^(true|false)$/i.test(entries[0] as string)) return (entries[0] as string).toLowerCase() === 'true' ? true : undefined;
  const bad = entries.find((entry) => /^(true|false)$/i.test(entry));
  if (bad)
    throw new InputError(
      name,
      `${name}: "${bad}" in a list of workspaces; give true alone for every workspace package, or a list of names, folders or globs.`,
      { received: value },
    );
  return entries;
}

/** A whole number from 1 to `max`; `fallback` when not given; with the fallback `auto`, that word too. */
function parseCount<T extends number | 'auto'>(value: string | number | undefined, name: string, fallback: T, max: number, what: string): number | T {
  const text = typeof value === 'number' ? String(value) : blankToUndefined(value);
  if (text === undefined || (fallback === 'auto' && text.toLowerCase() === 'auto')) return fallback;
  const count = wholeNumber(text, max);
  if (count !== undefined) return count;
  const valid = fallback === 'auto' ? `auto (the default) or a whole number from 1 to ${max}` : `a whole number from 1 to ${max} (default ${fallback})`;
  throw new InputError(name, `${name}: "${text}" is not a count of ${what}; give ${valid}.`, { received: value });
}

function realToken(value: string | undefined): string | undefined {
  const token = blankToUndefined(value);
  return token === SETUP_NODE_PLACEHOLDER ? undefined : token;
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** `true` or `false` (any case), `fallback` when empty; anything else is refused, naming the setting. */
export function parseBoolean(value: string | boolean | undefined, name: string, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  const text = blankToUndefined(value)?.toLowerCase();
  if (text === undefined) return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new InputError(name, `${name}: "${value}" is not a boolean. Use true or false.`, { received: value });
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A registry URL, normalised (no query or fragment, a trailing slash); refuses
 * credentials in it and plain http to another host unless allowed.
 */
export function parseRegistry(
  value: string | undefined,
  names: Pick<InputNames, 'registry' | 'token' | 'allowInsecureRegistry'>,
  allowInsecure: boolean,
): string {
  const name = names.registry;
  const text = blankToUndefined(value) ?? DEFAULT_REGISTRY;
  // A URL with credentials in it is never repeated back, even when it does not parse.
  const shown = text.includes('@') ? 'the value given' : `"${text}"`;
  const received = text.includes('@') ? undefined : text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(name, `${name}: ${shown} is not a URL. Give the registry's http(s) address, for example ${DEFAULT_REGISTRY}.`, { received });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(name, `${name}: ${shown} is not an http:// or https:// URL. Give the registry's http(s) address, for example ${DEFAULT_REGISTRY}.`, {
      received,
    });
  }
  if (url.username || url.password) {
    throw new InputError(
      name,
      `${name}: the registry URL carries credentials (user:password@). Give the URL without them, and the token through ${names.token}.`,
    );
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !allowInsecure) {
    throw new InputError(
      name,
      `${name}: ${shown} is plain http to a host other than this machine: the token would cross the network in clear. ` +
        `Use https, or set ${names.allowInsecureRegistry} to true if you accept that.`,
      { received },
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

function parseTag(value: string | undefined, name: string): string | undefined {
  const tag = blankToUndefined(value);
  if (tag === undefined) return undefined;
  const problem = tagProblem(tag);
  if (problem) throw new InputError(name, `${name}: ${problem}.`, { received: tag });
  return tag;
}

function parseTrustedPublishing(value: string | undefined, name: string): 'auto' | 'off' {
  const text = blankToUndefined(value)?.toLowerCase() ?? 'auto';
  if (text === 'auto' || text === 'off') return text;
  throw new InputError(
    name,
    `${name}: "${value}" is not a choice. Use auto (trusted publishing when the job has an OIDC ID token) or off (always the token).`,
    { received: value },
  );
}

function parseProvenance(value: string | boolean | undefined, name: string): boolean | 'auto' {
  if (typeof value === 'boolean') return value;
  const text = blankToUndefined(value)?.toLowerCase() ?? 'auto';
  if (text === 'auto') return 'auto';
  if (text === 'true' || text === 'false') return text === 'true';
  throw new InputError(
    name,
    `${name}: "${value}" is not a choice. Use true (sign a provenance statement, or stop before anything runs if it cannot be signed), false (never), or auto (publishConfig.provenance, else as npm does: with trusted publishing from GitHub Actions or GitLab CI).`,
    { received: value },
  );
}

function parseExpectedVersion(value: string | undefined, name: string): string | undefined {
  const text = blankToUndefined(value);
  if (text === undefined) return undefined;
  const version = semver.valid(text.replace(/^refs\/tags\//, '').replace(/^v(?=\d)/, ''));
  if (version === null)
    throw new InputError(name, `${name}: "${text}" is not a version; give the release's version, such as 1.2.3 or the tag v1.2.3.`, { received: text });
  return version;
}

function parseAccess(value: string | undefined, name: string): 'public' | 'restricted' | undefined {
  const access = blankToUndefined(value);
  if (access === undefined) return undefined;
  if (access === 'public' || access === 'restricted') return access;
  throw new InputError(name, `${name}: "${access}" is not an access level. Use public or restricted, or leave it empty to keep the registry's choice.`, {
    received: access,
  });
}
