export const id = 333;
export const ids = [333,374];
export const modules = {

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
/* harmony export */   DEFAULT_REGISTRY: () => (/* binding */ DEFAULT_REGISTRY),
/* harmony export */   NPMJS_OTP_USES: () => (/* binding */ NPMJS_OTP_USES),
/* harmony export */   idTokenAvailable: () => (/* binding */ idTokenAvailable),
/* harmony export */   normalizeOptions: () => (/* binding */ normalizeOptions),
/* harmony export */   otpPacing: () => (/* binding */ otpPacing),
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
        otpUses: parseOtpUses(raw.otpUses, names.otpUses),
        provenance: parseProvenance(raw.provenance, names.provenance),
        names,
    };
}
function idTokenAvailable(env) {
    return Boolean(env.NPM_ID_TOKEN?.trim() || (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN));
}
const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 32;
const NPMJS_OTP_USES = 3;
const MAX_OTP_USES = 1000;
const LIMITING_REGISTRIES = new Set(['registry.npmjs.org']);
function parseOtpUses(value, name) {
    if (typeof value === 'string' && value.trim().toLowerCase() === 'auto')
        return 'auto';
    const text = typeof value === 'number' ? String(value) : blankToUndefined(value);
    if (text === undefined)
        return 'auto';
    const count = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    if (count >= 1 && count <= MAX_OTP_USES)
        return count;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(name, `${name}: "${text}" is not a count of writes sent with one code; give auto (the default) or a whole number from 1 to ${MAX_OTP_USES}.`, { received: value });
}
function otpPacing(otpUses, registry, inputName) {
    if (otpUses !== 'auto')
        return { uses: otpUses, why: `at most ${otpUses} write${otpUses === 1 ? '' : 's'} per one-time password (${inputName} ${otpUses})` };
    const host = new URL(registry).hostname;
    if (LIMITING_REGISTRIES.has(host)) {
        return { uses: NPMJS_OTP_USES, why: `at most ${NPMJS_OTP_USES} writes per one-time password (${inputName} auto: ${host} answers 429 "rate limited otp" after about 4-5 writes with one code; fewer if it answers so sooner)` };
    }
    return { uses: Number.POSITIVE_INFINITY, why: `as many writes per one-time password as its window allows (${inputName} auto: ${host} is not known to limit reuse; a 429 "rate limited otp" or a refused reuse lowers it)` };
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


/***/ })

};
