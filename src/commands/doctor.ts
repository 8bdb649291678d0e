import { describeError } from '../foundation/describe-error.ts';
import { ProductError } from '../foundation/errors.ts';
import { isRecord } from '../foundation/is-record.ts';
import { isBypassRefusal, isExpiredNotice, TokenError } from '../foundation/refusals.ts';
import { arity, type CommandSource, type Line, WORKSPACE_FLAGS, workspaceScope } from '../grammar/line.ts';
import type { Options } from '../grammar/options.ts';
import { readPackageSource } from '../package/read-package.ts';
import { readTarball } from '../package/tarball.ts';
import type { PublishCommand, PublishPlan } from '../plan/types.ts';
import { probeTwoFactor, readCollaborators, readProfile, whoami } from '../registry/account.ts';
import { readVisibility } from '../registry/access.ts';
import type { Answer } from '../registry/client.ts';
import { readPackument } from '../registry/packument.ts';
import { listStaged, type StagedEntry } from '../registry/stage.ts';
import { listTrust, type TrustConfig } from '../registry/trust.ts';
import { type Command, type CommandContext, type CommandOutcome, otpWrite, type Step, type StepEnv, type WriteAuth } from './command.ts';
import { publishLineCommand } from './publish.ts';

/**
 * `doctor`: what the next run would meet, without writing anything. For the token (whoami, and whether the
 * registry says it expired or was revoked), the account (its 2FA mode, and whether this run can answer it: a
 * TOTP secret, web approvals, neither), the runner's clock against the registry's, each package in scope (new
 * or not, its version published or not, the tag and access it would get, whether this user maintains it, staged
 * versions waiting, and with --check-trust its trusted publishers, a read that costs one code or one approval
 * and proves the secret right), and each write of the run: the auth it would use, and why it would fail. A run
 * with a doctor line writes nothing (its command `inspects` the run): the other lines are planned and checked,
 * or, when doctor is alone, the publish of its packages. Its findings are a table in the log and the job
 * summary, its report the `data` of its row; a planned write that would fail fails the run.
 */

/** A `doctor` line. */
export interface DoctorLine extends CommandSource {
  /** A folder, package.json or .tgz; undefined = the package setting. */
  target: string | undefined;
  /** `--workspaces` or `-w`; undefined = the workspaces setting. */
  workspaces: true | string[] | undefined;
  includeWorkspaceRoot: boolean;
  /** `--check-trust`: read each package's trusted publishers (one code, or one approval). */
  checkTrust: boolean;
}

/** A package in doctor's scope, as the checkout would publish it. */
interface ScopePackage {
  name: string;
  version: string;
  tag?: string;
  /** Chosen by the settings or publishConfig; undefined keeps the registry's. */
  access?: 'public' | 'restricted' | undefined;
  /** Not published by the run (private, skipped), and why. */
  listed?: string;
  /** Why the checkout cannot publish it (settled as the publish would be). */
  problem?: string;
}

/** What doctor reports, as the `data` of its row in `results` (and the CLI's --json). */
export interface DoctorReport {
  /** False when a planned write would fail. */
  ok: boolean;
  registry: string;
  token: { state: 'valid' | 'expired' | 'refused' | 'none' | 'unknown'; user?: string; bypass2fa: boolean | null; detail: string };
  account: { tfa: 'auth-and-writes' | 'auth-only' | 'none' | 'pending' | 'unknown'; totp: boolean; webApprovals: boolean | null; detail: string };
  clock: { offsetMs: number | null; detail: string };
  packages: Array<{
    name: string;
    version: string;
    exists: boolean | null;
    published: boolean | null;
    tag: string | null;
    access: string | null;
    maintainer: boolean | null;
    staged: Array<{ id: string; version: string; tag: string; status: string }>;
    trust: TrustConfig[] | null;
    detail: string;
  }>;
  writes: Array<{ line: number; command: string; auth: string; ok: boolean; detail: string }>;
  /** Each reason a planned write would fail, in a sentence. */
  problems: string[];
}

type Status = 'ok' | 'info' | 'warn' | 'fail';
const MARK: Record<Status, string> = { ok: 'ok', info: 'info', warn: 'warn', fail: 'FAIL' };

/** What doctor knows of a package the run names, read once. */
interface PackageFacts {
  exists: boolean | null;
  /** Its versions, by number. */
  published?: Record<string, unknown>;
  /** Its `latest` dist-tag. */
  latest?: string | undefined;
  maintainer: boolean | null;
  maintainerText: string;
}

export const doctorCommand: Command<DoctorLine> = {
  words: ['doctor'],
  usage: ['doctor [<folder>|<tarball>] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--check-trust]'],
  summary: "check, writing nothing, the token, the account's 2FA, the clock, each package and the auth each planned write would use",
  flags: [...WORKSPACE_FLAGS, { name: 'check-trust' }],
  reads: true,
  byOidc: true,
  auth: 'none',
  inspects: {
    // Alone, doctor inspects the publish of its packages: what the action does without commands.
    alone: (data) => ({ command: publishLineCommand, data: scopeCommand(data, false), text: data.target === undefined ? 'publish' : `publish ${data.target}` }),
  },
  parse(line: Line): DoctorLine {
    arity(line, 0, 1, 'doctor [<folder>|<tarball>] [--workspaces | -w ...] [--check-trust]');
    const workspaces = workspaceScope(line);
    if (workspaces !== undefined && line.args[0] !== undefined)
      throw line.fail('name either a folder or --workspaces/-w (the monorepo is the package setting), not both');
    return {
      ...line.source,
      target: line.args[0],
      workspaces,
      includeWorkspaceRoot: line.flags.get('include-workspace-root') === true,
      checkTrust: line.flags.get('check-trust') === true,
    };
  },
  async plan(data, { options, cwd, env, source }) {
    const packages = await doctorScope(data, options, cwd, env);
    return {
      steps: [{ label: source.text, reads: true, run: (context: CommandContext, stepEnv: StepEnv) => diagnose(context, stepEnv, data, options, packages) }],
    };
  },
};

/** The publish line doctor's scope is: the same folder or workspaces. */
function scopeCommand(data: DoctorLine, dryRun: boolean): PublishCommand {
  return {
    line: data.line,
    text: data.text,
    target: data.target,
    tag: undefined,
    access: undefined,
    dryRun,
    ...(data.workspaces === undefined ? {} : { workspaces: data.workspaces }),
    ...(data.includeWorkspaceRoot ? { includeWorkspaceRoot: true } : {}),
  };
}

/** The packages in scope, settled as a publish would settle them (as a dry run: a problem is a finding, not a refusal). */
async function doctorScope(data: DoctorLine, options: Options, cwd: string, env: NodeJS.ProcessEnv): Promise<ScopePackage[]> {
  const command = scopeCommand(data, true);
  const fromPlan = (plan: PublishPlan): ScopePackage => ({ name: plan.name, version: plan.version, tag: plan.tag, access: plan.access });
  try {
    if ((command.workspaces ?? options.workspaces) !== undefined) {
      const { planWorkspacePublish } = await import('../plan/workspace-plan.ts');
      const plan = await planWorkspacePublish(command, options, cwd, env);
      return plan.members.map((member) =>
        member.plan ? fromPlan(member.plan) : { name: member.name, version: member.version, listed: member.listed?.detail ?? 'private: not published' },
      );
    }
    const { planPublish } = await import('../plan/publish-plan.ts');
    return [fromPlan(await planPublish(command, options, cwd, env))];
  } catch (error) {
    // The checkout cannot be published as it is: still name the package when its manifest reads.
    const found = await readPackageSource(data.target ?? options.packageSpec, cwd, options.names.package)
      .then(async (source) => (source.kind === 'folder' ? source.manifest : (await readTarball(source.file, options.names.package)).manifest))
      .catch(() => undefined);
    const manifest = found as Record<string, unknown> | undefined;
    return [
      {
        name: typeof manifest?.name === 'string' ? manifest.name : (data.target ?? options.packageSpec),
        version: typeof manifest?.version === 'string' ? manifest.version : '',
        problem: describeError(error),
      },
    ];
  }
}

/** The 2FA a write of this kind meets, and how the run would answer it; a string is why it cannot. */
type TwoFactorAnswer = { auth: string } | { fail: string };

async function diagnose(context: CommandContext, env: StepEnv, data: DoctorLine, options: Options, scope: ScopePackage[]): Promise<CommandOutcome> {
  const { client } = context;
  const rows: Array<[string, Status, string]> = [];
  const problems: string[] = [];
  const report: DoctorReport = {
    ok: true,
    registry: client.registry,
    token: { state: 'none', bypass2fa: null, detail: '' },
    account: { tfa: 'unknown', totp: false, webApprovals: null, detail: '' },
    clock: { offsetMs: null, detail: '' },
    packages: [],
    writes: [],
    problems,
  };

  // The token: whoami. Its answer's Date header also tells the client how far this runner's clock is from the registry's.
  let tokenError: TokenError | undefined;
  const asked = await whoami(client).catch((error: unknown) => error);
  const who = isAnswer(asked) ? asked : undefined;
  if (options.token === undefined) {
    report.token = {
      state: 'none',
      bypass2fa: null,
      detail: 'no token: reads are anonymous, and only publish and stage publish can go, by trusted publishing (OIDC)',
    };
  } else if (!who) {
    report.token = { state: 'unknown', bypass2fa: null, detail: `whoami could not be asked (${describeError(asked)})` };
  } else if (who.status === 200 && isRecord(who.body) && typeof who.body.username === 'string') {
    report.token = { state: 'valid', user: who.body.username, bypass2fa: null, detail: `valid: the token is ${who.body.username}'s` };
  } else if (who.status === 401 || isExpiredNotice(who.header('npm-notice'))) {
    const expired = isExpiredNotice(who.header('npm-notice'));
    tokenError = new TokenError('whoami', who.status, expired ? 'expired' : 'refused');
    report.token = { state: expired ? 'expired' : 'refused', bypass2fa: null, detail: tokenError.message };
  } else {
    report.token = { state: 'unknown', bypass2fa: null, detail: `whoami answered ${who.status}: the token could not be checked` };
  }
  const user = report.token.user;
  report.clock = clockFinding(client.clockOffset);

  // The account's 2FA, as its profile says it.
  if (user !== undefined) {
    const profile = await readProfile(client).catch((error: unknown) => error);
    report.account.tfa = isAnswer(profile) && profile.status === 200 ? tfaOf(profile.body) : 'unknown';
    if (report.account.tfa === 'unknown')
      report.account.detail = `the profile (/-/npm/v1/user) could not be read with this token (${isAnswer(profile) ? profile.status : describeError(profile)})`;
  }

  // Every package the run names: the scope's and the inspected steps'. What the registry says of each, once.
  const facts = new Map<string, Promise<PackageFacts>>();
  const factsOf = (pkg: string) => facts.get(pkg) ?? (facts.set(pkg, packageFacts(context, pkg, user)).get(pkg) as Promise<PackageFacts>);
  const inspected = env.inspected ?? [];
  const planned = inspected.flatMap((line) => line.steps.map(({ step }) => step.pkg)).filter((pkg): pkg is string => pkg !== undefined);

  // Trusted publishers (--check-trust): one read per existing package, through the OTP wrapper.
  const trust = new Map<string, TrustConfig[]>();
  let trustProblem: string | undefined;
  let secretProven = false;
  let bypassSeen = false;
  const readTrust = async (pkg: string): Promise<TrustConfig[] | string> => {
    try {
      const configs = await otpWrite(context, `trust list ${pkg}`, 'trust', (write) => listTrust(client, pkg, write));
      if (context.otp.source && context.tally.otpAttempts > 0) secretProven = true;
      trust.set(pkg, configs);
      return configs;
    } catch (error) {
      if (error instanceof ProductError && error.code === 'EBYPASSTOKEN') bypassSeen = true;
      else if (error instanceof ProductError && ['EOTPREJECTED', 'EOTP', 'EOTPWEBAUTHN'].includes(error.code)) trustProblem ??= describeError(error);
      return `could not be read (${describeError(error)})`;
    }
  };

  for (const pkg of scope) {
    const id = pkg.version ? `${pkg.name}@${pkg.version}` : pkg.name;
    if (pkg.listed !== undefined || pkg.problem !== undefined) {
      report.packages.push({
        name: pkg.name,
        version: pkg.version,
        exists: null,
        published: null,
        tag: null,
        access: null,
        maintainer: null,
        staged: [],
        trust: null,
        detail: pkg.listed ?? pkg.problem ?? '',
      });
      rows.push([id, pkg.problem !== undefined ? 'fail' : 'info', pkg.listed ?? `the checkout cannot be published as it is: ${pkg.problem}`]);
      continue;
    }
    const known = await factsOf(pkg.name);
    const published = known.published?.[pkg.version] !== undefined;
    const notes: string[] = [];
    notes.push(known.exists === null ? 'could not be read' : known.exists ? `exists${latestOf(known)}` : 'new: not in the registry yet');
    if (known.exists !== null)
      notes.push(published ? `${pkg.version} is published already (a publish skips it when the contents are the same)` : `${pkg.version} is not published yet`);
    notes.push(`tag ${pkg.tag ?? 'latest'}`);
    const access =
      pkg.access ??
      (known.exists
        ? await readVisibility(client, pkg.name)
            .then((isPublic) => (isPublic === undefined ? undefined : isPublic ? 'public' : 'restricted'))
            .catch(() => undefined)
        : undefined);
    const accessText = pkg.access
      ? pkg.access
      : access
        ? `${access} (kept)`
        : known.exists === false
          ? pkg.name.startsWith('@')
            ? "restricted (npm's default for a new scoped package)"
            : 'public'
          : 'kept (the registry would not say)';
    notes.push(`access ${accessText}`);
    notes.push(known.maintainerText);
    let staged: StagedEntry[] = [];
    if (options.token !== undefined && tokenError === undefined) {
      staged = await listStaged(client, pkg.name).catch(() => []);
      notes.push(
        staged.length === 0
          ? 'no staged version waiting'
          : `${staged.length} staged version${staged.length === 1 ? '' : 's'} waiting: ${staged.map((entry) => `${entry.version} (id ${entry.id}, tag ${entry.tag}, ${entry.status ?? 'staged'})`).join(', ')}`,
      );
    }
    let configs: TrustConfig[] | null = null;
    if (!data.checkTrust) notes.push('trusted publishers not checked (--check-trust reads them, for one code or one approval)');
    else if (!known.exists) notes.push('no trusted publisher (a new package has none)');
    else if (tokenError !== undefined || options.token === undefined) notes.push('trusted publishers not checked: no valid token');
    else {
      const read = await readTrust(pkg.name);
      if (typeof read === 'string') notes.push(`trusted publishers ${read}`);
      else {
        configs = read;
        notes.push(
          read.length === 0
            ? 'no trusted publisher'
            : `trusted publishers: ${read.map((config) => `${config.type} (${config.permissions.join(' and ') || 'nothing'})`).join('; ')}`,
        );
      }
    }
    const waiting = staged.find((entry) => entry.version === pkg.version);
    const status: Status = known.maintainer === false || waiting ? 'warn' : known.exists === null ? 'warn' : 'ok';
    report.packages.push({
      name: pkg.name,
      version: pkg.version,
      exists: known.exists,
      published: known.exists === null ? null : published,
      tag: pkg.tag ?? null,
      access: pkg.access ?? access ?? null,
      maintainer: known.maintainer,
      staged: staged.map((entry) => ({ id: entry.id, version: entry.version, tag: entry.tag, status: entry.status ?? 'staged' })),
      trust: configs,
      detail: notes.join('; '),
    });
    rows.push([id, status, notes.join('; ')]);
  }

  // Does the token ask for 2FA, bypass it, and may this account answer with web approvals? One read, no code spent.
  let webOffered: boolean | null = null;
  if (user !== undefined) {
    const candidates = [...new Set([...scope.filter((pkg) => pkg.listed === undefined && pkg.problem === undefined).map((pkg) => pkg.name), ...planned])];
    let probed = false;
    for (const pkg of candidates) {
      const known = await factsOf(pkg);
      if (!known.exists || known.maintainer !== true) continue;
      const answer = await probeTwoFactor(client, pkg).catch(() => undefined);
      if (!answer) break;
      probed = true;
      if (answer.status === 403 && isBypassRefusal(answer.error)) report.token.bypass2fa = true;
      else if (answer.status === 401) {
        report.token.bypass2fa = false;
        webOffered = isRecord(answer.body) && typeof answer.body.authUrl === 'string' && typeof answer.body.doneUrl === 'string';
      }
      break;
    }
    if (bypassSeen) report.token.bypass2fa = true;
    if (!probed && report.token.bypass2fa === null)
      report.token.detail += '; whether it bypasses 2FA is not known (that is asked on a package it maintains, and none is in the registry yet)';
  }
  if (report.token.bypass2fa === true)
    report.token.detail +=
      '; it bypasses two-factor authentication: owner, access, mfa and trust changes are refused to it, and npm ends direct publishing with such tokens in January 2027';
  else if (report.token.bypass2fa === false) report.token.detail += '; it asks for 2FA where the account does';
  rows.unshift([
    'token',
    tokenError ? 'fail' : report.token.state === 'valid' ? (report.token.bypass2fa ? 'warn' : 'ok') : report.token.state === 'none' ? 'info' : 'warn',
    report.token.detail,
  ]);

  // How 2FA would be answered here.
  const canTotp = options.secret !== undefined && options.authType !== 'web';
  const canWeb = options.authType !== 'totp';
  report.account.totp = canTotp;
  report.account.webApprovals = webOffered;
  const twoFactor = (): TwoFactorAnswer => {
    if (trustProblem && canTotp) return { fail: trustProblem };
    if (canTotp && webOffered !== true) return { auth: 'token + TOTP' };
    if (canTotp && webOffered === true)
      return { auth: options.authType === 'auto' ? 'token + TOTP (or a web approval, if the account answers codes with one)' : 'token + TOTP' };
    if (canWeb && webOffered !== false) return { auth: 'token + web approval' };
    const settings = options.authType === 'web' ? ` (and ${options.names.authType} to auto)` : '';
    return {
      fail: `the registry offers this account no web approval (it asks for a one-time password), and ${options.names.otpSecret} is not set: set it to the account's TOTP secret${settings}`,
    };
  };
  const accountRow = accountFinding(report.account.tfa, options, canTotp, canWeb, webOffered, secretProven, report.token.bypass2fa);
  report.account.detail = [report.account.detail, accountRow.text].filter(Boolean).join('; ');
  rows.splice(
    1,
    0,
    ['2FA', accountRow.status, report.account.detail],
    ['clock', Math.abs(report.clock.offsetMs ?? 0) > 30_000 || report.clock.offsetMs === null ? 'warn' : 'ok', report.clock.detail],
  );

  // Each write of the run.
  const sessions = new Map<string, Promise<boolean>>();
  // Keyed by the npm-command of the upload as well: npm's exchange names it (publish, stage).
  const oidcFor = (pkg: string, npmCommand: string) => {
    const key = `${npmCommand} ${pkg}`;
    return (
      sessions.get(key) ??
      (sessions
        .set(
          key,
          env.trustedPublishing
            ? env.trustedPublishing(pkg, npmCommand).then(
                (session) => session !== undefined,
                () => false,
              )
            : Promise.resolve(false),
        )
        .get(key) as Promise<boolean>)
    );
  };
  const accountWithout2fa = report.account.tfa === 'auth-only' || report.account.tfa === 'none' || report.account.tfa === 'pending';
  const predict = async (kind: WriteAuth, step: Step, refused: unknown): Promise<{ auth: string; fail?: string; note?: string }> => {
    const pkg = step.pkg;
    if (kind === 'none')
      return { auth: options.token === undefined ? 'anonymous' : 'token', ...(refused === undefined ? {} : { fail: describeError(refused) }) };
    let auth: string | undefined;
    if ((kind === 'publish' || kind === 'stage') && pkg !== undefined && (await oidcFor(pkg, kind))) {
      auth = 'trusted publishing (OIDC)';
      const permission = kind === 'publish' ? 'createPackage' : 'createStagedPackage';
      const configs = trust.get(pkg);
      if (configs && configs.length > 0 && configs.every((config) => !config.permissions.includes(permission))) {
        return {
          auth,
          fail:
            kind === 'publish'
              ? `${pkg}'s trusted publishers may only stage (npm would answer "OIDC permission denied for this action"): stage it (stage publish), or allow publishing (trust github ... --allow-publish)`
              : `${pkg}'s trusted publishers may only publish, not stage: add --allow-stage-publish`,
        };
      }
    }
    if (auth === undefined) {
      if (options.token === undefined)
        return {
          auth: 'none',
          fail:
            kind === 'publish' || kind === 'stage'
              ? 'no token, and trusted publishing is not available to this job for it (the log above says why)'
              : 'it needs a token, and the run has none',
        };
      if (tokenError) return { auth: 'token', fail: tokenError.message };
      if (kind === 'stage') auth = 'token (no 2FA: it is asked when the version is approved)';
      else if (report.token.bypass2fa === true) {
        if (kind === 'governance' || kind === 'trust')
          return {
            auth: 'token',
            fail: 'the token bypasses 2FA, which npm refuses for owner, access, mfa and trust changes (403 Forbidden2FABypassGAT): use a token without bypass, and otp-secret or a web approval',
          };
        auth = 'token (bypasses 2FA)';
      } else if ((kind === 'trust' || kind === 'approval') && accountWithout2fa) {
        return { auth: 'token', fail: `the account has no 2FA for writes (${report.account.tfa}), and npm allows this only to accounts with 2FA` };
      } else if (accountWithout2fa) auth = 'token (the account asks no 2FA for writes)';
      else {
        const answer = twoFactor();
        if ('fail' in answer) return { auth: 'token', fail: answer.fail };
        auth = answer.auth;
      }
    }
    if (refused !== undefined) return { auth, fail: describeError(refused) };
    if (pkg !== undefined) {
      const known = await factsOf(pkg);
      if (known.exists && known.maintainer === false && !auth.startsWith('trusted'))
        return { auth, fail: `${user} is not a maintainer of ${pkg}: the registry refuses it (403)` };
    }
    if (kind === 'publish' && step.version) {
      const { name, version } = step.version;
      const known = await factsOf(name);
      if (known.published?.[version] !== undefined)
        return { auth, note: `${name}@${version} is published already: a publish of the same contents is skipped, writing nothing` };
      const waiting = report.packages.find((entry) => entry.name === name)?.staged.find((entry) => entry.version === version);
      if (waiting)
        return {
          auth,
          fail: `${name}@${version} is staged already (id ${waiting.id}): the registry refuses to publish it (409) until it is approved (stage approve ${name}@${version}) or rejected`,
        };
    }
    return { auth };
  };
  for (const line of inspected) {
    const where = (label: string) => (line.source.line > 0 ? `line ${line.source.line}: ${label}` : label);
    if (line.refused !== undefined) {
      const reason = describeError(line.refused);
      report.writes.push({ line: line.source.line, command: line.source.text, auth: '-', ok: false, detail: `would fail before any request: ${reason}` });
      problems.push(`${line.source.text}: ${reason}`);
      rows.push([where(line.source.text), 'fail', `would fail before any request: ${reason}`]);
      continue;
    }
    for (const { step, refused } of line.steps) {
      const verdict = await predict(line.command.auth, step, refused);
      const detail =
        verdict.fail !== undefined ? `${verdict.auth}; would fail: ${verdict.fail}` : `${verdict.auth}${verdict.note ? `; ${verdict.note}` : ''}; would go`;
      report.writes.push({ line: line.source.line, command: step.label, auth: verdict.auth, ok: verdict.fail === undefined, detail });
      if (verdict.fail !== undefined) problems.push(`${step.label}: ${verdict.fail}`);
      rows.push([where(step.label), verdict.fail !== undefined ? 'fail' : step.reads ? 'info' : 'ok', detail]);
    }
  }
  if (report.writes.length === 0) rows.push(['writes', 'info', 'the run plans no write (every package in scope is private or skipped)']);

  report.ok = problems.length === 0;
  const failing = report.writes.filter((write) => !write.ok).length;
  const detail = report.ok
    ? `doctor: ${report.writes.length} planned write${report.writes.length === 1 ? '' : 's'} checked, none would fail${tokenError ? `, but ${tokenError.message}` : ''}`
    : `doctor: ${failing} of ${report.writes.length} planned write${report.writes.length === 1 ? '' : 's'} would fail: ${problems.join('; ')}`;
  const verdict = report.ok
    ? 'no planned write would fail'
    : `${failing} of ${report.writes.length} planned write${report.writes.length === 1 ? '' : 's'} would fail`;
  const table = {
    title: `npm-totp-publish doctor: ${verdict}; nothing was written`,
    columns: ['check', 'status', 'finding'],
    rows: rows.map(([check, status, text]) => [check, MARK[status], text]),
  };
  const usesToken = report.writes.some((write) => !write.ok && write.auth.startsWith('token'));
  const failure = report.ok
    ? undefined
    : tokenError && usesToken
      ? tokenError
      : new ProductError('EDOCTOR', `${detail}. Nothing was written; the table above says what each check found.`, { received: problems });
  return { status: 'read', detail, data: report, table, ...(failure ? { failure } : {}) };
}

function isAnswer(value: unknown): value is Answer {
  return isRecord(value) && typeof value.status === 'number' && typeof value.header === 'function';
}

/** The profile's `tfa`: null or absent when 2FA is off; `{mode, pending}` otherwise (npm profile get). */
function tfaOf(body: unknown): DoctorReport['account']['tfa'] {
  if (!isRecord(body)) return 'unknown';
  const tfa = body.tfa;
  if (tfa === null || tfa === false || tfa === undefined) return 'none';
  if (!isRecord(tfa)) return 'unknown';
  if (tfa.pending === true) return 'pending';
  return tfa.mode === 'auth-and-writes' || tfa.mode === 'auth-only' ? tfa.mode : 'unknown';
}

/** The runner's clock against the registry's, as the run's TimeSync estimates it from the answers' `Date` headers. */
function clockFinding(offset: { offsetMs: number; uncertaintyMs: number } | undefined): DoctorReport['clock'] {
  if (offset === undefined) {
    return {
      offsetMs: null,
      detail:
        "the registry sent no Date header this run can apply (one more than 15 minutes off is not applied): one-time passwords are made on this runner's clock, which must then be right within about 30 s (NTP)",
    };
  }
  const { offsetMs } = offset;
  const apart = `${(Math.abs(offsetMs) / 1000).toFixed(1)} s ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
  const base = `this runner's clock is ${apart} the registry's (from its Date headers, to within ${(offset.uncertaintyMs / 1000).toFixed(1)} s)`;
  return {
    offsetMs,
    detail:
      Math.abs(offsetMs) > 30_000
        ? `${base}: one-time passwords are made on the registry's clock, so they still work, but set this runner's clock right (NTP)`
        : `${base}; one-time passwords are made on the registry's clock`,
  };
}

/** The account's row: its 2FA mode and how this run would answer it. */
function accountFinding(
  tfa: DoctorReport['account']['tfa'],
  options: Options,
  canTotp: boolean,
  canWeb: boolean,
  webOffered: boolean | null,
  secretProven: boolean,
  bypass: boolean | null,
): { status: Status; text: string } {
  const secret = options.secret
    ? `${options.names.otpSecret} is set (base32 or otpauth URI read: ${options.secret.algorithm.toUpperCase()}, ${options.secret.digits} digits, ${options.secret.period} s)${secretProven ? ', and the registry accepted its code' : ''}`
    : `${options.names.otpSecret} is not set`;
  const web =
    webOffered === true
      ? 'the registry offers this account web approvals'
      : webOffered === false
        ? 'the registry offers this account no web approval (it asks for a one-time password)'
        : undefined;
  const mode = tfa === 'unknown' ? '2FA mode unknown' : tfa === 'none' ? '2FA is off' : tfa === 'pending' ? '2FA enrolment not finished (off)' : `2FA ${tfa}`;
  if (bypass === true) return { status: 'warn', text: `${mode}; the token bypasses it for package writes` };
  if (tfa === 'auth-only' || tfa === 'none' || tfa === 'pending')
    return { status: 'info', text: `${mode}: writes need no second factor (a package set to mfa=publish still asks for one on publish); ${secret}` };
  const parts = [mode, secret, ...(web ? [web] : [])];
  if (canTotp)
    return {
      status: 'ok',
      text: `${parts.join('; ')}: answered with TOTP codes made just in time${options.authType === 'auto' && webOffered !== false ? ' (web approvals if the account has no TOTP)' : ''}`,
    };
  if (canWeb && webOffered !== false)
    return {
      status: 'warn',
      text: `${parts.join('; ')}: each write waits for a person to approve it on npm's web page (${options.names.authType} ${options.authType}), up to the approval timeout`,
    };
  return { status: 'fail', text: `${parts.join('; ')}: this run cannot answer it` };
}

/** What the registry says of a package the run names: there or not, its versions, whether `user` maintains it. */
async function packageFacts(context: CommandContext, pkg: string, user: string | undefined): Promise<PackageFacts> {
  const { client } = context;
  let packument: Awaited<ReturnType<typeof readPackument>>;
  try {
    packument = await readPackument(client, pkg, { write: true });
  } catch (error) {
    return { exists: null, maintainer: null, maintainerText: `the registry could not be read (${describeError(error)})` };
  }
  if (!packument) return { exists: false, maintainer: null, maintainerText: user ? `${user} becomes its first maintainer by publishing it` : 'a new package' };
  const facts = { exists: true, published: (packument.versions ?? {}) as Record<string, unknown>, latest: packument['dist-tags']?.latest };
  if (user === undefined) return { ...facts, maintainer: null, maintainerText: 'maintainers not checked: no valid token' };
  const answer = await readCollaborators(client, pkg).catch(() => undefined);
  if (answer?.status === 200 && isRecord(answer.body)) {
    const access = answer.body[user];
    if (access === undefined)
      return { ...facts, maintainer: false, maintainerText: `${user} is not a maintainer (collaborators: ${Object.keys(answer.body).join(', ') || 'none'})` };
    return access === 'read-only'
      ? { ...facts, maintainer: false, maintainerText: `${user} has read-only access` }
      : { ...facts, maintainer: true, maintainerText: `${user} is a maintainer` };
  }
  return {
    ...facts,
    maintainer: null,
    maintainerText: `maintainers: cannot check with this token (/-/package/${pkg}/collaborators answered ${answer?.status ?? 'nothing'})`,
  };
}

function latestOf(facts: PackageFacts): string {
  return facts.latest ? ` (latest ${facts.latest})` : '';
}
