export const id = 273;
export const ids = [273];
export const modules = {

/***/ 1273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCli: () => (/* binding */ runCli)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _foundation_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8859);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _foundation_log_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4911);
/* harmony import */ var _foundation_setup_node_placeholder_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5021);
/* harmony import */ var _foundation_redactor_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6297);
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(403);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3411);









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
async function usage(words = []) {
    const { COMMANDS, commandHelp, commandsNamed } = await Promise.all(/* import() */[__webpack_require__.e(56), __webpack_require__.e(172), __webpack_require__.e(58), __webpack_require__.e(635)]).then(__webpack_require__.bind(__webpack_require__, 3058));
    const named = words.length > 0 ? commandsNamed(words) : [];
    if (named.length > 0) {
        return `Usage: npm-totp-publish ${named.length === 1 ? named[0].words.join(' ') : `${words[0]} <subcommand>`} [options]\n\n${commandHelp(named)}\n\n${OPTIONS}`;
    }
    if (words[0] === 'run')
        return `Usage: npm-totp-publish run <file> [options]\n\n  ${RUN_USAGE}\n\n${OPTIONS}`;
    return `Usage: npm-totp-publish <command> [options]

Runs npm's 2FA-protected writes with a one-time password made just in time from a TOTP secret, or a web approval.

Commands (npm's own grammar; <pkg> defaults to the package in --package, or the current folder):
${COMMANDS.flatMap((command) => command.usage)
        .map((line) => `  ${line}`)
        .join('\n')}
  ${RUN_USAGE}

${OPTIONS}`;
}
async function runCli(argv, env, io) {
    const redactor = new _foundation_redactor_js__WEBPACK_IMPORTED_MODULE_5__/* .Redactor */ .p();
    const logger = cliLogger(redactor, io);
    for (const name of ['NODE_AUTH_TOKEN', 'NPM_TOKEN', 'NPM_TOTP_SECRET', 'NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK']) {
        const value = env[name];
        if (value)
            logger.mask(value);
    }
    try {
        const parsed = parse(argv);
        if (parsed === 'version') {
            io.stdout(`${_version_js__WEBPACK_IMPORTED_MODULE_6__/* .VERSION */ .x}\n`);
            return 0;
        }
        if ('help' in parsed) {
            io.stdout(await usage(parsed.help));
            return 0;
        }
        const [{ idTokenAvailable, normalizeOptions, SETTING_NAMES }, { COMMANDS }, { checkWords }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(56), __webpack_require__.e(635)]).then(__webpack_require__.bind(__webpack_require__, 3635)),
            Promise.all(/* import() */[__webpack_require__.e(56), __webpack_require__.e(172), __webpack_require__.e(58), __webpack_require__.e(635)]).then(__webpack_require__.bind(__webpack_require__, 3058)),
            Promise.all(/* import() */[__webpack_require__.e(56), __webpack_require__.e(93)]).then(__webpack_require__.bind(__webpack_require__, 474)),
        ]);
        if (parsed.words[0] !== 'run')
            checkWords(parsed.words, COMMANDS, (problem) => new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('arguments', `${problem.split(' Known commands:')[0]?.replace(/\.$/, '')}.`));
        const usable = (value) => (value?.trim() && value.trim() !== _foundation_setup_node_placeholder_js__WEBPACK_IMPORTED_MODULE_7__/* .SETUP_NODE_PLACEHOLDER */ .D ? value : undefined);
        const token = usable(env.NODE_AUTH_TOKEN) ?? env.NPM_TOKEN;
        const options = normalizeOptions({ ...parsed.settings, token, otpSecret: env.NPM_TOTP_SECRET, approvalWebhook: env.NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK }, {
            ...Object.fromEntries(Object.entries(SETTING_NAMES).map(([key, name]) => [key, `--${name}`])),
            token: 'NODE_AUTH_TOKEN (or NPM_TOKEN)',
            otpSecret: 'NPM_TOTP_SECRET',
            approvalWebhook: 'NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK',
        }, { idTokenAvailable: idTokenAvailable(env) });
        const [{ runCommands }, { idTokenProviderFromEnv }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(56), __webpack_require__.e(172), __webpack_require__.e(58), __webpack_require__.e(635), __webpack_require__.e(479)]).then(__webpack_require__.bind(__webpack_require__, 860)), __webpack_require__.e(/* import() */ 275).then(__webpack_require__.bind(__webpack_require__, 275))]);
        let input;
        if (parsed.words[0] === 'run') {
            if (parsed.words.length !== 2)
                throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('arguments', 'run takes one file holding the commands (or - for standard input).');
            const file = parsed.words[1];
            const block = file === '-'
                ? await (io.stdin ?? readStdin)()
                : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(io.cwd, file), 'utf8').catch(() => {
                    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('arguments', `run: cannot read ${file}.`);
                });
            input = { block, inputName: file === '-' ? 'standard input' : file };
        }
        else {
            input = { words: parsed.words, inputName: 'arguments' };
        }
        const idTokens = options.trustedPublishing === 'auto' ? idTokenProviderFromEnv(env, logger) : undefined;
        const report = await runCommands(options, input, {
            clock: _foundation_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m,
            logger,
            cwd: io.cwd,
            env,
            userAgent: _version_js__WEBPACK_IMPORTED_MODULE_6__/* .USER_AGENT */ ._,
            ...(idTokens ? { idTokens } : {}),
            ...(parsed.open ? { openUrl: (url) => openInBrowser(url, logger) } : {}),
        });
        printReport(report, parsed.json, redactor, io);
        if (report.error !== undefined) {
            io.stderr(`${(0,_foundation_log_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inertText */ .U)(`npm-totp-publish: ${redactor.redact((0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(report.error))}`)}\n`);
            return 1;
        }
        return 0;
    }
    catch (error) {
        const wrongUsage = error instanceof _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz && error.input === 'arguments';
        io.stderr(`${(0,_foundation_log_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inertText */ .U)(`npm-totp-publish: ${redactor.redact((0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(error))}`)}\n`);
        if (wrongUsage)
            io.stderr(`\n${await usage(argvWords(argv))}`);
        return wrongUsage ? 2 : 1;
    }
}
const SECRET_FLAGS = /^--?(token|otp|otp-secret|secret|auth|password|_authToken|approval-webhook)(=|$)/i;
const GLOBAL_VALUED = new Set(['--registry', '--package', '--expect-version', '--trusted-publishing', '--auth-type', '--approval-timeout']);
const GLOBAL_BOOLEAN = new Set(['--dry-run', '--ignore-scripts', '--allow-insecure-registry', '--json', '--open', '--help', '-h', '--version', '-v']);
function argvWords(argv) {
    return argv.filter((arg, index) => !arg.startsWith('-') && !GLOBAL_VALUED.has(argv[index - 1] ?? ''));
}
function parse(argv) {
    const secretFlag = argv.find((arg) => SECRET_FLAGS.test(arg));
    if (secretFlag) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('arguments', `${secretFlag.split('=')[0]} is not accepted: command-line arguments are visible to every process on the machine and in CI logs. Put the token in NODE_AUTH_TOKEN (or NPM_TOKEN), the TOTP secret in NPM_TOTP_SECRET and an approval webhook in NPM_TOTP_PUBLISH_APPROVAL_WEBHOOK.`);
    }
    const values = {};
    const flags = new Set();
    const words = [];
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        if (GLOBAL_VALUED.has(name)) {
            const value = inline ?? argv[(i += 1)];
            if (value === undefined)
                throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('arguments', `${name} needs a value.`);
            values[name.slice(2)] = value;
        }
        else if (GLOBAL_BOOLEAN.has(name) && inline === undefined) {
            flags.add(name);
        }
        else if (name === '--provenance') {
            values.provenance = inline ?? 'true';
        }
        else {
            words.push(arg);
        }
    }
    if (flags.has('--help') || flags.has('-h'))
        return { help: words };
    if (flags.has('--version') || flags.has('-v'))
        return 'version';
    if (words.length === 0)
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('arguments', 'no command given.');
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
function openInBrowser(url, logger) {
    const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
    Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 19))
        .then(({ spawn }) => {
        const child = spawn(command, args, { stdio: 'ignore', detached: true });
        child.on('error', () => logger.warning(`Could not open a browser (${command}); open the link above yourself.`));
        child.unref();
    })
        .catch(() => undefined);
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
function printReport(report, json, redactor, io) {
    if (json) {
        const { error, ...rest } = report;
        const data = { ...rest, ...(error === undefined ? {} : { error: (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(error) }) };
        io.stdout(`${JSON.stringify(data, (_key, value) => (typeof value === 'string' ? redactor.redactSecrets(value) : value), 2)}\n`);
        return;
    }
    for (const result of report.results) {
        const attempts = result.otpAttempts === 1 ? '1 OTP' : `${result.otpAttempts} OTPs`;
        const where = result.line > 0 ? `line ${result.line}: ` : '';
        io.stdout(`${(0,_foundation_log_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inertText */ .U)(redactor.redact(`${result.outcome.padEnd(9)} ${where}${result.command} (${attempts}, ${(result.durationMs / 1000).toFixed(1)} s)${result.detail ? ` - ${result.detail}` : ''}`))}\n`);
    }
    if (report.approvals)
        io.stdout(`web approvals given during the run: ${report.approvals}\n`);
    for (const entry of report.packages ?? []) {
        if (entry.outcome !== 'private' && entry.outcome !== 'skipped')
            continue;
        io.stdout(`${redactor.redact(`${entry.outcome.padEnd(9)} ${entry.name}${entry.version ? `@${entry.version}` : ''} - ${entry.detail}`)}\n`);
    }
}
function cliLogger(redactor, io) {
    const line = (prefix) => (message) => io.stderr(`${(0,_foundation_log_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inertText */ .U)(`${prefix}${redactor.redact(message)}`)}\n`);
    return {
        debug: () => { },
        info: line(''),
        warning: line('warning: '),
        error: line('error: '),
        notice: line('notice: '),
        mask: (secret, kind) => redactor.add(secret, kind),
        relay: (text) => {
            for (const line of text.split(/\r\n|\r|\n/))
                if (line.trim() !== '')
                    io.stderr(`  ${(0,_foundation_log_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inertText */ .U)(redactor.redact(line))}\n`);
        },
    };
}


/***/ }),

/***/ 8859:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};


/***/ }),

/***/ 403:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ describeReason),
/* harmony export */   Uc: () => (/* binding */ describeError)
/* harmony export */ });
/* unused harmony export TOKEN_EXPIRED */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);
/* harmony import */ var _refusals_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);


function describeError(error) {
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isProductError */ .kw)(error))
        return error.message;
    const status = error?.statusCode;
    if (typeof status !== 'number')
        return describeReason(error);
    const reason = describeReason(error).replace(/^\d+ ?/, '');
    return `the registry answered ${status}${reason ? `: ${reason}` : ''}`;
}
function describeReason(error) {
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isProductError */ .kw)(error))
        return error.message;
    const record = error;
    const reason = record?.body?.error ?? record?.body?.message;
    const message = typeof record?.message === 'string' ? (record.message.split('\n')[0]?.trim() ?? '') : String(error);
    if (typeof record?.statusCode === 'number') {
        const answer = typeof reason === 'string' ? `${record.statusCode} ${reason}` : message.split(' - ')[0] || String(record.statusCode);
        const refused = refusedCredential(error);
        return refused ? `${answer.replace(/\.$/, '')}; ${refused}` : answer;
    }
    return typeof record?.code === 'string' && !message.includes(record.code) ? `${record.code}: ${message}` : message;
}
const TOKEN_REFUSED = 'the registry refused the token, which may be invalid, expired or revoked, or made for another registry ' +
    '(for registry.npmjs.org, create a new granular access token with read and write access to the package and store it in place of the old one)';
const TOKEN_EXPIRED = 'the registry says the token expired or was revoked ("Access token expired or revoked"): create a new granular access token with read and write access to the package ' +
    `and store it in place of the old one; ${_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_LIFETIMES */ .J2}`;
function refusedCredential(error) {
    const record = error;
    if ((0,_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .expiredTokenNotice */ .PM)(error) !== undefined)
        return TOKEN_EXPIRED;
    if (record?.statusCode !== 401 || record.code === 'EOTP' || record.code === 'EAUTHIP')
        return undefined;
    if (typeof record.method !== 'string' || typeof record.uri !== 'string')
        return undefined;
    if (record.uri.includes('/-/npm/v1/oidc/token/exchange/'))
        return "the registry refused this job's OIDC ID token for trusted publishing";
    return TOKEN_REFUSED;
}


/***/ }),

/***/ 9670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _$: () => (/* binding */ ProductError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   kw: () => (/* binding */ isProductError)
/* harmony export */ });
class ProductError extends Error {
    code;
    received;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.code = code;
        this.received = options.received;
    }
}
class InputError extends ProductError {
    input;
    constructor(input, message, options = {}) {
        super('EINPUT', message, options);
        this.input = input;
    }
}
function isProductError(error) {
    return error instanceof ProductError;
}


/***/ }),

/***/ 3505:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ errorHeader),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   p3: () => (/* binding */ isSigstoreFailure),
/* harmony export */   zU: () => (/* binding */ failureKind)
/* harmony export */ });
/* unused harmony export connectionFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);
/* harmony import */ var _is_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9319);


function statusOf(error) {
    return (0,_is_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}
function errorHeader(error, name) {
    if (!(0,_is_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(error) || !(0,_is_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(error.headers))
        return undefined;
    const value = error.headers[name];
    if (Array.isArray(value))
        return typeof value[0] === 'string' ? value[0] : undefined;
    return typeof value === 'string' ? value : undefined;
}
const LOST_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNABORTED',
    'ESOCKETTIMEDOUT',
    'ERR_SOCKET_TIMEOUT',
    'EIDLETIMEOUT',
    'ERESPONSETIMEOUT',
    'ETRANSFERTIMEOUT',
    'UND_ERR_SOCKET',
]);
const UNSENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EINVALIDPROXY']);
const RETRYABLE_UNSENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
function connectionFailure(error) {
    if (!(0,_is_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(error) || statusOf(error) !== undefined)
        return undefined;
    if (typeof error.code === 'string' && UNSENT_CODES.has(error.code))
        return 'unsent';
    if (typeof error.code === 'string' && LOST_CODES.has(error.code))
        return 'lost';
    return error.type === 'request-timeout' || error.type === 'body-timeout' ? 'lost' : undefined;
}
const SIGSTORE_CODES = new Set([
    'CA_CREATE_SIGNING_CERTIFICATE_ERROR',
    'TLOG_CREATE_ENTRY_ERROR',
    'TLOG_FETCH_ENTRY_ERROR',
    'TSA_CREATE_TIMESTAMP_ERROR',
    'IDENTITY_TOKEN_READ_ERROR',
    'IDENTITY_TOKEN_PARSE_ERROR',
]);
const LOCAL_CODES = new Set(['EPRIVATE', 'EUNSCOPED', 'EBADSEMVER', 'EPACKAGEEXTENSIONS', 'EUSAGE', ...SIGSTORE_CODES]);
function isSigstoreFailure(error) {
    return (0,_is_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(error) && typeof error.code === 'string' && SIGSTORE_CODES.has(error.code);
}
function failureKind(error) {
    const status = statusOf(error);
    if (status !== undefined)
        return status === 408 || status >= 500 ? 'unclear' : 'refused';
    if ((0,_is_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(error) && typeof error.code === 'string' && LOCAL_CODES.has(error.code))
        return 'unsent';
    const failure = connectionFailure(error);
    if (failure === 'unsent')
        return 'unsent';
    if (failure === 'lost')
        return 'unclear';
    return error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ ? 'refused' : 'unclear';
}
function isTransient(error) {
    const status = statusOf(error);
    if (status !== undefined)
        return status === 408 || status >= 500;
    const failure = connectionFailure(error);
    return failure === 'lost' || (failure === 'unsent' && (0,_is_record_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u)(error) && RETRYABLE_UNSENT.has(error.code));
}


/***/ }),

/***/ 9319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ isRecord)
/* harmony export */ });
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 4911:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ inertText)
/* harmony export */ });
function inertText(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map(inertLine)
        .join('\n');
}
function inertLine(line) {
    const legacySafe = line.replaceAll('##[', '#\\#[');
    return legacySafe.replace(/^(\s*)::/, '$1\\::');
}


/***/ }),

/***/ 6297:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
class Redactor {
    #secrets = new Set();
    #codes = new Set();
    add(secret, kind) {
        for (const value of [secret, ...secret.split(/\r?\n/)]) {
            const trimmed = value.trim();
            if (trimmed.length >= 4)
                (kind === 'code' ? this.#codes : this.#secrets).add(trimmed);
        }
    }
    get values() {
        return [...new Set([...this.#secrets, ...this.#codes])].sort((a, b) => b.length - a.length);
    }
    redact(text) {
        return replaceAll(text, this.values);
    }
    redactSecrets(text) {
        return replaceAll(text, [...this.#secrets].sort((a, b) => b.length - a.length));
    }
}
function replaceAll(text, values) {
    let result = text;
    for (const secret of values)
        result = result.split(secret).join('***');
    return result;
}


/***/ }),

/***/ 252:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J2: () => (/* binding */ TOKEN_LIFETIMES),
/* harmony export */   Os: () => (/* binding */ credentialRefusal),
/* harmony export */   PM: () => (/* binding */ expiredTokenNotice),
/* harmony export */   gz: () => (/* binding */ TokenError),
/* harmony export */   sM: () => (/* binding */ isExpiredNotice),
/* harmony export */   xf: () => (/* binding */ isBypassRefusal)
/* harmony export */ });
/* unused harmony exports BypassTokenError, StageOnlyError, isStageOnlyRefusal */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3505);
/* harmony import */ var _is_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9319);



const TOKEN_LIFETIMES = 'granular write tokens live 7 days unless you choose longer, and 90 days at most, so plan to renew it';
function expiredTokenNotice(error) {
    const notice = (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorHeader */ .GI)(error, 'npm-notice');
    return notice !== undefined && /expired or revoked/i.test(notice) ? notice : undefined;
}
function isExpiredNotice(notice) {
    return notice !== undefined && /expired or revoked/i.test(notice);
}
class TokenError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(what, status, reason, options = {}) {
        const answered = status === undefined ? '' : ` (it answered ${status})`;
        super('ETOKEN', (reason === 'expired'
            ? `The registry says the token expired or was revoked ("Access token expired or revoked"): it refused ${what}${answered}. `
            : `The registry refused the token for ${what}${answered}: it is invalid, expired or revoked, or made for another registry. `) +
            `Create a new granular access token with read and write access to the package (npmjs.com → Access Tokens → Generate New Token → Granular) and store it in place of the old one; ${TOKEN_LIFETIMES}.`, options);
    }
}
class BypassTokenError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, names, options = {}) {
        super('EBYPASSTOKEN', `The registry refused "${label}" to a token that bypasses two-factor authentication (403 Forbidden2FABypassGAT): since August 2026, owner, access, mfa, trust and token changes always need 2FA. ` +
            `Use a granular token without "Bypass two-factor authentication" for these writes, and this product answers the 2FA itself: set ${names.secretInput} to the account's TOTP secret, ` +
            `or leave it empty (${names.authTypeInput} auto) and a person approves each write on npm's web page while the job waits.`, options);
    }
}
class StageOnlyError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, trusted, options = {}) {
        const who = trusted === true
            ? "this job's trusted publisher may only stage versions (npm trusted publishing with --allow-stage-publish and not --allow-publish)"
            : trusted === false
                ? 'the token may only stage versions (a "read and write (stage only)" token)'
                : 'the credential may only stage versions (a stage-only token, or a trusted publisher allowed to stage and not to publish)';
        const allow = trusted === true
            ? "allow publishing on the package's trusted publisher (trust github ... --allow-publish, or on npmjs.com)"
            : trusted === false
                ? 'use a token that may publish'
                : 'allow publishing (trust github ... --allow-publish, or a token that may publish)';
        super('ESTAGEONLY', `The registry refused "${label}": ${who} (403 OIDC permission denied for this action). Nothing was published. ` +
            `Stage it instead (stage publish, then a person with 2FA approves it with stage approve), or ${allow}.`, options);
    }
}
function bodyText(error) {
    if (!(0,_is_record_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(error) || !(0,_is_record_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(error.body))
        return '';
    return ['code', 'error', 'message'].map((key) => ((0,_is_record_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(error.body) && typeof error.body[key] === 'string' ? error.body[key] : '')).join(' ');
}
function isBypassRefusal(error) {
    if ((0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) !== 403)
        return false;
    return /Forbidden2FABypassGAT|tokens that bypass two-factor authentication/i.test(bodyText(error));
}
function isStageOnlyRefusal(error) {
    return (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 403 && /OIDC permission denied/i.test(bodyText(error));
}
function credentialRefusal(error, label, context) {
    const status = (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error);
    if (status === undefined)
        return undefined;
    if (expiredTokenNotice(error) !== undefined && !context.trusted)
        return new TokenError(`"${label}"`, status, 'expired', { cause: error });
    if (isBypassRefusal(error))
        return new BypassTokenError(label, context, { cause: error });
    if (isStageOnlyRefusal(error) && context.npmCommand === 'publish')
        return new StageOnlyError(label, context.trusted, { cause: error });
    return undefined;
}


/***/ }),

/***/ 5021:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ SETUP_NODE_PLACEHOLDER)
/* harmony export */ });
const SETUP_NODE_PLACEHOLDER = 'XXXXX-XXXXX-XXXXX-XXXXX';


/***/ }),

/***/ 3411:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT),
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = '1.0.0';
const USER_AGENT = `npm-totp-publish/${VERSION} node/${process.version}`;


/***/ })

};
