import { isDeepStrictEqual } from 'node:util';
import { ProductError } from '../foundation/errors.ts';
import { statusOf } from '../foundation/http-errors.ts';
import { arity, type FlagSpec, flagValue, flagValues, type Line, UUID, WORKSPACE_FLAGS, workspaceScope } from '../grammar/line.ts';
import { packageNameProblem } from '../grammar/validate.ts';
import type { TrustSpec } from '../plan/types.ts';
import type { RegistryClient } from '../registry/client.ts';
import { readPackument } from '../registry/packument.ts';
import { createTrust, listTrust, revokeTrust, type TrustConfig, type TrustPermission } from '../registry/trust.ts';
import { type Command, type CommandContext, type CommandOutcome, oneStep, otpWrite } from './command.ts';
import { PackageNotFoundError } from './errors.ts';

/**
 * `npm trust`: a package's trusted publishers (npm trusted publishing, OIDC).
 * On registry.npmjs.org every one of these requests asks for a one-time
 * password, the list included (npm sends it through otplease).
 */

/** The check before anything runs: trusted publishers are set on a package that exists. */
async function preflightTrust(client: RegistryClient, pkg: string): Promise<void> {
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
    return await otpWrite(context, `trust list ${pkg}`, 'trust', (npmHeaders) => listTrust(context.client, pkg, npmHeaders));
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
async function trustCreate(context: CommandContext, pkg: string, config: TrustConfig, dryRun: boolean, notes: string[]): Promise<CommandOutcome> {
  const what = describeTrust(config);
  for (const note of notes) context.logger.info(`${pkg}: ${note}`);
  if ((context.dryRun || dryRun) && context.otp.source === undefined) {
    return {
      status: 'dry-run',
      detail: `would add a trusted publisher to ${pkg}: ${what} (its current trusted publishers were not read: that read needs a one-time password, and no TOTP secret is set)`,
    };
  }
  context.logger.info(
    `Reading the trusted publishers of ${pkg} first, to skip one that is already there: registry.npmjs.org asks for a one-time password even for this read, so it uses a code.`,
  );
  const existing = await readTrust(context, pkg);
  const same = existing.find((entry) => sameTrust(entry, config));
  if (same)
    return {
      status: 'unchanged',
      ...(same.id ? { id: same.id } : {}),
      detail: `${pkg} already has this trusted publisher (id ${same.id ?? 'not given'}): ${what}`,
    };
  const others =
    existing.length === 0 ? '' : `; it has ${existing.length} other${existing.length === 1 ? '' : 's'}: ${existing.map(describeWithId).join('; ')}`;
  if (context.dryRun || dryRun) return { status: 'dry-run', detail: `would add a trusted publisher to ${pkg}: ${what}${others}` };
  let created: TrustConfig[];
  try {
    created = await otpWrite(context, `trust ${config.type} ${pkg}`, 'trust', (npmHeaders) => createTrust(context.client, pkg, config, npmHeaders));
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
async function trustList(context: CommandContext, pkg: string): Promise<CommandOutcome> {
  const configs = await readTrust(context, pkg);
  const detail =
    configs.length === 0
      ? `${pkg} has no trusted publishers`
      : `${pkg} has ${configs.length} trusted publisher${configs.length === 1 ? '' : 's'}: ${configs.map(describeWithId).join('; ')}`;
  return { status: 'read', detail, data: configs };
}

/** `trust revoke <pkg> --id <id>`: skipped when the registry has no such trusted publisher (404 on an existing package). */
async function trustRevoke(context: CommandContext, pkg: string, id: string, dryRun: boolean): Promise<CommandOutcome> {
  if (context.dryRun || dryRun) return { status: 'dry-run', id, detail: `would revoke the trusted publisher ${id} of ${pkg}` };
  try {
    await otpWrite(context, `trust revoke ${pkg} --id ${id}`, 'trust', (npmHeaders) => revokeTrust(context.client, pkg, id, npmHeaders));
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    if (!(await readPackument(context.client, pkg))) throw new PackageNotFoundError(pkg, context.client.registry);
    return { status: 'unchanged', id, detail: `${pkg} has no trusted publisher ${id} (revoked already, or never there)` };
  }
  return { status: 'done', id, detail: `revoked the trusted publisher ${id} of ${pkg}` };
}

/** Same type, same claims (key order aside), same permissions (order aside). */
function sameTrust(a: TrustConfig, b: TrustConfig): boolean {
  return (
    a.type === b.type &&
    isDeepStrictEqual(canonical(a.claims), canonical(b.claims)) &&
    isDeepStrictEqual([...(a.permissions ?? [])].sort(), [...(b.permissions ?? [])].sort())
  );
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, inner]) => [key, canonical(inner)]),
  );
}

const PERMISSION_WORDS: Record<string, string> = { createPackage: 'publish', createStagedPackage: 'stage publish' };

/** A configuration in words, as npm prints it: who, from where, allowed to do what. */
function describeTrust(config: TrustConfig): string {
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

const PERMISSION_FLAGS: readonly FlagSpec[] = [{ name: 'allow-publish' }, { name: 'allow-stage-publish' }, { name: 'allow-staged-publish' }];
const ENV_FLAGS: readonly FlagSpec[] = [
  { name: 'env', value: true },
  { name: 'environment', value: true },
];
const PROVIDER_FLAGS: Record<TrustSpec['provider'], readonly FlagSpec[]> = {
  github: [{ name: 'file', value: true }, { name: 'repo', value: true }, { name: 'repository', value: true }, ...ENV_FLAGS],
  gitlab: [{ name: 'file', value: true }, { name: 'project', value: true }, ...ENV_FLAGS],
  circleci: [
    ...['org-id', 'project-id', 'pipeline-definition-id', 'vcs-origin'].map((name): FlagSpec => ({ name, value: true })),
    { name: 'context-id', value: true, repeat: true },
  ],
};
const USAGE: Record<TrustSpec['provider'], string> = {
  github:
    'trust github [<pkg>] --file <workflow.yml> [--repo <owner/repo>] [--env <name>] --allow-publish|--allow-stage-publish [--workspaces | -w <name|folder|glob>...] [--dry-run]',
  gitlab:
    'trust gitlab [<pkg>] --file <.gitlab-ci.yml> [--project <group/project>] [--env <name>] --allow-publish|--allow-stage-publish [--workspaces | -w ...] [--dry-run]',
  circleci:
    'trust circleci [<pkg>] --org-id <uuid> --project-id <uuid> --pipeline-definition-id <uuid> --vcs-origin <host/owner/repo> [--context-id <uuid>...] --allow-publish|--allow-stage-publish [--workspaces | -w ...] [--dry-run]',
};

/** A `trust github|gitlab|circleci` line as npm CLI 11.21 reads it and checks it, before anything is sent. */
function parseTrustSetup(provider: TrustSpec['provider'], line: Line) {
  const { flags } = line;
  arity(line, 0, 1, `trust ${provider} [<pkg>] ...`);
  const workspaces = workspaceScope(line);
  const given = line.args[0];
  if (given !== undefined) {
    if (workspaces !== undefined)
      throw line.fail(`name either <pkg> or --workspaces/-w, not both (${given} was given with ${workspaces === true ? '--workspaces' : '-w'})`);
    const problem = packageNameProblem(given);
    if (problem) throw line.fail(problem);
  }
  const permissions: TrustPermission[] = [];
  if (flags.get('allow-publish') === true) permissions.push('createPackage');
  if (flags.get('allow-stage-publish') === true || flags.get('allow-staged-publish') === true) permissions.push('createStagedPackage');
  if (permissions.length === 0) throw line.fail('at least one permission flag is required (--allow-publish, --allow-stage-publish), as npm requires');
  const spec: TrustSpec = { provider, permissions };
  const environment = flagValue(flags, 'env', 'environment');
  if (environment !== undefined) {
    if (environment.trim() === '') throw line.fail('--env needs a non-empty environment name');
    spec.environment = environment;
  }
  if (provider === 'circleci') {
    const ids = {
      orgId: flagValue(flags, 'org-id'),
      projectId: flagValue(flags, 'project-id'),
      pipelineDefinitionId: flagValue(flags, 'pipeline-definition-id'),
    };
    for (const [key, flag] of [
      ['orgId', 'org-id'],
      ['projectId', 'project-id'],
      ['pipelineDefinitionId', 'pipeline-definition-id'],
    ] as const) {
      const id = ids[key];
      if (id === undefined) throw line.fail(`--${flag} is required`);
      if (!UUID.test(id)) throw line.fail(`--${flag} must be a valid UUID, not "${id}"`);
    }
    const vcsOrigin = flagValue(flags, 'vcs-origin');
    if (vcsOrigin === undefined) throw line.fail('--vcs-origin is required');
    if (vcsOrigin.includes('://')) throw line.fail(`--vcs-origin must not include a scheme: github.com/owner/repo, not ${vcsOrigin}`);
    if (vcsOrigin.split('/').length < 3) throw line.fail(`--vcs-origin must be provider/owner/repo (for example github.com/owner/repo), not "${vcsOrigin}"`);
    const contextIds = flagValues(flags, 'context-id');
    const bad = contextIds.find((id) => !UUID.test(id));
    if (bad !== undefined) throw line.fail(`--context-id must be a valid UUID, not "${bad}"`);
    spec.circleci = {
      orgId: ids.orgId as string,
      projectId: ids.projectId as string,
      pipelineDefinitionId: ids.pipelineDefinitionId as string,
      vcsOrigin,
      contextIds,
    };
  } else {
    const file = flagValue(flags, 'file');
    const what = provider === 'github' ? 'the GitHub Actions workflow file' : 'the GitLab CI/CD pipeline file';
    if (file === undefined) throw line.fail(`--file is required: ${what} name, such as ${provider === 'github' ? 'release.yml' : '.gitlab-ci.yml'}`);
    if (!/\.ya?ml$/.test(file)) throw line.fail(`--file must end in .yml or .yaml, not "${file}"`);
    if (file.includes('/') || file.includes('\\'))
      throw line.fail(`--file must be just ${what} name, not a path: "${file.split(/[/\\]/).at(-1)}", not "${file}"`);
    spec.file = file;
    const entity = provider === 'github' ? flagValue(flags, 'repo', 'repository') : flagValue(flags, 'project');
    if (entity !== undefined) {
      if (provider === 'github' && !/^[^/\s]+\/[^/\s]+$/.test(entity)) throw line.fail(`--repo must be owner/repository, not "${entity}"`);
      if (provider === 'gitlab' && !/^[^/\s]+(\/[^/\s]+)+$/.test(entity))
        throw line.fail(`--project must be group/project or group/subgroup/project, not "${entity}"`);
      spec.entity = entity;
    }
  }
  return {
    ...line.source,
    pkg: given,
    spec,
    dryRun: flags.get('dry-run') === true,
    workspaces,
    includeWorkspaceRoot: flags.get('include-workspace-root') === true,
  };
}

/** `trust github|gitlab|circleci`: a trusted publisher for the package, or every workspace package, each checked to exist before anything is sent. */
function trustSetup(provider: TrustSpec['provider']): Command<ReturnType<typeof parseTrustSetup>> {
  return {
    words: ['trust', provider],
    usage: [USAGE[provider]],
    summary: `make a package trust ${provider === 'github' ? 'a GitHub Actions workflow' : provider === 'gitlab' ? 'a GitLab CI/CD pipeline' : 'a CircleCI pipeline'} (npm trusted publishing)`,
    // --yes: npm asks for confirmation without it; nothing here is interactive.
    flags: [...PROVIDER_FLAGS[provider], ...PERMISSION_FLAGS, ...WORKSPACE_FLAGS, { name: 'dry-run' }, { name: 'yes' }],
    reads: false,
    byOidc: false,
    auth: 'trust',
    parse: (line) => parseTrustSetup(provider, line),
    async plan(data, { options, cwd }) {
      const { planTrust } = await import('../plan/trust-stage-plan.ts');
      return {
        steps: (await planTrust(data, options, cwd)).map(({ pkg, config, flags, notes }) => ({
          // A workspace's line says its own package: `trust github @s/a --file release.yml ...`.
          label: data.workspaces === undefined ? data.text : ['trust', provider, pkg, ...flags].join(' '),
          reads: false,
          pkg,
          check: ({ client }) => preflightTrust(client, pkg),
          run: (context) => trustCreate(context, pkg, config, data.dryRun, notes),
        })),
      };
    },
  };
}

export const trustGithubCommand = trustSetup('github');
export const trustGitlabCommand = trustSetup('gitlab');
export const trustCircleciCommand = trustSetup('circleci');

/** `trust list [<pkg>]`: a read, which registry.npmjs.org guards with 2FA all the same. */
export const trustListCommand: Command<{ pkg: string }> = {
  words: ['trust', 'list'],
  usage: ['trust list [<pkg>]'],
  summary: "list a package's trusted publishers",
  flags: [],
  // It reads, but through the 2FA gate: it needs a token.
  reads: true,
  byOidc: false,
  auth: 'trust',
  parse(line) {
    arity(line, 0, 1, 'trust list [<pkg>]');
    return { pkg: line.pkgOrDefault(line.args[0]) };
  },
  plan: ({ pkg }, { source }) => oneStep({ label: source.text, reads: true, pkg, run: (context) => trustList(context, pkg) }),
};

/** `trust revoke [<pkg>] --id <id>`. */
export const trustRevokeCommand: Command<{ pkg: string; id: string; dryRun: boolean }> = {
  words: ['trust', 'revoke'],
  usage: ['trust revoke [<pkg>] --id <id> [--dry-run]'],
  summary: 'remove a trusted publisher from a package',
  flags: [{ name: 'id', value: true }, { name: 'dry-run' }],
  reads: false,
  byOidc: false,
  auth: 'trust',
  parse(line) {
    arity(line, 0, 1, 'trust revoke [<pkg>] --id <id>');
    const id = flagValue(line.flags, 'id');
    if (id === undefined) throw line.fail('--id is required: the id of the trusted publisher to revoke (trust list shows it)');
    if (!UUID.test(id)) throw line.fail(`--id must be a trusted publisher's id, a UUID, not "${id}"`);
    return { pkg: line.pkgOrDefault(line.args[0]), id, dryRun: line.flags.get('dry-run') === true };
  },
  plan: ({ pkg, id, dryRun }, { source }) => oneStep({ label: source.text, reads: false, pkg, run: (context) => trustRevoke(context, pkg, id, dryRun) }),
};
