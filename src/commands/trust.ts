import { isDeepStrictEqual } from 'node:util';
import { ProductError } from '../foundation/errors.ts';
import { statusOf } from '../foundation/http-errors.ts';
import type { RegistryClient } from '../registry/client.ts';
import { readPackument } from '../registry/packument.ts';
import { createTrust, listTrust, revokeTrust, type TrustConfig } from '../registry/trust.ts';
import { type CommandContext, type CommandOutcome, otpWrite } from './context.ts';
import { PackageNotFoundError } from './errors.ts';

/**
 * `npm trust`: a package's trusted publishers (npm trusted publishing, OIDC).
 * On registry.npmjs.org every one of these requests asks for a one-time
 * password, the list included (npm sends it through otplease).
 */

/** The check before anything runs: trusted publishers are set on a package that exists. */
export async function preflightTrust(client: RegistryClient, pkg: string): Promise<void> {
  if (await readPackument(client, pkg)) return;
  throw new ProductError(
    'ENOPACKAGE',
    `${pkg} is not on ${client.registry}, and a trusted publisher can only be added to a package that exists: publish it once with a token first, then add the trusted publisher. Nothing was sent.`,
    { received: pkg },
  );
}

/** The trusted publishers of `pkg`, read through the OTP wrapper; a missing package is an error. */
async function readTrust(context: CommandContext, pkg: string): Promise<TrustConfig[]> {
  try {
    return await otpWrite(context, `trust list ${pkg}`, 'trust', (write) => listTrust(context.client, pkg, write));
  } catch (error) {
    if (statusOf(error) === 404) throw new PackageNotFoundError(pkg, context.client.registry);
    throw error;
  }
}

/**
 * `trust github|gitlab|circleci` for one package, settled by the plan:
 * skipped when the package already has a trusted publisher with the same
 * type, claims and permissions (finding out is a read that costs a code on
 * registry.npmjs.org, as the log says); otherwise one POST of the body npm
 * sends. A dry run reads only when a TOTP secret is set.
 */
export async function trustCreate(context: CommandContext, pkg: string, config: TrustConfig, dryRun: boolean, notes: string[]): Promise<CommandOutcome> {
  const what = describeTrust(config);
  for (const note of notes) context.logger.info(`${pkg}: ${note}`);
  if ((context.dryRun || dryRun) && context.otp.source === undefined) {
    return { status: 'dry-run', detail: `would add a trusted publisher to ${pkg}: ${what} (its current trusted publishers were not read: that read needs a one-time password, and no TOTP secret is set)` };
  }
  context.logger.info(`Reading the trusted publishers of ${pkg} first, to skip one that is already there: registry.npmjs.org asks for a one-time password even for this read, so it uses a code.`);
  const existing = await readTrust(context, pkg);
  const same = existing.find((entry) => sameTrust(entry, config));
  if (same) return { status: 'unchanged', ...(same.id ? { id: same.id } : {}), detail: `${pkg} already has this trusted publisher (id ${same.id ?? 'not given'}): ${what}` };
  const others = existing.length === 0 ? '' : `; it has ${existing.length} other${existing.length === 1 ? '' : 's'}: ${existing.map(describeWithId).join('; ')}`;
  if (context.dryRun || dryRun) return { status: 'dry-run', detail: `would add a trusted publisher to ${pkg}: ${what}${others}` };
  let created: TrustConfig[];
  try {
    created = await otpWrite(context, `trust ${config.type} ${pkg}`, 'trust', (write) => createTrust(context.client, pkg, config, write));
  } catch (error) {
    if (statusOf(error) !== 409 || existing.length === 0) throw error;
    throw new ProductError(
      'ETRUSTCONFLICT',
      `The registry refused a second trusted publisher for ${pkg} (409): it has ${existing.map(describeWithId).join('; ')}. ` +
        `To replace it, revoke it first (trust revoke ${pkg} --id ${existing[0]?.id ?? '<id>'}), then run this again.`,
      { received: pkg, cause: error },
    );
  }
  const id = created.find((entry) => sameTrust(entry, config))?.id ?? created[0]?.id;
  return { status: 'done', ...(id ? { id } : {}), detail: `added a trusted publisher to ${pkg} (id ${id ?? 'not given'}): ${what}` };
}

/** `trust list <pkg>`: a read that costs a code on registry.npmjs.org; the configurations go to `data`. */
export async function trustList(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  const configs = await readTrust(context, pkg);
  const detail = configs.length === 0 ? `${pkg} has no trusted publishers` : `${pkg} has ${configs.length} trusted publisher${configs.length === 1 ? '' : 's'}: ${configs.map(describeWithId).join('; ')}`;
  return { status: 'read', detail, data: configs };
}

/** `trust revoke <pkg> --id <id>`: skipped when the registry has no such trusted publisher (404 on an existing package). */
export async function trustRevoke(context: CommandContext, pkg: string, id: string, dryRun: boolean): Promise<CommandOutcome> {
  if (context.dryRun || dryRun) return { status: 'dry-run', id, detail: `would revoke the trusted publisher ${id} of ${pkg}` };
  try {
    await otpWrite(context, `trust revoke ${pkg} --id ${id}`, 'trust', (write) => revokeTrust(context.client, pkg, id, write));
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    if (!(await readPackument(context.client, pkg))) throw new PackageNotFoundError(pkg, context.client.registry);
    return { status: 'unchanged', id, detail: `${pkg} has no trusted publisher ${id} (revoked already, or never there)` };
  }
  return { status: 'done', id, detail: `revoked the trusted publisher ${id} of ${pkg}` };
}

/** Same type, same claims (key order aside), same permissions (order aside). */
export function sameTrust(a: TrustConfig, b: TrustConfig): boolean {
  return a.type === b.type && isDeepStrictEqual(canonical(a.claims), canonical(b.claims)) && isDeepStrictEqual([...(a.permissions ?? [])].sort(), [...(b.permissions ?? [])].sort());
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, inner]) => [key, canonical(inner)]));
}

const PERMISSION_WORDS: Record<string, string> = { createPackage: 'publish', createStagedPackage: 'stage publish' };

/** A configuration in words, as npm prints it: who, from where, allowed to do what. */
export function describeTrust(config: TrustConfig): string {
  const claims = config.claims ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const file = (ref: unknown) => (ref && typeof ref === 'object' ? text((ref as Record<string, unknown>).file) : '?');
  const environment = claims.environment === undefined ? '' : `, environment ${text(claims.environment)}`;
  let who: string;
  if (config.type === 'github') who = `GitHub Actions, repository ${text(claims.repository)}, workflow ${file(claims.workflow_ref)}${environment}`;
  else if (config.type === 'gitlab') who = `GitLab CI/CD, project ${text(claims.project_path)}, pipeline ${file(claims.ci_config_ref_uri)}${environment}`;
  else if (config.type === 'circleci') {
    const claim = (key: string) => text(claims[`oidc.circleci.com/${key}`]);
    const contexts = claims['oidc.circleci.com/context-ids'];
    who = `CircleCI, ${claim('vcs-origin')}, org ${claim('org-id')}, project ${claim('project-id')}, pipeline definition ${claim('pipeline-definition-id')}${contexts === undefined ? '' : `, contexts ${(contexts as unknown[]).join(', ')}`}`;
  } else who = `${String(config.type)} ${JSON.stringify(claims)}`;
  const allowed = (config.permissions ?? []).map((permission) => PERMISSION_WORDS[permission] ?? permission).join(', ');
  return `${who}; may ${allowed || 'do nothing'}`;
}

function describeWithId(config: TrustConfig): string {
  return `${config.id ?? '(no id)'}: ${describeTrust(config)}`;
}
