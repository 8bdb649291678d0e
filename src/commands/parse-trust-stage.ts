import npa from 'npm-package-arg';
import semver from 'semver';
import type { TrustPermission } from '../registry/trust.ts';
import type { Command, CommandSource, StageTarget, TrustSpec } from './types.ts';
import { packageNameProblem } from './validate.ts';

/**
 * `trust ...` and `stage ...` lines (all but `stage publish`, which is a
 * publish), read as npm CLI 11.21 reads them (`lib/commands/trust/*.js`,
 * `lib/commands/stage/*.js`) and checked as it checks them, before anything
 * is sent: ids are UUIDs, a trusted publisher has at least one permission, a
 * workflow file is a file name, not a path.
 */

/** Flags of these commands that take a value. */
export { TRUST_STAGE_VALUED } from './types.ts';

/** One line, as parse.ts splits it, with its helpers. */
export interface LineParts {
  sub: string | undefined;
  rest: string[];
  flags: Map<string, string | true | string[]>;
  source: CommandSource;
  fail: (problem: string) => Error;
  allowFlags: (...allowed: string[]) => void;
  /** The `<pkg>` given (checked), else the package setting's name. */
  pkgOrDefault: (given: string | undefined) => string;
  /** `--workspaces` / `-w` entries, or undefined. */
  workspaces: () => true | string[] | undefined;
}

/** npm's validate-uuid.js. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const WORKSPACE_FLAGS = ['workspaces', 'workspace', 'include-workspace-root'];
const PERMISSION_FLAGS = ['allow-publish', 'allow-stage-publish', 'allow-staged-publish'];

/** `trust github|gitlab|circleci|list|revoke`. */
export function parseTrustLine(line: LineParts): Command {
  const { sub, rest, flags, source, fail, allowFlags } = line;
  const value = (name: string, ...aliases: string[]) => flagValue(flags, [name, ...aliases], fail);
  const arity = (max: number, usage: string) => {
    if (rest.length > max) throw fail(`expected: ${usage}`);
  };
  if (sub === 'github' || sub === 'gitlab' || sub === 'circleci') {
    const own = { github: ['file', 'repo', 'repository', 'env', 'environment'], gitlab: ['file', 'project', 'env', 'environment'], circleci: ['org-id', 'project-id', 'pipeline-definition-id', 'vcs-origin', 'context-id'] }[sub];
    // --yes: npm asks for confirmation without it; nothing here is interactive.
    allowFlags(...own, ...PERMISSION_FLAGS, ...WORKSPACE_FLAGS, 'dry-run', 'yes');
    arity(1, `trust ${sub} [<pkg>] ...`);
    const workspaces = line.workspaces();
    const given = rest[0];
    if (given !== undefined) {
      if (workspaces !== undefined) throw fail(`name either <pkg> or --workspaces/-w, not both (${given} was given with ${workspaces === true ? '--workspaces' : '-w'})`);
      const problem = packageNameProblem(given);
      if (problem) throw fail(problem);
    }
    const permissions: TrustPermission[] = [];
    if (flags.get('allow-publish') === true) permissions.push('createPackage');
    if (flags.get('allow-stage-publish') === true || flags.get('allow-staged-publish') === true) permissions.push('createStagedPackage');
    if (permissions.length === 0) throw fail('at least one permission flag is required (--allow-publish, --allow-stage-publish), as npm requires');
    const spec: TrustSpec = { provider: sub, permissions };
    const environment = value('env', 'environment');
    if (environment !== undefined) {
      if (environment.trim() === '') throw fail('--env needs a non-empty environment name');
      spec.environment = environment;
    }
    if (sub === 'circleci') {
      const ids = { orgId: value('org-id'), projectId: value('project-id'), pipelineDefinitionId: value('pipeline-definition-id') };
      for (const [key, flag] of [['orgId', 'org-id'], ['projectId', 'project-id'], ['pipelineDefinitionId', 'pipeline-definition-id']] as const) {
        const id = ids[key];
        if (id === undefined) throw fail(`--${flag} is required`);
        if (!UUID.test(id)) throw fail(`--${flag} must be a valid UUID, not "${id}"`);
      }
      const vcsOrigin = value('vcs-origin');
      if (vcsOrigin === undefined) throw fail('--vcs-origin is required');
      if (vcsOrigin.includes('://')) throw fail(`--vcs-origin must not include a scheme: github.com/owner/repo, not ${vcsOrigin}`);
      if (vcsOrigin.split('/').length < 3) throw fail(`--vcs-origin must be provider/owner/repo (for example github.com/owner/repo), not "${vcsOrigin}"`);
      const contextIds = listValue(flags.get('context-id'));
      const bad = contextIds.find((id) => !UUID.test(id));
      if (bad !== undefined) throw fail(`--context-id must be a valid UUID, not "${bad}"`);
      spec.circleci = { orgId: ids.orgId as string, projectId: ids.projectId as string, pipelineDefinitionId: ids.pipelineDefinitionId as string, vcsOrigin, contextIds };
    } else {
      const file = value('file');
      const what = sub === 'github' ? 'the GitHub Actions workflow file' : 'the GitLab CI/CD pipeline file';
      if (file === undefined) throw fail(`--file is required: ${what} name, such as ${sub === 'github' ? 'release.yml' : '.gitlab-ci.yml'}`);
      if (!/\.ya?ml$/.test(file)) throw fail(`--file must end in .yml or .yaml, not "${file}"`);
      if (file.includes('/') || file.includes('\\')) throw fail(`--file must be just ${what} name, not a path: "${file.split(/[/\\]/).at(-1)}", not "${file}"`);
      spec.file = file;
      const entity = sub === 'github' ? value('repo', 'repository') : value('project');
      if (entity !== undefined) {
        if (sub === 'github' && !/^[^/\s]+\/[^/\s]+$/.test(entity)) throw fail(`--repo must be owner/repository, not "${entity}"`);
        if (sub === 'gitlab' && !/^[^/\s]+(\/[^/\s]+)+$/.test(entity)) throw fail(`--project must be group/project or group/subgroup/project, not "${entity}"`);
        spec.entity = entity;
      }
    }
    return { ...source, kind: 'trust-setup', pkg: given, spec, dryRun: flags.get('dry-run') === true, workspaces, includeWorkspaceRoot: flags.get('include-workspace-root') === true };
  }
  if (sub === 'list') {
    allowFlags();
    arity(1, 'trust list [<pkg>]');
    return { ...source, kind: 'trust-list', pkg: line.pkgOrDefault(rest[0]) };
  }
  if (sub === 'revoke') {
    allowFlags('id', 'dry-run');
    arity(1, 'trust revoke [<pkg>] --id <id>');
    const id = value('id');
    if (id === undefined) throw fail('--id is required: the id of the trusted publisher to revoke (trust list shows it)');
    if (!UUID.test(id)) throw fail(`--id must be a trusted publisher's id, a UUID, not "${id}"`);
    return { ...source, kind: 'trust-revoke', pkg: line.pkgOrDefault(rest[0]), id, dryRun: flags.get('dry-run') === true };
  }
  throw fail(`trust takes github, gitlab, circleci, list or revoke, not "${sub ?? ''}"`);
}

/** `stage list|view|download|approve|reject` (`stage publish` is read as a publish). */
export function parseStageLine(line: LineParts): Command {
  const { sub, rest, flags, source, fail, allowFlags } = line;
  const uuid = (text: string | undefined, usage: string): string => {
    if (text === undefined || rest.length !== 1) throw fail(`expected: ${usage}`);
    if (!UUID.test(text)) throw fail(`"${text}" is not a stage id (a UUID, as stage publish and stage list show it)`);
    return text;
  };
  if (sub === 'list') {
    allowFlags();
    if (rest.length > 1) throw fail('expected: stage list [<pkg>]');
    const pkg = rest[0];
    if (pkg !== undefined) {
      const problem = packageNameProblem(pkg);
      if (problem) throw fail(`${problem}; stage list takes a package name without a version`);
    }
    return { ...source, kind: 'stage-list', pkg };
  }
  if (sub === 'view') {
    allowFlags();
    return { ...source, kind: 'stage-view', id: uuid(rest[0], 'stage view <id>') };
  }
  if (sub === 'download') {
    allowFlags('dir');
    const id = uuid(rest[0], 'stage download <id> [--dir <folder>]');
    return { ...source, kind: 'stage-download', id, dir: flagValue(flags, ['dir'], fail) };
  }
  if (sub === 'approve' || sub === 'reject') {
    allowFlags('dry-run', ...WORKSPACE_FLAGS);
    const workspaces = line.workspaces();
    if (workspaces !== undefined && rest.length > 0) throw fail(`name either ids and <pkg>@<version>s or --workspaces/-w, not both`);
    if (workspaces === undefined && rest.length === 0) throw fail(`expected: stage ${sub} <id|pkg@version>... (or --workspaces)`);
    const targets = rest.map((text) => stageTarget(text, fail));
    return { ...source, kind: 'stage-decide', action: sub, targets, dryRun: flags.get('dry-run') === true, workspaces, includeWorkspaceRoot: flags.get('include-workspace-root') === true };
  }
  throw fail(`stage takes publish, list, view, download, approve or reject, not "${sub ?? ''}"`);
}

/** A stage id (UUID) or `<pkg>@<version>` with an exact version. */
function stageTarget(text: string, fail: (problem: string) => Error): StageTarget {
  if (UUID.test(text)) return { id: text };
  let parsed: ReturnType<typeof npa> | undefined;
  try {
    parsed = npa(text);
  } catch {
    parsed = undefined;
  }
  if (parsed?.registry && parsed.name && parsed.type === 'version') return { name: parsed.name, version: semver.clean(parsed.fetchSpec as string) as string };
  throw fail(`"${text}" is neither a stage id (a UUID) nor <pkg>@<version> with an exact version`);
}

/** The last value of the first of `names` given; a flag given without a value is refused. */
function flagValue(flags: Map<string, string | true | string[]>, names: string[], fail: (problem: string) => Error): string | undefined {
  for (const name of names) {
    const value = flags.get(name);
    if (value === undefined) continue;
    if (value === true) throw fail(`--${name} needs a value`);
    return Array.isArray(value) ? value.at(-1) : value;
  }
  return undefined;
}

function listValue(value: string | true | string[] | undefined): string[] {
  if (value === undefined || value === true) return [];
  return Array.isArray(value) ? value : [value];
}
