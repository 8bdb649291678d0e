export const id = 960;
export const ids = [960];
export const modules = {

/***/ 7586:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./lib/foundation/clock.js
var clock = __webpack_require__(8859);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/foundation/log-text.js
var log_text = __webpack_require__(4911);
// EXTERNAL MODULE: ./lib/foundation/redactor.js
var foundation_redactor = __webpack_require__(6297);
// EXTERNAL MODULE: ./lib/grammar/options.js
var grammar_options = __webpack_require__(3635);
// EXTERNAL MODULE: ./lib/foundation/describe-error.js
var describe_error = __webpack_require__(403);
// EXTERNAL MODULE: ./lib/run/result.js
var result = __webpack_require__(3028);
// EXTERNAL MODULE: ./lib/version.js
var version = __webpack_require__(3411);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/action/core-logger.js



function actionLogger(redactor) {
    return {
        debug: (message) => core/* debug */.Yz(redactor.redact(message)),
        info: (message) => core/* info */.pq((0,log_text/* inertText */.U)(redactor.redact(message))),
        warning: (message) => core/* warning */.$e(redactor.redact(message)),
        error: (message) => core/* error */.z3(redactor.redact(message)),
        notice: (message) => core/* notice */.lm(redactor.redact(message)),
        mask: (secret, kind) => {
            for (const line of secret.split(/\r?\n/))
                if (line.trim() !== '')
                    core/* setSecret */.Pq(line.trim());
            redactor.add(secret, kind);
        },
        relay: (text) => {
            const lines = redactor
                .redact(text)
                .split(/\r\n|\r|\n/)
                .filter((line) => line.trim() !== '');
            if (lines.length === 0)
                return;
            const token = (0,external_node_crypto_.randomUUID)();
            core/* info */.pq(`::stop-commands::${token}`);
            for (const line of lines)
                core/* info */.pq(`  ${(0,log_text/* inertText */.U)(line)}`);
            core/* info */.pq(`::${token}::`);
        },
    };
}

;// CONCATENATED MODULE: ./lib/action/inputs.js


const INPUT_NAMES = grammar_options.SETTING_NAMES;
function readInputs(logger, env = process.env) {
    const read = (name) => core/* getInput */.V4(name) || undefined;
    const raw = Object.fromEntries(Object.entries(INPUT_NAMES).map(([key, name]) => [key, read(name)]));
    raw.token ??= env.NODE_AUTH_TOKEN;
    for (const secret of [raw.token, raw.otpSecret, raw.approvalWebhook])
        if (secret)
            logger.mask(secret);
    const options = (0,grammar_options.normalizeOptions)(raw, { ...INPUT_NAMES, token: 'token (or the NODE_AUTH_TOKEN environment variable)' }, { idTokenAvailable: (0,grammar_options.idTokenAvailable)(env) });
    const commands = read('commands');
    const doctor = (0,grammar_options.parseBoolean)(read('doctor'), 'doctor', false);
    return { options, commands: commands !== undefined && commands.trim() !== '' ? commands : undefined, doctor };
}

;// CONCATENATED MODULE: ./lib/action/outputs.js

function writeOutputs(report, redactor) {
    core/* setOutput */.uH('published', report.published ? 'true' : 'false');
    core/* setOutput */.uH('name', report.name ?? '');
    core/* setOutput */.uH('version', report.version ?? '');
    core/* setOutput */.uH('tag', report.tag ?? '');
    core/* setOutput */.uH('results', dataJson(report.results, redactor));
    if (report.packages)
        core/* setOutput */.uH('packages', dataJson(report.packages, redactor));
    core/* setOutput */.uH('approvals', String(report.approvals ?? 0));
}
function dataJson(value, redactor, indent) {
    return JSON.stringify(value, (_key, inner) => (typeof inner === 'string' ? redactor.redactSecrets(inner) : inner), indent);
}
async function writeSummary(report, redactor, auth) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const clean = (text) => summaryText(redactor.redact(text));
    const cell = (text) => ({ data: text === '' ? '&nbsp;' : text });
    const rows = report.results.map((result) => [
        cell(result.line > 0 ? String(result.line) : ''),
        cell(`<code>${clean(result.command)}</code>`),
        cell(outcomeText(result)),
        cell(String(result.otpAttempts)),
        cell(seconds(result.waitedMs)),
        cell(seconds(result.durationMs)),
        cell(clean(result.detail)),
    ]);
    const summary = core/* summary */.z.addHeading(clean(heading(report)), 3).addRaw(`<p>Registry: <code>${clean(report.registry)}</code>. ${clean(auth)}</p>`, true);
    for (const { table } of report.tables ?? []) {
        summary.addHeading(clean(table.title), 4);
        summary.addTable([table.columns.map((data) => ({ data: clean(data), header: true })), ...table.rows.map((row) => row.map((text) => cell(clean(text))))]);
    }
    if (report.approvals)
        summary.addRaw(`<p>Web approvals given during the run: ${report.approvals}.</p>`, true);
    if (report.packages) {
        const packageIcons = {
            published: '✅ published',
            unchanged: '⏭️ already there',
            tagged: '🏷️ tagged',
            private: '🔒 private',
            skipped: '⏭️ skipped',
            'dry-run': '🧪 dry run',
            staged: '📦 staged',
            failed: '❌ failed',
            'not-run': '⏸️ not run',
        };
        summary.addTable([
            ['Package', 'Version', 'Tag', 'Outcome', 'Detail'].map((data) => ({ data, header: true })),
            ...report.packages.map((entry) => [
                cell(`<code>${clean(entry.name)}</code>`),
                cell(clean(entry.version)),
                cell(clean(entry.tag)),
                cell(packageIcons[entry.outcome]),
                cell(clean(entry.detail)),
            ]),
        ]);
    }
    summary.addTable([['Line', 'Command', 'Outcome', 'OTP attempts', 'Waited', 'Duration', 'Detail'].map((data) => ({ data, header: true })), ...rows]);
    const link = packageLink(report);
    if (link && report.published && !report.packages)
        summary.addLink(clean(`${report.name}@${report.version} on the registry`), clean(link));
    for (const result of report.results) {
        if (result.transparencyLogUrl)
            summary.addRaw(`<p>Provenance of <code>${clean(result.command.replace(/^publish /, ''))}</code>: <a href="${clean(result.transparencyLogUrl)}">its transparency log entry</a></p>`, true);
    }
    await summary.write();
}
function heading(report) {
    const written = report.results.filter((result) => result.outcome === 'published' || result.outcome === 'done' || result.outcome === 'tagged' || result.outcome === 'staged').length;
    const failed = report.results.find((result) => result.outcome === 'failed');
    const table = report.tables?.[0]?.table;
    if (table && written === 0 && !failed)
        return table.title;
    if (failed) {
        const where = failed.line > 0 ? `line ${failed.line} (${failed.command})` : failed.command;
        return `npm-totp-publish failed at ${where}; ${written} write${written === 1 ? '' : 's'} done before it`;
    }
    if (report.error !== undefined)
        return `npm-totp-publish: ${written} write${written === 1 ? '' : 's'} done, then the run failed (see the rows below and the step's error)`;
    if (report.results.length > 0 &&
        report.results.every((result) => result.outcome === 'dry-run' || result.outcome === 'read' || result.outcome === 'unchanged')) {
        if (report.results.some((result) => result.outcome === 'dry-run'))
            return 'npm-totp-publish dry run: nothing was written';
    }
    if (report.packages) {
        const count = (outcome) => report.packages?.filter((entry) => entry.outcome === outcome).length ?? 0;
        const staged = count('staged') > 0 ? `${count('staged')} staged (to be approved), ` : '';
        return `npm-totp-publish: ${staged}${count('published')} workspace package${count('published') === 1 ? '' : 's'} published, ${count('unchanged') + count('tagged')} already there, ${count('private')} private${count('skipped') > 0 ? `, ${count('skipped')} skipped` : ''}`;
    }
    if (report.published)
        return `Published ${report.name}@${report.version}`;
    return written > 0 ? `npm-totp-publish: ${written} write${written === 1 ? '' : 's'} done` : 'npm-totp-publish: nothing to write, the registry already agreed';
}
function outcomeText(result) {
    const icons = {
        published: '✅ published',
        done: '✅ done',
        tagged: '🏷️ tagged',
        unchanged: '⏭️ already so',
        read: '📖 read',
        'dry-run': '🧪 dry run',
        staged: '📦 staged',
        failed: '❌ failed',
        'not-run': '⏸️ not run',
    };
    return icons[result.outcome];
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
function packageLink(report) {
    if (!report.name || !report.version)
        return undefined;
    if (new URL(report.registry).hostname === 'registry.npmjs.org')
        return `https://www.npmjs.com/package/${report.name}/v/${report.version}`;
    return `${report.registry}${report.name.replace('/', '%2f')}`;
}
function summaryText(text) {
    return text
        .replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/\|/g, '&#124;');
}

;// CONCATENATED MODULE: ./lib/action/main.js












async function run() {
    const redactor = new foundation_redactor/* Redactor */.p();
    const logger = actionLogger(redactor);
    let report;
    let auth = 'Auth: not settled (the inputs were refused).';
    try {
        let read;
        try {
            read = readInputs(logger);
        }
        catch (error) {
            const refusal = (await unknownCommand(core/* getInput */.V4('commands'))) ?? error;
            report = {
                published: false,
                name: undefined,
                version: undefined,
                tag: undefined,
                registry: shownRegistry(core/* getInput */.V4('registry')),
                results: [(0,result/* failedResult */.N)(0, 'inputs', refusal, 0)],
                error: refusal,
            };
            throw refusal;
        }
        const { options, commands, doctor } = read;
        const [{ runCommands }, { idTokenProviderFromEnv }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(172), __webpack_require__.e(58), __webpack_require__.e(860)]).then(__webpack_require__.bind(__webpack_require__, 860)), __webpack_require__.e(/* import() */ 275).then(__webpack_require__.bind(__webpack_require__, 275))]);
        const idTokens = options.trustedPublishing === 'auto' ? idTokenProviderFromEnv(process.env, logger) : undefined;
        auth = authSummary(options, idTokens !== undefined);
        const doctorLine = { words: ['doctor'], inputName: 'doctor' };
        const input = commands === undefined ? (doctor ? doctorLine : undefined) : { block: commands, inputName: 'commands', ...(doctor ? { also: doctorLine } : {}) };
        report = await runCommands(options, input, {
            clock: clock/* systemClock */.m,
            logger,
            cwd: process.cwd(),
            env: process.env,
            userAgent: version/* USER_AGENT */._,
            ...(idTokens ? { idTokens } : {}),
        });
    }
    catch (error) {
        report ??= {
            published: false,
            name: undefined,
            version: undefined,
            tag: undefined,
            registry: grammar_options.DEFAULT_REGISTRY,
            results: [(0,result/* failedResult */.N)(0, 'npm-totp-publish', error, 0)],
            error,
        };
    }
    writeOutputs(report, redactor);
    await writeSummary(report, redactor, auth).catch((error) => {
        core/* warning */.$e(redactor.redact(`Could not write the job summary: ${(0,describe_error/* describeError */.Uc)(error)}. The results are in the step's outputs.`));
    });
    if (report.error !== undefined)
        failRun(report, redactor);
}
async function unknownCommand(block) {
    if (block.trim() === '')
        return undefined;
    const [{ COMMANDS }, { blockWordsProblem }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(172), __webpack_require__.e(58)]).then(__webpack_require__.bind(__webpack_require__, 3058)), __webpack_require__.e(/* import() */ 474).then(__webpack_require__.bind(__webpack_require__, 474))]);
    return blockWordsProblem(block, COMMANDS, { inputName: 'commands' });
}
function failRun(report, redactor) {
    const failed = report.results.find((result) => result.outcome === 'failed');
    if (report.results.length > 1) {
        core/* info */.pq('What happened:');
        for (const result of report.results)
            core/* info */.pq((0,log_text/* inertText */.U)(redactor.redact(`  ${result.line > 0 ? `line ${result.line}: ` : ''}${result.outcome.padEnd(9)} ${result.command}`)));
    }
    if (failed && failed.line > 0) {
        core/* error */.z3(redactor.redact((0,describe_error/* describeError */.Uc)(report.error)), { title: redactor.redact(`commands line ${failed.line}: ${failed.command}`) });
        process.exitCode = core/* ExitCode */.yU.Failure;
        return;
    }
    fail(report.error, redactor);
}
function fail(error, redactor) {
    if ((0,errors/* isProductError */.kw)(error)) {
        core/* setFailed */.C1(redactor.redact(error.message));
        return;
    }
    core/* debug */.Yz(redactor.redact(error instanceof Error && error.stack ? error.stack : String(error)));
    core/* setFailed */.C1(redactor.redact((0,describe_error/* describeError */.Uc)(error)));
}
function authSummary(options, oidcAvailable) {
    const otp = options.secret && options.authType !== 'web'
        ? `one-time passwords made just in time from otp-secret${options.authType === 'auto' ? ' (web approvals if the account has no TOTP)' : ''}`
        : options.authType === 'totp'
            ? 'no one-time password (otp-secret not set)'
            : 'web approvals where the registry asks for 2FA (otp-secret not set)';
    return `Auth: the token with ${otp}${oidcAvailable ? '; publish tried trusted publishing (OIDC) first' : ''}.`;
}
function shownRegistry(value) {
    try {
        return (0,grammar_options.parseRegistry)(value, INPUT_NAMES, false);
    }
    catch {
        return grammar_options.DEFAULT_REGISTRY;
    }
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

/***/ 3028:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ failedResult),
/* harmony export */   w: () => (/* binding */ outcomeResult)
/* harmony export */ });
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(403);

function failedResult(line, command, error, durationMs) {
    return { line, command, ok: false, skipped: false, outcome: 'failed', otpAttempts: 0, waitedMs: 0, durationMs, detail: (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
}
function outcomeResult(line, command, outcome, tally, durationMs) {
    const published = outcome.published === true;
    return {
        line,
        command,
        ok: true,
        skipped: !published && outcome.status !== 'done' && outcome.status !== 'tagged' && outcome.status !== 'staged',
        outcome: published ? 'published' : outcome.status,
        otpAttempts: tally.otpAttempts,
        waitedMs: tally.waitedMs,
        durationMs,
        detail: outcome.detail,
        ...(outcome.stageId === undefined ? {} : { stageId: outcome.stageId }),
        ...(outcome.id === undefined ? {} : { id: outcome.id }),
        ...(outcome.data === undefined ? {} : { data: outcome.data }),
        ...(outcome.transparencyLogUrl ? { transparencyLogUrl: outcome.transparencyLogUrl } : {}),
    };
}


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
