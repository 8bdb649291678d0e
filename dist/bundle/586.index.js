export const id = 586;
export const ids = [586,333,374,339];
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
// EXTERNAL MODULE: ./lib/plan/options.js
var plan_options = __webpack_require__(4333);
// EXTERNAL MODULE: ./lib/foundation/describe-error.js
var describe_error = __webpack_require__(403);
// EXTERNAL MODULE: ./lib/run/result.js
var result = __webpack_require__(3028);
// EXTERNAL MODULE: ./lib/version.js
var version = __webpack_require__(5792);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/action/core-logger.js




function actionLogger(redactor) {
    return {
        debug: (message) => core/* debug */.Yz(redactor.redact(message)),
        info: (message) => core/* info */.pq((0,log_text/* inertText */.U)(redactor.redact(message))),
        warning: (message) => core/* warning */.$e(redactor.redact(message)),
        error: (message) => core/* error */.z3(redactor.redact(message)),
        mask: (secret, kind) => {
            for (const line of secret.split(/\r?\n/))
                if (line.trim() !== '')
                    core/* setSecret */.Pq(line.trim());
            redactor.add(secret, kind);
        },
        relay: (text) => {
            const lines = redactor.redact(text).split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
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


const INPUT_NAMES = {
    token: 'token',
    otpSecret: 'otp-secret',
    registry: 'registry',
    package: 'package',
    tag: 'tag',
    access: 'access',
    dryRun: 'dry-run',
    ignoreScripts: 'ignore-scripts',
    allowInsecureRegistry: 'allow-insecure-registry',
    expectVersion: 'expect-version',
    trustedPublishing: 'trusted-publishing',
    workspaces: 'workspaces',
    includeWorkspaceRoot: 'include-workspace-root',
    concurrency: 'concurrency',
    otpUses: 'otp-uses',
    provenance: 'provenance',
};
function readInputs(logger, env = process.env) {
    const read = (name) => core/* getInput */.V4(name) || undefined;
    const token = read(INPUT_NAMES.token) ?? env.NODE_AUTH_TOKEN ?? undefined;
    if (token)
        logger.mask(token);
    const otpSecret = read(INPUT_NAMES.otpSecret);
    if (otpSecret)
        logger.mask(otpSecret);
    const options = (0,plan_options.normalizeOptions)({
        token,
        otpSecret,
        registry: read(INPUT_NAMES.registry),
        package: read(INPUT_NAMES.package),
        tag: read(INPUT_NAMES.tag),
        access: read(INPUT_NAMES.access),
        dryRun: read(INPUT_NAMES.dryRun),
        ignoreScripts: read(INPUT_NAMES.ignoreScripts),
        allowInsecureRegistry: read(INPUT_NAMES.allowInsecureRegistry),
        expectVersion: read(INPUT_NAMES.expectVersion),
        trustedPublishing: read(INPUT_NAMES.trustedPublishing),
        workspaces: read(INPUT_NAMES.workspaces),
        includeWorkspaceRoot: read(INPUT_NAMES.includeWorkspaceRoot),
        concurrency: read(INPUT_NAMES.concurrency),
        otpUses: read(INPUT_NAMES.otpUses),
        provenance: read(INPUT_NAMES.provenance),
    }, { ...INPUT_NAMES, token: 'token (or the NODE_AUTH_TOKEN environment variable)' }, { idTokenAvailable: (0,plan_options.idTokenAvailable)(env) });
    const commands = read('commands');
    return { options, commands: commands !== undefined && commands.trim() !== '' ? commands : undefined };
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
    if (report.packages) {
        const packageIcons = {
            published: '✅ published',
            unchanged: '⏭️ already there',
            tagged: '🏷️ tagged',
            private: '🔒 private',
            'dry-run': '🧪 dry run',
            staged: '📦 staged',
            failed: '❌ failed',
            'not-run': '⏸️ not run',
        };
        summary.addTable([
            ['Package', 'Version', 'Tag', 'Outcome', 'Detail'].map((data) => ({ data, header: true })),
            ...report.packages.map((entry) => [cell(`<code>${clean(entry.name)}</code>`), cell(clean(entry.version)), cell(clean(entry.tag)), cell(packageIcons[entry.outcome]), cell(clean(entry.detail))]),
        ]);
    }
    summary.addTable([
        ['Line', 'Command', 'Outcome', 'OTP attempts', 'Waited', 'Duration', 'Detail'].map((data) => ({ data, header: true })),
        ...rows,
    ]);
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
    if (failed) {
        const where = failed.line > 0 ? `line ${failed.line} (${failed.command})` : failed.command;
        return `npm-totp-publish failed at ${where}; ${written} write${written === 1 ? '' : 's'} done before it`;
    }
    if (report.error !== undefined)
        return `npm-totp-publish: ${written} write${written === 1 ? '' : 's'} done, then the run failed (see the rows below and the step's error)`;
    if (report.results.length > 0 && report.results.every((result) => result.outcome === 'dry-run' || result.outcome === 'read' || result.outcome === 'unchanged')) {
        if (report.results.some((result) => result.outcome === 'dry-run'))
            return 'npm-totp-publish dry run: nothing was written';
    }
    if (report.packages) {
        const count = (outcome) => report.packages?.filter((entry) => entry.outcome === outcome).length ?? 0;
        const staged = count('staged') > 0 ? `${count('staged')} staged (to be approved), ` : '';
        return `npm-totp-publish: ${staged}${count('published')} workspace package${count('published') === 1 ? '' : 's'} published, ${count('unchanged') + count('tagged')} already there, ${count('private')} private`;
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
            report = { published: false, name: undefined, version: undefined, tag: undefined, registry: shownRegistry(core/* getInput */.V4('registry')), results: [(0,result/* failedResult */.N)(0, 'inputs', error, 0)], error };
            throw error;
        }
        const { options, commands } = read;
        const [{ runCommands }, { idTokenProviderFromEnv }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(440), __webpack_require__.e(953), __webpack_require__.e(65), __webpack_require__.e(287)]).then(__webpack_require__.bind(__webpack_require__, 6065)), __webpack_require__.e(/* import() */ 275).then(__webpack_require__.bind(__webpack_require__, 275))]);
        const idTokens = options.trustedPublishing === 'auto' ? idTokenProviderFromEnv(process.env, logger) : undefined;
        auth = authSummary(options, idTokens !== undefined);
        report = await runCommands(options, commands === undefined ? undefined : { block: commands, inputName: 'commands' }, {
            clock: clock/* systemClock */.m,
            logger,
            cwd: process.cwd(),
            env: process.env,
            userAgent: version/* USER_AGENT */._,
            ...(idTokens ? { idTokens } : {}),
        });
    }
    catch (error) {
        report ??= { published: false, name: undefined, version: undefined, tag: undefined, registry: plan_options.DEFAULT_REGISTRY, results: [(0,result/* failedResult */.N)(0, 'npm-totp-publish', error, 0)], error };
    }
    writeOutputs(report, redactor);
    await writeSummary(report, redactor, auth).catch((error) => {
        core/* warning */.$e(redactor.redact(`Could not write the job summary: ${(0,describe_error/* describeError */.U)(error)}. The results are in the step's outputs.`));
    });
    if (report.error !== undefined)
        failRun(report, redactor);
}
function failRun(report, redactor) {
    const failed = report.results.find((result) => result.outcome === 'failed');
    if (report.results.length > 1) {
        core/* info */.pq('What happened:');
        for (const result of report.results)
            core/* info */.pq((0,log_text/* inertText */.U)(redactor.redact(`  ${result.line > 0 ? `line ${result.line}: ` : ''}${result.outcome.padEnd(9)} ${result.command}`)));
    }
    if (failed && failed.line > 0) {
        core/* error */.z3(redactor.redact((0,describe_error/* describeError */.U)(report.error)), { title: redactor.redact(`commands line ${failed.line}: ${failed.command}`) });
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
    core/* setFailed */.C1(redactor.redact((0,describe_error/* describeError */.U)(error)));
}
function authSummary(options, oidcAvailable) {
    const otp = options.secret ? 'one-time passwords made just in time from otp-secret' : 'no one-time password (otp-secret not set)';
    return `Auth: the token with ${otp}${oidcAvailable ? '; publish tried trusted publishing (OIDC) first' : ''}.`;
}
function shownRegistry(value) {
    try {
        return (0,plan_options.parseRegistry)(value, INPUT_NAMES, false);
    }
    catch {
        return plan_options.DEFAULT_REGISTRY;
    }
}


/***/ }),

/***/ 6374:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Te: () => (/* binding */ packageNameProblem),
/* harmony export */   pw: () => (/* binding */ userProblem),
/* harmony export */   qH: () => (/* binding */ tagProblem)
/* harmony export */ });
/* harmony import */ var npm_package_arg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8056);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2088);


function packageNameProblem(name) {
    try {
        const parsed = npm_package_arg__WEBPACK_IMPORTED_MODULE_0__(name);
        if (parsed.registry && parsed.name === name)
            return undefined;
    }
    catch {
    }
    return `"${name}" is not a valid npm package name (lower-case, URL-safe, optionally @scope/name)`;
}
function tagProblem(tag) {
    if (tag === '')
        return 'the tag is empty';
    if (semver__WEBPACK_IMPORTED_MODULE_1__.validRange(tag) !== null) {
        return `"${tag}" is a valid semver range, which npm refuses as a tag name (it would be ambiguous with versions). Use a name such as latest, next or beta`;
    }
    if (encodeURIComponent(tag) !== tag)
        return `"${tag}" is not URL-safe. Use letters, digits and - _ . ! ~ * ' ( ) only, such as next or beta`;
    return undefined;
}
function userProblem(user) {
    if (/^[a-z0-9][a-z0-9._-]*$/i.test(user) && user.length <= 214)
        return undefined;
    return `"${user}" is not a valid npm user name (letters, digits, . _ -)`;
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
/* harmony export */   G: () => (/* binding */ describeReason),
/* harmony export */   U: () => (/* binding */ describeError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);

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
        return typeof reason === 'string' ? `${record.statusCode} ${reason}` : message.split(' - ')[0] || String(record.statusCode);
    }
    return typeof record?.code === 'string' && !message.includes(record.code) ? `${record.code}: ${message}` : message;
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

/***/ 4911:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ inertText)
/* harmony export */ });
function inertText(text) {
    return text.split(/\r\n|\r|\n/).map(inertLine).join('\n');
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

/***/ 3411:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ SETUP_NODE_PLACEHOLDER)
/* harmony export */ });
const SETUP_NODE_PLACEHOLDER = 'XXXXX-XXXXX-XXXXX-XXXXX';


/***/ }),

/***/ 1333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ld: () => (/* binding */ parseTotpSecret),
/* harmony export */   SI: () => (/* binding */ MIN_SECRET_BYTES),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   sU: () => (/* binding */ MAX_SECRET_BYTES)
/* harmony export */ });
/* unused harmony exports MIN_PERIOD_S, MAX_PERIOD_S, DEFAULT_PERIOD_S */
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);

const MIN_SECRET_BYTES = 10;
const MAX_SECRET_BYTES = 64;
const MIN_PERIOD_S = 10;
const MAX_PERIOD_S = 300;
const DEFAULT_PERIOD_S = 30;
const EXPECTED = 'base32 letters A-Z and digits 2-7, or an otpauth://totp/ URI';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALGORITHMS = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };
function parseTotpSecret(text, inputName) {
    const located = locateSecret(text.trim(), inputName);
    const params = located.params ?? new Map();
    const where = located.params ? "the otpauth URI's secret parameter" : 'the secret';
    return {
        bytes: decodeSecret(located.value, inputName, where),
        algorithm: parseAlgorithm(params.get('algorithm'), inputName),
        digits: parseDigits(params.get('digits'), inputName),
        period: parsePeriod(params.get('period'), inputName),
    };
}
function secretForms(text, secret) {
    const trimmed = text.trim();
    const forms = [trimmed];
    let located;
    try {
        located = locateSecret(trimmed, 'secret');
    }
    catch {
    }
    if (located)
        forms.push(located.written, located.value);
    const normalised = located ? compact(located.value).toUpperCase() : '';
    for (const base32 of [normalised, base32Encode(secret.bytes)])
        forms.push(base32, base32.toLowerCase());
    const hex = Buffer.from(secret.bytes).toString('hex');
    forms.push(hex, hex.toUpperCase(), Buffer.from(secret.bytes).toString('base64'));
    return [...new Set(forms.filter((form) => form.length > 0))];
}
function locateSecret(text, inputName) {
    if (text === '')
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName} is empty; set it to the account's TOTP secret: ${EXPECTED}.`);
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
    if (scheme === undefined)
        return { written: text, value: text, params: undefined };
    if (scheme === 'otpauth-migration') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: an otpauth-migration:// URI is an authenticator export of several accounts; give one account's otpauth://totp/ URI or its base32 secret instead.`);
    }
    const uri = /^otpauth:\/\/([^/?#]*)[^?#]*(?:\?([^#]*))?/i.exec(text);
    if (!uri)
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName} is a URI but not an otpauth:// URI; expected ${EXPECTED}.`);
    const type = uri[1]?.toLowerCase();
    if (type === 'hotp') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: an otpauth://hotp/ URI describes counter-based one-time passwords (HOTP), which advance with each use rather than with time; ` +
            "npm's two-factor authentication uses time-based codes (TOTP). Give the account's otpauth://totp/ URI or its base32 secret.", { received: 'type=hotp' });
    }
    if (type !== 'totp')
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: the otpauth URI's type must be totp (otpauth://totp/...); expected ${EXPECTED}.`);
    const params = new Map();
    let written;
    for (const part of (uri[2] ?? '').split('&')) {
        const eq = part.indexOf('=');
        const key = percentDecode(eq < 0 ? part : part.slice(0, eq))?.toLowerCase();
        if (key === undefined || !['secret', 'algorithm', 'digits', 'period'].includes(key))
            continue;
        if (params.has(key))
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: the otpauth URI has more than one ${key} parameter; keep one.`);
        const value = percentDecode(eq < 0 ? '' : part.slice(eq + 1));
        if (value === undefined)
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: the otpauth URI's ${key} parameter has invalid percent-encoding.`);
        params.set(key, value);
        if (key === 'secret')
            written = part.slice(eq + 1);
    }
    const value = params.get('secret');
    if (written === undefined || value === undefined || value.trim() === '') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: the otpauth://totp/ URI has no secret parameter (otpauth://totp/label?secret=BASE32...).`);
    }
    return { written, value, params };
}
function percentDecode(text) {
    try {
        return decodeURIComponent(text.replace(/\+/g, ' '));
    }
    catch {
        return undefined;
    }
}
function compact(text) {
    return text.replace(/[\s-]/g, '').replace(/=+$/, '');
}
function decodeSecret(text, inputName, where) {
    const clean = compact(text);
    if (clean === '' || /[^A-Za-z2-7]/.test(clean)) {
        const code = /^\d{6,8}$/.test(clean) ? ' It looks like a one-time code; give the secret the codes are made from.' : '';
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: ${where} is not base32 text (0, 1, 8 and 9 are not base32 digits). Expected ${EXPECTED}.${code}`);
    }
    const bytes = [];
    let value = 0;
    let bits = 0;
    for (const char of clean.toUpperCase()) {
        value = ((value << 5) | ALPHABET.indexOf(char)) & 0xfff;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.push((value >>> bits) & 0xff);
        }
    }
    if (bytes.length < MIN_SECRET_BYTES) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: ${where} is ${bytes.length * 8} bits long; a TOTP secret needs at least ${MIN_SECRET_BYTES * 8} bits ` +
            `(${MIN_SECRET_BYTES} bytes, ${Math.ceil((MIN_SECRET_BYTES * 8) / 5)} base32 characters). Check that the whole secret was copied.`);
    }
    if (bytes.length > MAX_SECRET_BYTES) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: ${where} is longer than ${MAX_SECRET_BYTES * 8} bits, more than any TOTP enrolment uses; give the secret alone.`);
    }
    return Uint8Array.from(bytes);
}
function base32Encode(bytes) {
    let out = '';
    let value = 0;
    let bits = 0;
    for (const byte of bytes) {
        value = ((value << 8) | byte) & 0xfff;
        bits += 8;
        for (; bits >= 5; bits -= 5)
            out += ALPHABET[(value >>> (bits - 5)) & 31];
    }
    return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}
function parseAlgorithm(value, inputName) {
    if (value === undefined)
        return 'sha1';
    return ALGORITHMS[value.toUpperCase()] ?? badParam(inputName, 'algorithm', value, 'use SHA1, SHA256 or SHA512');
}
function parseDigits(value, inputName) {
    if (value === undefined || value === '6')
        return 6;
    return value === '8' ? 8 : badParam(inputName, 'digits', value, 'use 6 or 8');
}
function parsePeriod(value, inputName) {
    if (value === undefined)
        return DEFAULT_PERIOD_S;
    const period = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (period >= MIN_PERIOD_S && period <= MAX_PERIOD_S)
        return period;
    return badParam(inputName, 'period', value, `use a whole number of seconds from ${MIN_PERIOD_S} to ${MAX_PERIOD_S} (usually 30)`);
}
function badParam(inputName, key, value, advice) {
    const named = /^([\w.+-]{1,4}|sha3?[-_]?\d{1,3})$/i.test(value) ? `${key}=${value}` : undefined;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: the otpauth URI's ${named ?? `${key} parameter`} is not supported; ${advice}.`, { received: named });
}


/***/ }),

/***/ 4333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CONCURRENCY: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   DEFAULT_OTP_USES: () => (/* binding */ DEFAULT_OTP_USES),
/* harmony export */   DEFAULT_REGISTRY: () => (/* binding */ DEFAULT_REGISTRY),
/* harmony export */   idTokenAvailable: () => (/* binding */ idTokenAvailable),
/* harmony export */   normalizeOptions: () => (/* binding */ normalizeOptions),
/* harmony export */   parseCount: () => (/* binding */ parseCount),
/* harmony export */   parseRegistry: () => (/* binding */ parseRegistry),
/* harmony export */   parseWorkspaces: () => (/* binding */ parseWorkspaces)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _otp_secret_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1333);
/* harmony import */ var _commands_validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6374);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _foundation_tokens_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3411);





const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
function normalizeOptions(raw, names, context = {}) {
    const dryRun = parseBoolean(raw.dryRun, names.dryRun, false);
    const token = realToken(raw.token);
    const secretText = blankToUndefined(raw.otpSecret);
    const secret = secretText === undefined ? undefined : (0,_otp_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTotpSecret */ .Ld)(secretText, names.otpSecret);
    const secrets = [...(token ? [token] : []), ...(secretText && secret ? (0,_otp_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .secretForms */ .eo)(secretText, secret) : [])];
    const trustedPublishing = parseTrustedPublishing(raw.trustedPublishing, names.trustedPublishing);
    if (token === undefined && !dryRun && !(context.idTokenAvailable && trustedPublishing === 'auto')) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(names.token, `${names.token}: no registry token was given. Set ${names.token} to an npm access token (a granular token with read and write access to the package), ` +
            `or, to publish or stage by trusted publishing alone, give the job an OIDC ID token (GitHub: permissions id-token: write; elsewhere NPM_ID_TOKEN).`);
    }
    if (token !== undefined && /\s/.test(token)) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(names.token, `${names.token}: the token has a space or line break inside it. Give the token alone, exactly as the registry issued it.`);
    }
    return {
        token,
        secret,
        secrets,
        registry: parseRegistry(raw.registry, names, parseBoolean(raw.allowInsecureRegistry, names.allowInsecureRegistry, false)),
        registryGiven: blankToUndefined(raw.registry) !== undefined,
        packageSpec: blankToUndefined(raw.package) ?? '.',
        tag: parseTag(raw.tag, names.tag),
        access: parseAccess(raw.access, names.access),
        dryRun,
        ignoreScripts: parseBoolean(raw.ignoreScripts, names.ignoreScripts, false),
        expectVersion: parseExpectedVersion(raw.expectVersion, names.expectVersion),
        trustedPublishing,
        workspaces: parseWorkspaces(raw.workspaces, names.workspaces),
        includeWorkspaceRoot: parseBoolean(raw.includeWorkspaceRoot, names.includeWorkspaceRoot, false),
        concurrency: parseCount(raw.concurrency, names.concurrency, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, 'packages packed and uploaded at once'),
        otpUses: parseCount(raw.otpUses, names.otpUses, DEFAULT_OTP_USES, MAX_OTP_USES, 'writes sent with one code'),
        provenance: parseProvenance(raw.provenance, names.provenance),
        names,
    };
}
function idTokenAvailable(env) {
    return Boolean(env.NPM_ID_TOKEN?.trim() || (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN));
}
const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 32;
const DEFAULT_OTP_USES = 3;
const MAX_OTP_USES = 1000;
function parseWorkspaces(value, name) {
    if (value === undefined || value === false)
        return undefined;
    if (value === true)
        return true;
    const entries = (Array.isArray(value) ? value : value.split(/[\n,]/)).map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (entries.length === 0)
        return undefined;
    if (entries.length === 1 && /^(true|false)$/i.test(entries[0]))
        return entries[0].toLowerCase() === 'true' ? true : undefined;
    const bad = entries.find((entry) => /^(true|false)$/i.test(entry));
    if (bad)
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${bad}" in a list of workspaces; give true alone for every workspace package, or a list of names, folders or globs.`, { received: value });
    return entries;
}
function parseCount(value, name, fallback, max, what) {
    const text = typeof value === 'number' ? String(value) : blankToUndefined(value);
    if (text === undefined)
        return fallback;
    const count = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    if (count >= 1 && count <= max)
        return count;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${text}" is not a count of ${what}; give a whole number from 1 to ${max} (default ${fallback}).`, { received: value });
}
function realToken(value) {
    const token = blankToUndefined(value);
    return token === _foundation_tokens_js__WEBPACK_IMPORTED_MODULE_4__/* .SETUP_NODE_PLACEHOLDER */ .D ? undefined : token;
}
function blankToUndefined(value) {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
function parseBoolean(value, name, fallback) {
    if (typeof value === 'boolean')
        return value;
    const text = blankToUndefined(value)?.toLowerCase();
    if (text === undefined)
        return fallback;
    if (text === 'true')
        return true;
    if (text === 'false')
        return false;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${value}" is not a boolean. Use true or false.`, { received: value });
}
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
function parseRegistry(value, names, allowInsecure) {
    const name = names.registry;
    const text = blankToUndefined(value) ?? DEFAULT_REGISTRY;
    const shown = text.includes('@') ? 'the value given' : `"${text}"`;
    const received = text.includes('@') ? undefined : text;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: ${shown} is not a URL. Give the registry's http(s) address, for example ${DEFAULT_REGISTRY}.`, { received });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: ${shown} is not an http:// or https:// URL. Give the registry's http(s) address, for example ${DEFAULT_REGISTRY}.`, { received });
    }
    if (url.username || url.password) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: the registry URL carries credentials (user:password@). Give the URL without them, and the token through ${names.token}.`);
    }
    if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !allowInsecure) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: ${shown} is plain http to a host other than this machine: the token would cross the network in clear. ` +
            `Use https, or set ${names.allowInsecureRegistry} to true if you accept that.`, { received });
    }
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/'))
        url.pathname += '/';
    return url.toString();
}
function parseTag(value, name) {
    const tag = blankToUndefined(value);
    if (tag === undefined)
        return undefined;
    const problem = (0,_commands_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag);
    if (problem)
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: ${problem}.`, { received: tag });
    return tag;
}
function parseTrustedPublishing(value, name) {
    const text = blankToUndefined(value)?.toLowerCase() ?? 'auto';
    if (text === 'auto' || text === 'off')
        return text;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${value}" is not a choice. Use auto (trusted publishing when the job has an OIDC ID token) or off (always the token).`, { received: value });
}
function parseProvenance(value, name) {
    if (typeof value === 'boolean')
        return value;
    const text = blankToUndefined(value)?.toLowerCase() ?? 'auto';
    if (text === 'auto')
        return 'auto';
    if (text === 'true' || text === 'false')
        return text === 'true';
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${value}" is not a choice. Use true (sign a provenance statement, or stop before anything runs if it cannot be signed), false (never), or auto (publishConfig.provenance, else as npm does: with trusted publishing from GitHub Actions or GitLab CI).`, { received: value });
}
function parseExpectedVersion(value, name) {
    const text = blankToUndefined(value);
    if (text === undefined)
        return undefined;
    const version = semver__WEBPACK_IMPORTED_MODULE_0__.valid(text.replace(/^refs\/tags\//, '').replace(/^v(?=\d)/, ''));
    if (version === null)
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${text}" is not a version; give the release's version, such as 1.2.3 or the tag v1.2.3.`, { received: text });
    return version;
}
function parseAccess(value, name) {
    const access = blankToUndefined(value);
    if (access === undefined)
        return undefined;
    if (access === 'public' || access === 'restricted')
        return access;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${access}" is not an access level. Use public or restricted, or leave it empty to keep the registry's choice.`, { received: access });
}


/***/ }),

/***/ 3028:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ failedResult),
/* harmony export */   w: () => (/* binding */ outcomeResult)
/* harmony export */ });
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(403);

function failedResult(line, command, error, durationMs) {
    return { line, command, ok: false, skipped: false, outcome: 'failed', otpAttempts: 0, waitedMs: 0, durationMs, detail: (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .U)(error) };
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

/***/ 5792:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT),
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = '0.1.0';
const USER_AGENT = `npm-totp-publish/${VERSION} node/${process.version}`;


/***/ })

};
