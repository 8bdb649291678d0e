import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { systemClock } from '../foundation/clock.ts';
import { InputError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import { inertText } from '../foundation/log-text.ts';
import { SETUP_NODE_PLACEHOLDER } from '../foundation/setup-node-placeholder.ts';
import { Redactor } from '../foundation/redactor.ts';
import type { RunReport } from '../run/result.ts';
import { describeError } from '../foundation/describe-error.ts';
import type { CommandInput } from '../run/run.ts';
import { USER_AGENT, VERSION } from '../version.ts';

/** Where the CLI writes: stdout for results, stderr for progress. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** The CLI's own options, shared by every command. */
const OPTIONS = `Options:
  --registry <url>           registry URL (default: https://registry.npmjs.org/)
  --package <path>           the package for publish and the default <pkg> (default: .)
  --expect-version <v>       refuse to publish unless the version is v (a release tag such as v1.2.3 works)
  --trusted-publishing <m>   auto (default): publish by OIDC when NPM_ID_TOKEN or GitHub's ID token is there; off
  --provenance[=<m>]         sign a provenance statement with each publish (GitHub Actions or GitLab CI); =false never;
                             =auto (default): publishConfig.provenance, else on with trusted publishing, as npm does
  --auth-type <m>            how 2FA is answered: auto (default: a TOTP code when NPM_TOTP_SECRET is set, else a web
                             approval), totp (codes only) or web (a person approves on npm's web page while this waits)
  --approval-timeout <d>     how long one web approval may take (default 15m; 90s, 15m, 1h)
  --open                     open each web approval page in the browser (on this machine)
  --dry-run                  read and check everything, write nothing
  --ignore-scripts           do not run prepublishOnly, prepack, prepare or postpack
  --allow-insecure-registry  allow plain http to a host other than this machine
  --json                     print the results as JSON on stdout
  -h, --help                 this help (after a command: that command's)
  -v, --version              this tool's version

Monorepos (publish, stage publish, dist-tag add, trust, stage approve and reject, doctor take --workspaces or -w):
  --workspaces               every workspace package of the monorepo in --package (npm/yarn workspaces, pnpm-workspace.yaml)
  -w, --workspace <x>        a workspace package by name, folder or glob (repeatable)
  --include-workspace-root   the monorepo's root package too
  --concurrency <n>          packages packed and uploaded at once (default 4)
  --otp-uses <n|auto>        the most writes one one-time password is sent with; auto (default): 3 on
                             registry.npmjs.org, no limit elsewhere until the registry answers 429 or refuses a reuse

Secrets come from the environment only, never from arguments:
  NODE_AUTH_TOKEN or NPM_TOKEN   registry token
  NPM_TOTP_SECRET                TOTP secret: base32 text or an otpauth://totp/ URI
  NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK  an incoming webhook (Slack, Teams, Discord) told when a web approval waits
`;

const RUN_USAGE = 'run <file>      run a block of the commands above, one per line (# comments; - reads stdin)';

/**
 * The help: every command's usage (from the commands themselves), or, after a command's words, that command's
 * (a family, such as `dist-tag`, gives each of its subcommands) with what it does and its options.
 */
async function usage(words: readonly string[] = []): Promise<string> {
  const { COMMANDS, commandHelp, commandsNamed } = await import('../commands/index.ts');
  const named = words.length > 0 ? commandsNamed(words) : [];
  if (named.length > 0) {
    return `Usage: npm-totp-publish ${named.length === 1 ? (named[0] as { words: readonly string[] }).words.join(' ') : `${words[0]} <subcommand>`} [options]\n\n${commandHelp(named)}\n\n${OPTIONS}`;
  }
  if (words[0] === 'run') return `Usage: npm-totp-publish run <file> [options]\n\n  ${RUN_USAGE}\n\n${OPTIONS}`;
  return `Usage: npm-totp-publish <command> [options]

Runs npm's 2FA-protected writes with a one-time password made just in time from a TOTP secret, or a web approval.

Commands (npm's own grammar; <pkg> defaults to the package in --package, or the current folder):
${COMMANDS.flatMap((command) => command.usage)
  .map((line) => `  ${line}`)
  .join('\n')}
  ${RUN_USAGE}

${OPTIONS}`;
}

/** Runs the CLI; returns the exit code (0 success, 1 failure, 2 usage error). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo & { stdin?: () => Promise<string> }): Promise<number> {
  const redactor = new Redactor();
  const logger = cliLogger(redactor, io);
  for (const name of ['NODE_AUTH_TOKEN', 'NPM_TOKEN', 'NPM_TOTP_SECRET', 'NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK']) {
    const value = env[name];
    if (value) logger.mask(value);
  }
  try {
    const parsed = parse(argv);
    if (parsed === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if ('help' in parsed) {
      io.stdout(await usage(parsed.help));
      return 0;
    }
    // Loaded only when needed (see src/bundle.ts): the commands and the input checks after --version; an unknown
    // command, or an option it does not take, is said before anything else is checked.
    const [{ idTokenAvailable, normalizeOptions, SETTING_NAMES }, { COMMANDS }, { checkWords }] = await Promise.all([
      import('../grammar/options.ts'),
      import('../commands/index.ts'),
      import('../grammar/line.ts'),
    ]);
    // The usage printed after this refusal lists the commands: the refusal does not list them again.
    if (parsed.words[0] !== 'run')
      checkWords(parsed.words, COMMANDS, (problem) => new InputError('arguments', `${problem.split(' Known commands:')[0]?.replace(/\.$/, '')}.`));
    const usable = (value: string | undefined) => (value?.trim() && value.trim() !== SETUP_NODE_PLACEHOLDER ? value : undefined);
    const token = usable(env.NODE_AUTH_TOKEN) ?? env.NPM_TOKEN;
    const options = normalizeOptions(
      { ...parsed.settings, token, otpSecret: env.NPM_TOTP_SECRET, approvalWebhook: env.NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK },
      {
        ...(Object.fromEntries(Object.entries(SETTING_NAMES).map(([key, name]) => [key, `--${name}`])) as typeof SETTING_NAMES),
        token: 'NODE_AUTH_TOKEN (or NPM_TOKEN)',
        otpSecret: 'NPM_TOTP_SECRET',
        approvalWebhook: 'NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK',
      },
      { idTokenAvailable: idTokenAvailable(env) },
    );
    // and the engine (npm's libraries) once the inputs pass.
    const [{ runCommands }, { idTokenProviderFromEnv }] = await Promise.all([import('../run/run.ts'), import('../run/id-tokens.ts')]);
    let input: CommandInput;
    if (parsed.words[0] === 'run') {
      if (parsed.words.length !== 2) throw new InputError('arguments', 'run takes one file holding the commands (or - for standard input).');
      const file = parsed.words[1] as string;
      const block =
        file === '-'
          ? await (io.stdin ?? readStdin)()
          : await readFile(path.resolve(io.cwd, file), 'utf8').catch(() => {
              throw new InputError('arguments', `run: cannot read ${file}.`);
            });
      input = { block, inputName: file === '-' ? 'standard input' : file };
    } else {
      input = { words: parsed.words, inputName: 'arguments' };
    }
    const idTokens = options.trustedPublishing === 'auto' ? idTokenProviderFromEnv(env, logger) : undefined;
    const report = await runCommands(options, input, {
      clock: systemClock,
      logger,
      cwd: io.cwd,
      env,
      userAgent: USER_AGENT,
      ...(idTokens ? { idTokens } : {}),
      ...(parsed.open ? { openUrl: (url: string) => openInBrowser(url, logger) } : {}),
    });
    printReport(report, parsed.json, redactor, io);
    if (report.error !== undefined) {
      io.stderr(`${inertText(`npm-totp-publish: ${redactor.redact(describeError(report.error))}`)}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const wrongUsage = error instanceof InputError && error.input === 'arguments';
    io.stderr(`${inertText(`npm-totp-publish: ${redactor.redact(describeError(error))}`)}\n`);
    if (wrongUsage) io.stderr(`\n${await usage(argvWords(argv))}`);
    return wrongUsage ? 2 : 1;
  }
}

interface ParsedArgs {
  settings: {
    package?: string;
    registry?: string;
    expectVersion?: string;
    trustedPublishing?: string;
    provenance?: string;
    authType?: string;
    approvalTimeout?: string;
    dryRun: boolean;
    ignoreScripts: boolean;
    allowInsecureRegistry: boolean;
  };
  /** The command and its own arguments and flags (such as --tag, --access, --force). */
  words: string[];
  json: boolean;
  /** `--open`: open each web approval page in the browser. */
  open: boolean;
}

const SECRET_FLAGS = /^--?(token|otp|otp-secret|secret|auth|password|_authToken|approval-webhook)(=|$)/i;
const GLOBAL_VALUED = new Set(['--registry', '--package', '--expect-version', '--trusted-publishing', '--auth-type', '--approval-timeout']);
const GLOBAL_BOOLEAN = new Set(['--dry-run', '--ignore-scripts', '--allow-insecure-registry', '--json', '--open', '--help', '-h', '--version', '-v']);

/** The command's words of `argv` (what is not this tool's own option), for help. */
function argvWords(argv: string[]): string[] {
  return argv.filter((arg, index) => !arg.startsWith('-') && !GLOBAL_VALUED.has(argv[index - 1] ?? ''));
}

/** Separates this tool's own options from the command's words (whose flags the command checks); refuses secrets given as flags. */
function parse(argv: string[]): ParsedArgs | 'version' | { help: string[] } {
  const secretFlag = argv.find((arg) => SECRET_FLAGS.test(arg));
  if (secretFlag) {
    throw new InputError(
      'arguments',
      `${secretFlag.split('=')[0]} is not accepted: command-line arguments are visible to every process on the machine and in CI logs. Put the token in NODE_AUTH_TOKEN (or NPM_TOKEN), the TOTP secret in NPM_TOTP_SECRET and an approval webhook in NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK.`,
    );
  }
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (GLOBAL_VALUED.has(name)) {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined) throw new InputError('arguments', `${name} needs a value.`);
      values[name.slice(2)] = value;
    } else if (GLOBAL_BOOLEAN.has(name) && inline === undefined) {
      flags.add(name);
    } else if (name === '--provenance') {
      // npm's boolean: `--provenance` alone is true; a value only inline, so the next word stays a word.
      values.provenance = inline ?? 'true';
    } else {
      words.push(arg);
    }
  }
  if (flags.has('--help') || flags.has('-h')) return { help: words };
  if (flags.has('--version') || flags.has('-v')) return 'version';
  if (words.length === 0) throw new InputError('arguments', 'no command given.');
  return {
    settings: {
      ...(values.package === undefined ? {} : { package: values.package }),
      ...(values.registry === undefined ? {} : { registry: values.registry }),
      ...(values['expect-version'] === undefined ? {} : { expectVersion: values['expect-version'] }),
      ...(values['trusted-publishing'] === undefined ? {} : { trustedPublishing: values['trusted-publishing'] }),
      ...(values.provenance === undefined ? {} : { provenance: values.provenance }),
      ...(values['auth-type'] === undefined ? {} : { authType: values['auth-type'] }),
      ...(values['approval-timeout'] === undefined ? {} : { approvalTimeout: values['approval-timeout'] }),
      dryRun: flags.has('--dry-run'),
      ignoreScripts: flags.has('--ignore-scripts'),
      allowInsecureRegistry: flags.has('--allow-insecure-registry'),
    },
    words,
    json: flags.has('--json'),
    open: flags.has('--open'),
  };
}

/** Opens `url` in this machine's browser (`--open`); a failure only says so. */
function openInBrowser(url: string, logger: Logger): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  import('node:child_process')
    .then(({ spawn }) => {
      const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
      child.on('error', () => logger.warning(`Could not open a browser (${command}); open the link above yourself.`));
      child.unref();
    })
    .catch(() => undefined);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The results on stdout: with --json, as data (strings cleaned of the
 * long-lived secrets only, never of one-time passwords, which it never holds:
 * it always parses); otherwise one line per command. Text from outside can
 * write no workflow command, for a CLI run in a GitHub job (inertText).
 */
function printReport(report: RunReport, json: boolean, redactor: Redactor, io: CliIo): void {
  if (json) {
    const { error, ...rest } = report;
    const data = { ...rest, ...(error === undefined ? {} : { error: describeError(error) }) };
    io.stdout(`${JSON.stringify(data, (_key, value: unknown) => (typeof value === 'string' ? redactor.redactSecrets(value) : value), 2)}\n`);
    return;
  }
  for (const result of report.results) {
    const attempts = result.otpAttempts === 1 ? '1 OTP' : `${result.otpAttempts} OTPs`;
    const where = result.line > 0 ? `line ${result.line}: ` : '';
    io.stdout(
      `${inertText(redactor.redact(`${result.outcome.padEnd(9)} ${where}${result.command} (${attempts}, ${(result.durationMs / 1000).toFixed(1)} s)${result.detail ? ` - ${result.detail}` : ''}`))}\n`,
    );
  }
  if (report.approvals) io.stdout(`web approvals given during the run: ${report.approvals}\n`);
  // The workspace packages that were not published, as the job summary lists them.
  for (const entry of report.packages ?? []) {
    if (entry.outcome !== 'private' && entry.outcome !== 'skipped') continue;
    io.stdout(`${redactor.redact(`${entry.outcome.padEnd(9)} ${entry.name}${entry.version ? `@${entry.version}` : ''} - ${entry.detail}`)}\n`);
  }
}

function cliLogger(redactor: Redactor, io: CliIo): Logger {
  const line = (prefix: string) => (message: string) => io.stderr(`${inertText(`${prefix}${redactor.redact(message)}`)}\n`);
  return {
    debug: () => {},
    info: line(''),
    warning: line('warning: '),
    error: line('error: '),
    notice: line('notice: '),
    mask: (secret, kind) => redactor.add(secret, kind),
    relay: (text) => {
      for (const line of text.split(/\r\n|\r|\n/)) if (line.trim() !== '') io.stderr(`  ${inertText(redactor.redact(line))}\n`);
    },
  };
}
