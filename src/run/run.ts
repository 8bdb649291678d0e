import { parseCommandBlock } from '../commands/parse.ts';
import { executeCommand } from '../commands/execute.ts';
import { type PreparedPublish, preparePublish } from '../commands/publish.ts';
import type { Command, PublishCommand } from '../commands/types.ts';
import { OtpSource } from '../otp/source.ts';
import { TimeSync } from '../otp/time-sync.ts';
import { readPackageSource } from '../package/read-package.ts';
import { readTarball } from '../package/tarball.ts';
import { RegistryClient } from '../registry/client.ts';
import { exchangeForPublishToken, type IdTokenProvider } from '../registry/oidc.ts';
import { lookUpUser } from '../registry/owner.ts';
import { type Account, commandContext } from '../registry/write.ts';
import type { Clock } from '../foundation/clock.ts';
import { describeError } from '../foundation/describe-error.ts';
import type { Logger } from '../foundation/logger.ts';
import type { Options } from './options.ts';
import type { RunReport, WriteResult } from './result.ts';
import { withTransientRetries } from './transient-retry.ts';

export { describeError } from '../foundation/describe-error.ts';

/** What the core needs from its surroundings; tests pass their own. */
export interface Dependencies {
  clock: Clock;
  logger: Logger;
  /** Folder the `package` setting is relative to. */
  cwd: string;
  /** Environment package scripts start from (secrets are removed from it). */
  env: NodeJS.ProcessEnv;
  /** `name/version` of this product, for the user agent. */
  userAgent: string;
  /** The CI's OIDC ID tokens, for trusted publishing; absent where the job has none. */
  idTokens?: IdTokenProvider;
}

/** Where the commands come from: a `commands` block, or already parsed (the CLI), or none (publish the package). */
export type CommandInput = { block: string; inputName: string } | { commands: Command[] } | undefined;

/**
 * Runs a list of commands: all are parsed and checked first (a mistake on
 * the last line stops the run before the first writes), then run in order
 * with one registry client and one OTP source; the first failure stops the
 * run and every later command is reported as not run.
 * Never throws: a failure is in `report.error`.
 */
export async function runCommands(options: Options, input: CommandInput, deps: Dependencies): Promise<RunReport> {
  const { clock, logger } = deps;
  for (const secret of options.secrets) logger.mask(secret);
  const report: RunReport = { published: false, name: undefined, version: undefined, tag: undefined, registry: options.registry, results: [] };
  let commands: Command[];
  const prepared = new Map<Command, PreparedPublish>();
  try {
    commands = input === undefined ? [implicitPublish()] : 'commands' in input ? input.commands : parseCommandBlock(input.block, { inputName: input.inputName, defaultPackage: await defaultPackageName(options, deps.cwd) });
    for (const command of commands) if (command.kind === 'publish') prepared.set(command, await preparePublish(command, options, deps.cwd));
  } catch (error) {
    report.error = error;
    report.results.push(failedResult(0, input === undefined ? 'publish' : 'commands', error, 0));
    return report;
  }
  const firstPublish = [...prepared.values()][0];
  if (firstPublish) Object.assign(report, { name: firstPublish.name, version: firstPublish.version, tag: firstPublish.tag });

  logger.info(authPlan(options));
  const timeSync = new TimeSync();
  const client = new RegistryClient({ registry: options.registry, token: options.token, clock, timeSync, userAgent: deps.userAgent });
  const otp = { source: options.secret ? new OtpSource({ secret: options.secret, clock, timeSync, logger }) : undefined, clock, logger, secretInput: options.names.otpSecret };

  const trustedPublishing = deps.idTokens
    ? async (pkg: string) => {
        const token = await exchangeForPublishToken({ registry: options.registry, clock, timeSync, logger, userAgent: deps.userAgent }, pkg, deps.idTokens as IdTokenProvider);
        return token === undefined ? undefined : new RegistryClient({ registry: options.registry, token, clock, timeSync, userAgent: deps.userAgent });
      }
    : undefined;

  // Users cannot be created by a block: check every owner change's user before the first write.
  const users = new Map<string, Account>();
  for (const command of commands) {
    if (command.kind !== 'owner-add' && command.kind !== 'owner-rm') continue;
    try {
      await lookUpUser({ client, users }, command.user);
    } catch (error) {
      report.error = error;
      report.results = commands.map((other) =>
        other === command
          ? failedResult(other.line, other.text, error, 0)
          : notRun(other, `not run: the user on line ${command.line} ${(error as { code?: unknown }).code === 'ENOUSER' ? 'does not exist' : 'could not be checked'}`),
      );
      return report;
    }
  }

  for (const command of commands) {
    if (report.error !== undefined) {
      report.results.push(notRun(command, 'not run: an earlier command failed'));
      continue;
    }
    const startedAt = clock.now();
    const context = commandContext({ client, otp, logger, dryRun: options.dryRun, users });
    const publish = prepared.get(command);
    try {
      const outcome = await withTransientRetries(
        command,
        deps,
        () => executeCommand(context, command, publish, options, deps.env, logger, trustedPublishing),
        () => context.writes > 0,
      );
      const published = outcome.published === true;
      if (publish && publish === firstPublish) Object.assign(report, { name: publish.name, version: publish.version, tag: publish.tag });
      report.published ||= published;
      report.results.push({
        line: command.line,
        command: publish ? `publish ${publish.name}@${publish.version}` : command.text,
        ok: true,
        skipped: !published && outcome.status !== 'done',
        outcome: published ? 'published' : outcome.status,
        otpAttempts: context.tally.otpAttempts,
        waitedMs: context.tally.waitedMs,
        durationMs: clock.now() - startedAt,
        detail: outcome.detail,
      });
      logger.info(`${command.line > 0 ? `line ${command.line}: ` : ''}${outcome.detail}`);
    } catch (error) {
      report.error = error;
      const name = publish?.name ? `publish ${publish.name}@${publish.version}` : command.text;
      report.results.push({ ...failedResult(command.line, name, error, clock.now() - startedAt), otpAttempts: context.tally.otpAttempts, waitedMs: context.tally.waitedMs });
    }
  }
  return report;
}

/** The publish of the `package` setting, when no commands are given. */
function implicitPublish(): PublishCommand {
  return { kind: 'publish', line: 0, text: 'publish', target: undefined, tag: undefined, access: undefined, dryRun: false };
}

/** The package the `package` setting names, for commands that leave `<pkg>` out. */
export async function defaultPackageName(options: Options, cwd: string): Promise<{ name: string } | { problem: string }> {
  try {
    const source = await readPackageSource(options.packageSpec, cwd, options.names.package);
    return { name: source.kind === 'folder' ? source.manifest.name : (await readTarball(source.file, options.names.package)).manifest.name };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function notRun(command: Command, detail: string): WriteResult {
  return { line: command.line, command: command.text, ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail };
}

function failedResult(line: number, command: string, error: unknown, durationMs: number): WriteResult {
  return { line, command, ok: false, skipped: false, outcome: 'failed', otpAttempts: 0, waitedMs: 0, durationMs, detail: describeError(error) };
}

/** Says, before any write, which authentication the writes will use. */
function authPlan(options: Options): string {
  const token = options.token ? 'the token' : 'no token (dry run)';
  const otp = options.secret
    ? `a one-time password computed just in time from ${options.names.otpSecret} (${options.secret.algorithm.toUpperCase()}, ${options.secret.digits} digits, ${options.secret.period} s)`
    : `no one-time password (${options.names.otpSecret} is not set: this works only if the account or token does not require 2FA for writes)`;
  return `Authentication: ${token}, and ${otp}.`;
}
