export const id = 635;
export const ids = [635];
export const modules = {

/***/ 3635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_REGISTRY: () => (/* binding */ DEFAULT_REGISTRY),
/* harmony export */   MAX_CONCURRENCY: () => (/* binding */ MAX_CONCURRENCY),
/* harmony export */   MAX_OTP_USES: () => (/* binding */ MAX_OTP_USES),
/* harmony export */   SETTING_NAMES: () => (/* binding */ SETTING_NAMES),
/* harmony export */   idTokenAvailable: () => (/* binding */ idTokenAvailable),
/* harmony export */   normalizeOptions: () => (/* binding */ normalizeOptions),
/* harmony export */   otpPacing: () => (/* binding */ otpPacing),
/* harmony export */   parseBoolean: () => (/* binding */ parseBoolean),
/* harmony export */   parseRegistry: () => (/* binding */ parseRegistry)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _otp_secret_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1333);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5443);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _otp_web_approval_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8087);
/* harmony import */ var _foundation_setup_node_placeholder_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5021);






const SETTING_NAMES = {
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
    authType: 'auth-type',
    approvalTimeout: 'approval-timeout',
    approvalWebhook: 'approval-webhook',
};
const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
function normalizeOptions(raw, names, context = {}) {
    const dryRun = parseBoolean(raw.dryRun, names.dryRun, false);
    const token = realToken(raw.token);
    const secretText = blankToUndefined(raw.otpSecret);
    const secret = secretText === undefined ? undefined : (0,_otp_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTotpSecret */ .Ld)(secretText, names.otpSecret);
    const approvalWebhook = parseWebhook(raw.approvalWebhook, names.approvalWebhook);
    const secrets = [...(token ? [token] : []), ...(secretText && secret ? (0,_otp_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .secretForms */ .eo)(secretText, secret) : []), ...(approvalWebhook ? [approvalWebhook] : [])];
    const authType = parseAuthType(raw.authType, names, secret !== undefined);
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
        otpUses: parseCount(raw.otpUses, names.otpUses, 'auto', MAX_OTP_USES, 'writes sent with one code'),
        provenance: parseProvenance(raw.provenance, names.provenance),
        authType,
        approvalTimeoutMs: parseApprovalTimeout(raw.approvalTimeout, names.approvalTimeout),
        approvalWebhook,
        names,
    };
}
const DEFAULT_APPROVAL_TIMEOUT_MS = 15 * 60 * 1000;
const MIN_APPROVAL_TIMEOUT_MS = 1000;
const MAX_APPROVAL_TIMEOUT_MS = 6 * 60 * 60 * 1000;
function parseAuthType(value, names, hasSecret) {
    const text = blankToUndefined(value)?.toLowerCase() ?? 'auto';
    if (text !== 'auto' && text !== 'totp' && text !== 'web') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(names.authType, `${names.authType}: "${value}" is not a choice. Use auto (a TOTP code when ${names.otpSecret} is set, else a web approval), totp (codes only) or web (web approvals only).`, { received: value });
    }
    if (text === 'totp' && !hasSecret) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(names.authType, `${names.authType} is totp, but ${names.otpSecret} is not set: give the account's TOTP secret, or set ${names.authType} to auto or web to approve writes on npm's web page while the job waits.`);
    }
    if (text === 'web' && hasSecret) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(names.authType, `${names.authType} is web, which never sends a TOTP code, but ${names.otpSecret} is set: leave ${names.otpSecret} empty, or set ${names.authType} to auto (a code first, a web approval if the account has no TOTP).`);
    }
    return text;
}
function parseApprovalTimeout(value, name) {
    const text = blankToUndefined(value);
    if (text === undefined)
        return DEFAULT_APPROVAL_TIMEOUT_MS;
    const ms = (0,_otp_web_approval_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(text);
    if (ms === undefined || ms < MIN_APPROVAL_TIMEOUT_MS || ms > MAX_APPROVAL_TIMEOUT_MS) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${text}" is not a duration from 1s to 6h; write it as 90s, 15m or 1h (default 15m).`, { received: text });
    }
    return ms;
}
function parseWebhook(value, name) {
    const text = blankToUndefined(value);
    if (text === undefined)
        return undefined;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: the value given is not a URL; give the incoming webhook's https URL (Slack, Teams or Discord), or leave it empty.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: the webhook must be an https URL (http only to this machine): approval links and what waits would cross the network in clear.`);
    }
    return text;
}
function idTokenAvailable(env) {
    return Boolean(env.NPM_ID_TOKEN?.trim() || (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN));
}
const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 32;
const NPMJS_OTP_USES = 3;
const MAX_OTP_USES = 1000;
const LIMITING_REGISTRIES = new Set(['registry.npmjs.org']);
function otpPacing(otpUses, registry, inputName) {
    if (otpUses !== 'auto')
        return { uses: otpUses, why: `at most ${otpUses} write${otpUses === 1 ? '' : 's'} per one-time password (${inputName} ${otpUses})` };
    const host = new URL(registry).hostname;
    if (LIMITING_REGISTRIES.has(host)) {
        return {
            uses: NPMJS_OTP_USES,
            why: `at most ${NPMJS_OTP_USES} writes per one-time password (${inputName} auto: ${host} answers 429 "rate limited otp" after about 4-5 writes with one code; fewer if it answers so sooner)`,
        };
    }
    return {
        uses: Number.POSITIVE_INFINITY,
        why: `as many writes per one-time password as its window allows (${inputName} auto: ${host} is not known to limit reuse; a 429 "rate limited otp" or a refused reuse lowers it)`,
    };
}
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
    if (text === undefined || (fallback === 'auto' && text.toLowerCase() === 'auto'))
        return fallback;
    const count = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .wholeNumber */ .rD)(text, max);
    if (count !== undefined)
        return count;
    const valid = fallback === 'auto' ? `auto (the default) or a whole number from 1 to ${max}` : `a whole number from 1 to ${max} (default ${fallback})`;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${text}" is not a count of ${what}; give ${valid}.`, { received: value });
}
function realToken(value) {
    const token = blankToUndefined(value);
    return token === _foundation_setup_node_placeholder_js__WEBPACK_IMPORTED_MODULE_5__/* .SETUP_NODE_PLACEHOLDER */ .D ? undefined : token;
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
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: ${shown} is not an http:// or https:// URL. Give the registry's http(s) address, for example ${DEFAULT_REGISTRY}.`, {
            received,
        });
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
    const problem = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .tagProblem */ .qH)(tag);
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
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${access}" is not an access level. Use public or restricted, or leave it empty to keep the registry's choice.`, {
        received: access,
    });
}


/***/ }),

/***/ 5443:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Te: () => (/* binding */ packageNameProblem),
/* harmony export */   pw: () => (/* binding */ userProblem),
/* harmony export */   qH: () => (/* binding */ tagProblem),
/* harmony export */   rD: () => (/* binding */ wholeNumber)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _package_registry_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5709);


function packageNameProblem(name) {
    if ((0,_package_registry_name_js__WEBPACK_IMPORTED_MODULE_1__/* .isRegistryName */ .V)(name))
        return undefined;
    return `"${name}" is not a valid npm package name (lower-case, URL-safe, optionally @scope/name)`;
}
function tagProblem(tag) {
    if (tag === '')
        return 'the tag is empty';
    if (semver__WEBPACK_IMPORTED_MODULE_0__.validRange(tag) !== null) {
        return `"${tag}" is a valid semver range, which npm refuses as a tag name (it would be ambiguous with versions). Use a name such as latest, next or beta`;
    }
    if (encodeURIComponent(tag) !== tag)
        return `"${tag}" is not URL-safe. Use letters, digits and - _ . ! ~ * ' ( ) only, such as next or beta`;
    return undefined;
}
function wholeNumber(text, max) {
    const count = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    return count >= 1 && count <= max ? count : undefined;
}
function userProblem(user) {
    if (/^[a-z0-9][a-z0-9._-]*$/i.test(user) && user.length <= 214)
        return undefined;
    return `"${user}" is not a valid npm user name (letters, digits, . _ -)`;
}


/***/ }),

/***/ 1333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ld: () => (/* binding */ parseTotpSecret),
/* harmony export */   SI: () => (/* binding */ MIN_SECRET_BYTES),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   sU: () => (/* binding */ MAX_SECRET_BYTES)
/* harmony export */ });
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
        const stranger = code ? '' : describeStranger(text);
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `${inputName}: ${where} is not base32 text${stranger}. Expected ${EXPECTED}.${code}`);
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
function describeStranger(text) {
    const chars = [...text];
    const strangers = chars.flatMap((char, index) => {
        if (/[A-Za-z2-7\s-]/.test(char))
            return [];
        if (char === '=' && chars.slice(index + 1).every((next) => /[=\s-]/.test(next)))
            return [];
        return [{ char, position: index + 1 }];
    });
    const [first] = strangers;
    if (first === undefined)
        return ' (it has no base32 characters)';
    const shown = /^[\x21-\x7e]$/.test(first.char)
        ? first.char === '"'
            ? `'"'`
            : `"${first.char}"`
        : `U+${(first.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}${/[\p{L}\p{N}\p{P}\p{S}]/u.test(first.char) ? ` ("${first.char}")` : ''}`;
    const why = /^[0189]$/.test(first.char) ? ' (0, 1, 8 and 9 are not base32 digits)' : ', which base32 does not use';
    const more = strangers.length > 1 ? `; ${strangers.length - 1} more character${strangers.length === 2 ? ' is' : 's are'} not base32 either` : '';
    return `: its character ${first.position} is ${shown}${why}${more}`;
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

/***/ 8087:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   JP: () => (/* binding */ webChallengeOf),
/* harmony export */   N3: () => (/* binding */ WebApprovals),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports ApprovalTimeoutError, ApprovalRefusedError, ApprovalHostError */
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);

const MIN_POLL_MS = 1000;
const MAX_POLL_MS = 30_000;
const DEFAULT_POLL_MS = 2000;
const REMIND_EVERY_MS = 30_000;
const MAX_APPROVALS_PER_WRITE = 2;
class ApprovalTimeoutError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, timeoutMs, input, authUrl) {
        super('EAPPROVALTIMEOUT', `Nobody approved "${label}" within ${formatDuration(timeoutMs)} (${input}), so it was not written. ` +
            `The approval page was ${authUrl}. Run the step again to go on: what is already in the registry is not written twice.`);
    }
}
class ApprovalRefusedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, httpStatus, message) {
        super('EAPPROVALREFUSED', `The registry ended the web approval of "${label}" without approving it (${httpStatus}${message ? `: ${message}` : ''}): ` +
            'it was denied, it expired, or the token may not ask for it. Nothing was written for it.');
    }
}
class ApprovalHostError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, doneUrl, registry) {
        let host = doneUrl;
        try {
            host = new URL(doneUrl).origin;
        }
        catch {
        }
        super('EAPPROVALHOST', `The registry asked for a web approval of "${label}" but names ${host} to ask for its result, which is not the registry (${new URL(registry).origin}): ` +
            'the token is never sent to another origin, so this approval cannot be followed. Point the registry setting at the registry that answers the approval, or use a TOTP secret.');
    }
}
function webChallengeOf(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const body = error.body;
    if (typeof body !== 'object' || body === null)
        return undefined;
    const { authUrl, doneUrl } = body;
    if (typeof authUrl !== 'string' || typeof doneUrl !== 'string')
        return undefined;
    try {
        const auth = new URL(authUrl);
        const done = new URL(doneUrl);
        if (!/^https?:$/.test(auth.protocol) || !/^https?:$/.test(done.protocol))
            return undefined;
    }
    catch {
        return undefined;
    }
    return { authUrl, doneUrl };
}
class WebApprovals {
    #deps;
    #token;
    #tokenReused;
    #windowSeen = false;
    approvals = 0;
    #inFlight;
    #failed;
    replacesTotp = false;
    constructor(deps) {
        this.#deps = deps;
    }
    firstOtp() {
        return this.#tokenReused === true ? this.#token : undefined;
    }
    replaceTotp(why) {
        if (this.replacesTotp)
            return;
        this.replacesTotp = true;
        this.#deps.logger.warning(why);
    }
    passedUnasked() {
        if (this.approvals > 0 && !this.#windowSeen) {
            this.#windowSeen = true;
            this.#deps.logger.info('The registry let a write through without asking again: the approval\'s "don\'t ask again" window is open.');
        }
    }
    async complete(write, challenge, send, tally) {
        let current = challenge;
        let asked = 0;
        let tokenTried = false;
        for (;;) {
            if (this.#failed)
                throw this.#failed;
            const other = this.#inFlight;
            if (other) {
                const waitedFrom = this.#deps.clock.now();
                await other.then(() => undefined, () => undefined);
                tally.waitedMs += this.#deps.clock.now() - waitedFrom;
                if (this.#failed)
                    throw this.#failed;
                const unasked = await attempt(() => send(undefined));
                if ('value' in unasked) {
                    this.passedUnasked();
                    return unasked.value;
                }
                current = unasked.challenge;
                continue;
            }
            if (!tokenTried && this.#token !== undefined && this.#tokenReused !== false) {
                tokenTried = true;
                const again = await attempt(() => send(this.#token));
                if ('value' in again) {
                    this.#tokenReused = true;
                    return again.value;
                }
                this.#tokenReused = false;
                current = again.challenge;
                continue;
            }
            if (asked >= MAX_APPROVALS_PER_WRITE)
                throw new ApprovalRefusedError(write.label, 401, 'the registry asked again right after each approval');
            asked += 1;
            if (asked > 1)
                this.#deps.logger.info(`The registry asks again for "${write.label}" right after its approval; asking once more.`);
            const approval = this.#approve(write, current, tally);
            this.#inFlight = approval;
            let token;
            try {
                token = await approval;
            }
            catch (error) {
                if (error instanceof _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$)
                    this.#failed = new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$(error.code, error.message, { cause: error });
                throw error;
            }
            finally {
                if (this.#inFlight === approval)
                    this.#inFlight = undefined;
            }
            const sent = await attempt(() => send(token));
            if ('value' in sent)
                return sent.value;
            current = sent.challenge;
        }
    }
    async #approve({ label, npmCommand }, challenge, tally) {
        const { clock, logger, timeoutMs } = this.#deps;
        if (new URL(challenge.doneUrl).origin !== new URL(this.#deps.registry).origin)
            throw new ApprovalHostError(label, challenge.doneUrl, this.#deps.registry);
        const startedAt = clock.now();
        const deadline = startedAt + timeoutMs;
        const waiting = this.#deps.runDescription && this.#deps.runDescription !== label ? `${label} (${this.#deps.runDescription})` : label;
        const window = this.approvals === 0 ? ' Tick "don\'t ask again for 5 minutes" to approve the rest of this run at once where the registry allows it.' : '';
        const text = `Approval needed on npm: ${waiting}. Open ${challenge.authUrl} and approve; this job waits until ${new Date(deadline).toISOString()} (${formatDuration(timeoutMs)}).${window}`;
        logger.notice(text);
        this.#deps.open?.(challenge.authUrl);
        if (this.#deps.notify) {
            await this.#deps.notify({ text, waiting, authUrl: challenge.authUrl, deadline: new Date(deadline).toISOString() }).catch((error) => {
                logger.warning(`Could not send the approval notice to the webhook (${error instanceof Error ? error.message : String(error)}); the job waits all the same.`);
            });
        }
        let remindAt = startedAt + REMIND_EVERY_MS;
        try {
            for (;;) {
                const answer = await this.#deps.poll(challenge.doneUrl, npmCommand);
                if (answer.status === 'approved') {
                    logger.mask(answer.token);
                    this.#token = answer.token;
                    this.approvals += 1;
                    logger.info(`Approved: ${label} (after ${formatDuration(clock.now() - startedAt)}).`);
                    return answer.token;
                }
                if (answer.status === 'refused')
                    throw new ApprovalRefusedError(label, answer.httpStatus, answer.message);
                const now = clock.now();
                if (now >= deadline)
                    throw new ApprovalTimeoutError(label, timeoutMs, this.#deps.timeoutInput, challenge.authUrl);
                if (now >= remindAt) {
                    logger.info(`Still waiting for an approval of ${waiting}: ${challenge.authUrl} (${formatDuration(deadline - now)} left).`);
                    remindAt = now + REMIND_EVERY_MS;
                }
                const pause = Math.min(Math.max(answer.retryAfterMs ?? DEFAULT_POLL_MS, MIN_POLL_MS), MAX_POLL_MS, Math.max(deadline - now, 0));
                await clock.sleep(pause);
            }
        }
        finally {
            tally.waitedMs += clock.now() - startedAt;
        }
    }
}
async function attempt(send) {
    try {
        return { value: await send() };
    }
    catch (error) {
        const challenge = webChallengeOf(error);
        if (!challenge)
            throw error;
        return { challenge };
    }
}
function parseDuration(text) {
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
    if (!match)
        return undefined;
    const value = Number(match[1]);
    const unit = (match[2] ?? 's').toLowerCase();
    const ms = value * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
    return Number.isFinite(ms) ? Math.round(ms) : undefined;
}
function formatDuration(ms) {
    const seconds = Math.round(ms / 1000);
    if (seconds < 120)
        return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60)
        return `${minutes} min`;
    return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}


/***/ }),

/***/ 5709:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ isRegistryName)
/* harmony export */ });
/* harmony import */ var npm_package_arg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8056);

function isRegistryName(name) {
    try {
        const parsed = npm_package_arg__WEBPACK_IMPORTED_MODULE_0__(name);
        return parsed.registry === true && parsed.name === name;
    }
    catch {
        return false;
    }
}


/***/ })

};
