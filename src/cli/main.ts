import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.ts';
import { InputError, isProductError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { normalizeOptions } from '../core/options.ts';
import { Redactor } from '../core/redactor.ts';
import type { RunReport } from '../core/result.ts';
import { runPublish } from '../core/run-publish.ts';
import { USER_AGENT, VERSION } from '../version.ts';

/** Where the CLI writes: stdout for results, stderr for progress. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export const USAGE = `Usage: npm-totp-publish publish [<folder>|<package.json>|<tarball>] [options]

Publishes a package with a just-in-time one-time password from a TOTP secret.

Options:
  --tag <tag>             dist-tag to publish under (default: latest; prereleases must name one)
  --access <level>        public or restricted (default: the registry's choice)
  --registry <url>        registry URL (default: https://registry.npmjs.org/)
  --dry-run               do everything except the upload
  --ignore-scripts        do not run prepublishOnly, prepack, prepare or postpack
  --allow-insecure-registry  allow plain http to a host other than this machine
  --json                  print the results as JSON on stdout
  -h, --help              this help
  -v, --version           this tool's version

Secrets come from the environment only, never from arguments:
  NODE_AUTH_TOKEN or NPM_TOKEN   registry token
  NPM_TOTP_SECRET                TOTP secret: base32 text or an otpauth://totp/ URI
`;

/** Runs the CLI; returns the exit code (0 success, 1 failure, 2 usage error). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const redactor = new Redactor();
  const logger = cliLogger(redactor, io);
  for (const name of ['NODE_AUTH_TOKEN', 'NPM_TOKEN', 'NPM_TOTP_SECRET']) {
    const value = env[name];
    if (value) logger.mask(value);
  }
  try {
    const parsed = parse(argv);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (parsed === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const token = env.NODE_AUTH_TOKEN?.trim() ? env.NODE_AUTH_TOKEN : env.NPM_TOKEN;
    const options = normalizeOptions(
      { ...parsed.values, token, otpSecret: env.NPM_TOTP_SECRET },
      {
        token: 'NODE_AUTH_TOKEN (or NPM_TOKEN)',
        otpSecret: 'NPM_TOTP_SECRET',
        registry: '--registry',
        package: 'the package argument',
        tag: '--tag',
        access: '--access',
        dryRun: '--dry-run',
        ignoreScripts: '--ignore-scripts',
        allowInsecureRegistry: '--allow-insecure-registry',
      },
    );
    const report = await runPublish(options, { clock: systemClock, logger, cwd: io.cwd, env, userAgent: USER_AGENT });
    printReport(report, parsed.json, redactor, io);
    if (report.error !== undefined) {
      io.stderr(`npm-totp-publish: ${redactor.redact(errorMessage(report.error))}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    io.stderr(`npm-totp-publish: ${redactor.redact(errorMessage(error))}\n`);
    if (error instanceof InputError && error.input === 'arguments') io.stderr(`\n${USAGE}`);
    return error instanceof InputError && error.input === 'arguments' ? 2 : 1;
  }
}

interface ParsedArgs {
  values: { package?: string; tag?: string; access?: string; registry?: string; dryRun: boolean; ignoreScripts: boolean; allowInsecureRegistry: boolean };
  json: boolean;
}

const SECRET_FLAGS = /^--?(token|otp|otp-secret|secret|auth|password|_authToken)(=|$)/i;

function parse(argv: string[]): ParsedArgs | 'help' | 'version' {
  const secretFlag = argv.find((arg) => SECRET_FLAGS.test(arg));
  if (secretFlag) {
    throw new InputError('arguments', `${secretFlag.split('=')[0]} is not accepted: command-line arguments are visible to every process on the machine and in CI logs. Put the token in NODE_AUTH_TOKEN (or NPM_TOKEN) and the TOTP secret in NPM_TOTP_SECRET.`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        tag: { type: 'string' },
        access: { type: 'string' },
        registry: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'ignore-scripts': { type: 'boolean', default: false },
        'allow-insecure-registry': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new InputError('arguments', (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, target, ...extra] = positionals;
  if (command === undefined) throw new InputError('arguments', 'no command given; the command is publish.');
  if (command !== 'publish') throw new InputError('arguments', `unknown command "${command}"; the command is publish.`);
  if (extra.length > 0) throw new InputError('arguments', `publish takes one package (a folder, package.json or .tgz), got also: ${extra.join(' ')}.`);
  return {
    values: {
      ...(target === undefined ? {} : { package: target }),
      ...(values.tag === undefined ? {} : { tag: values.tag }),
      ...(values.access === undefined ? {} : { access: values.access }),
      ...(values.registry === undefined ? {} : { registry: values.registry }),
      dryRun: values['dry-run'],
      ignoreScripts: values['ignore-scripts'],
      allowInsecureRegistry: values['allow-insecure-registry'],
    },
    json: values.json,
  };
}

function printReport(report: RunReport, json: boolean, redactor: Redactor, io: CliIo): void {
  if (json) {
    const { error, ...rest } = report;
    io.stdout(`${redactor.redact(JSON.stringify({ ...rest, ...(error === undefined ? {} : { error: errorMessage(error) }) }, null, 2))}\n`);
    return;
  }
  for (const result of report.results) {
    const attempts = result.otpAttempts === 1 ? '1 OTP' : `${result.otpAttempts} OTPs`;
    io.stdout(`${redactor.redact(`${result.outcome.padEnd(9)} ${result.command} (${attempts}, ${(result.durationMs / 1000).toFixed(1)} s)`)}\n`);
  }
}

function errorMessage(error: unknown): string {
  if (isProductError(error)) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

function cliLogger(redactor: Redactor, io: CliIo): Logger {
  const line = (prefix: string) => (message: string) => io.stderr(`${prefix}${redactor.redact(message)}\n`);
  return {
    debug: () => {},
    info: line(''),
    warning: line('warning: '),
    error: line('error: '),
    mask: (secret) => redactor.add(secret),
  };
}
