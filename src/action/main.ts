import * as core from '@actions/core';
import { systemClock } from '../foundation/clock.ts';
import { isProductError } from '../foundation/errors.ts';
import { inertText } from '../foundation/log-text.ts';
import { Redactor } from '../foundation/redactor.ts';
import type { RunReport } from '../run/result.ts';
import { DEFAULT_REGISTRY, type Options, parseRegistry } from '../grammar/options.ts';
import { describeError } from '../foundation/describe-error.ts';
import { failedResult } from '../run/result.ts';
import { USER_AGENT } from '../version.ts';
import { actionLogger } from './core-logger.ts';
import { INPUT_NAMES, readInputs } from './inputs.ts';
import { writeOutputs, writeSummary } from './outputs.ts';

/** The action: read inputs, publish, set outputs and the job summary; fail the step on any error. */
export async function run(): Promise<void> {
  const redactor = new Redactor();
  const logger = actionLogger(redactor);
  let report: RunReport | undefined;
  let auth = 'Auth: not settled (the inputs were refused).';
  try {
    let read: ReturnType<typeof readInputs>;
    try {
      read = readInputs(logger);
    } catch (error) {
      // A bad input still gets its row: the outputs and the job summary say what was refused. A line of `commands`
      // that names no command is said first: whatever else is wrong, that line could not have run.
      const refusal = (await unknownCommand(core.getInput('commands'))) ?? error;
      report = {
        published: false,
        name: undefined,
        version: undefined,
        tag: undefined,
        registry: shownRegistry(core.getInput('registry')),
        results: [failedResult(0, 'inputs', refusal, 0)],
        error: refusal,
      };
      throw refusal;
    }
    const { options, commands, doctor } = read;
    // The engine (and npm's libraries) only once the inputs are accepted.
    const [{ runCommands }, { idTokenProviderFromEnv }] = await Promise.all([import('../run/run.ts'), import('../run/id-tokens.ts')]);
    const idTokens = options.trustedPublishing === 'auto' ? idTokenProviderFromEnv(process.env, logger) : undefined;
    auth = authSummary(options, idTokens !== undefined);
    const doctorLine = { words: ['doctor'], inputName: 'doctor' };
    const input =
      commands === undefined ? (doctor ? doctorLine : undefined) : { block: commands, inputName: 'commands', ...(doctor ? { also: doctorLine } : {}) };
    report = await runCommands(options, input, {
      clock: systemClock,
      logger,
      cwd: process.cwd(),
      env: process.env,
      userAgent: USER_AGENT,
      ...(idTokens ? { idTokens } : {}),
    });
  } catch (error) {
    report ??= {
      published: false,
      name: undefined,
      version: undefined,
      tag: undefined,
      registry: DEFAULT_REGISTRY,
      results: [failedResult(0, 'npm-totp-publish', error, 0)],
      error,
    };
  }
  writeOutputs(report, redactor);
  await writeSummary(report, redactor, auth).catch((error: unknown) => {
    core.warning(redactor.redact(`Could not write the job summary: ${describeError(error)}. The results are in the step's outputs.`));
  });
  if (report.error !== undefined) failRun(report, redactor);
}

/** The refusal of a `commands` line naming no command (or a flag it does not take), if any; the commands load only here, on a refused run. */
async function unknownCommand(block: string): Promise<unknown> {
  if (block.trim() === '') return undefined;
  const [{ COMMANDS }, { blockWordsProblem }] = await Promise.all([import('../commands/index.ts'), import('../grammar/line.ts')]);
  return blockWordsProblem(block, COMMANDS, { inputName: 'commands' });
}

/** A failed run: an annotation naming the failing command line, and a list of what did and did not happen. */
function failRun(report: RunReport, redactor: Redactor): void {
  const failed = report.results.find((result) => result.outcome === 'failed');
  if (report.results.length > 1) {
    core.info('What happened:');
    for (const result of report.results)
      core.info(inertText(redactor.redact(`  ${result.line > 0 ? `line ${result.line}: ` : ''}${result.outcome.padEnd(9)} ${result.command}`)));
  }
  if (failed && failed.line > 0) {
    core.error(redactor.redact(describeError(report.error)), { title: redactor.redact(`commands line ${failed.line}: ${failed.command}`) });
    process.exitCode = core.ExitCode.Failure;
    return;
  }
  fail(report.error, redactor);
}

/** User mistakes and registry refusals are one clear line; only bugs get a stack trace, in the debug log. */
function fail(error: unknown, redactor: Redactor): void {
  if (isProductError(error)) {
    core.setFailed(redactor.redact(error.message));
    return;
  }
  core.debug(redactor.redact(error instanceof Error && error.stack ? error.stack : String(error)));
  core.setFailed(redactor.redact(describeError(error)));
}

/** One sentence on the authentication this run used, for the job summary. */
function authSummary(options: Options, oidcAvailable: boolean): string {
  const otp =
    options.secret && options.authType !== 'web'
      ? `one-time passwords made just in time from otp-secret${options.authType === 'auto' ? ' (web approvals if the account has no TOTP)' : ''}`
      : options.authType === 'totp'
        ? 'no one-time password (otp-secret not set)'
        : 'web approvals where the registry asks for 2FA (otp-secret not set)';
  return `Auth: the token with ${otp}${oidcAvailable ? '; publish tried trusted publishing (OIDC) first' : ''}.`;
}

/** The registry input as the summary may show it: the URL as the options would take it (no credentials, http only to this machine), else the default. */
function shownRegistry(value: string): string {
  try {
    return parseRegistry(value, INPUT_NAMES, false);
  } catch {
    return DEFAULT_REGISTRY;
  }
}
