export const id = 58;
export const ids = [58,474];
export const modules = {

/***/ 5583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PH: () => (/* binding */ otpWrite),
/* harmony export */   V8: () => (/* binding */ oneStep),
/* harmony export */   bX: () => (/* binding */ commandContext)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _otp_with_otp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7201);


function oneStep(step) {
    return { steps: [step] };
}
function commandContext(base) {
    return { ...base, writes: 0, users: base.users ?? new Map(), session: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().replaceAll('-', '').slice(0, 16), tally: { otpAttempts: 0, waitedMs: 0 } };
}
function otpWrite(context, label, npmCommand, send, bodyBytes = 0) {
    return (0,_otp_with_otp_js__WEBPACK_IMPORTED_MODULE_1__/* .withOtp */ .a)(context.otp, {
        label,
        bodyBytes,
        npmCommand,
        send: (otp) => {
            context.writes += 1;
            return send({ otp, session: context.session, command: npmCommand });
        },
    }, context.tally);
}


/***/ }),

/***/ 2615:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ PublishFailedError),
/* harmony export */   E8: () => (/* binding */ PublishUnconfirmedError),
/* harmony export */   ci: () => (/* binding */ PackageNotFoundError),
/* harmony export */   sZ: () => (/* binding */ PublishConflictError)
/* harmony export */ });
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);

class PackageNotFoundError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(pkg, registry) {
        super('ENOPACKAGE', `${pkg} is not on ${registry}; publish it first (or check the package name).`, { received: pkg });
    }
}
class PublishConflictError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(id, where = 'published') {
        super(where === 'published' ? 'EPUBLISHCONFLICT' : 'ESTAGECONFLICT', where === 'published'
            ? `${id} is already in the registry with different contents. A published version cannot be replaced: bump the version in package.json and publish again.`
            : `${id} is already staged with other contents. A staged version cannot be replaced: reject it (stage reject ${id}) and stage again, or bump the version.`, { received: id });
    }
}
class PublishFailedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    state;
    constructor(verb, id, reason, cause, state, attempts = 1) {
        const [doing, done, where] = verb === 'publish' ? ['Publishing', 'published', 'in the registry'] : ['Staging', 'staged', 'staged'];
        const after = {
            refused: `The registry refused it: ${id} was not ${done}.`,
            'not-sent': `Nothing was sent to the registry: ${id} was not ${done}.`,
            absent: attempts > 1
                ? `${id} is NOT ${where} (read back after the last of ${attempts} attempts). Running the ${verb} again later is safe.`
                : `${id} is NOT ${where} (read back after the failure).`,
        }[state];
        super(verb === 'publish' ? 'EPUBLISH' : 'ESTAGE', `${doing} ${id} failed: ${reason}. ${after}`, { received: id, cause });
        this.state = state;
    }
}
class PublishUnconfirmedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(verb, id, reason, readReason, cause) {
        const [doing, where, read] = verb === 'publish' ? ['Publishing', 'in the registry', 'the registry'] : ['Staging', 'staged', 'the staging area'];
        super(verb === 'publish' ? 'EPUBLISHUNCONFIRMED' : 'ESTAGE', `${doing} ${id} ended without a clear answer (${reason}), and reading ${read} back failed (${readReason}): ${id} may or may not be ${where}. ` +
            `Run the ${verb} again: it reads ${read} first and does not upload twice.`, { received: id, cause });
    }
}


/***/ }),

/***/ 3058:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMANDS: () => (/* binding */ COMMANDS),
  commandFlags: () => (/* binding */ commandFlags),
  commandHelp: () => (/* binding */ commandHelp),
  commandsNamed: () => (/* binding */ commandsNamed)
});

// EXTERNAL MODULE: ./lib/grammar/line.js + 1 modules
var grammar_line = __webpack_require__(474);
// EXTERNAL MODULE: ./lib/registry/access.js
var registry_access = __webpack_require__(773);
// EXTERNAL MODULE: ./lib/commands/command.js
var command = __webpack_require__(5583);
// EXTERNAL MODULE: ./lib/commands/errors.js
var errors = __webpack_require__(2615);
;// CONCATENATED MODULE: ./lib/commands/access.js




async function visibility(context, pkg) {
    const isPublic = await (0,registry_access/* readVisibility */.tQ)(context.client, pkg);
    if (isPublic === undefined)
        throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
    return isPublic ? 'public' : 'private';
}
async function setStatus(context, pkg, status) {
    const current = await visibility(context, pkg);
    if (current === status)
        return { status: 'unchanged', detail: `${pkg} is already ${status}` };
    if (context.dryRun)
        return { status: 'dry-run', detail: `would make ${pkg} ${status} (now ${current})` };
    await (0,command/* otpWrite */.PH)(context, `access set status=${status} ${pkg}`, 'access', (npmHeaders) => (0,registry_access/* writeAccess */.qZ)(context.client, pkg, status === 'private' ? 'restricted' : 'public', npmHeaders));
    return { status: 'done', detail: `${pkg} is now ${status} (was ${current})` };
}
async function setMfa(context, pkg, mfa) {
    await visibility(context, pkg);
    if (context.dryRun)
        return { status: 'dry-run', detail: `would set the 2FA policy of ${pkg} to ${mfa}` };
    await (0,command/* otpWrite */.PH)(context, `access set mfa=${mfa} ${pkg}`, 'access', (npmHeaders) => (0,registry_access/* writeMfa */.CJ)(context.client, pkg, mfa, npmHeaders));
    return { status: 'done', detail: `the 2FA policy of ${pkg} is ${mfa}` };
}
async function getStatus(context, pkg) {
    return { status: 'read', detail: `${pkg} is ${await visibility(context, pkg)}` };
}
const accessSetCommand = {
    words: ['access', 'set'],
    usage: ['access set status=public|private [<pkg>]', 'access set mfa=none|publish|automation [<pkg>]'],
    summary: "change a package's visibility or its 2FA policy",
    flags: [],
    reads: false,
    byOidc: false,
    auth: 'governance',
    parse(line) {
        (0,grammar_line.arity)(line, 1, 2, 'access set status=public|private [<pkg>] or access set mfa=none|publish|automation [<pkg>]');
        const [key, value] = line.args[0].split('=', 2);
        const pkg = line.pkgOrDefault(line.args[1]);
        if (key === 'status' && (value === 'public' || value === 'private')) {
            if (value === 'private' && !pkg.startsWith('@'))
                throw line.fail(`${pkg} is unscoped, and unscoped packages are always public on npm`);
            return { pkg, status: value };
        }
        if (key === 'mfa' && (value === 'none' || value === 'publish' || value === 'automation'))
            return { pkg, mfa: value };
        throw line.fail(`"${line.args[0]}" is not a setting; use status=public, status=private, mfa=none, mfa=publish or mfa=automation`);
    },
    plan: (data, { source }) => (0,command/* oneStep */.V8)({
        label: source.text,
        reads: false,
        pkg: data.pkg,
        run: (context) => ('status' in data ? setStatus(context, data.pkg, data.status) : setMfa(context, data.pkg, data.mfa)),
    }),
};
const accessGetCommand = {
    words: ['access', 'get'],
    usage: ['access get status [<pkg>]'],
    summary: "read a package's visibility",
    flags: [],
    reads: true,
    byOidc: true,
    auth: 'none',
    parse(line) {
        (0,grammar_line.arity)(line, 1, 2, 'access get status [<pkg>]');
        if (line.args[0] !== 'status')
            throw line.fail(`access get takes status, not "${line.args[0]}"`);
        return { pkg: line.pkgOrDefault(line.args[1]) };
    },
    plan: ({ pkg }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: true, pkg, run: (context) => getStatus(context, pkg) }),
};

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var foundation_errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/registry/packument.js
var registry_packument = __webpack_require__(2919);
;// CONCATENATED MODULE: ./lib/commands/deprecate.js






async function deprecate(context, pkg, range, message) {
    const packument = await (0,registry_packument/* readPackument */.l)(context.client, pkg, { write: true });
    if (!packument)
        throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
    const versions = packument.versions ?? {};
    const matching = Object.keys(versions).filter((version) => semver.satisfies(version, range, { includePrerelease: true }));
    if (matching.length === 0)
        throw new foundation_errors/* ProductError */._$('ENOVERSION', `no version of ${pkg} matches ${range}; nothing to ${message ? 'deprecate' : 'undeprecate'}.`, {
            received: `${pkg}@${range}`,
        });
    const current = (version) => versions[version]?.deprecated ?? '';
    const changing = matching.filter((version) => current(version) !== message);
    const what = message ? `deprecated with "${message}"` : 'not deprecated';
    if (changing.length === 0)
        return { status: 'unchanged', detail: `${matching.length} version${matching.length === 1 ? '' : 's'} of ${pkg} in ${range} already ${what}` };
    if (context.dryRun)
        return { status: 'dry-run', detail: `would mark ${changing.join(', ')} ${what}` };
    for (const version of changing)
        versions[version].deprecated = message;
    await (0,command/* otpWrite */.PH)(context, `deprecate ${pkg}@${range}`, 'deprecate', (npmHeaders) => (0,registry_packument/* writePackument */.W)(context.client, packument, npmHeaders), JSON.stringify(packument).length);
    return { status: 'done', detail: `${changing.join(', ')} ${message ? 'now' : 'no longer'} ${message ? what : 'deprecated'}` };
}
const deprecateCommand = {
    words: ['deprecate'],
    usage: ['deprecate <pkg>[@<range>] <message>'],
    summary: 'deprecate versions of a package (an empty message undeprecates)',
    flags: [],
    reads: false,
    byOidc: false,
    auth: 'package',
    parse(line) {
        (0,grammar_line.arity)(line, 2, 2, 'deprecate <pkg>[@<range>] <message> (quote the message; an empty "" message undeprecates)');
        const spec = (0,grammar_line.rangeSpec)(line, line.args[0]);
        return { pkg: spec.name, range: spec.range, message: line.args[1] };
    },
    plan: ({ pkg, range, message }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: false, pkg, run: (context) => deprecate(context, pkg, range, message) }),
};

// EXTERNAL MODULE: ./lib/foundation/describe-error.js
var describe_error = __webpack_require__(403);
// EXTERNAL MODULE: ./lib/foundation/is-record.js
var is_record = __webpack_require__(9319);
// EXTERNAL MODULE: ./lib/foundation/refusals.js
var refusals = __webpack_require__(252);
// EXTERNAL MODULE: ./lib/package/read-package.js
var read_package = __webpack_require__(5863);
// EXTERNAL MODULE: ./lib/package/tarball.js
var tarball = __webpack_require__(4098);
// EXTERNAL MODULE: ./lib/registry/client.js + 1 modules
var registry_client = __webpack_require__(417);
;// CONCATENATED MODULE: ./lib/registry/account.js

function whoami(client) {
    return client.answer('/-/whoami');
}
function readProfile(client) {
    return client.answer('/-/npm/v1/user');
}
function readCollaborators(client, pkg) {
    return client.answer(`/-/package/${(0,registry_client/* escapeName */.L)(pkg)}/collaborators`);
}
function probeTwoFactor(client, pkg) {
    return client.answer(`/-/package/${(0,registry_client/* escapeName */.L)(pkg)}/trust`, { authType: 'web', npmCommand: 'trust' });
}

// EXTERNAL MODULE: ./lib/registry/stage.js
var stage = __webpack_require__(5121);
// EXTERNAL MODULE: ./node_modules/npm-registry-fetch/lib/index.js
var lib = __webpack_require__(5706);
;// CONCATENATED MODULE: ./lib/registry/trust.js


const trustUrl = (pkg) => `/-/package/${(0,registry_client/* escapeName */.L)(pkg)}/trust`;
async function createTrust(client, pkg, config, npmHeaders) {
    const body = [config];
    const answer = await client.write(npmHeaders, JSON.stringify(body).length, (options) => lib.json(trustUrl(pkg), { ...options, method: 'POST', body }));
    return Array.isArray(answer) ? answer : answer && typeof answer === 'object' ? [answer] : [];
}
async function listTrust(client, pkg, npmHeaders) {
    const answer = await client.write(npmHeaders, 0, (options) => lib.json(trustUrl(pkg), { ...options, method: 'GET' }));
    return Array.isArray(answer) ? answer : [];
}
async function revokeTrust(client, pkg, id, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => lib(`${trustUrl(pkg)}/${encodeURIComponent(id)}`, { ...options, method: 'DELETE', ignoreBody: true }));
}

// EXTERNAL MODULE: ./lib/commands/publish.js
var publish = __webpack_require__(7581);
;// CONCATENATED MODULE: ./lib/commands/doctor.js














const MARK = { ok: 'ok', info: 'info', warn: 'warn', fail: 'FAIL' };
const doctorCommand = {
    words: ['doctor'],
    usage: ['doctor [<folder>|<tarball>] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--check-trust]'],
    summary: "check, writing nothing, the token, the account's 2FA, the clock, each package and the auth each planned write would use",
    flags: [...grammar_line.WORKSPACE_FLAGS, { name: 'check-trust' }],
    reads: true,
    byOidc: true,
    auth: 'none',
    inspects: {
        alone: (data) => ({ command: publish/* publishLineCommand */.D6, data: scopeCommand(data, false), text: data.target === undefined ? 'publish' : `publish ${data.target}` }),
    },
    parse(line) {
        (0,grammar_line.arity)(line, 0, 1, 'doctor [<folder>|<tarball>] [--workspaces | -w ...] [--check-trust]');
        const workspaces = (0,grammar_line.workspaceScope)(line);
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
            steps: [{ label: source.text, reads: true, run: (context, stepEnv) => diagnose(context, stepEnv, data, options, packages) }],
        };
    },
};
function scopeCommand(data, dryRun) {
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
async function doctorScope(data, options, cwd, env) {
    const command = scopeCommand(data, true);
    const fromPlan = (plan) => ({ name: plan.name, version: plan.version, tag: plan.tag, access: plan.access });
    try {
        if ((command.workspaces ?? options.workspaces) !== undefined) {
            const { planWorkspacePublish } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1301));
            const plan = await planWorkspacePublish(command, options, cwd, env);
            return plan.members.map((member) => member.plan ? fromPlan(member.plan) : { name: member.name, version: member.version, listed: member.listed?.detail ?? 'private: not published' });
        }
        const { planPublish } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1118));
        return [fromPlan(await planPublish(command, options, cwd, env))];
    }
    catch (error) {
        const found = await (0,read_package/* readPackageSource */.ez)(data.target ?? options.packageSpec, cwd, options.names.package)
            .then(async (source) => (source.kind === 'folder' ? source.manifest : (await (0,tarball/* readTarball */.ty)(source.file, options.names.package)).manifest))
            .catch(() => undefined);
        const manifest = found;
        return [
            {
                name: typeof manifest?.name === 'string' ? manifest.name : (data.target ?? options.packageSpec),
                version: typeof manifest?.version === 'string' ? manifest.version : '',
                problem: (0,describe_error/* describeError */.Uc)(error),
            },
        ];
    }
}
async function diagnose(context, env, data, options, scope) {
    const { client } = context;
    const rows = [];
    const problems = [];
    const report = {
        ok: true,
        registry: client.registry,
        token: { state: 'none', bypass2fa: null, detail: '' },
        account: { tfa: 'unknown', totp: false, webApprovals: null, detail: '' },
        clock: { offsetMs: null, detail: '' },
        packages: [],
        writes: [],
        problems,
    };
    let tokenError;
    const asked = await whoami(client).catch((error) => error);
    const who = isAnswer(asked) ? asked : undefined;
    if (options.token === undefined) {
        report.token = {
            state: 'none',
            bypass2fa: null,
            detail: 'no token: reads are anonymous, and only publish and stage publish can go, by trusted publishing (OIDC)',
        };
    }
    else if (!who) {
        report.token = { state: 'unknown', bypass2fa: null, detail: `whoami could not be asked (${(0,describe_error/* describeError */.Uc)(asked)})` };
    }
    else if (who.status === 200 && (0,is_record/* isRecord */.u)(who.body) && typeof who.body.username === 'string') {
        report.token = { state: 'valid', user: who.body.username, bypass2fa: null, detail: `valid: the token is ${who.body.username}'s` };
    }
    else if (who.status === 401 || (0,refusals/* isExpiredNotice */.sM)(who.header('npm-notice'))) {
        const expired = (0,refusals/* isExpiredNotice */.sM)(who.header('npm-notice'));
        tokenError = new refusals/* TokenError */.gz('whoami', who.status, expired ? 'expired' : 'refused');
        report.token = { state: expired ? 'expired' : 'refused', bypass2fa: null, detail: tokenError.message };
    }
    else {
        report.token = { state: 'unknown', bypass2fa: null, detail: `whoami answered ${who.status}: the token could not be checked` };
    }
    const user = report.token.user;
    report.clock = clockFinding(client.clockOffset);
    if (user !== undefined) {
        const profile = await readProfile(client).catch((error) => error);
        report.account.tfa = isAnswer(profile) && profile.status === 200 ? tfaOf(profile.body) : 'unknown';
        if (report.account.tfa === 'unknown')
            report.account.detail = `the profile (/-/npm/v1/user) could not be read with this token (${isAnswer(profile) ? profile.status : (0,describe_error/* describeError */.Uc)(profile)})`;
    }
    const facts = new Map();
    const factsOf = (pkg) => facts.get(pkg) ?? facts.set(pkg, packageFacts(context, pkg, user)).get(pkg);
    const inspected = env.inspected ?? [];
    const planned = inspected.flatMap((line) => line.steps.map(({ step }) => step.pkg)).filter((pkg) => pkg !== undefined);
    const trust = new Map();
    let trustProblem;
    let secretProven = false;
    let bypassSeen = false;
    const readTrust = async (pkg) => {
        try {
            const configs = await (0,command/* otpWrite */.PH)(context, `trust list ${pkg}`, 'trust', (write) => listTrust(client, pkg, write));
            if (context.otp.source && context.tally.otpAttempts > 0)
                secretProven = true;
            trust.set(pkg, configs);
            return configs;
        }
        catch (error) {
            if (error instanceof foundation_errors/* ProductError */._$ && error.code === 'EBYPASSTOKEN')
                bypassSeen = true;
            else if (error instanceof foundation_errors/* ProductError */._$ && ['EOTPREJECTED', 'EOTP', 'EOTPWEBAUTHN'].includes(error.code))
                trustProblem ??= (0,describe_error/* describeError */.Uc)(error);
            return `could not be read (${(0,describe_error/* describeError */.Uc)(error)})`;
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
        const notes = [];
        notes.push(known.exists === null ? 'could not be read' : known.exists ? `exists${latestOf(known)}` : 'new: not in the registry yet');
        if (known.exists !== null)
            notes.push(published ? `${pkg.version} is published already (a publish skips it when the contents are the same)` : `${pkg.version} is not published yet`);
        notes.push(`tag ${pkg.tag ?? 'latest'}`);
        const access = pkg.access ??
            (known.exists
                ? await (0,registry_access/* readVisibility */.tQ)(client, pkg.name)
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
        let staged = [];
        if (options.token !== undefined && tokenError === undefined) {
            staged = await (0,stage/* listStaged */.td)(client, pkg.name).catch(() => []);
            notes.push(staged.length === 0
                ? 'no staged version waiting'
                : `${staged.length} staged version${staged.length === 1 ? '' : 's'} waiting: ${staged.map((entry) => `${entry.version} (id ${entry.id}, tag ${entry.tag}, ${entry.status ?? 'staged'})`).join(', ')}`);
        }
        let configs = null;
        if (!data.checkTrust)
            notes.push('trusted publishers not checked (--check-trust reads them, for one code or one approval)');
        else if (!known.exists)
            notes.push('no trusted publisher (a new package has none)');
        else if (tokenError !== undefined || options.token === undefined)
            notes.push('trusted publishers not checked: no valid token');
        else {
            const read = await readTrust(pkg.name);
            if (typeof read === 'string')
                notes.push(`trusted publishers ${read}`);
            else {
                configs = read;
                notes.push(read.length === 0
                    ? 'no trusted publisher'
                    : `trusted publishers: ${read.map((config) => `${config.type} (${config.permissions.join(' and ') || 'nothing'})`).join('; ')}`);
            }
        }
        const waiting = staged.find((entry) => entry.version === pkg.version);
        const status = known.maintainer === false || waiting ? 'warn' : known.exists === null ? 'warn' : 'ok';
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
    let webOffered = null;
    if (user !== undefined) {
        const candidates = [...new Set([...scope.filter((pkg) => pkg.listed === undefined && pkg.problem === undefined).map((pkg) => pkg.name), ...planned])];
        let probed = false;
        for (const pkg of candidates) {
            const known = await factsOf(pkg);
            if (!known.exists || known.maintainer !== true)
                continue;
            const answer = await probeTwoFactor(client, pkg).catch(() => undefined);
            if (!answer)
                break;
            probed = true;
            if (answer.status === 403 && (0,refusals/* isBypassRefusal */.xf)(answer.error))
                report.token.bypass2fa = true;
            else if (answer.status === 401) {
                report.token.bypass2fa = false;
                webOffered = (0,is_record/* isRecord */.u)(answer.body) && typeof answer.body.authUrl === 'string' && typeof answer.body.doneUrl === 'string';
            }
            break;
        }
        if (bypassSeen)
            report.token.bypass2fa = true;
        if (!probed && report.token.bypass2fa === null)
            report.token.detail += '; whether it bypasses 2FA is not known (that is asked on a package it maintains, and none is in the registry yet)';
    }
    if (report.token.bypass2fa === true)
        report.token.detail +=
            '; it bypasses two-factor authentication: owner, access, mfa and trust changes are refused to it, and npm ends direct publishing with such tokens in January 2027';
    else if (report.token.bypass2fa === false)
        report.token.detail += '; it asks for 2FA where the account does';
    rows.unshift([
        'token',
        tokenError ? 'fail' : report.token.state === 'valid' ? (report.token.bypass2fa ? 'warn' : 'ok') : report.token.state === 'none' ? 'info' : 'warn',
        report.token.detail,
    ]);
    const canTotp = options.secret !== undefined && options.authType !== 'web';
    const canWeb = options.authType !== 'totp';
    report.account.totp = canTotp;
    report.account.webApprovals = webOffered;
    const twoFactor = () => {
        if (trustProblem && canTotp)
            return { fail: trustProblem };
        if (canTotp && webOffered !== true)
            return { auth: 'token + TOTP' };
        if (canTotp && webOffered === true)
            return { auth: options.authType === 'auto' ? 'token + TOTP (or a web approval, if the account answers codes with one)' : 'token + TOTP' };
        if (canWeb && webOffered !== false)
            return { auth: 'token + web approval' };
        const settings = options.authType === 'web' ? ` (and ${options.names.authType} to auto)` : '';
        return {
            fail: `the registry offers this account no web approval (it asks for a one-time password), and ${options.names.otpSecret} is not set: set it to the account's TOTP secret${settings}`,
        };
    };
    const accountRow = accountFinding(report.account.tfa, options, canTotp, canWeb, webOffered, secretProven, report.token.bypass2fa);
    report.account.detail = [report.account.detail, accountRow.text].filter(Boolean).join('; ');
    rows.splice(1, 0, ['2FA', accountRow.status, report.account.detail], ['clock', Math.abs(report.clock.offsetMs ?? 0) > 30_000 || report.clock.offsetMs === null ? 'warn' : 'ok', report.clock.detail]);
    const sessions = new Map();
    const oidcFor = (pkg, npmCommand) => {
        const key = `${npmCommand} ${pkg}`;
        return (sessions.get(key) ??
            sessions
                .set(key, env.trustedPublishing
                ? env.trustedPublishing(pkg, npmCommand).then((session) => session !== undefined, () => false)
                : Promise.resolve(false))
                .get(key));
    };
    const accountWithout2fa = report.account.tfa === 'auth-only' || report.account.tfa === 'none' || report.account.tfa === 'pending';
    const predict = async (kind, step, refused) => {
        const pkg = step.pkg;
        if (kind === 'none')
            return { auth: options.token === undefined ? 'anonymous' : 'token', ...(refused === undefined ? {} : { fail: (0,describe_error/* describeError */.Uc)(refused) }) };
        let auth;
        if ((kind === 'publish' || kind === 'stage') && pkg !== undefined && (await oidcFor(pkg, kind))) {
            auth = 'trusted publishing (OIDC)';
            const permission = kind === 'publish' ? 'createPackage' : 'createStagedPackage';
            const configs = trust.get(pkg);
            if (configs && configs.length > 0 && configs.every((config) => !config.permissions.includes(permission))) {
                return {
                    auth,
                    fail: kind === 'publish'
                        ? `${pkg}'s trusted publishers may only stage (npm would answer "OIDC permission denied for this action"): stage it (stage publish), or allow publishing (trust github ... --allow-publish)`
                        : `${pkg}'s trusted publishers may only publish, not stage: add --allow-stage-publish`,
                };
            }
        }
        if (auth === undefined) {
            if (options.token === undefined)
                return {
                    auth: 'none',
                    fail: kind === 'publish' || kind === 'stage'
                        ? 'no token, and trusted publishing is not available to this job for it (the log above says why)'
                        : 'it needs a token, and the run has none',
                };
            if (tokenError)
                return { auth: 'token', fail: tokenError.message };
            if (kind === 'stage')
                auth = 'token (no 2FA: it is asked when the version is approved)';
            else if (report.token.bypass2fa === true) {
                if (kind === 'governance' || kind === 'trust')
                    return {
                        auth: 'token',
                        fail: 'the token bypasses 2FA, which npm refuses for owner, access, mfa and trust changes (403 Forbidden2FABypassGAT): use a token without bypass, and otp-secret or a web approval',
                    };
                auth = 'token (bypasses 2FA)';
            }
            else if ((kind === 'trust' || kind === 'approval') && accountWithout2fa) {
                return { auth: 'token', fail: `the account has no 2FA for writes (${report.account.tfa}), and npm allows this only to accounts with 2FA` };
            }
            else if (accountWithout2fa)
                auth = 'token (the account asks no 2FA for writes)';
            else {
                const answer = twoFactor();
                if ('fail' in answer)
                    return { auth: 'token', fail: answer.fail };
                auth = answer.auth;
            }
        }
        if (refused !== undefined)
            return { auth, fail: (0,describe_error/* describeError */.Uc)(refused) };
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
        const where = (label) => (line.source.line > 0 ? `line ${line.source.line}: ${label}` : label);
        if (line.refused !== undefined) {
            const reason = (0,describe_error/* describeError */.Uc)(line.refused);
            report.writes.push({ line: line.source.line, command: line.source.text, auth: '-', ok: false, detail: `would fail before any request: ${reason}` });
            problems.push(`${line.source.text}: ${reason}`);
            rows.push([where(line.source.text), 'fail', `would fail before any request: ${reason}`]);
            continue;
        }
        for (const { step, refused } of line.steps) {
            const verdict = await predict(line.command.auth, step, refused);
            const detail = verdict.fail !== undefined ? `${verdict.auth}; would fail: ${verdict.fail}` : `${verdict.auth}${verdict.note ? `; ${verdict.note}` : ''}; would go`;
            report.writes.push({ line: line.source.line, command: step.label, auth: verdict.auth, ok: verdict.fail === undefined, detail });
            if (verdict.fail !== undefined)
                problems.push(`${step.label}: ${verdict.fail}`);
            rows.push([where(step.label), verdict.fail !== undefined ? 'fail' : step.reads ? 'info' : 'ok', detail]);
        }
    }
    if (report.writes.length === 0)
        rows.push(['writes', 'info', 'the run plans no write (every package in scope is private or skipped)']);
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
            : new foundation_errors/* ProductError */._$('EDOCTOR', `${detail}. Nothing was written; the table above says what each check found.`, { received: problems });
    return { status: 'read', detail, data: report, table, ...(failure ? { failure } : {}) };
}
function isAnswer(value) {
    return (0,is_record/* isRecord */.u)(value) && typeof value.status === 'number' && typeof value.header === 'function';
}
function tfaOf(body) {
    if (!(0,is_record/* isRecord */.u)(body))
        return 'unknown';
    const tfa = body.tfa;
    if (tfa === null || tfa === false || tfa === undefined)
        return 'none';
    if (!(0,is_record/* isRecord */.u)(tfa))
        return 'unknown';
    if (tfa.pending === true)
        return 'pending';
    return tfa.mode === 'auth-and-writes' || tfa.mode === 'auth-only' ? tfa.mode : 'unknown';
}
function clockFinding(offset) {
    if (offset === undefined) {
        return {
            offsetMs: null,
            detail: "the registry sent no Date header this run can apply (one more than 15 minutes off is not applied): one-time passwords are made on this runner's clock, which must then be right within about 30 s (NTP)",
        };
    }
    const { offsetMs } = offset;
    const apart = `${(Math.abs(offsetMs) / 1000).toFixed(1)} s ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
    const base = `this runner's clock is ${apart} the registry's (from its Date headers, to within ${(offset.uncertaintyMs / 1000).toFixed(1)} s)`;
    return {
        offsetMs,
        detail: Math.abs(offsetMs) > 30_000
            ? `${base}: one-time passwords are made on the registry's clock, so they still work, but set this runner's clock right (NTP)`
            : `${base}; one-time passwords are made on the registry's clock`,
    };
}
function accountFinding(tfa, options, canTotp, canWeb, webOffered, secretProven, bypass) {
    const secret = options.secret
        ? `${options.names.otpSecret} is set (base32 or otpauth URI read: ${options.secret.algorithm.toUpperCase()}, ${options.secret.digits} digits, ${options.secret.period} s)${secretProven ? ', and the registry accepted its code' : ''}`
        : `${options.names.otpSecret} is not set`;
    const web = webOffered === true
        ? 'the registry offers this account web approvals'
        : webOffered === false
            ? 'the registry offers this account no web approval (it asks for a one-time password)'
            : undefined;
    const mode = tfa === 'unknown' ? '2FA mode unknown' : tfa === 'none' ? '2FA is off' : tfa === 'pending' ? '2FA enrolment not finished (off)' : `2FA ${tfa}`;
    if (bypass === true)
        return { status: 'warn', text: `${mode}; the token bypasses it for package writes` };
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
async function packageFacts(context, pkg, user) {
    const { client } = context;
    let packument;
    try {
        packument = await (0,registry_packument/* readPackument */.l)(client, pkg, { write: true });
    }
    catch (error) {
        return { exists: null, maintainer: null, maintainerText: `the registry could not be read (${(0,describe_error/* describeError */.Uc)(error)})` };
    }
    if (!packument)
        return { exists: false, maintainer: null, maintainerText: user ? `${user} becomes its first maintainer by publishing it` : 'a new package' };
    const facts = { exists: true, published: (packument.versions ?? {}), latest: packument['dist-tags']?.latest };
    if (user === undefined)
        return { ...facts, maintainer: null, maintainerText: 'maintainers not checked: no valid token' };
    const answer = await readCollaborators(client, pkg).catch(() => undefined);
    if (answer?.status === 200 && (0,is_record/* isRecord */.u)(answer.body)) {
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
function latestOf(facts) {
    return facts.latest ? ` (latest ${facts.latest})` : '';
}

// EXTERNAL MODULE: ./lib/grammar/validate.js
var validate = __webpack_require__(5443);
// EXTERNAL MODULE: ./lib/registry/dist-tags.js
var dist_tags = __webpack_require__(677);
;// CONCATENATED MODULE: ./lib/commands/dist-tag.js







async function tagsOf(context, pkg) {
    const packument = await (0,registry_packument/* readPackument */.l)(context.client, pkg, { write: true });
    if (!packument)
        throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
    return { tags: packument['dist-tags'] ?? {}, versions: packument.versions ?? {} };
}
async function distTagAdd(context, pkg, version, tag) {
    const { tags, versions } = await tagsOf(context, pkg);
    if (tags[tag] === version)
        return { status: 'unchanged', detail: `${tag} already points at ${pkg}@${version}` };
    if (!versions[version])
        throw new foundation_errors/* ProductError */._$('ENOVERSION', `${pkg}@${version} is not in the registry, so no tag can point at it; publish it first.`, {
            received: `${pkg}@${version}`,
        });
    const was = tags[tag] === undefined ? '' : ` (was ${tags[tag]})`;
    if (context.dryRun)
        return { status: 'dry-run', detail: `would point ${tag} at ${version}${was}` };
    await (0,command/* otpWrite */.PH)(context, `dist-tag add ${pkg}@${version} ${tag}`, 'dist-tag', (npmHeaders) => (0,dist_tags/* setDistTag */.r)(context.client, pkg, tag, version, npmHeaders));
    return { status: 'done', detail: `${tag} now points at ${version}${was}` };
}
async function distTagRm(context, pkg, tag) {
    const { tags } = await tagsOf(context, pkg);
    if (tags[tag] === undefined)
        return { status: 'unchanged', detail: `${pkg} has no ${tag} tag` };
    if (context.dryRun)
        return { status: 'dry-run', detail: `would remove ${tag} (${tags[tag]})` };
    await (0,command/* otpWrite */.PH)(context, `dist-tag rm ${pkg} ${tag}`, 'dist-tag', (npmHeaders) => (0,dist_tags/* removeDistTag */.p)(context.client, pkg, tag, npmHeaders));
    return { status: 'done', detail: `removed ${tag} (was ${tags[tag]})` };
}
async function distTagLs(context, pkg) {
    const { tags } = await tagsOf(context, pkg);
    const listed = Object.entries(tags).map(([tag, version]) => `${tag}: ${version}`);
    return { status: 'read', detail: listed.length > 0 ? listed.join(', ') : 'no dist-tags' };
}
function checkedTag(line, tag) {
    const problem = (0,validate/* tagProblem */.qH)(tag);
    if (problem)
        throw line.fail(problem);
    return tag;
}
const distTagAddCommand = {
    words: ['dist-tag', 'add'],
    usage: [
        'dist-tag add <pkg>@<version> [<tag>]',
        'dist-tag add --workspaces [-w <name|folder|glob>...] <tag>   (every workspace package at its package.json version)',
    ],
    summary: 'point a dist-tag at a published version',
    flags: grammar_line.WORKSPACE_FLAGS,
    reads: false,
    byOidc: false,
    auth: 'package',
    parse(line) {
        const workspaces = (0,grammar_line.workspaceScope)(line);
        if (workspaces !== undefined) {
            (0,grammar_line.arity)(line, 1, 1, 'dist-tag add --workspaces <tag> (every workspace package in scope, at its package.json version)');
            return { tag: checkedTag(line, line.args[0]), workspaces, includeWorkspaceRoot: line.flags.get('include-workspace-root') === true };
        }
        if (line.flags.has('include-workspace-root'))
            throw line.fail('--include-workspace-root goes with --workspaces or -w');
        (0,grammar_line.arity)(line, 1, 2, 'dist-tag add <pkg>@<version> [<tag>]');
        const spec = (0,grammar_line.versionSpec)(line, line.args[0], 'dist-tag add needs <pkg>@<version>, an exact version');
        return { pkg: spec.name, version: spec.version, tag: checkedTag(line, line.args[1] ?? 'latest') };
    },
    async plan(data, { options, cwd, source }) {
        const step = (pkg, version, label) => ({
            label,
            reads: false,
            pkg,
            run: (context) => distTagAdd(context, pkg, version, data.tag),
        });
        if (!('workspaces' in data))
            return (0,command/* oneStep */.V8)(step(data.pkg, data.version, source.text));
        const { workspaceVersions } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1301));
        const packages = await workspaceVersions(data.workspaces, data.includeWorkspaceRoot, options, cwd);
        return { steps: packages.map(({ name, version }) => step(name, version, `dist-tag add ${name}@${version} ${data.tag}`)) };
    },
};
const distTagRmCommand = {
    words: ['dist-tag', 'rm'],
    usage: ['dist-tag rm <pkg> <tag>'],
    summary: 'remove a dist-tag',
    flags: [],
    reads: false,
    byOidc: false,
    auth: 'package',
    parse(line) {
        (0,grammar_line.arity)(line, 1, 2, 'dist-tag rm <pkg> <tag>');
        const [pkg, tag] = line.args.length === 2 ? line.args : [undefined, line.args[0]];
        checkedTag(line, tag);
        if (tag === 'latest')
            throw line.fail('the latest tag cannot be removed (npm refuses it); point it at another version with dist-tag add instead');
        return { pkg: line.pkgOrDefault(pkg), tag: tag };
    },
    plan: ({ pkg, tag }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: false, pkg, run: (context) => distTagRm(context, pkg, tag) }),
};
const distTagLsCommand = {
    words: ['dist-tag', 'ls'],
    usage: ['dist-tag ls [<pkg>]'],
    summary: "list a package's dist-tags",
    flags: [],
    reads: true,
    byOidc: true,
    auth: 'none',
    parse(line) {
        (0,grammar_line.arity)(line, 0, 1, 'dist-tag ls [<pkg>]');
        return { pkg: line.pkgOrDefault(line.args[0]) };
    },
    plan: ({ pkg }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: true, pkg, run: (context) => distTagLs(context, pkg) }),
};

// EXTERNAL MODULE: ./lib/foundation/http-errors.js
var http_errors = __webpack_require__(3505);
;// CONCATENATED MODULE: ./lib/registry/owners.js


async function readAccount(client, user) {
    const found = (await client.getJson(`/-/user/org.couchdb.user:${encodeURIComponent(user)}`));
    if (typeof found?.name !== 'string' || found.name === '')
        return undefined;
    return { name: found.name, ...(typeof found.email === 'string' && found.email ? { email: found.email } : {}) };
}
async function writeMaintainers(client, pkg, rev, maintainers, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => lib(`/${(0,registry_client/* escapeName */.L)(pkg)}/-rev/${encodeURIComponent(rev)}`, {
        ...options,
        method: 'PUT',
        body: { _id: pkg, _rev: rev, maintainers },
        ignoreBody: true,
    }));
}

;// CONCATENATED MODULE: ./lib/commands/owner.js








const MAX_REVISION_RACES = 3;
async function lookUpUser(context, user) {
    const known = context.users.get(user);
    if (known)
        return known;
    const account = await readAccount(context.client, user);
    if (!account)
        throw new foundation_errors/* ProductError */._$('ENOUSER', `npm user "${user}" does not exist on ${context.client.registry}; check the spelling of the user name.`, {
            received: user,
        });
    context.users.set(user, account);
    return account;
}
async function readForWrite(context, pkg) {
    const packument = await (0,registry_packument/* readPackument */.l)(context.client, pkg, { write: true });
    if (!packument)
        throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
    if (!packument._rev)
        throw new foundation_errors/* ProductError */._$('ENOREV', `the registry did not give the revision of ${pkg}, which an owner change needs.`);
    return packument;
}
async function changeOwner(context, action, user, pkg) {
    const account = await lookUpUser(context, user);
    for (let race = 1;; race += 1) {
        const packument = await readForWrite(context, pkg);
        const maintainers = packument.maintainers ?? [];
        const present = maintainers.some((m) => m.name === account.name);
        if (action === 'add' && present)
            return { status: 'unchanged', detail: `${account.name} already owns ${pkg}` };
        if (action === 'rm' && !present)
            return { status: 'unchanged', detail: `${account.name} is not an owner of ${pkg}` };
        if (action === 'rm' && maintainers.length <= 1) {
            throw new foundation_errors/* ProductError */._$('EOWNERRM', `${account.name} is the only owner of ${pkg}; npm refuses to remove the last owner. Add another owner first.`, {
                received: user,
            });
        }
        const next = action === 'add' ? [...maintainers, account] : maintainers.filter((m) => m.name !== account.name);
        if (context.dryRun)
            return { status: 'dry-run', detail: `would ${action === 'add' ? 'add' : 'remove'} ${account.name} as an owner of ${pkg}` };
        try {
            await (0,command/* otpWrite */.PH)(context, `owner ${action} ${user} ${pkg}`, 'owner', (npmHeaders) => writeMaintainers(context.client, packument.name, packument._rev, next, npmHeaders));
            return { status: 'done', detail: `${action === 'add' ? 'added' : 'removed'} ${account.name} ${action === 'add' ? 'to' : 'from'} the owners of ${pkg}` };
        }
        catch (error) {
            if ((0,http_errors/* statusOf */.c2)(error) !== 409 || race >= MAX_REVISION_RACES)
                throw error;
            context.logger.info(`${pkg} changed while its owners were being updated (409); reading it again (${race}/${MAX_REVISION_RACES - 1}).`);
        }
    }
}
async function listOwners(context, pkg) {
    const packument = await (0,registry_packument/* readPackument */.l)(context.client, pkg);
    if (!packument)
        throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
    const owners = (packument.maintainers ?? []).map((m) => (m.email ? `${m.name} <${m.email}>` : m.name));
    return { status: 'read', detail: owners.length > 0 ? owners.join(', ') : 'no owners listed' };
}
function ownerChange(action) {
    return {
        words: ['owner', action],
        usage: [`owner ${action} <user> [<pkg>]`],
        summary: action === 'add' ? 'add an owner (maintainer) to a package' : 'remove an owner from a package',
        flags: [],
        reads: false,
        byOidc: false,
        auth: 'governance',
        parse(line) {
            (0,grammar_line.arity)(line, 1, 2, `owner ${action} <user> [<pkg>]`);
            const user = line.args[0];
            const problem = (0,validate/* userProblem */.pw)(user);
            if (problem)
                throw line.fail(problem);
            return { user, pkg: line.pkgOrDefault(line.args[1]) };
        },
        plan: ({ user, pkg }, { source }) => (0,command/* oneStep */.V8)({
            label: source.text,
            reads: false,
            pkg,
            check: async ({ client, users }) => void (await lookUpUser({ client, users }, user)),
            run: (context) => changeOwner(context, action, user, pkg),
        }),
    };
}
const ownerAddCommand = ownerChange('add');
const ownerRmCommand = ownerChange('rm');
const ownerLsCommand = {
    words: ['owner', 'ls'],
    usage: ['owner ls [<pkg>]'],
    summary: "list a package's owners",
    flags: [],
    reads: true,
    byOidc: true,
    auth: 'none',
    parse(line) {
        (0,grammar_line.arity)(line, 0, 1, 'owner ls [<pkg>]');
        return { pkg: line.pkgOrDefault(line.args[0]) };
    },
    plan: ({ pkg }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: true, pkg, run: (context) => listOwners(context, pkg) }),
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/package/published-fields.js

const INSTALL_FIELDS = [
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'peerDependencies',
    'peerDependenciesMeta',
    'bundleDependencies',
    'bin',
    'scripts',
    'engines',
    'os',
    'cpu',
    'libc',
];
function installFieldDifferences(expected, published) {
    const differences = [];
    for (const field of INSTALL_FIELDS) {
        const [left, right] = [canonical(published_fields_valueOf(expected, field)), canonical(published_fields_valueOf(published, field))];
        if (left !== right)
            differences.push({ field, expected: left ?? 'none', published: right ?? 'none' });
    }
    return differences;
}
function published_fields_valueOf(manifest, field) {
    return field === 'bundleDependencies' ? (manifest.bundleDependencies ?? manifest.bundledDependencies) : manifest[field];
}
function canonical(value) {
    if (value === undefined || value === null || value === false)
        return undefined;
    if (Array.isArray(value) && value.length === 0)
        return undefined;
    if ((0,is_record/* isRecord */.u)(value) && Object.keys(value).length === 0)
        return undefined;
    return JSON.stringify(sorted(value));
}
function sorted(value) {
    if (Array.isArray(value))
        return value.map(sorted);
    if (typeof value !== 'object' || value === null)
        return value;
    return Object.fromEntries(Object.keys(value)
        .sort()
        .map((key) => [key, sorted(value[key])]));
}

// EXTERNAL MODULE: ./lib/package/read-tarball.js
var read_tarball = __webpack_require__(3333);
// EXTERNAL MODULE: ./lib/package/scripts.js
var scripts = __webpack_require__(8344);
// EXTERNAL MODULE: ./lib/plan/trust-stage-plan.js
var trust_stage_plan = __webpack_require__(6620);
;// CONCATENATED MODULE: ./lib/commands/stage-checks.js

function stagedAccess(value) {
    if (value === 'public')
        return 'public';
    if (value === 'private' || value === 'restricted')
        return 'restricted';
    return undefined;
}
function stagedFieldsProblem(entry, checkout) {
    const label = `${entry.packageName}@${entry.version}`;
    const problems = [];
    if (checkout.tag !== undefined && entry.tag !== checkout.tag)
        problems.push(`it would be published with tag ${entry.tag}, but this checkout publishes it with tag ${checkout.tag}`);
    const access = stagedAccess(entry.access);
    if (checkout.access !== undefined && access !== checkout.access) {
        problems.push(`it would be published with access ${access ?? 'left to the registry'}, but this checkout publishes it with access ${checkout.access}`);
    }
    if (problems.length === 0)
        return undefined;
    return new foundation_errors/* ProductError */._$('ESTAGEMISMATCH', `${label} staged as ${entry.id}: ${problems.join('; ')}. Nothing was approved. Reject it (stage reject ${entry.id}) and stage it again as the checkout says, or change the checkout's setting.`, { received: label });
}
function manifestMismatch(label, stageId, differences) {
    const shown = (text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
    const details = differences.map((difference) => `${difference.field}: the registry serves ${shown(difference.published)}, the checkout has ${shown(difference.expected)}`);
    return new foundation_errors/* ProductError */._$('EMANIFESTMISMATCH', `${label} is published (approved ${stageId}), but the version document the registry serves differs from what this checkout would publish in ${differences.map((difference) => difference.field).join(', ')} ` +
        `(${details.join('; ')}). Its tarball is the checkout's; its package.json metadata was staged otherwise. ` +
        `Deprecate it at once (deprecate ${label} "do not install: published with metadata it was not built with") and unpublish it within npm's 72-hour window (unpublish ${label}), then publish a fixed version.`, { received: label });
}

// EXTERNAL MODULE: ./lib/commands/upload.js + 1 modules
var upload = __webpack_require__(136);
;// CONCATENATED MODULE: ./lib/commands/stage.js


















async function stageList(context, pkg) {
    const items = await (0,stage/* listStaged */.td)(context.client, pkg);
    const what = pkg === undefined ? 'staged versions' : `staged versions of ${pkg}`;
    return { status: 'read', data: items, detail: items.length === 0 ? `no ${what}` : `${items.length} ${what}: ${items.map(upload/* describeEntry */.OY).join('; ')}` };
}
async function stageView(context, id) {
    const entry = await (0,stage/* viewStaged */.eT)(context.client, id);
    if (!entry)
        throw noStagedId(id, context.client.registry);
    return { status: 'read', stageId: entry.id, data: entry, detail: (0,upload/* describeEntry */.OY)(entry) };
}
async function stageDownload(context, id, dir) {
    let data;
    try {
        data = await (0,stage/* downloadStaged */.RB)(context.client, id);
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) === 404)
            throw noStagedId(id, context.client.registry);
        throw error;
    }
    const manifest = await (0,read_tarball/* readTarballManifest */.e)(data);
    const name = String(manifest.name);
    const version = String(manifest.version);
    const file = external_node_path_.join(dir, `${name.replace('@', '').replace('/', '-')}-${version}-${id}.tgz`);
    await (0,promises_.mkdir)(dir, { recursive: true });
    await (0,promises_.writeFile)(file, data);
    const shasum = (0,tarball/* shasumOf */.lm)(data);
    return {
        status: 'read',
        stageId: id,
        data: { file, name, version, shasum, size: data.length },
        detail: `downloaded ${name}@${version} (staged as ${id}, shasum ${shasum}, ${data.length} bytes) to ${file}`,
    };
}
function noStagedId(id, registry) {
    return new foundation_errors/* ProductError */._$('ENOSTAGED', `No staged version has the id ${id} on ${registry} (approved or rejected already, or not visible to this token).`, {
        received: id,
    });
}
async function resolveTarget(client, target) {
    if ('id' in target) {
        const entry = await (0,stage/* viewStaged */.eT)(client, target.id);
        return { entry, published: false, label: entry ? `${entry.packageName}@${entry.version}` : target.id };
    }
    const label = `${target.name}@${target.version}`;
    const packument = await (0,registry_packument/* readPackument */.l)(client, target.name, { write: true });
    if (packument?.versions?.[target.version])
        return { entry: undefined, published: true, label };
    const entry = (await (0,stage/* listStaged */.td)(client, target.name)).find((item) => item.version === target.version);
    return { entry, published: false, label };
}
function notStaged(target, label, registry) {
    if ('id' in target) {
        return new foundation_errors/* ProductError */._$('ENOSTAGED', `No staged version has the id ${target.id} on ${registry}: approved or rejected already, or not visible to this token. ` +
            'An id says nothing once it is gone: approve by <pkg>@<version> to make the step safe to run again.', { received: target.id });
    }
    return new foundation_errors/* ProductError */._$('ENOSTAGED', `${label} is neither staged nor published on ${registry}: stage it first (stage publish).`, { received: label });
}
async function preflightApprove(client, target, checkout) {
    const { entry, published, label } = await resolveTarget(client, target);
    if (!entry && !published)
        throw notStaged(target, label, client.registry);
    if (entry && checkout && 'problem' in checkout && holds(checkout, entry))
        throw (0,trust_stage_plan/* uncomparable */.q)(checkout);
}
function holds(checkout, entry) {
    return checkout.name === entry.packageName && checkout.version === entry.version;
}
async function stageApprove(context, target, dryRun, checkout, env) {
    const { client } = context;
    const validation = new ValidationWait(context);
    let compared;
    for (;;) {
        const { entry, published, label } = await resolveTarget(client, target);
        if (published)
            return { status: 'unchanged', detail: `${label} is already published: nothing to approve` };
        if (!entry)
            throw notStaged(target, label, client.registry);
        if (entry.status === 'validating') {
            await validation.wait(entry, 'its status is validating');
            continue;
        }
        compared ??= await compareWithCheckout(context, entry, checkout, env);
        const { note, manifest } = compared;
        if (context.dryRun || dryRun)
            return { status: 'dry-run', stageId: entry.id, detail: `would approve ${entry.id}, publishing ${label} with tag ${entry.tag}${note}` };
        try {
            await (0,command/* otpWrite */.PH)(context, `stage approve ${entry.id} (${label})`, 'stage', (npmHeaders) => (0,stage/* approveStaged */.G)(client, entry.id, npmHeaders));
        }
        catch (error) {
            if (error instanceof foundation_errors/* ProductError */._$)
                throw error;
            if ((0,http_errors/* statusOf */.c2)(error) === 409) {
                await validation.wait(entry, `the registry answered the approval 409 (${(0,describe_error/* describeReason */.Gk)(error)})`, retryAfterMs(error));
                continue;
            }
            const after = await (0,registry_packument/* readPackument */.l)(client, entry.packageName, { write: true }).catch(() => undefined);
            if (!after?.versions?.[entry.version])
                throw error;
            context.logger.info(`${label} is in the registry: the approval of ${entry.id} did land.`);
        }
        const checked = manifest === undefined ? '' : await checkPublishedDocument(context, entry, manifest);
        return { status: 'done', stageId: entry.id, detail: `approved ${entry.id}: ${label} is published with tag ${entry.tag}${note}${checked}` };
    }
}
const MAX_VALIDATION_WAIT_MS = 10 * 60 * 1000;
class ValidationWait {
    #context;
    #waits = 0;
    #waitedMs = 0;
    constructor(context) {
        this.#context = context;
    }
    async wait(entry, why, retryAfter) {
        const label = `${entry.packageName}@${entry.version}`;
        const planned = Math.min(30_000, 1000 * 2 ** this.#waits);
        const ms = retryAfter === undefined ? planned : Math.min(30_000, Math.max(1000, retryAfter));
        if (this.#waitedMs + ms > MAX_VALIDATION_WAIT_MS) {
            throw new foundation_errors/* ProductError */._$('ESTAGEVALIDATING', `${label} (staged as ${entry.id}) was still being validated by the registry after ${Math.round(this.#waitedMs / 1000)} s of waiting (${why}); nothing was approved. ` +
                `Run the approval again later (stage approve ${label}): the registry validates a staged version before it can be approved.`, { received: label });
        }
        this.#context.logger.info(`${label} (staged as ${entry.id}) is still being validated by the registry (${why}); waiting ${ms / 1000} s before approving it (waited ${Math.round(this.#waitedMs / 1000)} s of at most ${MAX_VALIDATION_WAIT_MS / 60_000} min).`);
        await this.#context.otp.clock.sleep(ms);
        this.#waits += 1;
        this.#waitedMs += ms;
        this.#context.tally.waitedMs += ms;
    }
}
function retryAfterMs(error) {
    const header = (0,http_errors/* errorHeader */.GI)(error, 'retry-after')?.trim();
    return header !== undefined && /^\d+$/.test(header) ? Number(header) * 1000 : undefined;
}
async function checkPublishedDocument(context, entry, manifest) {
    const label = `${entry.packageName}@${entry.version}`;
    let document;
    for (let read = 0; document === undefined && read < 3; read += 1) {
        if (read > 0)
            await context.otp.clock.sleep(1000 * 2 ** read);
        try {
            document = (await (0,registry_packument/* readPackument */.l)(context.client, entry.packageName, { write: true }))?.versions?.[entry.version];
        }
        catch (error) {
            context.logger.warning(`${label} is published, but reading its version document back failed (${(0,describe_error/* describeReason */.Gk)(error)}): compare its ${INSTALL_FIELDS.join(', ')} with the checkout's package.json by hand.`);
            return '; its version document could not be read back to compare';
        }
    }
    if (document === undefined) {
        context.logger.warning(`${label} is approved, but the registry does not list it yet: compare its ${INSTALL_FIELDS.join(', ')} with the checkout's package.json once it does.`);
        return '; its version document was not listed yet, so it was not compared';
    }
    const differences = installFieldDifferences(manifest, document);
    if (differences.length > 0)
        throw manifestMismatch(label, entry.id, differences);
    context.logger.info(`${label}: the version document the registry serves matches the checkout (${INSTALL_FIELDS.join(', ')}).`);
    return '; the published version document matches the checkout';
}
async function stageReject(context, target, dryRun) {
    const { client } = context;
    const { entry, published, label } = await resolveTarget(client, target);
    if (!entry)
        return { status: 'unchanged', detail: `nothing is staged as ${label}${published ? ` (${label} is published: stage reject cannot remove it)` : ''}` };
    if (context.dryRun || dryRun)
        return { status: 'dry-run', stageId: entry.id, detail: `would reject ${entry.id} (${(0,upload/* describeEntry */.OY)(entry)})` };
    try {
        await (0,command/* otpWrite */.PH)(context, `stage reject ${entry.id} (${label})`, 'stage', (npmHeaders) => (0,stage/* rejectStaged */.gL)(client, entry.id, npmHeaders));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) !== 404)
            throw error;
        return { status: 'unchanged', stageId: entry.id, detail: `${entry.id} (${label}) was gone before it could be rejected` };
    }
    return { status: 'done', stageId: entry.id, detail: `rejected ${entry.id}: ${label} is no longer staged` };
}
async function compareWithCheckout(context, entry, checkout, env) {
    const label = `${entry.packageName}@${entry.version}`;
    if (checkout && 'problem' in checkout && holds(checkout, entry))
        throw (0,trust_stage_plan/* uncomparable */.q)(checkout);
    if (!checkout || 'problem' in checkout || !holds(checkout, entry)) {
        context.logger.info(`${label}: the checkout does not hold this version, so the staged tarball is approved without comparing it to a build.`);
        return { note: ' (not compared: the checkout does not hold this version)' };
    }
    const fields = stagedFieldsProblem(entry, checkout);
    if (fields)
        throw fields;
    const { data, manifest } = await packCheckout(context, checkout, env);
    const shasum = (0,tarball/* shasumOf */.lm)(data);
    if (shasum === entry.shasum) {
        context.logger.info(`${label}: the checkout packs to the staged tarball (shasum ${shasum}).`);
        return { note: `; the checkout packs to the same tarball (shasum ${shasum})`, manifest };
    }
    const staged = await (0,stage/* downloadStaged */.RB)(context.client, entry.id);
    if ((0,tarball/* shasumOf */.lm)(staged) === entry.shasum && (await (0,tarball/* sameContents */.P1)(staged, data))) {
        context.logger.info(`${label}: the checkout packs to the same files as the staged tarball (the gzip bytes differ, as across zlib builds).`);
        return { note: '; the checkout packs to the same files (the gzip bytes differ)', manifest };
    }
    throw new foundation_errors/* ProductError */._$('ESTAGEMISMATCH', `${label} staged as ${entry.id} is not what this checkout packs to (staged shasum ${entry.shasum}, the checkout ${shasum}, and the files differ). ` +
        `Nothing was approved. Approve from the commit that staged it, or reject it (stage reject ${entry.id}) if it is not yours.`, { received: label });
}
async function packCheckout(context, checkout, env) {
    const { source } = checkout;
    if (source.kind === 'tarball')
        return { data: source.data, manifest: source.manifest };
    const script = (event) => checkout.scripts.includes(event)
        ? (0,scripts/* runScript */.j3)({ dir: source.dir, manifest: source.manifest, event, env: env.scriptEnv, logger: context.logger })
        : Promise.resolve();
    await script('prepack');
    await script('prepare');
    const { manifest, packed } = await (0,upload/* readAndPack */.DW)(source, checkout);
    await script('postpack');
    return { data: packed.data, manifest };
}
const stageListCommand = {
    words: ['stage', 'list'],
    usage: ['stage list [<pkg>]'],
    summary: 'list staged versions (of a package, or all the token may see)',
    flags: [],
    reads: true,
    byOidc: true,
    auth: 'none',
    parse(line) {
        (0,grammar_line.arity)(line, 0, 1, 'stage list [<pkg>]');
        const pkg = line.args[0];
        if (pkg !== undefined) {
            const problem = (0,validate/* packageNameProblem */.Te)(pkg);
            if (problem)
                throw line.fail(`${problem}; stage list takes a package name without a version`);
        }
        return { pkg };
    },
    plan: ({ pkg }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: true, ...(pkg === undefined ? {} : { pkg }), run: (context) => stageList(context, pkg) }),
};
function stageId(line, usage) {
    const text = line.args[0];
    if (text === undefined || line.args.length !== 1)
        throw line.fail(`expected: ${usage}`);
    if (!grammar_line.UUID.test(text))
        throw line.fail(`"${text}" is not a stage id (a UUID, as stage publish and stage list show it)`);
    return text;
}
const stageViewCommand = {
    words: ['stage', 'view'],
    usage: ['stage view <id>'],
    summary: 'show a staged version',
    flags: [],
    reads: true,
    byOidc: true,
    auth: 'none',
    parse: (line) => ({ id: stageId(line, 'stage view <id>') }),
    plan: ({ id }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: true, run: (context) => stageView(context, id) }),
};
const stageDownloadCommand = {
    words: ['stage', 'download'],
    usage: ['stage download <id> [--dir <folder>]'],
    summary: "download a staged version's tarball",
    flags: [{ name: 'dir', value: true }],
    reads: true,
    byOidc: true,
    auth: 'none',
    parse: (line) => ({ id: stageId(line, 'stage download <id> [--dir <folder>]'), dir: (0,grammar_line.flagValue)(line.flags, 'dir') }),
    plan: ({ id, dir }, { source, cwd }) => (0,command/* oneStep */.V8)({ label: source.text, reads: true, run: (context) => stageDownload(context, id, external_node_path_.resolve(cwd, dir ?? '.')) }),
};
function stageTarget(line, text) {
    if (grammar_line.UUID.test(text))
        return { id: text };
    const parsed = (0,grammar_line.safeNpa)(text);
    if (parsed?.registry && parsed.name && parsed.type === 'version')
        return { name: parsed.name, version: semver.clean(parsed.fetchSpec) };
    throw line.fail(`"${text}" is neither a stage id (a UUID) nor <pkg>@<version> with an exact version`);
}
function stageDecision(action) {
    return {
        words: ['stage', action],
        usage: [
            action === 'approve'
                ? 'stage approve <id|pkg@version>... [--dry-run]   (or stage approve --workspaces [-w ...]: each package at its package.json version)'
                : 'stage reject <id|pkg@version>... [--dry-run]   (or stage reject --workspaces [-w ...])',
        ],
        summary: action === 'approve' ? 'publish staged versions, each compared with what the checkout packs to' : 'delete staged versions',
        flags: [{ name: 'dry-run' }, ...grammar_line.WORKSPACE_FLAGS],
        reads: false,
        byOidc: false,
        auth: 'approval',
        parse(line) {
            const workspaces = (0,grammar_line.workspaceScope)(line);
            if (workspaces !== undefined && line.args.length > 0)
                throw line.fail('name either ids and <pkg>@<version>s or --workspaces/-w, not both');
            if (workspaces === undefined && line.args.length === 0)
                throw line.fail(`expected: stage ${action} <id|pkg@version>... (or --workspaces)`);
            return {
                ...line.source,
                action,
                targets: line.args.map((text) => stageTarget(line, text)),
                dryRun: line.flags.get('dry-run') === true,
                workspaces,
                includeWorkspaceRoot: line.flags.get('include-workspace-root') === true,
            };
        },
        async plan(data, { options, cwd, env }) {
            const { planStageDecisions } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6620));
            const decisions = await planStageDecisions(data, options, cwd, env);
            const web = options.authType === 'web' || (options.authType === 'auto' && options.secret === undefined);
            return {
                ...(action === 'approve' && web && decisions.length > 1 && !data.dryRun && !options.dryRun
                    ? {
                        intro: `stage approve: each of the ${decisions.length} staged versions needs its own web approval (npm's "don't ask again" does not cover approving staged versions).`,
                    }
                    : {}),
                steps: decisions.map(({ target, checkout }) => ({
                    label: decisions.length === 1 && data.workspaces === undefined
                        ? data.text
                        : ['stage', action, 'id' in target ? target.id : `${target.name}@${target.version}`].join(' '),
                    reads: false,
                    ...('name' in target ? { pkg: target.name } : {}),
                    ...(action === 'approve' ? { check: ({ client }) => preflightApprove(client, target, checkout) } : {}),
                    run: (context, stepEnv) => action === 'approve' ? stageApprove(context, target, data.dryRun, checkout, stepEnv) : stageReject(context, target, data.dryRun),
                })),
            };
        },
    };
}
const stageApproveCommand = stageDecision('approve');
const stageRejectCommand = stageDecision('reject');

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./lib/commands/trust.js









async function preflightTrust(client, pkg) {
    if (await (0,registry_packument/* readPackument */.l)(client, pkg))
        return;
    throw new foundation_errors/* ProductError */._$('ENOPACKAGE', `${pkg} is not on ${client.registry}, and a trusted publisher can only be added to a package that exists: publish it once with a token first, then add the trusted publisher. Nothing was sent.`, { received: pkg });
}
async function readTrust(context, pkg) {
    try {
        return await (0,command/* otpWrite */.PH)(context, `trust list ${pkg}`, 'trust', (npmHeaders) => listTrust(context.client, pkg, npmHeaders));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) === 404)
            throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
        throw error;
    }
}
async function trustCreate(context, pkg, config, dryRun, notes) {
    const what = describeTrust(config);
    for (const note of notes)
        context.logger.info(`${pkg}: ${note}`);
    if ((context.dryRun || dryRun) && context.otp.source === undefined) {
        return {
            status: 'dry-run',
            detail: `would add a trusted publisher to ${pkg}: ${what} (its current trusted publishers were not read: that read needs a one-time password, and no TOTP secret is set)`,
        };
    }
    context.logger.info(`Reading the trusted publishers of ${pkg} first, to skip one that is already there: registry.npmjs.org asks for a one-time password even for this read, so it uses a code.`);
    const existing = await readTrust(context, pkg);
    const same = existing.find((entry) => sameTrust(entry, config));
    if (same)
        return {
            status: 'unchanged',
            ...(same.id ? { id: same.id } : {}),
            detail: `${pkg} already has this trusted publisher (id ${same.id ?? 'not given'}): ${what}`,
        };
    const others = existing.length === 0 ? '' : `; it has ${existing.length} other${existing.length === 1 ? '' : 's'}: ${existing.map(describeWithId).join('; ')}`;
    if (context.dryRun || dryRun)
        return { status: 'dry-run', detail: `would add a trusted publisher to ${pkg}: ${what}${others}` };
    let created;
    try {
        created = await (0,command/* otpWrite */.PH)(context, `trust ${config.type} ${pkg}`, 'trust', (npmHeaders) => createTrust(context.client, pkg, config, npmHeaders));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) !== 409 || existing.length === 0)
            throw error;
        throw new foundation_errors/* ProductError */._$('ETRUSTCONFLICT', `The registry refused a second trusted publisher for ${pkg} (409): it has ${existing.map(describeWithId).join('; ')}. ` +
            `To replace it, revoke it first (trust revoke ${pkg} --id ${existing[0]?.id ?? '<id>'}), then run this again.`, { received: pkg, cause: error });
    }
    const id = created.find((entry) => sameTrust(entry, config))?.id ?? created[0]?.id;
    return { status: 'done', ...(id ? { id } : {}), detail: `added a trusted publisher to ${pkg} (id ${id ?? 'not given'}): ${what}` };
}
async function trustList(context, pkg) {
    const configs = await readTrust(context, pkg);
    const detail = configs.length === 0
        ? `${pkg} has no trusted publishers`
        : `${pkg} has ${configs.length} trusted publisher${configs.length === 1 ? '' : 's'}: ${configs.map(describeWithId).join('; ')}`;
    return { status: 'read', detail, data: configs };
}
async function trustRevoke(context, pkg, id, dryRun) {
    if (context.dryRun || dryRun)
        return { status: 'dry-run', id, detail: `would revoke the trusted publisher ${id} of ${pkg}` };
    try {
        await (0,command/* otpWrite */.PH)(context, `trust revoke ${pkg} --id ${id}`, 'trust', (npmHeaders) => revokeTrust(context.client, pkg, id, npmHeaders));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) !== 404)
            throw error;
        if (!(await (0,registry_packument/* readPackument */.l)(context.client, pkg)))
            throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
        return { status: 'unchanged', id, detail: `${pkg} has no trusted publisher ${id} (revoked already, or never there)` };
    }
    return { status: 'done', id, detail: `revoked the trusted publisher ${id} of ${pkg}` };
}
function sameTrust(a, b) {
    return (a.type === b.type &&
        (0,external_node_util_.isDeepStrictEqual)(trust_canonical(a.claims), trust_canonical(b.claims)) &&
        (0,external_node_util_.isDeepStrictEqual)([...(a.permissions ?? [])].sort(), [...(b.permissions ?? [])].sort()));
}
function trust_canonical(value) {
    if (Array.isArray(value))
        return value.map(trust_canonical);
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, inner]) => [key, trust_canonical(inner)]));
}
const PERMISSION_WORDS = { createPackage: 'publish', createStagedPackage: 'stage publish' };
function describeTrust(config) {
    const claims = config.claims ?? {};
    const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
    const file = (ref) => (ref && typeof ref === 'object' ? text(ref.file) : '?');
    const environment = claims.environment === undefined ? '' : `, environment ${text(claims.environment)}`;
    let who;
    if (config.type === 'github')
        who = `GitHub Actions, repository ${text(claims.repository)}, workflow ${file(claims.workflow_ref)}${environment}`;
    else if (config.type === 'gitlab')
        who = `GitLab CI/CD, project ${text(claims.project_path)}, pipeline ${file(claims.ci_config_ref_uri)}${environment}`;
    else if (config.type === 'circleci') {
        const claim = (key) => text(claims[`oidc.circleci.com/${key}`]);
        const contexts = claims['oidc.circleci.com/context-ids'];
        who = `CircleCI, ${claim('vcs-origin')}, org ${claim('org-id')}, project ${claim('project-id')}, pipeline definition ${claim('pipeline-definition-id')}${contexts === undefined ? '' : `, contexts ${contexts.join(', ')}`}`;
    }
    else
        who = `${String(config.type)} ${JSON.stringify(claims)}`;
    const allowed = (config.permissions ?? []).map((permission) => PERMISSION_WORDS[permission] ?? permission).join(', ');
    return `${who}; may ${allowed || 'do nothing'}`;
}
function describeWithId(config) {
    return `${config.id ?? '(no id)'}: ${describeTrust(config)}`;
}
const PERMISSION_FLAGS = [{ name: 'allow-publish' }, { name: 'allow-stage-publish' }, { name: 'allow-staged-publish' }];
const ENV_FLAGS = [
    { name: 'env', value: true },
    { name: 'environment', value: true },
];
const PROVIDER_FLAGS = {
    github: [{ name: 'file', value: true }, { name: 'repo', value: true }, { name: 'repository', value: true }, ...ENV_FLAGS],
    gitlab: [{ name: 'file', value: true }, { name: 'project', value: true }, ...ENV_FLAGS],
    circleci: [
        ...['org-id', 'project-id', 'pipeline-definition-id', 'vcs-origin'].map((name) => ({ name, value: true })),
        { name: 'context-id', value: true, repeat: true },
    ],
};
const USAGE = {
    github: 'trust github [<pkg>] --file <workflow.yml> [--repo <owner/repo>] [--env <name>] --allow-publish|--allow-stage-publish [--workspaces | -w <name|folder|glob>...] [--dry-run]',
    gitlab: 'trust gitlab [<pkg>] --file <.gitlab-ci.yml> [--project <group/project>] [--env <name>] --allow-publish|--allow-stage-publish [--workspaces | -w ...] [--dry-run]',
    circleci: 'trust circleci [<pkg>] --org-id <uuid> --project-id <uuid> --pipeline-definition-id <uuid> --vcs-origin <host/owner/repo> [--context-id <uuid>...] --allow-publish|--allow-stage-publish [--workspaces | -w ...] [--dry-run]',
};
function parseTrustSetup(provider, line) {
    const { flags } = line;
    (0,grammar_line.arity)(line, 0, 1, `trust ${provider} [<pkg>] ...`);
    const workspaces = (0,grammar_line.workspaceScope)(line);
    const given = line.args[0];
    if (given !== undefined) {
        if (workspaces !== undefined)
            throw line.fail(`name either <pkg> or --workspaces/-w, not both (${given} was given with ${workspaces === true ? '--workspaces' : '-w'})`);
        const problem = (0,validate/* packageNameProblem */.Te)(given);
        if (problem)
            throw line.fail(problem);
    }
    const permissions = [];
    if (flags.get('allow-publish') === true)
        permissions.push('createPackage');
    if (flags.get('allow-stage-publish') === true || flags.get('allow-staged-publish') === true)
        permissions.push('createStagedPackage');
    if (permissions.length === 0)
        throw line.fail('at least one permission flag is required (--allow-publish, --allow-stage-publish), as npm requires');
    const spec = { provider, permissions };
    const environment = (0,grammar_line.flagValue)(flags, 'env', 'environment');
    if (environment !== undefined) {
        if (environment.trim() === '')
            throw line.fail('--env needs a non-empty environment name');
        spec.environment = environment;
    }
    if (provider === 'circleci') {
        const ids = {
            orgId: (0,grammar_line.flagValue)(flags, 'org-id'),
            projectId: (0,grammar_line.flagValue)(flags, 'project-id'),
            pipelineDefinitionId: (0,grammar_line.flagValue)(flags, 'pipeline-definition-id'),
        };
        for (const [key, flag] of [
            ['orgId', 'org-id'],
            ['projectId', 'project-id'],
            ['pipelineDefinitionId', 'pipeline-definition-id'],
        ]) {
            const id = ids[key];
            if (id === undefined)
                throw line.fail(`--${flag} is required`);
            if (!grammar_line.UUID.test(id))
                throw line.fail(`--${flag} must be a valid UUID, not "${id}"`);
        }
        const vcsOrigin = (0,grammar_line.flagValue)(flags, 'vcs-origin');
        if (vcsOrigin === undefined)
            throw line.fail('--vcs-origin is required');
        if (vcsOrigin.includes('://'))
            throw line.fail(`--vcs-origin must not include a scheme: github.com/owner/repo, not ${vcsOrigin}`);
        if (vcsOrigin.split('/').length < 3)
            throw line.fail(`--vcs-origin must be provider/owner/repo (for example github.com/owner/repo), not "${vcsOrigin}"`);
        const contextIds = (0,grammar_line.flagValues)(flags, 'context-id');
        const bad = contextIds.find((id) => !grammar_line.UUID.test(id));
        if (bad !== undefined)
            throw line.fail(`--context-id must be a valid UUID, not "${bad}"`);
        spec.circleci = {
            orgId: ids.orgId,
            projectId: ids.projectId,
            pipelineDefinitionId: ids.pipelineDefinitionId,
            vcsOrigin,
            contextIds,
        };
    }
    else {
        const file = (0,grammar_line.flagValue)(flags, 'file');
        const what = provider === 'github' ? 'the GitHub Actions workflow file' : 'the GitLab CI/CD pipeline file';
        if (file === undefined)
            throw line.fail(`--file is required: ${what} name, such as ${provider === 'github' ? 'release.yml' : '.gitlab-ci.yml'}`);
        if (!/\.ya?ml$/.test(file))
            throw line.fail(`--file must end in .yml or .yaml, not "${file}"`);
        if (file.includes('/') || file.includes('\\'))
            throw line.fail(`--file must be just ${what} name, not a path: "${file.split(/[/\\]/).at(-1)}", not "${file}"`);
        spec.file = file;
        const entity = provider === 'github' ? (0,grammar_line.flagValue)(flags, 'repo', 'repository') : (0,grammar_line.flagValue)(flags, 'project');
        if (entity !== undefined) {
            if (provider === 'github' && !/^[^/\s]+\/[^/\s]+$/.test(entity))
                throw line.fail(`--repo must be owner/repository, not "${entity}"`);
            if (provider === 'gitlab' && !/^[^/\s]+(\/[^/\s]+)+$/.test(entity))
                throw line.fail(`--project must be group/project or group/subgroup/project, not "${entity}"`);
            spec.entity = entity;
        }
    }
    return {
        ...line.source,
        pkg: given,
        spec,
        dryRun: flags.get('dry-run') === true,
        workspaces,
        includeWorkspaceRoot: flags.get('include-workspace-root') === true,
    };
}
function trustSetup(provider) {
    return {
        words: ['trust', provider],
        usage: [USAGE[provider]],
        summary: `make a package trust ${provider === 'github' ? 'a GitHub Actions workflow' : provider === 'gitlab' ? 'a GitLab CI/CD pipeline' : 'a CircleCI pipeline'} (npm trusted publishing)`,
        flags: [...PROVIDER_FLAGS[provider], ...PERMISSION_FLAGS, ...grammar_line.WORKSPACE_FLAGS, { name: 'dry-run' }, { name: 'yes' }],
        reads: false,
        byOidc: false,
        auth: 'trust',
        parse: (line) => parseTrustSetup(provider, line),
        async plan(data, { options, cwd }) {
            const { planTrust } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6620));
            return {
                steps: (await planTrust(data, options, cwd)).map(({ pkg, config, flags, notes }) => ({
                    label: data.workspaces === undefined ? data.text : ['trust', provider, pkg, ...flags].join(' '),
                    reads: false,
                    pkg,
                    check: ({ client }) => preflightTrust(client, pkg),
                    run: (context) => trustCreate(context, pkg, config, data.dryRun, notes),
                })),
            };
        },
    };
}
const trustGithubCommand = trustSetup('github');
const trustGitlabCommand = trustSetup('gitlab');
const trustCircleciCommand = trustSetup('circleci');
const trustListCommand = {
    words: ['trust', 'list'],
    usage: ['trust list [<pkg>]'],
    summary: "list a package's trusted publishers",
    flags: [],
    reads: true,
    byOidc: false,
    auth: 'trust',
    parse(line) {
        (0,grammar_line.arity)(line, 0, 1, 'trust list [<pkg>]');
        return { pkg: line.pkgOrDefault(line.args[0]) };
    },
    plan: ({ pkg }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: true, pkg, run: (context) => trustList(context, pkg) }),
};
const trustRevokeCommand = {
    words: ['trust', 'revoke'],
    usage: ['trust revoke [<pkg>] --id <id> [--dry-run]'],
    summary: 'remove a trusted publisher from a package',
    flags: [{ name: 'id', value: true }, { name: 'dry-run' }],
    reads: false,
    byOidc: false,
    auth: 'trust',
    parse(line) {
        (0,grammar_line.arity)(line, 0, 1, 'trust revoke [<pkg>] --id <id>');
        const id = (0,grammar_line.flagValue)(line.flags, 'id');
        if (id === undefined)
            throw line.fail('--id is required: the id of the trusted publisher to revoke (trust list shows it)');
        if (!grammar_line.UUID.test(id))
            throw line.fail(`--id must be a trusted publisher's id, a UUID, not "${id}"`);
        return { pkg: line.pkgOrDefault(line.args[0]), id, dryRun: line.flags.get('dry-run') === true };
    },
    plan: ({ pkg, id, dryRun }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: false, pkg, run: (context) => trustRevoke(context, pkg, id, dryRun) }),
};

// EXTERNAL MODULE: ./node_modules/libnpmpublish/lib/index.js
var libnpmpublish_lib = __webpack_require__(8319);
;// CONCATENATED MODULE: ./lib/registry/unpublish.js

async function unpublishSpec(client, spec, force, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => libnpmpublish_lib.unpublish(spec, { ...options, force }));
}

;// CONCATENATED MODULE: ./lib/commands/unpublish.js






async function unpublish(context, pkg, version, force) {
    const packument = await (0,registry_packument/* readPackument */.l)(context.client, pkg, { write: true });
    const present = version === undefined ? packument !== undefined && Object.keys(packument.versions ?? {}).length > 0 : packument?.versions?.[version] !== undefined;
    const id = version === undefined ? pkg : `${pkg}@${version}`;
    if (!present)
        return { status: 'unchanged', detail: `${id} is not in the registry` };
    const versions = Object.keys(packument?.versions ?? {});
    if (version !== undefined && versions.length === 1 && !force) {
        throw new foundation_errors/* ProductError */._$('ELASTVERSION', `${id} is the only version of ${pkg}: unpublishing it removes the package and blocks republishing for 24 hours. Add --force to the line if that is what you want (npm requires it too).`, { received: id });
    }
    if (context.dryRun)
        return { status: 'dry-run', detail: `would unpublish ${id}` };
    await (0,command/* otpWrite */.PH)(context, `unpublish ${id}`, 'unpublish', (npmHeaders) => unpublishSpec(context.client, id, version === undefined, npmHeaders));
    return { status: 'done', detail: `unpublished ${id}` };
}
const unpublishCommand = {
    words: ['unpublish'],
    usage: ['unpublish <pkg>@<version>   (or unpublish <pkg> --force for every version)'],
    summary: 'remove a version (or, with --force, the whole package) from the registry',
    flags: [{ name: 'force' }],
    reads: false,
    byOidc: false,
    auth: 'package',
    parse(line) {
        (0,grammar_line.arity)(line, 1, 1, 'unpublish <pkg>@<version>');
        const text = line.args[0];
        const force = line.flags.get('force') === true;
        const parsed = (0,grammar_line.safeNpa)(text);
        if (parsed?.registry && parsed.type === 'version' && parsed.name)
            return { pkg: parsed.name, version: semver.clean(parsed.fetchSpec), force };
        if (parsed?.registry && parsed.name === text) {
            if (!force)
                throw line.fail(`unpublishing every version of ${text} needs --force, as npm requires; to remove one version write unpublish ${text}@<version>`);
            return { pkg: text, version: undefined, force: true };
        }
        throw line.fail(`"${text}" must be <pkg>@<version> with an exact version`);
    },
    plan: ({ pkg, version, force }, { source }) => (0,command/* oneStep */.V8)({ label: source.text, reads: false, pkg, run: (context) => unpublish(context, pkg, version, force) }),
};

;// CONCATENATED MODULE: ./lib/commands/index.js










const COMMANDS = [
    publish/* publishLineCommand */.D6,
    distTagAddCommand,
    distTagRmCommand,
    distTagLsCommand,
    ownerAddCommand,
    ownerRmCommand,
    ownerLsCommand,
    accessSetCommand,
    accessGetCommand,
    deprecateCommand,
    unpublishCommand,
    trustGithubCommand,
    trustGitlabCommand,
    trustCircleciCommand,
    trustListCommand,
    trustRevokeCommand,
    publish/* stagePublishCommand */.L5,
    stageListCommand,
    stageViewCommand,
    stageDownloadCommand,
    stageApproveCommand,
    stageRejectCommand,
    doctorCommand,
];
function commandFlags(commands = COMMANDS) {
    const byName = new Map();
    for (const command of commands)
        for (const flag of command.flags)
            if (!byName.has(flag.name))
                byName.set(flag.name, flag);
    return [...byName.values()];
}
function commandsNamed(words, commands = COMMANDS) {
    const positional = (0,grammar_line.splitFlags)(words, commandFlags(commands), () => new Error('')).positional;
    const one = (0,grammar_line.findCommand)(positional, commands);
    if (one)
        return [one];
    return commands.filter((command) => command.words[0] === positional[0]);
}
function commandHelp(commands) {
    return commands
        .map((command) => {
        const flags = command.flags.map((flag) => `${flag.short ? `-${flag.short}, ` : ''}--${flag.name}${flag.value ? ' <value>' : flag.inlineValue ? '[=<value>]' : ''}`);
        return `${command.usage.map((line) => `  ${line}`).join('\n')}\n      ${command.summary}${flags.length > 0 ? `\n      options: ${flags.join(', ')}` : ''}`;
    })
        .join('\n');
}


/***/ }),

/***/ 7581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D6: () => (/* binding */ publishLineCommand),
/* harmony export */   L5: () => (/* binding */ stagePublishCommand),
/* harmony export */   rf: () => (/* binding */ implicitPublish)
/* harmony export */ });
/* unused harmony exports preflightPublish, packDuringCheck, executePublish */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(403);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9670);
/* harmony import */ var _grammar_line_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(474);
/* harmony import */ var _grammar_options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3635);
/* harmony import */ var _grammar_validate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5443);
/* harmony import */ var _package_scripts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8344);
/* harmony import */ var _package_tarball_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4098);
/* harmony import */ var _plan_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3808);
/* harmony import */ var _plan_provenance_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9340);
/* harmony import */ var _registry_dist_tags_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(677);
/* harmony import */ var _registry_packument_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2919);
/* harmony import */ var _registry_stage_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5121);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5583);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(2615);
/* harmony import */ var _upload_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(136);
















const PUBLISH_FLAGS = [
    { name: 'tag', value: true },
    { name: 'access', value: true },
    { name: 'dry-run' },
    ..._grammar_line_js__WEBPACK_IMPORTED_MODULE_3__.WORKSPACE_FLAGS,
    { name: 'concurrency', value: true },
    { name: 'provenance', inlineValue: true },
];
function parsePublish(line, stage) {
    if (line.args.length > 1)
        throw line.fail(`expected: ${stage ? 'stage ' : ''}publish [<folder>|<tarball>] [options]`);
    const tag = (0,_grammar_line_js__WEBPACK_IMPORTED_MODULE_3__.flagValue)(line.flags, 'tag');
    if (tag !== undefined) {
        const problem = (0,_grammar_validate_js__WEBPACK_IMPORTED_MODULE_5__/* .tagProblem */ .qH)(tag);
        if (problem)
            throw line.fail(problem);
    }
    const access = (0,_grammar_line_js__WEBPACK_IMPORTED_MODULE_3__.flagValue)(line.flags, 'access');
    if (access !== undefined && access !== 'public' && access !== 'restricted')
        throw line.fail(`--access must be public or restricted, not "${access}"`);
    const given = {
        workspaces: (0,_grammar_line_js__WEBPACK_IMPORTED_MODULE_3__.workspaceScope)(line),
        includeWorkspaceRoot: line.flags.get('include-workspace-root') === true ? true : undefined,
        concurrency: (0,_grammar_line_js__WEBPACK_IMPORTED_MODULE_3__.countFlag)(line, 'concurrency', _grammar_options_js__WEBPACK_IMPORTED_MODULE_4__.MAX_CONCURRENCY),
        otpUses: stage ? undefined : (0,_grammar_line_js__WEBPACK_IMPORTED_MODULE_3__.countFlag)(line, 'otp-uses', _grammar_options_js__WEBPACK_IMPORTED_MODULE_4__.MAX_OTP_USES, true),
        provenance: (0,_grammar_line_js__WEBPACK_IMPORTED_MODULE_3__.provenanceFlag)(line),
    };
    return {
        ...line.source,
        target: line.args[0],
        ...(line.args[0] === undefined ? {} : { targetInput: line.input }),
        tag,
        access,
        dryRun: line.flags.get('dry-run') === true,
        ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
        ...(stage ? { stage: true } : {}),
    };
}
function implicitPublish() {
    return { line: 0, text: 'publish', target: undefined, tag: undefined, access: undefined, dryRun: false };
}
async function planPublishLine(command, env) {
    const { options, cwd } = env;
    if ((command.workspaces ?? options.workspaces) !== undefined) {
        const { planWorkspacePublish } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1301));
        return workspaceLine(await planWorkspacePublish(command, options, cwd, env.env), options.names.workspaces);
    }
    const { planPublish } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1118));
    const plan = await planPublish(command, options, cwd, env.env);
    return { steps: [publishStep(plan)], warnings: (plan.warnings ?? []).map((warning) => `${plan.name}: ${warning}`) };
}
function publishCommand(stage) {
    return {
        words: stage ? ['stage', 'publish'] : ['publish'],
        usage: [
            stage
                ? 'stage publish [<folder>|<tarball>] [--tag <tag>] [--access public|restricted] [--dry-run] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--concurrency <n>] [--provenance[=true|false|auto]]'
                : 'publish [<folder>|<tarball>] [--tag <tag>] [--access public|restricted] [--dry-run] [--workspaces | -w <name|folder|glob>...] [--include-workspace-root] [--concurrency <n>] [--otp-uses auto|<n>] [--provenance[=true|false|auto]]',
        ],
        summary: stage
            ? "upload a version to the registry's staging area, for a person with 2FA to approve (no code sent)"
            : 'publish a package folder or tarball (or every workspace package)',
        flags: stage ? PUBLISH_FLAGS : [...PUBLISH_FLAGS, { name: 'otp-uses', value: true }],
        reads: false,
        byOidc: true,
        auth: stage ? 'stage' : 'publish',
        parse: (line) => parsePublish(line, stage),
        plan: planPublishLine,
    };
}
const publishLineCommand = publishCommand(false);
const stagePublishCommand = publishCommand(true);
function publishStep(plan, read) {
    const id = `${plan.name}@${plan.version}`;
    let packument;
    let packing;
    return {
        label: `${plan.command.stage ? 'stage publish' : 'publish'} ${id}`,
        name: plan.name,
        pkg: plan.name,
        reads: false,
        reconciles: true,
        version: { name: plan.name, version: plan.version, tag: plan.tag },
        ...(read
            ? {}
            : {
                check: async ({ client, alone }) => {
                    if (alone)
                        packing = packDuringCheck(plan);
                    packument = await preflightPublish(client, plan);
                    await (0,_plan_provenance_js__WEBPACK_IMPORTED_MODULE_9__/* .checkProvenanceVisibility */ .k)(client, plan, packument);
                },
            }),
        run: async (context, env) => {
            const known = read ? read() : packument;
            const current = env.fresh ? known : await (0,_registry_packument_js__WEBPACK_IMPORTED_MODULE_11__/* .readPackument */ .l)(context.client, plan.name, { write: true });
            const taken = packing;
            packing = undefined;
            return executePublish(context, plan, current, env, taken);
        },
    };
}
async function preflightPublish(client, plan) {
    const id = `${plan.name}@${plan.version}`;
    if (plan.source.kind === 'folder')
        (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .loadPacker */ .jG)().catch(() => undefined);
    const packument = await (0,_registry_packument_js__WEBPACK_IMPORTED_MODULE_11__/* .readPackument */ .l)(client, plan.name, { write: true }).catch((error) => {
        throw new _plan_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .RegistryReadError */ .O(id, client.registry, (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReason */ .Gk)(error), error);
    });
    const present = packument?.versions?.[plan.version] !== undefined;
    if (!present && plan.tagImplicit && plan.tag === 'latest') {
        const releases = Object.entries(packument?.versions ?? {})
            .filter(([v, meta]) => semver__WEBPACK_IMPORTED_MODULE_0__.valid(v) !== null && semver__WEBPACK_IMPORTED_MODULE_0__.prerelease(v) === null && !meta.deprecated)
            .map(([v]) => v);
        const highest = semver__WEBPACK_IMPORTED_MODULE_0__.maxSatisfying(releases, '*');
        if (highest !== null && semver__WEBPACK_IMPORTED_MODULE_0__.gte(highest, plan.version)) {
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(plan.tagInput, `${plan.tagInput}: ${id} is lower than the highest published version, ${highest}, so it cannot take the "latest" tag by default (npm refuses it too). Give an explicit tag for this line, for example latest-1 or v${semver__WEBPACK_IMPORTED_MODULE_0__.major(plan.version)}-lts.`, { received: plan.version });
        }
    }
    return packument;
}
function packDuringCheck(plan) {
    if (plan.source.kind !== 'folder' || plan.scripts.some((event) => event === 'prepublishOnly' || event === 'prepack' || event === 'prepare'))
        return undefined;
    const packing = (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .readAndPack */ .DW)(plan.source, plan);
    packing.catch(() => undefined);
    return packing;
}
async function executePublish(context, plan, packument, env, packing) {
    const id = `${plan.name}@${plan.version}`;
    const present = packument?.versions?.[plan.version] !== undefined;
    const script = (event) => plan.source.kind === 'folder' && plan.scripts.includes(event)
        ? (0,_package_scripts_js__WEBPACK_IMPORTED_MODULE_6__/* .runScript */ .j3)({ dir: plan.source.dir, manifest: plan.source.manifest, event, env: env.scriptEnv, logger: context.logger })
        : Promise.resolve();
    let tarball;
    if (plan.source.kind === 'folder') {
        let read;
        if (packing !== undefined) {
            read = packing;
        }
        else {
            if (!present)
                await script('prepublishOnly');
            await script('prepack');
            await script('prepare');
            read = (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .readAndPack */ .DW)(plan.source, plan);
        }
        const { manifest, packed } = await read;
        context.logger.info(`Packed ${id}: ${packed.files.length} file${packed.files.length === 1 ? '' : 's'}, ${packed.data.length} bytes (${packed.integrity.slice(0, 20)}…).`);
        await script('postpack');
        tarball = { data: packed.data, integrity: packed.integrity, manifest };
    }
    else {
        tarball = { data: plan.source.data, integrity: plan.source.integrity, manifest: plan.source.manifest };
    }
    const state = present ? await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .compare */ .UD)(context.client, packument, plan.version, tarball) : 'absent';
    if (state === 'different')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_14__/* .PublishConflictError */ .sZ(id);
    const scriptsAfter = async () => {
        await script('publish');
        await script('postpublish');
    };
    if (plan.command.stage)
        return stageTarball(context, plan, tarball, state === 'identical', env, scriptsAfter);
    if (state === 'identical')
        return ensureTag(context, plan, packument);
    if (plan.dryRun) {
        context.logger.info(`Dry run: would publish ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
        return { status: 'dry-run', detail: `dry run: ${id} would be published with tag ${plan.tag}${(0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .dryRunProvenance */ .S)(plan)}` };
    }
    context.logger.info(`Publishing ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
    const destination = (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .published */ .H3)(plan);
    const trusted = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .uploader */ .xp)(env, id, plan.name, destination.npmCommand);
    const provenance = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .provenanceFor */ .x6)(context, plan, tarball, trusted, env.sigstore);
    const receipt = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .uploadAndReconcile */ .Jx)(context, plan, tarball, destination, trusted, provenance);
    if (receipt.outcome === 'unchanged')
        return { status: 'unchanged', detail: `${id} was already published with identical contents` };
    const after = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .afterUpload */ .MN)(id, 'published', scriptsAfter);
    return {
        status: 'done',
        published: true,
        detail: `published ${id} (${tarball.integrity.slice(0, 20)}…) with tag ${plan.tag}${trusted ? ' by trusted publishing' : ''}${provenance ? `, with provenance${receipt.transparencyLogUrl ? ` (transparency log: ${receipt.transparencyLogUrl})` : ''}` : ''}${receipt.outcome === 'confirmed' ? ', confirmed by reading the registry back' : ''}${after.detail}`,
        ...(receipt.transparencyLogUrl ? { transparencyLogUrl: receipt.transparencyLogUrl } : {}),
        ...(after.failure === undefined ? {} : { failure: after.failure }),
    };
}
function stagedConflict(id, entry, shasum) {
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProductError */ ._$('ESTAGECONFLICT', `${id} is already staged (id ${entry.id}) with other contents: staged shasum ${entry.shasum}, this checkout packs to ${shasum}. ` +
        `A staged version cannot be replaced: reject it (stage reject ${entry.id}) and stage again, or bump the version.`, { received: id });
}
async function stageTarball(context, plan, tarball, published, env, scriptsAfter) {
    const id = `${plan.name}@${plan.version}`;
    if (published) {
        context.logger.info(`${id} is already published with identical contents: nothing to stage.`);
        return { status: 'unchanged', detail: `${id} was already published with identical contents: nothing to stage` };
    }
    const shasum = (0,_package_tarball_js__WEBPACK_IMPORTED_MODULE_7__/* .shasumOf */ .lm)(tarball.data);
    if (plan.dryRun) {
        const before = await (0,_registry_stage_js__WEBPACK_IMPORTED_MODULE_12__/* .listStaged */ .td)(context.client, plan.name).catch(() => undefined);
        const found = before?.find((entry) => entry.version === plan.version);
        if (found && found.shasum !== shasum)
            throw stagedConflict(id, found, shasum);
        if (found)
            return { status: 'unchanged', stageId: found.id, detail: `${id} was already staged with the same tarball (id ${found.id})` };
        return {
            status: 'dry-run',
            detail: `dry run: ${id} would be staged with tag ${plan.tag}${before ? '' : ' (the staging area could not be read)'}${(0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .dryRunProvenance */ .S)(plan)}`,
        };
    }
    const trusted = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .uploader */ .xp)(env, id, plan.name, (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .staged */ .f6)(plan).npmCommand);
    const before = (await (0,_registry_stage_js__WEBPACK_IMPORTED_MODULE_12__/* .listStaged */ .td)(trusted?.client ?? context.client, plan.name)).find((entry) => entry.version === plan.version);
    if (before && before.shasum !== shasum)
        throw stagedConflict(id, before, shasum);
    if (before) {
        context.logger.info(`${id} is already staged with the same tarball (id ${before.id}): nothing to stage.`);
        return { status: 'unchanged', stageId: before.id, detail: `${id} was already staged with the same tarball (id ${before.id})` };
    }
    context.logger.info(`Staging ${id} with tag "${plan.tag}" on ${context.client.registry}${trusted ? ' by trusted publishing' : ''}; no one-time password is sent (approving it asks for one).`);
    const provenance = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .provenanceFor */ .x6)(context, plan, tarball, trusted, env.sigstore);
    const receipt = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .uploadAndReconcile */ .Jx)(context, plan, tarball, (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .staged */ .f6)(plan), trusted, provenance);
    const stageId = receipt.stageId ?? '(no id given)';
    if (receipt.outcome === 'unchanged')
        return { status: 'unchanged', stageId, detail: `${id} was already staged with the same tarball (id ${stageId})` };
    const after = await (0,_upload_js__WEBPACK_IMPORTED_MODULE_15__/* .afterUpload */ .MN)(id, 'staged', scriptsAfter);
    const signed = provenance ? `, with provenance${receipt.transparencyLogUrl ? ` (transparency log: ${receipt.transparencyLogUrl})` : ''}` : '';
    return {
        status: 'staged',
        stageId,
        detail: `staged ${id} (shasum ${shasum}) with tag ${plan.tag} as ${stageId}${trusted ? ' by trusted publishing' : ''}${signed}; stage approve ${stageId} publishes it${after.detail}`,
        ...(receipt.transparencyLogUrl ? { transparencyLogUrl: receipt.transparencyLogUrl } : {}),
        ...(after.failure === undefined ? {} : { failure: after.failure }),
    };
}
async function ensureTag(context, plan, packument) {
    const id = `${plan.name}@${plan.version}`;
    const current = packument['dist-tags']?.[plan.tag];
    if (plan.tagImplicit || current === plan.version) {
        context.logger.info(`${id} is already in the registry with identical contents: nothing to publish.`);
        return { status: 'unchanged', detail: `${id} was already published with identical contents` };
    }
    const was = current === undefined ? '' : ` (was ${current})`;
    if (plan.dryRun)
        return { status: 'dry-run', detail: `dry run: ${id} is already published; ${plan.tag} would point at it${was}` };
    context.logger.info(`${id} is already in the registry with identical contents, but not under "${plan.tag}": setting the tag.`);
    await (0,_command_js__WEBPACK_IMPORTED_MODULE_13__/* .otpWrite */ .PH)(context, `dist-tag add ${id} ${plan.tag}`, 'dist-tag', (npmHeaders) => (0,_registry_dist_tags_js__WEBPACK_IMPORTED_MODULE_10__/* .setDistTag */ .r)(context.client, plan.name, plan.tag, plan.version, npmHeaders));
    return { status: 'tagged', detail: `${id} was already published with identical contents; ${plan.tag} now points at it${was}` };
}
const READ_CONCURRENCY = 16;
function workspaceLine(plan, input) {
    const members = plan.members.filter((member) => member.plan !== undefined);
    const packuments = new Map();
    const publishable = members.length;
    return {
        steps: members.map((member) => ({
            ...publishStep(member.plan, () => packuments.get(member.name)),
            waitsFor: plan.waitsFor.get(member.name) ?? [],
        })),
        concurrency: plan.concurrency,
        isolated: true,
        otpUses: { uses: plan.otpUses, why: plan.otpUsesWhy },
        warnings: plan.warnings,
        intro: `Publishing ${publishable} of ${plan.members.length} workspace package${plan.members.length === 1 ? '' : 's'} of ${plan.root} (${plan.manager}), ${plan.concurrency} at a time, ${plan.otpUsesWhy}.`,
        listed: plan.members
            .filter((member) => !member.plan)
            .map((member) => ({
            name: member.name,
            version: member.version,
            tag: '',
            outcome: member.listed?.outcome ?? 'private',
            detail: member.listed?.detail ?? 'private: not published',
        })),
        failure: (packages, failedAfter) => new WorkspacesFailedError(packages, failedAfter),
        check: async ({ client }) => {
            const reads = [
                ...members.map((member) => async () => {
                    const memberPlan = member.plan;
                    packuments.set(member.name, await preflightPublish(client, memberPlan));
                    await (0,_plan_provenance_js__WEBPACK_IMPORTED_MODULE_9__/* .checkProvenanceVisibility */ .k)(client, memberPlan, packuments.get(member.name));
                }),
                ...plan.outside.map((outside) => async () => {
                    const packument = await (0,_registry_packument_js__WEBPACK_IMPORTED_MODULE_11__/* .readPackument */ .l)(client, outside.name, { write: true });
                    if (packument?.versions?.[outside.version])
                        return;
                    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `${input}: ${outside.neededBy.join(', ')} ${outside.neededBy.length === 1 ? 'depends' : 'depend'} on the workspace package ${outside.name}@${outside.version}, which is outside the packages to publish and not in ${client.registry}. Add ${outside.name} to ${input}, or publish it first.`, { received: outside.name });
                }),
            ];
            const outcomes = new Array(reads.length);
            let next = 0;
            const work = async () => {
                for (let index = next++; index < reads.length; index = next++) {
                    outcomes[index] = await reads[index]().then(() => ({ status: 'fulfilled', value: undefined }), (reason) => ({ status: 'rejected', reason }));
                }
            };
            await Promise.all(Array.from({ length: Math.min(Math.max(READ_CONCURRENCY, plan.concurrency), reads.length) }, work));
            const failed = outcomes.find((outcome) => outcome.status === 'rejected');
            if (failed)
                throw failed.reason;
        },
    };
}
class WorkspacesFailedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProductError */ ._$ {
    constructor(packages, failedAfter = []) {
        const ids = (outcome) => packages.filter((entry) => (Array.isArray(outcome) ? outcome : [outcome]).includes(entry.outcome)).map((entry) => `${entry.name}@${entry.version}`);
        const failed = packages.filter((entry) => entry.outcome === 'failed');
        const list = (names) => (names.length === 0 ? 'none' : names.join(', '));
        const what = [
            ...(failed.length === 0
                ? []
                : [
                    `${failed.length} workspace package${failed.length === 1 ? '' : 's'} failed: ${failed.map((entry) => `${entry.name}@${entry.version} (${entry.detail})`).join('; ')}`,
                ]),
            ...failedAfter.map((error) => (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error).replace(/\.$/, '')),
        ];
        super('EWORKSPACES', `${what.join('; ')}. ` +
            `In the registry now: published by this run: ${list(ids('published'))}; already there: ${list(ids(['unchanged', 'tagged']))}. ` +
            `Not in the registry: ${list(ids(['failed', 'not-run']))}. Running the same step again publishes only what is missing.`, { received: failed.map((entry) => entry.name) });
    }
}


/***/ }),

/***/ 136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MN: () => (/* binding */ afterUpload),
  UD: () => (/* binding */ compare),
  OY: () => (/* binding */ describeEntry),
  S: () => (/* binding */ dryRunProvenance),
  jG: () => (/* binding */ loadPacker),
  x6: () => (/* binding */ provenanceFor),
  H3: () => (/* binding */ published),
  DW: () => (/* binding */ readAndPack),
  f6: () => (/* binding */ staged),
  Jx: () => (/* binding */ uploadAndReconcile),
  xp: () => (/* binding */ uploader)
});

// EXTERNAL MODULE: ./lib/foundation/describe-error.js
var describe_error = __webpack_require__(403);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/foundation/http-errors.js
var http_errors = __webpack_require__(3505);
// EXTERNAL MODULE: ./lib/otp/with-otp.js
var with_otp = __webpack_require__(7201);
// EXTERNAL MODULE: ./node_modules/@npmcli/package-json/lib/index.js
var lib = __webpack_require__(2700);
;// CONCATENATED MODULE: ./lib/package/prepared-manifest.js

async function readPublishManifest(dir, manifestText) {
    if (manifestText === undefined) {
        const pkg = await lib.fix(dir, { changes: [] });
        return (await pkg.prepare()).content;
    }
    const pkg = new lib().create(dir).fromJSON(manifestText);
    await pkg.fix({ changes: [] });
    return (await pkg.prepare()).content;
}

// EXTERNAL MODULE: ./lib/package/scripts.js
var scripts = __webpack_require__(8344);
// EXTERNAL MODULE: ./lib/package/tarball.js
var package_tarball = __webpack_require__(4098);
// EXTERNAL MODULE: ./lib/registry/packument.js
var registry_packument = __webpack_require__(2919);
// EXTERNAL MODULE: ./lib/registry/publish.js
var publish = __webpack_require__(4512);
// EXTERNAL MODULE: ./lib/registry/stage.js
var stage = __webpack_require__(5121);
// EXTERNAL MODULE: ./lib/commands/errors.js
var commands_errors = __webpack_require__(2615);
;// CONCATENATED MODULE: ./lib/commands/upload.js











let packer;
const loadPacker = () => (packer ??= Promise.all(/* import() */[__webpack_require__.e(781), __webpack_require__.e(389)]).then(__webpack_require__.bind(__webpack_require__, 7389)));
async function readAndPack(source, expected) {
    const id = `${expected.name}@${expected.version}`;
    const manifest = await readPublishManifest(source.dir, source.manifestText);
    if (manifest.name !== expected.name || manifest.version !== expected.version) {
        throw new errors/* ProductError */._$('EPACK', `The package scripts changed ${source.dir}/package.json from ${id} to ${String(manifest.name)}@${String(manifest.version)}; nothing was published. Set the name and version before the run instead.`, { received: id });
    }
    const { packDirectory, sourcePackOptions } = await loadPacker();
    return { manifest, packed: await packDirectory(source.dir, sourcePackOptions(source)) };
}
class NoTokenError extends errors/* ProductError */._$ {
    constructor(id) {
        super('ENEEDAUTH', `${id} cannot be uploaded: the run has no token, and trusted publishing (OIDC) is not available for it (the reason is in the log above). ` +
            "Configure this repository and workflow as the package's trusted publisher on npmjs.com, or give the run a token. Nothing was sent.", { received: id });
    }
}
const MAX_UPLOAD_RETRIES = 2;
async function uploadAndReconcile(context, plan, tarball, destination, trusted, provenance) {
    const id = `${plan.name}@${plan.version}`;
    const client = trusted?.client ?? context.client;
    const otp = trusted || !destination.otp ? { ...context.otp, source: undefined } : context.otp;
    const { logger } = context;
    for (let uploads = 1;; uploads += 1) {
        try {
            const answer = await destination.send(client, tarball, provenance, otp, context);
            if (answer.transparencyLogUrl)
                logger.info(`Provenance statement for ${id} published to the transparency log: ${answer.transparencyLogUrl}`);
            if (uploads > 1)
                logger.info(`${id}: ${destination.verb} succeeded on attempt ${uploads}.`);
            return { outcome: 'sent', transparencyLogUrl: answer.transparencyLogUrl, ...(answer.stageId === undefined ? {} : { stageId: answer.stageId }) };
        }
        catch (error) {
            if (error instanceof errors/* ProductError */._$)
                throw error;
            const kind = (0,http_errors/* failureKind */.zU)(error);
            const status = (0,http_errors/* statusOf */.c2)(error);
            const alreadyThere = status === 403 || status === 409;
            if (kind === 'unsent')
                throw new commands_errors/* PublishFailedError */.BG(destination.verb, id, failureReason(error), error, 'not-sent');
            if (kind === 'refused' && !alreadyThere)
                throw new commands_errors/* PublishFailedError */.BG(destination.verb, id, failureReason(error), error, 'refused');
            logger.warning(`The ${destination.verb} of ${id} ended without a clear answer (${(0,describe_error/* describeReason */.Gk)(error)}); reading the registry back before anything else.`);
            const after = await destination.readBack(context.client, tarball).catch((readError) => {
                throw new commands_errors/* PublishUnconfirmedError */.E8(destination.verb, id, (0,describe_error/* describeReason */.Gk)(error), (0,describe_error/* describeReason */.Gk)(readError), error);
            });
            if (after.state === 'identical' && uploads === 1 && alreadyThere) {
                logger.info(`${id} was already there with identical contents (the registry refused it again): nothing was uploaded by this run.`);
                return { outcome: 'unchanged', ...(after.stageId === undefined ? {} : { stageId: after.stageId }) };
            }
            if (after.state === 'identical') {
                logger.info(`${id} is there with our contents: the ${destination.verb} did succeed.`);
                return { outcome: 'confirmed', ...(after.stageId === undefined ? {} : { stageId: after.stageId }) };
            }
            if (after.state === 'different')
                throw new commands_errors/* PublishConflictError */.sZ(id, destination.verb === 'stage publish' ? 'staged' : 'published');
            if (!destination.resend || uploads > MAX_UPLOAD_RETRIES || !(0,http_errors/* isTransient */.dg)(error))
                throw new commands_errors/* PublishFailedError */.BG(destination.verb, id, (0,describe_error/* describeReason */.Gk)(error), error, 'absent', uploads);
            const backoffMs = 1000 * 2 ** (uploads - 1);
            logger.info(`${id} is not ${destination.verb === 'publish' ? 'in the registry' : 'staged'}; retrying the ${destination.verb} in ${backoffMs / 1000} s (retry ${uploads}/${MAX_UPLOAD_RETRIES}).`);
            await context.otp.clock.sleep(backoffMs);
            context.tally.waitedMs += backoffMs;
        }
    }
}
function failureReason(error) {
    if (!(0,http_errors/* isSigstoreFailure */.p3)(error))
        return (0,describe_error/* describeReason */.Gk)(error);
    const { cause } = error;
    return `signing the provenance statement failed (${(0,describe_error/* describeReason */.Gk)(error)}${cause === undefined ? '' : `: ${(0,describe_error/* describeReason */.Gk)(cause)}`})`;
}
function throughOtp(otp, context, destination, plan, tarball, trusted, write) {
    return (0,with_otp/* withOtp */.a)(otp, {
        label: `${destination.verb} ${plan.name}@${plan.version}`,
        bodyBytes: (0,publish/* uploadBytes */.D)(tarball.data.length),
        npmCommand: destination.npmCommand,
        trusted,
        send: (code) => {
            context.writes += 1;
            return write(code);
        },
    }, context.tally);
}
function published(plan) {
    return {
        verb: 'publish',
        npmCommand: 'publish',
        otp: true,
        resend: true,
        send(client, tarball, provenance, otp, context) {
            return throughOtp(otp, context, this, plan, tarball, client !== context.client, (code) => (0,publish/* uploadVersion */.Ed)(client, tarball.manifest, tarball.data, { tag: plan.tag, access: plan.access, provenance }, { otp: code, session: context.session, command: 'publish' }));
        },
        readBack: async (client, tarball) => {
            const packument = await (0,registry_packument/* readPackument */.l)(client, plan.name, { write: true });
            return { state: packument?.versions?.[plan.version] ? await compare(client, packument, plan.version, tarball) : 'absent' };
        },
    };
}
function staged(plan) {
    return {
        verb: 'stage publish',
        npmCommand: 'stage',
        otp: false,
        resend: false,
        send(client, tarball, provenance, otp, context) {
            return throughOtp(otp, context, this, plan, tarball, client !== context.client, (code) => (0,stage/* stageVersion */.pL)(client, tarball.manifest, tarball.data, { tag: plan.tag, access: plan.access, provenance }, { otp: code, session: context.session, command: 'stage' }));
        },
        readBack: async (client, tarball) => {
            const found = (await (0,stage/* listStaged */.td)(client, plan.name)).find((entry) => entry.version === plan.version);
            if (!found)
                return { state: 'absent' };
            return found.shasum === (0,package_tarball/* shasumOf */.lm)(tarball.data) ? { state: 'identical', stageId: found.id } : { state: 'different' };
        },
    };
}
async function compare(client, packument, version, tarball) {
    const document = packument.versions?.[version];
    if (document?.dist?.integrity === tarball.integrity)
        return 'identical';
    const url = document?.dist?.tarball;
    if (!url)
        return 'different';
    return (await (0,package_tarball/* sameContents */.P1)(await client.getBuffer(url), tarball.data)) ? 'identical' : 'different';
}
async function uploader(env, id, name, npmCommand) {
    const trusted = env.trustedPublishing ? await env.trustedPublishing(name, npmCommand) : undefined;
    if (!trusted && !env.hasToken)
        throw new NoTokenError(id);
    return trusted;
}
async function provenanceFor(context, plan, tarball, trusted, sigstore) {
    const id = `${plan.name}@${plan.version}`;
    const mode = plan.provenance?.mode ?? 'off';
    if (mode === 'on') {
        context.logger.info(`Provenance: signing a statement for ${id} with this job's OIDC identity (${plan.provenance?.from}).`);
        return sigstore ?? {};
    }
    if (mode === 'off' || trusted === undefined)
        return undefined;
    const decided = plan.access === 'restricted' ? { on: false, reason: 'restricted access' } : await trusted.provenanceByDefault(tarball.manifest);
    const toRequire = `Set ${plan.provenance?.from ?? 'provenance'} to true to require it.`;
    if (decided.on)
        context.logger.info(`Provenance: on for ${id}, as npm turns it on for a trusted publish (${decided.reason}).`);
    else if (decided.warning)
        context.logger.warning(`Provenance: off for ${id}: ${decided.reason}. ${toRequire}`);
    else
        context.logger.info(`Provenance: off for ${id} (${decided.reason}); npm would not sign one either. ${toRequire}`);
    return decided.on ? (sigstore ?? {}) : undefined;
}
function dryRunProvenance(plan) {
    return plan.provenance?.problem ? `; ${plan.provenance.problem}` : plan.provenance?.mode === 'on' ? ', with provenance' : '';
}
async function afterUpload(id, done, run) {
    try {
        await run();
        return { detail: '' };
    }
    catch (error) {
        const what = error instanceof scripts/* ScriptFailedError */.X0
            ? `its ${error.event} script failed (${error.ending})`
            : `its after-${done === 'published' ? 'publish' : 'stage'} scripts failed (${(0,describe_error/* describeError */.Uc)(error)})`;
        return {
            detail: `; then ${what}`,
            failure: new errors/* ProductError */._$('ESCRIPT', `${id} is ${done}, but ${what} afterwards; its output is above. The version stays ${done}: do by hand what the script should have done.`, { received: id, cause: error }),
        };
    }
}
function describeEntry(entry) {
    const by = entry.actor ? `, staged by ${entry.actor}${entry.actorType ? ` (${entry.actorType})` : ''}` : '';
    return `${entry.packageName}@${entry.version} (id ${entry.id}, tag ${entry.tag}, ${entry.status ?? 'staged'}, shasum ${entry.shasum}${by}${entry.createdAt ? ` at ${entry.createdAt}` : ''})`;
}


/***/ }),

/***/ 2018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ codeUnitOrder)
/* harmony export */ });
function codeUnitOrder(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 474:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UUID: () => (/* binding */ UUID),
  WORKSPACE_FLAGS: () => (/* binding */ WORKSPACE_FLAGS),
  arity: () => (/* binding */ arity),
  blockWordsProblem: () => (/* binding */ blockWordsProblem),
  checkWords: () => (/* binding */ checkWords),
  countFlag: () => (/* binding */ countFlag),
  findCommand: () => (/* binding */ findCommand),
  flagValue: () => (/* binding */ flagValue),
  flagValues: () => (/* binding */ flagValues),
  parseBlock: () => (/* binding */ parseBlock),
  parseWords: () => (/* binding */ parseWords),
  provenanceFlag: () => (/* binding */ provenanceFlag),
  rangeSpec: () => (/* binding */ rangeSpec),
  safeNpa: () => (/* binding */ safeNpa),
  splitFlags: () => (/* binding */ splitFlags),
  versionSpec: () => (/* binding */ versionSpec),
  workspaceScope: () => (/* binding */ workspaceScope)
});

// EXTERNAL MODULE: ./node_modules/npm-package-arg/lib/npa.js
var npa = __webpack_require__(8056);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
;// CONCATENATED MODULE: ./lib/grammar/tokenize.js
function tokenize(line) {
    const words = [];
    let word = '';
    let inWord = false;
    for (let i = 0; i < line.length; i += 1) {
        const char = line[i];
        if (char === "'") {
            const end = line.indexOf("'", i + 1);
            if (end === -1)
                return { words, error: 'a single quote is not closed' };
            word += line.slice(i + 1, end);
            inWord = true;
            i = end;
        }
        else if (char === '"') {
            let j = i + 1;
            for (; j < line.length && line[j] !== '"'; j += 1) {
                const next = line[j + 1];
                if (line[j] === '\\' && next !== undefined && '"\\$`'.includes(next)) {
                    word += next;
                    j += 1;
                }
                else {
                    word += line[j];
                }
            }
            if (j >= line.length)
                return { words, error: 'a double quote is not closed' };
            inWord = true;
            i = j;
        }
        else if (char === '\\') {
            if (i + 1 >= line.length)
                return { words, error: 'the line ends with a lone backslash' };
            word += line[i + 1];
            inWord = true;
            i += 1;
        }
        else if (/\s/.test(char)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else if (char === '#' && !inWord) {
            break;
        }
        else {
            word += char;
            inWord = true;
        }
    }
    if (inWord)
        words.push(word);
    return { words };
}

// EXTERNAL MODULE: ./lib/grammar/validate.js
var validate = __webpack_require__(5443);
;// CONCATENATED MODULE: ./lib/grammar/line.js





function parseBlock(block, commands, context) {
    const lines = [];
    block.split(/\r?\n/).forEach((text, index) => {
        const line = index + 1;
        const { words, error } = tokenize(text);
        if (error)
            throw lineError(context, line, text.trim(), error);
        if (words.length > 0)
            lines.push(parseWords(words, { line, text: text.trim() }, commands, context));
    });
    if (lines.length === 0)
        throw new errors/* InputError */.dz(context.inputName, `${context.inputName}: the block holds no command (only blank lines or comments).`);
    return lines;
}
function blockWordsProblem(block, commands, context) {
    for (const [index, text] of block.split(/\r?\n/).entries()) {
        const { words, error } = tokenize(text);
        if (error || words.length === 0)
            continue;
        try {
            checkWords(words, commands, (problem) => lineError(context, index + 1, text.trim(), problem));
        }
        catch (refusal) {
            return refusal;
        }
    }
    return undefined;
}
function parseWords(words, source, commands, context) {
    const fail = (problem) => lineError(context, source.line, source.text, problem);
    const { command, positional, flags } = checkWords(words, commands, fail);
    const line = {
        source,
        args: positional.slice(command.words.length),
        flags,
        words,
        fail,
        input: source.line > 0 ? `${context.inputName} line ${source.line} (${source.text})` : command.words.join(' '),
        pkgOrDefault: (given) => {
            if (given !== undefined) {
                const problem = (0,validate/* packageNameProblem */.Te)(given);
                if (problem)
                    throw fail(problem);
                return given;
            }
            if ('name' in context.defaultPackage)
                return context.defaultPackage.name;
            throw fail(`no <pkg> given, and the package setting names no readable package (${context.defaultPackage.problem})`);
        },
    };
    return { command, data: command.parse(line), source };
}
function checkWords(words, commands, fail) {
    const { positional, flags } = splitFlags(words, commands.flatMap((command) => command.flags), fail);
    const command = findCommand(positional, commands);
    if (!command)
        throw fail(unknownCommand(positional, commands));
    const known = new Map(command.flags.map((flag) => [flag.name, flag]));
    for (const name of flags.keys()) {
        if (!known.has(name)) {
            const options = command.flags.map((flag) => `--${flag.name}`);
            throw fail(`--${name} is not an option of ${command.words.join(' ')}${options.length > 0 ? ` (options: ${options.join(', ')})` : ''}`);
        }
    }
    for (const flag of command.flags) {
        const value = flags.get(flag.name);
        if (value === undefined)
            continue;
        if (flag.value && value === true)
            throw fail(`--${flag.name} needs a value`);
        if (!flag.value && !flag.inlineValue && value !== true)
            throw fail(`--${flag.name} takes no value`);
        if (Array.isArray(value) && !flag.repeat)
            flags.set(flag.name, value.at(-1));
    }
    return { command, positional, flags };
}
function findCommand(positional, commands) {
    let found;
    for (const command of commands) {
        if (command.words.every((word, index) => positional[index] === word) && command.words.length > (found?.words.length ?? 0))
            found = command;
    }
    return found;
}
function unknownCommand(positional, commands) {
    const [first, second] = positional;
    const family = commands.filter((command) => command.words[0] === first);
    if (first !== undefined && family.length > 0) {
        const subs = [...new Set(family.map((command) => command.words[1]).filter((word) => word !== undefined))];
        return `${first} takes ${subs.length === 1 ? subs[0] : `${subs.slice(0, -1).join(', ')} or ${subs.at(-1)}`}, not "${second ?? ''}"`;
    }
    return `unknown command "${first ?? ''}". Known commands:\n  ${commands.flatMap((command) => command.usage).join('\n  ')}`;
}
function lineError(context, line, text, problem) {
    const where = line > 0 ? `${context.inputName} line ${line}` : context.inputName;
    return new errors/* InputError */.dz(context.inputName, `${where} (${text}): ${problem}.`, { received: text });
}
function splitFlags(words, specs, fail) {
    const valued = new Set(specs.filter((spec) => spec.value).map((spec) => spec.name));
    const shorts = new Map(specs.filter((spec) => spec.short).map((spec) => [`-${spec.short}`, spec.name]));
    const positional = [];
    const flags = new Map();
    for (let i = 0; i < words.length; i += 1) {
        const word = words[i];
        const short = shorts.get(word);
        const match = short !== undefined ? [word, short, undefined] : /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(word);
        if (!match) {
            positional.push(word);
            continue;
        }
        const name = match[1];
        let value;
        if (match[2] !== undefined)
            value = match[2];
        else if (valued.has(name)) {
            const next = words[i + 1];
            if (next === undefined)
                throw fail(`${short !== undefined ? word : `--${name}`} needs a value`);
            value = next;
            i += 1;
        }
        else
            value = true;
        const before = flags.get(name);
        if (typeof value === 'string' && before !== undefined && before !== true)
            flags.set(name, [...(Array.isArray(before) ? before : [before]), value]);
        else
            flags.set(name, typeof value === 'string' && specs.some((spec) => spec.name === name && spec.repeat) ? [value] : value);
    }
    return { positional, flags };
}
function flagValue(flags, ...names) {
    for (const name of names) {
        const value = flags.get(name);
        if (value === undefined || value === true)
            continue;
        return Array.isArray(value) ? value.at(-1) : value;
    }
    return undefined;
}
function flagValues(flags, name) {
    const value = flags.get(name);
    if (value === undefined || value === true)
        return [];
    return Array.isArray(value) ? value : [value];
}
const WORKSPACE_FLAGS = [
    { name: 'workspaces' },
    { name: 'workspace', value: true, repeat: true, short: 'w' },
    { name: 'include-workspace-root' },
];
function workspaceScope(line) {
    const all = line.flags.get('workspaces');
    const some = flagValues(line.flags, 'workspace');
    if (all === true && some.length > 0)
        throw line.fail('--workspaces means every workspace package: leave out -w, or --workspaces to name some with -w');
    return all === true ? true : some.length > 0 ? some : undefined;
}
function countFlag(line, name, max, auto = false) {
    const value = flagValue(line.flags, name);
    if (value === undefined)
        return undefined;
    if (auto && value === 'auto')
        return 'auto';
    const count = (0,validate/* wholeNumber */.rD)(value, max);
    if (count === undefined)
        throw line.fail(`--${name} needs ${auto ? 'auto or ' : ''}a whole number from 1 to ${max}`);
    return count;
}
const PROVENANCE_VALUES = { true: true, false: false, auto: 'auto' };
function provenanceFlag(line) {
    const value = line.flags.get('provenance');
    if (value === undefined)
        return undefined;
    if (value === true) {
        const next = line.words[line.words.indexOf('--provenance') + 1];
        if (next !== undefined && Object.hasOwn(PROVENANCE_VALUES, next))
            throw line.fail(`write --provenance=${next}: the value goes after "=" (--provenance alone means true, and "${next}" would be read as the folder to publish)`);
        return true;
    }
    const text = Array.isArray(value) ? value.at(-1) : value;
    const key = text.trim().toLowerCase();
    const chosen = Object.hasOwn(PROVENANCE_VALUES, key) ? PROVENANCE_VALUES[key] : undefined;
    if (chosen === undefined)
        throw line.fail(`--provenance must be true, false or auto, not "${text}"`);
    return chosen;
}
function safeNpa(text) {
    try {
        return npa(text);
    }
    catch {
        return undefined;
    }
}
function versionSpec(line, text, usage) {
    const parsed = safeNpa(text);
    if (!parsed?.registry || !parsed.name || parsed.type !== 'version')
        throw line.fail(`${usage}, not "${text}"`);
    return { name: parsed.name, version: semver.clean(parsed.fetchSpec) };
}
function rangeSpec(line, text) {
    const parsed = safeNpa(text);
    if (!parsed?.registry || !parsed.name || (parsed.type !== 'version' && parsed.type !== 'range' && parsed.type !== 'tag')) {
        throw line.fail(`"${text}" must be <pkg> or <pkg>@<version range>`);
    }
    if (parsed.type === 'tag' && parsed.rawSpec !== '' && parsed.rawSpec !== '*')
        throw line.fail(`"${parsed.rawSpec}" is not a version range`);
    const range = parsed.rawSpec === '' ? '*' : parsed.fetchSpec;
    if (semver.validRange(range) === null)
        throw line.fail(`"${range}" is not a valid semver range`);
    return { name: parsed.name, range };
}
function arity(line, min, max, usage) {
    if (line.args.length < min || line.args.length > max)
        throw line.fail(`expected: ${usage}`);
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


/***/ }),

/***/ 2366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lc: () => (/* binding */ OtpRequiredError),
/* harmony export */   R2: () => (/* binding */ WaitBudgetError),
/* harmony export */   TM: () => (/* binding */ RateLimitedError),
/* harmony export */   ax: () => (/* binding */ OtpRejectedError),
/* harmony export */   eu: () => (/* binding */ SecurityKeyError)
/* harmony export */ });
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);

class OtpRequiredError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, secretInput, options = {}) {
        super('EOTP', `The registry asks for a one-time password for "${label}", but no TOTP secret was given` +
            (options.webOffered ? ', and it offered no web approval (its answer names no approval page)' : '') +
            `. Set ${secretInput} to the account's TOTP secret (base32 text or the otpauth:// URI behind the QR code).`, options.cause === undefined ? {} : { cause: options.cause });
    }
}
class SecurityKeyError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, authTypeInput, options = {}) {
        super('EOTPWEBAUTHN', `The registry asks for a web approval for "${label}" (the account answers 2FA with a security key or passkey), ` +
            `and ${authTypeInput} is totp, so this run does not wait for one. Set ${authTypeInput} to auto or web to approve it ` +
            'from a phone or security key while the job waits, or use trusted publishing (OIDC) for publish.', options);
    }
}
class OtpRejectedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    attempts;
    constructor(label, details) {
        const offset = `${details.offsetMs >= 0 ? '+' : ''}${(details.offsetMs / 1000).toFixed(1)} s`;
        super('EOTPREJECTED', `The registry refused ${details.attempts} one-time password${details.attempts === 1 ? '' : 's'} for "${label}" ` +
            `from ${details.windows} time window${details.windows === 1 ? '' : 's'} (clock offset used: ${offset} versus the registry` +
            `${details.singleUse ? '; the registry allows each code once' : ''}). ` +
            'Check that the TOTP secret belongs to the account that owns the token, and that its algorithm, digits and period match the enrolment.', details.cause === undefined ? {} : { cause: details.cause });
        this.attempts = details.attempts;
    }
}
class RateLimitedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(label, retryAfterMs, options = {}) {
        super('ERATELIMIT', `The registry is rate-limiting "${label}" (429 Too Many Requests)` +
            (retryAfterMs === undefined ? '' : `; it asks to wait ${Math.ceil(retryAfterMs / 1000)} s`) +
            '. Try again later.', options);
    }
}
class WaitBudgetError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    waitedMs;
    neededMs;
    limitMs;
    constructor(details) {
        const s = (ms) => `${Math.ceil(ms / 1000)} s`;
        super('EWAITBUDGET', `This run has waited ${s(details.waitedMs)} for the registry's rate limits (429), and the next write would ` +
            `have to wait ${s(details.neededMs)} more, over the run's limit of ${s(details.limitMs)}: the registry is rate-limiting ` +
            'one-time passwords. No further write with a one-time password is sent. Run the same step again later: it publishes only what is missing; a lower otp-uses avoids the limit.', { received: { ...details } });
        this.waitedMs = details.waitedMs;
        this.neededMs = details.neededMs;
        this.limitMs = details.limitMs;
    }
}


/***/ }),

/***/ 6198:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ DEFAULT_MAX_TOTAL_WAIT_MS),
  P: () => (/* binding */ OtpSource)
});

// EXTERNAL MODULE: ./lib/otp/errors.js
var errors = __webpack_require__(2366);
// EXTERNAL MODULE: ./node_modules/@otplib/core/dist/index.js
var dist = __webpack_require__(1498);
// EXTERNAL MODULE: ./node_modules/@otplib/plugin-crypto-node/dist/index.js
var plugin_crypto_node_dist = __webpack_require__(933);
// EXTERNAL MODULE: ./node_modules/@otplib/totp/dist/index.js + 1 modules
var totp_dist = __webpack_require__(582);
// EXTERNAL MODULE: ./lib/otp/secret.js
var secret = __webpack_require__(1333);
;// CONCATENATED MODULE: ./lib/otp/totp.js




const GUARDRAILS = (0,dist/* createGuardrails */.NZ)({ MIN_SECRET_BYTES: secret/* MIN_SECRET_BYTES */.SI, MAX_SECRET_BYTES: secret/* MAX_SECRET_BYTES */.sU });
function totpWindow(secret, epochMs) {
    if (!Number.isFinite(epochMs) || epochMs < 0)
        throw new RangeError(`epochMs must be a finite, non-negative number of milliseconds, got ${epochMs}`);
    return Math.floor(epochMs / (secret.period * 1000));
}
function totpCodeForWindow(secret, window) {
    if (!Number.isSafeInteger(window) || window < 0)
        throw new RangeError(`window must be a non-negative safe integer, got ${window}`);
    return (0,totp_dist/* generateSync */.Vs)({
        secret: secret.bytes,
        algorithm: secret.algorithm,
        digits: secret.digits,
        period: secret.period,
        epoch: window * secret.period,
        guardrails: GUARDRAILS,
        crypto: plugin_crypto_node_dist/* crypto */.Et,
    });
}
function totpCode(secret, epochMs) {
    return totpCodeForWindow(secret, totpWindow(secret, epochMs));
}

;// CONCATENATED MODULE: ./lib/otp/source.js


const DEFAULT_MAX_TOTAL_WAIT_MS = 600_000;
const MARGIN_CEILING_FRACTION = 0.8;
const WINDOW_ENTRY_GUARD_MS = 100;
const UNCERTAINTY_CAP_FRACTION = 0.1;
const LONG_WAIT_MS = 2000;
const SKEW_WARNING_MS = 5000;
class OtpSource {
    #secret;
    #clock;
    #timeSync;
    #logger;
    #marginFloorMs;
    #periodMs;
    #maxTotalWaitMs;
    #rejected = new Set();
    #accepted = new Set();
    #issued = new Set();
    #uses = new Map();
    #acceptedUses = new Map();
    #inFlight = new Map();
    #proven = false;
    #reuseProven = false;
    #verdict = Promise.withResolvers();
    #singleUse = false;
    #skewWarned = false;
    #maxUsesPerCode;
    #registryUses = Number.POSITIVE_INFINITY;
    #learning = new Set();
    #pausedUntil = 0;
    #spentMs = 0;
    #exhausted;
    #queue = Promise.resolve();
    stats = { generated: 0, windows: 0, rejected: 0, waits: 0, waitedMs: 0, pauses: 0, pausedMs: 0 };
    constructor(options) {
        this.#secret = options.secret;
        this.#clock = options.clock;
        this.#timeSync = options.timeSync;
        this.#logger = options.logger;
        this.#marginFloorMs = options.marginFloorMs ?? 2000;
        this.#periodMs = options.secret.period * 1000;
        this.#maxUsesPerCode = checkUses(options.maxUsesPerCode ?? Number.POSITIVE_INFINITY);
        const budget = options.maxTotalWaitMs ?? DEFAULT_MAX_TOTAL_WAIT_MS;
        if (!(budget >= 0))
            throw new RangeError(`maxTotalWaitMs must be a number of ms of at least 0, got ${budget}`);
        this.#maxTotalWaitMs = budget;
    }
    get singleUse() {
        return this.#singleUse;
    }
    get offsetMs() {
        return this.#timeSync.offsetMs;
    }
    get usesPerCode() {
        return this.#singleUse ? 1 : Math.min(this.#maxUsesPerCode, this.#registryUses);
    }
    setMaxUsesPerCode(uses) {
        this.#maxUsesPerCode = checkUses(uses);
    }
    get waitedTotalMs() {
        return this.#spentMs;
    }
    marginFor(bodyBytes = 0) {
        const sync = this.#timeSync;
        const needed = 2 * sync.latencyMs + bodyBytes / sync.bytesPerMs;
        const ceiling = this.#periodMs * MARGIN_CEILING_FRACTION;
        return Math.round(Math.min(ceiling, Math.max(this.#marginFloorMs, needed) + this.#uncertaintyMs()));
    }
    next(request = {}) {
        const issued = this.#queue.then(() => this.#issue(request.bodyBytes ?? 0));
        this.#queue = issued.catch(() => undefined);
        return issued;
    }
    accepted(code) {
        this.#accepted.add(code.window);
        this.#acceptedUses.set(code.window, (this.#acceptedUses.get(code.window) ?? 0) + 1);
        const flight = this.#settle(code);
        this.#proven = true;
        if (flight?.reuse)
            this.#reuseProven = true;
    }
    rejected(code) {
        this.#settle(code);
        this.stats.rejected += 1;
        this.#rejected.add(code.window);
        const reuse = this.#accepted.has(code.window);
        if (!reuse)
            this.#proven = false;
        if (reuse && !this.#singleUse) {
            this.#singleUse = true;
            this.#logger.warning('The registry refused a one-time password it had accepted earlier in this window: ' +
                'it allows each code once. From now on every write uses a code of its own window, ' +
                `which can add up to ${this.#secret.period} s per write.`);
        }
        return reuse;
    }
    released(code) {
        if (!this.#settle(code))
            return;
        const uses = (this.#uses.get(code.window) ?? 1) - 1;
        this.#uses.set(code.window, Math.max(0, uses));
    }
    rateLimited(code, limit) {
        if (code && limit.codeUses) {
            this.#learnUses(this.#acceptedUses.get(code.window) ?? 0);
            this.#learning.add(code.window);
        }
        this.pauseUntil(this.#clock.now() + limit.retryAfterMs, limit.codeUses ? '429 rate limited otp' : '429 Too Many Requests');
        if (code)
            this.released(code);
    }
    pauseUntil(untilMs, why) {
        const now = this.#clock.now();
        if (untilMs <= this.#pausedUntil || untilMs <= now)
            return;
        const fresh = this.#pausedUntil <= now;
        this.#pausedUntil = untilMs;
        if (!fresh || this.#exhausted)
            return;
        this.stats.pauses += 1;
        const waitS = Math.ceil((untilMs - now) / 1000);
        const covered = this.#spentMs + waitS * 1000 <= this.#maxTotalWaitMs;
        this.#logger.info(`The registry asks to slow down (${why}); ${covered ? `waiting ${waitS} s before the next write.` : `it asks for ${waitS} s, more than the run's wait limit leaves.`}`);
    }
    async #issue(bodyBytes) {
        this.#warnAboutSkew();
        let waitedMs = 0;
        let waited = false;
        for (;;) {
            if (this.#exhausted)
                throw this.#budgetError();
            const pauseMs = this.#pausedUntil - this.#clock.now();
            if (pauseMs > 0) {
                const slept = await this.#sleep(Math.ceil(pauseMs / 1000) * 1000);
                this.stats.pausedMs += slept;
                waitedMs += slept;
                continue;
            }
            const now = this.#timeSync.registryTime(this.#clock.now());
            const window = this.#choose(now, bodyBytes);
            const reuse = this.#accepted.has(window) || [...this.#inFlight.values()].some((flight) => flight.window === window);
            if (this.#inFlight.size > 0 && !(reuse ? this.#reuseProven : this.#proven)) {
                await this.#verdict.promise;
                continue;
            }
            const opensAt = window * this.#periodMs + this.#entryGuardMs();
            if (now < opensAt) {
                const waitMs = opensAt - now;
                const message = `Waiting ${(waitMs / 1000).toFixed(1)} s for the next one-time password window (${this.#whyWait(window)}).`;
                if (waitMs > LONG_WAIT_MS)
                    this.#logger.info(message);
                else
                    this.#logger.debug(message);
                const from = this.#clock.now();
                await this.#clock.sleep(waitMs);
                const slept = Math.max(0, this.#clock.now() - from);
                if (!waited)
                    this.stats.waits += 1;
                waited = true;
                this.stats.waitedMs += slept;
                waitedMs += slept;
                continue;
            }
            const code = totpCodeForWindow(this.#secret, window);
            this.#logger.mask(code, 'code');
            if (!this.#issued.has(window))
                this.stats.windows += 1;
            this.#issued.add(window);
            this.#uses.set(window, (this.#uses.get(window) ?? 0) + 1);
            this.stats.generated += 1;
            const issued = { code, window, waitedMs };
            this.#inFlight.set(issued, { window, reuse });
            return issued;
        }
    }
    async #sleep(waitMs) {
        if (this.#spentMs + waitMs > this.#maxTotalWaitMs) {
            this.#exhausted = { waitedMs: this.#spentMs, neededMs: waitMs };
            throw this.#budgetError();
        }
        const from = this.#clock.now();
        await this.#clock.sleep(waitMs);
        const slept = Math.max(0, this.#clock.now() - from);
        this.#spentMs += slept;
        return slept;
    }
    #budgetError() {
        const exhausted = this.#exhausted ?? { waitedMs: this.#spentMs, neededMs: 0 };
        return new errors/* WaitBudgetError */.R2({ ...exhausted, limitMs: this.#maxTotalWaitMs });
    }
    #learnUses(accepted) {
        if (accepted < 1 || accepted >= this.usesPerCode)
            return;
        this.#registryUses = accepted;
        this.#logger.info(`The registry rate-limited a one-time password after ${accepted} write${accepted === 1 ? '' : 's'} with it; ` +
            `from now on each code serves at most ${accepted} write${accepted === 1 ? '' : 's'}.`);
    }
    #settleLearned(accepted) {
        if (accepted <= this.#registryUses || this.#registryUses === Number.POSITIVE_INFINITY)
            return;
        this.#registryUses = accepted;
        this.#logger.info(`The writes sent with that one-time password have ended: the registry took ${accepted} with it, so each code serves at most ${accepted} writes from now on.`);
    }
    #whyWait(window) {
        if (this.#rejected.has(window - 1))
            return 'the last code was refused';
        if (this.#singleUse && this.#issued.has(window - 1))
            return 'the registry takes each code once';
        if ((this.#uses.get(window - 1) ?? 0) >= this.usesPerCode)
            return `the current code has served ${this.usesPerCode} write${this.usesPerCode === 1 ? '' : 's'}, the most one code may serve`;
        return 'the current window has too little time left for the request';
    }
    #choose(now, bodyBytes) {
        const current = Math.floor(now / this.#periodMs);
        const left = (current + 1) * this.#periodMs - now;
        let window = left >= this.marginFor(bodyBytes) ? current : current + 1;
        while (this.#rejected.has(window) || (this.#singleUse && this.#issued.has(window)) || (this.#uses.get(window) ?? 0) >= this.usesPerCode)
            window += 1;
        return window;
    }
    #entryGuardMs() {
        return WINDOW_ENTRY_GUARD_MS + this.#uncertaintyMs();
    }
    #uncertaintyMs() {
        const sync = this.#timeSync;
        return sync.known ? Math.min(sync.uncertaintyMs, this.#periodMs * UNCERTAINTY_CAP_FRACTION) : 0;
    }
    #settle(code) {
        const flight = this.#inFlight.get(code);
        if (!flight)
            return undefined;
        this.#inFlight.delete(code);
        if (this.#learning.has(flight.window) && ![...this.#inFlight.values()].some((other) => other.window === flight.window)) {
            this.#learning.delete(flight.window);
            this.#settleLearned(this.#acceptedUses.get(flight.window) ?? 0);
        }
        this.#verdict.resolve();
        this.#verdict = Promise.withResolvers();
        return flight;
    }
    #warnAboutSkew() {
        const offset = this.#timeSync.offsetMs;
        if (this.#skewWarned || Math.abs(offset) <= SKEW_WARNING_MS)
            return;
        this.#skewWarned = true;
        const direction = offset > 0 ? 'behind' : 'ahead of';
        this.#logger.warning(`This machine's clock is ${(Math.abs(offset) / 1000).toFixed(1)} s ${direction} the registry's ` +
            "(from the registry's Date header); one-time passwords are computed on the registry's time.");
    }
}
function checkUses(uses) {
    if (uses === Number.POSITIVE_INFINITY || (Number.isInteger(uses) && uses >= 1))
        return uses;
    throw new RangeError(`maxUsesPerCode must be a whole number of at least 1, or Infinity; got ${uses}`);
}


/***/ }),

/***/ 7201:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ withOtp)
/* harmony export */ });
/* harmony import */ var _foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3505);
/* harmony import */ var _foundation_is_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9319);
/* harmony import */ var _foundation_refusals_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2366);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6198);
/* harmony import */ var _web_approval_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8087);






async function withOtp(context, write, tally = { otpAttempts: 0, waitedMs: 0 }) {
    const maxAttempts = context.maxAttempts ?? 3;
    const maxRateLimitWaitMs = context.maxRateLimitWaitMs ?? _source_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_MAX_TOTAL_WAIT_MS */ .h;
    const { source, clock } = context;
    let otpAttempts = 0;
    let rateLimitWaits = 0;
    let rateLimitWaitedMs = 0;
    const windowsTried = new Set();
    for (;;) {
        let issued;
        const totp = source !== undefined && context.web?.replacesTotp !== true ? source : undefined;
        if (totp) {
            issued = await totp.next({ bodyBytes: write.bodyBytes ?? 0 });
            tally.waitedMs += issued.waitedMs;
            windowsTried.add(issued.window);
            otpAttempts += 1;
            tally.otpAttempts += 1;
        }
        const otp = issued?.code ?? context.web?.firstOtp();
        let value;
        try {
            value = await write.send(otp);
        }
        catch (error) {
            if ((0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 429) {
                rateLimitWaits += 1;
                const retryAfterMs = retryAfter(error, clock.now());
                const waitMs = Math.max(retryAfterMs ?? 0, 1000 * 2 ** rateLimitWaits);
                if (source) {
                    source.rateLimited(issued, { retryAfterMs: waitMs, codeUses: isOtpRateLimit(error) });
                    otpAttempts -= 1;
                    continue;
                }
                if (rateLimitWaitedMs + waitMs > maxRateLimitWaitMs)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RateLimitedError */ .TM(write.label, retryAfterMs, { cause: error });
                context.logger.info(`The registry asks to slow down (429); waiting ${(waitMs / 1000).toFixed(1)} s before "${write.label}".`);
                await clock.sleep(waitMs);
                rateLimitWaitedMs += waitMs;
                tally.waitedMs += waitMs;
                continue;
            }
            const challenge = isOtpChallenge(error) ? (0,_web_approval_js__WEBPACK_IMPORTED_MODULE_4__/* .webChallengeOf */ .JP)(error) : undefined;
            if (source && issued && !(isOtpChallenge(error) && challenge === undefined)) {
                source.released(issued);
            }
            if (challenge) {
                const web = context.web;
                if (!web)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SecurityKeyError */ .eu(write.label, context.authTypeInput ?? 'auth-type', { cause: error });
                if (issued)
                    web.replaceTotp(`The registry answered a one-time password for "${write.label}" with a web approval: the account has no TOTP any more (a security key or passkey only). The rest of this run asks for web approvals instead.`);
                return await web.complete({ label: write.label, npmCommand: write.npmCommand }, challenge, (token) => write.send(token), tally);
            }
            if (isOtpChallenge(error) && securityKeyNotice(error)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SecurityKeyError */ .eu(write.label, context.authTypeInput ?? 'auth-type', { cause: error });
            }
            if (isOtpChallenge(error)) {
                if (!source || !issued)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OtpRequiredError */ .Lc(write.label, context.secretInput, { cause: error, webOffered: context.web !== undefined });
                const reuse = source.rejected(issued);
                context.logger.info(`The registry refused the one-time password for "${write.label}"` +
                    (reuse ? ' (a reused code)' : '') +
                    (otpAttempts < maxAttempts ? '; trying the next window.' : '.'));
                if (otpAttempts >= maxAttempts) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OtpRejectedError */ .ax(write.label, {
                        attempts: otpAttempts,
                        windows: windowsTried.size,
                        offsetMs: source.offsetMs,
                        singleUse: source.singleUse,
                        cause: error,
                    });
                }
                continue;
            }
            throw ((0,_foundation_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialRefusal */ .Os)(error, write.label, {
                secretInput: context.secretInput,
                authTypeInput: context.authTypeInput ?? 'auth-type',
                trusted: write.trusted,
                npmCommand: write.npmCommand,
            }) ?? error);
        }
        if (source && issued)
            source.accepted(issued);
        else if (otp === undefined)
            context.web?.passedUnasked();
        return value;
    }
}
function isOtpChallenge(error) {
    return (0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(error) && error.code === 'EOTP';
}
function securityKeyNotice(error) {
    return /security key/i.test((0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorHeader */ .GI)(error, 'npm-notice') ?? '');
}
function isOtpRateLimit(error) {
    if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(error))
        return false;
    const said = (0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(error.body) && typeof error.body.error === 'string' ? error.body.error : error.message;
    return typeof said === 'string' && /rate limited otp/i.test(said);
}
function retryAfter(error, nowMs) {
    const header = (0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorHeader */ .GI)(error, 'retry-after')?.trim();
    if (!header)
        return undefined;
    if (/^\d+$/.test(header))
        return Number(header) * 1000;
    const at = Date.parse(header);
    return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}


/***/ }),

/***/ 9050:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eB: () => (/* binding */ readNpmrcRegistries),
/* harmony export */   mW: () => (/* binding */ readNpmConfig),
/* harmony export */   yB: () => (/* binding */ npmDestination)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var ini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5756);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9670);





const DESTINATION_KEY = /^(registry|scope|@[^:/]+:registry)$/;
async function readNpmrcRegistries(dir, env, inputName) {
    return (await readConfigFile(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, '.npmrc'), env, inputName)).settings;
}
async function readNpmConfig(env, inputName) {
    const variables = environmentSettings(env);
    const home = env.HOME || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir();
    const expandHome = (file) => (file.startsWith('~/') ? node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, file.slice(2)) : file);
    const userVariable = variables.find((entry) => entry.key === 'userconfig');
    const userFile = userVariable ? node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(expandHome(userVariable.url)) : node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, '.npmrc');
    const user = await readConfigFile(userFile, env, inputName);
    const prefix = variables.find((entry) => entry.key === 'prefix')?.url ?? user.paths.prefix ?? env.PREFIX ?? node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(process.execPath));
    const globalSetting = variables.find((entry) => entry.key === 'globalconfig')?.url ?? user.paths.globalconfig;
    const globalFile = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(expandHome(globalSetting ?? node_path__WEBPACK_IMPORTED_MODULE_2__.join(expandHome(prefix), 'etc', 'npmrc')));
    const global = await readConfigFile(globalFile, env, inputName);
    return {
        user: user.settings,
        userFile: `${userFile} (${userVariable ? userVariable.file.replace('the environment variable ', '') : '~/.npmrc'})`,
        global: global.settings,
        globalFile,
        env: variables.filter((entry) => DESTINATION_KEY.test(entry.key)),
    };
}
function npmDestination(name, publishConfig, config, project, inputName, where) {
    const merged = new Map();
    const layer = (settings, source) => {
        for (const entry of settings)
            merged.set(entry.key, { value: entry.url, source: source(entry) });
    };
    layer(config.global, () => ({ kind: 'global', file: config.globalFile }));
    layer(config.user, () => ({ kind: 'user', file: config.userFile }));
    layer(project, (entry) => ({ kind: 'project', file: entry.file }));
    layer(config.env, (entry) => ({ kind: 'env', variable: entry.file.replace('the environment variable ', '') }));
    for (const [key, value] of Object.entries(publishConfig)) {
        if (key !== 'registry' && key !== 'scope' && !/@.*:registry$/i.test(key))
            continue;
        if (typeof value !== 'string') {
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: publishConfig["${key}"] in ${where} is ${JSON.stringify(value)}, not a ${key === 'scope' ? 'scope' : 'URL'}: npm cannot publish with it. Fix or remove it; nothing was sent.`, { received: value });
        }
        merged.set(key, { value, source: { kind: 'publishConfig' } });
    }
    const scopeOf = (scope) => `${scope.startsWith('@') ? scope : `@${scope}`}:registry`;
    const candidates = [
        ...(name.startsWith('@') ? [`${name.slice(0, name.indexOf('/'))}:registry`] : []),
        ...(merged.get('scope')?.value ? [scopeOf(merged.get('scope')?.value)] : []),
    ];
    for (const key of candidates) {
        const setting = merged.get(key);
        if (setting?.value)
            return { registry: setting.value, key, source: setting.source };
    }
    const registry = merged.get('registry');
    return registry === undefined ? undefined : { registry: registry.value, key: 'registry', source: registry.source };
}
function environmentSettings(env) {
    const found = [];
    for (const [variable, value] of Object.entries(env)) {
        if (!/^npm_config_/i.test(variable) || value === undefined || value === '')
            continue;
        let key = variable.slice('npm_config_'.length);
        if (!key.startsWith('//'))
            key = key.replace(/(?!^)_/g, '-').toLowerCase();
        found.push({ file: `the environment variable ${variable}`, key, url: value });
    }
    return found;
}
async function readConfigFile(file, env, inputName) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => undefined);
    const settings = [];
    const paths = {};
    if (text === undefined)
        return { settings, paths };
    for (const [rawKey, rawValue] of Object.entries(ini__WEBPACK_IMPORTED_MODULE_3__.parse(text))) {
        const key = expand(rawKey, env, file, inputName, false);
        if (typeof rawValue !== 'string')
            continue;
        if (DESTINATION_KEY.test(key))
            settings.push({ file, key, url: expand(rawValue, env, file, inputName, true).trim() });
        else if (key === 'prefix' || key === 'globalconfig')
            paths[key] = expand(rawValue, env, file, inputName, false).trim();
    }
    return { settings, paths };
}
function expand(value, env, file, inputName, strict) {
    return value.replace(/(?<!\\)(\\*)\$\{([^${}?]+)(\?)?\}/g, (whole, slashes, name, optional) => {
        if (slashes.length % 2 === 1)
            return whole.slice((slashes.length + 1) / 2);
        const found = env[name];
        if (found === undefined && optional === undefined && strict) {
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: ${file} names \${${name}}, which is not set in the environment (npm fails on such a registry too). Set ${name}, or write \${${name}?} to allow it to be empty.`, { received: file });
        }
        return `${slashes.slice(slashes.length / 2)}${found ?? (optional === undefined ? whole.slice(slashes.length) : '')}`;
    });
}


/***/ }),

/***/ 6533:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ DEPENDENCY_FIELDS),
/* harmony export */   p: () => (/* binding */ publishManifest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var npm_package_arg__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8056);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2088);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _foundation_is_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9319);
/* harmony import */ var _registry_name_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5709);
/* harmony import */ var _workspaces_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6844);







const CATALOG_FILE = { npm: undefined, yarn: '.yarnrc.yml', pnpm: 'pnpm-workspace.yaml' };
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const RUNTIME_FIELDS = new Set(['dependencies', 'optionalDependencies', 'peerDependencies']);
const PNPM_LIFTED_FIELDS = [
    'name',
    'bin',
    'engines',
    'type',
    'imports',
    'main',
    'module',
    'typings',
    'types',
    'exports',
    'browser',
    'esnext',
    'es2015',
    'unpkg',
    'umd:main',
    'os',
    'cpu',
    'libc',
    'typesVersions',
];
const YARN_LIFTED_FIELDS = ['type', 'main', 'browser', 'module', 'exports', 'imports', 'bin', 'typings', 'types'];
function publishManifest(pkg, monorepo, inputName) {
    const manifest = structuredClone(pkg.manifest);
    const context = { pkg, monorepo, byName: workspaceIndex(monorepo), file: node_path__WEBPACK_IMPORTED_MODULE_0__.join(pkg.dir, 'package.json'), inputName, warnings: [] };
    for (const field of DEPENDENCY_FIELDS) {
        const dependencies = manifest[field];
        if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_6__/* .isRecord */ .u)(dependencies))
            continue;
        const rewritten = {};
        for (const [name, spec] of Object.entries(dependencies)) {
            const value = typeof spec === 'string' ? rewriteDependency(name, spec, field, context) : spec;
            if (typeof value === 'string' && value.startsWith('workspace:'))
                continue;
            rewritten[name] = value;
        }
        manifest[field] = rewritten;
    }
    liftPublishConfig(manifest, context);
    return { manifest, warnings: context.warnings };
}
function workspaceIndex(monorepo) {
    const byName = new Map(monorepo.packages.map((pkg) => [pkg.name, pkg]));
    const { root, rootManifest } = monorepo;
    const { name } = rootManifest;
    if (typeof name === 'string' && name !== '' && !byName.has(name))
        byName.set(name, (0,_workspaces_js__WEBPACK_IMPORTED_MODULE_5__/* .readWorkspacePackage */ .w)(root, root, rootManifest, node_path__WEBPACK_IMPORTED_MODULE_0__.join(root, 'package.json')));
    return byName;
}
function rewriteDependency(name, spec, field, context) {
    let target;
    let result = spec;
    if (spec.startsWith('workspace:')) {
        ({ spec: result, target } = resolveWorkspace(name, spec, spec.slice('workspace:'.length), field, context));
    }
    else if (field === 'peerDependencies' && spec.includes('workspace:')) {
        result = spec.replace(/workspace:(\S*)/g, (_whole, rest) => {
            const resolved = resolveWorkspace(name, spec, rest, field, context);
            target = resolved.target;
            return resolved.spec;
        });
    }
    if (result.startsWith('catalog:'))
        result = resolveCatalog(name, result, field, context);
    const { pkg, byName, warnings } = context;
    const real = target?.name ?? aliasTarget(result) ?? name;
    const dependency = byName.get(real);
    if (!pkg.private && RUNTIME_FIELDS.has(field) && dependency?.private && real !== pkg.name) {
        warnings.push(`${pkg.name} depends on ${real} (${field}), a private workspace package that is never published: consumers of ${pkg.name} will not be able to install it.`);
    }
    return result;
}
function resolveWorkspace(name, spec, rest, field, context) {
    const { pkg, monorepo } = context;
    const byPath = rest.startsWith('./') || rest.startsWith('../')
        ? (findByDir(monorepo, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(pkg.dir, rest)) ?? findByDir(monorepo, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(monorepo.root, rest)))
        : /[\\/]/.test(rest) && !rest.startsWith('@')
            ? findByDir(monorepo, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(monorepo.root, rest))
            : undefined;
    if (byPath !== undefined) {
        const version = versionOf(byPath, name, spec, field, context);
        if (version === undefined)
            return { spec };
        return { spec: byPath.name === name ? version : `npm:${byPath.name}@${version}`, target: byPath };
    }
    if (rest.startsWith('./') || rest.startsWith('../'))
        throw outside(name, spec, field, rest, context);
    const tokens = field === 'peerDependencies' ? /^(?:(.+)@)?([\^~*]|>=|>|<=|<)?$/ : /^(?:(.+)@)?([\^~*])?$/;
    const short = tokens.exec(rest);
    if (short !== null) {
        const targetName = short[1] ?? name;
        const target = context.byName.get(targetName);
        if (target === undefined)
            throw outside(name, spec, field, targetName, context);
        const version = versionOf(target, name, spec, field, context);
        if (version === undefined)
            return { spec };
        const prefix = short[2] === undefined || short[2] === '*' ? '' : short[2];
        return { spec: target.name === name ? `${prefix}${version}` : `npm:${target.name}@${prefix}${version}`, target };
    }
    const at = rest.lastIndexOf('@');
    const targetName = at > 0 ? rest.slice(0, at) : name;
    const range = at > 0 ? rest.slice(at + 1) : rest;
    const target = context.byName.get(targetName);
    if (target === undefined)
        throw outside(name, spec, field, targetName, context);
    if (semver__WEBPACK_IMPORTED_MODULE_2__.validRange(range) === null) {
        throw refusal(context, `has "${name}": "${spec}" in ${field}, and "${range}" is neither a semver range nor a workspace folder. Use workspace:*, workspace:^, workspace:~ or workspace:<range> such as workspace:^1.2.0`, spec);
    }
    const version = versionOf(target, name, spec, field, context);
    if (version !== undefined && !semver__WEBPACK_IMPORTED_MODULE_2__.satisfies(version, range, { includePrerelease: true })) {
        throw refusal(context, `has "${name}": "${spec}" in ${field}, but the workspace has ${target.name} ${version}, which ${range} does not accept. Widen the range, or use workspace:^ to follow the workspace version`, spec);
    }
    return { spec: at > 0 ? `npm:${rest}` : range, target };
}
function versionOf(target, name, spec, field, context) {
    if (target.version !== '')
        return target.version;
    if (context.monorepo.manager === 'yarn')
        return '0.0.0';
    if (field === 'devDependencies') {
        context.warnings.push(`${context.pkg.name} is published without its devDependency "${name}": "${spec}": ${target.name} has no version to publish. Consumers never install devDependencies.`);
        return undefined;
    }
    throw refusal(context, `has "${name}": "${spec}" in ${field}, but ${target.name} (${node_path__WEBPACK_IMPORTED_MODULE_0__.join(target.dir, 'package.json')}) has no version, so no registry range can replace it. Give ${target.name} a "version"`, spec);
}
function findByDir(monorepo, dir) {
    return monorepo.packages.find((pkg) => pkg.dir === dir);
}
function outside(name, spec, field, target, context) {
    const known = [...context.byName.keys()].sort();
    const shown = known.length > 30 ? [...known.slice(0, 30), `and ${known.length - 30} more`] : known;
    return refusal(context, `has "${name}": "${spec}" in ${field}, but "${target}" is not a package of the monorepo at ${context.monorepo.root}. A workspace: range must name one of its packages (${shown.join(', ')}); for anything else use a registry range such as ^1.2.3`, spec);
}
function resolveCatalog(name, spec, field, context) {
    const { monorepo } = context;
    const catalogName = spec.slice('catalog:'.length).trim() || 'default';
    const file = CATALOG_FILE[monorepo.manager];
    if (file === undefined) {
        throw refusal(context, `has "${name}": "${spec}" in ${field}, but npm has no catalogs (pnpm defines them in pnpm-workspace.yaml, yarn in .yarnrc.yml). Write the range itself, such as ^1.2.3`, spec);
    }
    const where = node_path__WEBPACK_IMPORTED_MODULE_0__.join(monorepo.root, file);
    const catalog = monorepo.catalogs[catalogName];
    if (catalog === undefined) {
        const defined = Object.keys(monorepo.catalogs).sort();
        const list = defined.length > 0 ? `it defines ${defined.map((item) => `"${item}"`).join(', ')}` : 'it defines none';
        throw refusal(context, `has "${name}": "${spec}" in ${field}, but ${where} defines no catalog "${catalogName}" (${list}). Add the catalog, or use one of those`, spec);
    }
    const range = catalog[name];
    if (range === undefined) {
        throw refusal(context, `has "${name}": "${spec}" in ${field}, but catalog "${catalogName}" in ${where} has no entry for "${name}". Add "${name}" to that catalog, or write its range in ${field}`, spec);
    }
    const protocol = /^([a-z]+):/.exec(range)?.[1];
    if (protocol === 'catalog' || protocol === 'workspace' || protocol === 'link' || protocol === 'file') {
        throw refusal(context, `has "${name}": "${spec}" in ${field}, and catalog "${catalogName}" in ${where} gives "${name}" the range "${range}": a catalog entry cannot use the ${protocol}: protocol. Give it a registry range such as ^1.2.3`, spec);
    }
    return range;
}
function liftPublishConfig(manifest, context) {
    const { manager } = context.monorepo;
    const { publishConfig } = manifest;
    if (manager === 'npm' || !(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_6__/* .isRecord */ .u)(publishConfig))
        return;
    if (manager === 'yarn') {
        for (const field of YARN_LIFTED_FIELDS)
            if (publishConfig[field])
                manifest[field] = publishConfig[field];
        return;
    }
    if (Object.hasOwn(publishConfig, 'name')) {
        const { name } = publishConfig;
        if (typeof name !== 'string' || !(0,_registry_name_js__WEBPACK_IMPORTED_MODULE_4__/* .isRegistryName */ .V)(name)) {
            throw refusal(context, `has publishConfig.name ${JSON.stringify(name)}, which is not a valid npm package name. Use lower case, URL-safe characters, optionally under a scope (@scope/name)`, name);
        }
        if (name !== context.pkg.name)
            context.warnings.push(`${context.pkg.name} is published as ${name} (publishConfig.name), as pnpm publishes it.`);
    }
    for (const field of PNPM_LIFTED_FIELDS) {
        if (!Object.hasOwn(publishConfig, field))
            continue;
        manifest[field] = publishConfig[field];
        delete publishConfig[field];
    }
    if (Object.keys(publishConfig).length === 0)
        delete manifest.publishConfig;
}
function aliasTarget(spec) {
    if (!spec.startsWith('npm:'))
        return undefined;
    try {
        return npm_package_arg__WEBPACK_IMPORTED_MODULE_1__(spec.slice('npm:'.length)).name ?? undefined;
    }
    catch {
        return undefined;
    }
}
function refusal(context, what, received) {
    const { inputName, pkg, file } = context;
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: ${pkg.name} (${file}) ${what}.`, { received });
}


/***/ }),

/***/ 5863:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ checkManifest),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   ez: () => (/* binding */ readPackageSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2088);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _foundation_is_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9319);
/* harmony import */ var _registry_name_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5709);






const EXPECTED = 'Give a package folder, its package.json, or a .tgz made by npm pack';
async function readPackageSource(spec, cwd, inputName) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, spec);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target).catch(() => undefined);
    if (!info) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: "${spec}" does not exist (looked for ${target}). ${EXPECTED}.`, { received: spec });
    }
    if (info.isFile() && /\.t(ar\.)?gz$/i.test(target))
        return { kind: 'tarball', file: target };
    const dir = info.isDirectory() ? target : node_path__WEBPACK_IMPORTED_MODULE_1__.basename(target) === 'package.json' ? node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(target) : undefined;
    if (dir === undefined) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: "${spec}" is neither a folder, a package.json nor a .tgz file. ${EXPECTED}.`, { received: spec });
    }
    return { kind: 'folder', dir, manifest: await readManifest(dir, inputName) };
}
async function readManifest(dir, inputName) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json');
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: there is no package.json in ${dir}. ${EXPECTED}.`, { received: dir });
    }
    return checkManifest(parseManifest(text, file, inputName), file, inputName);
}
function parseManifest(text, file, inputName) {
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: ${file} is not valid JSON (${error.message}). Fix its syntax: double-quoted names and strings, no comments, no trailing commas.`, { received: file });
    }
    if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(data))
        throw notAnObject(file, inputName);
    return data;
}
function notAnObject(where, inputName) {
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: ${where} does not hold a JSON object. A package.json is an object with at least "name" and "version".`, {
        received: where,
    });
}
function checkManifest(data, where, inputName) {
    if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_5__/* .isRecord */ .u)(data))
        throw notAnObject(where, inputName);
    const { name, version } = data;
    if (typeof name !== 'string' || name === '') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: ${where} has no "name". Give the package a name, such as "my-package" or "@scope/my-package".`, {
            received: name,
        });
    }
    if (!(0,_registry_name_js__WEBPACK_IMPORTED_MODULE_4__/* .isRegistryName */ .V)(name)) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: "${name}" in ${where} is not a valid npm package name. Use lower case, URL-safe characters, optionally under a scope (@scope/name).`, { received: name });
    }
    const clean = typeof version === 'string' ? semver__WEBPACK_IMPORTED_MODULE_2__.clean(version) : null;
    if (clean === null) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: version ${JSON.stringify(version)} in ${where} is not a semver version. Use major.minor.patch, such as 1.2.3 or 2.0.0-beta.1.`, { received: version });
    }
    return { ...data, version: clean };
}


/***/ }),

/***/ 3333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ readTarballManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _npmcli_package_json__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2700);
/* harmony import */ var tar__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8697);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9670);
/* harmony import */ var _foundation_is_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9319);







const STEPS = _npmcli_package_json__WEBPACK_IMPORTED_MODULE_3__.prepareSteps.filter((step) => !['gitHead', 'binRefs', 'overrides', 'gypfile'].includes(step));
async function readTarballManifest(data) {
    const unpacked = await unpackInMemory(data);
    const json = unpacked.contents.get('package.json');
    if (json === undefined) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ProductError */ ._$('ETARBALL', 'The tarball holds no package.json in its top folder (package/package.json): it is not a package tarball made by npm pack.');
    }
    const tmp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(), 'npm-totp-publish-tarball-'));
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2__.join(tmp, 'package');
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir);
        const pkg = new _npmcli_package_json__WEBPACK_IMPORTED_MODULE_3__().create(dir);
        try {
            pkg.fromJSON(json.toString('utf8'));
            if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_6__/* .isRecord */ .u)(pkg.content))
                throw new Error('it does not hold a JSON object');
            await writeSkeleton(dir, unpacked, pkg.content);
            await pkg.normalize({ steps: ['gypfile'] });
            const scripts = (pkg.content.scripts || {});
            if (!scripts.start &&
                (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'server.js')).then(() => true, () => false))) {
                if (typeof scripts === 'object')
                    scripts.start = 'node server.js';
                pkg.content.scripts = scripts;
            }
            await pkg.normalize({ steps: STEPS });
        }
        catch (error) {
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ProductError */ ._$('ETARBALL', `npm cannot read the package.json in the tarball: ${error.message}`, { cause: error });
        }
        return Object.fromEntries(Object.entries(pkg.content).filter(([key]) => !key.startsWith('_')));
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(tmp, { recursive: true, force: true });
    }
}
const KEPT = /^(package\.json|AUTHORS|readme(\..*)?)$/i;
async function writeSkeleton(dir, unpacked, manifest) {
    const { directories } = manifest;
    const all = (0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_6__/* .isRecord */ .u)(directories) && Boolean(directories.man || directories.bin);
    const main = manifest.main || 'index.js';
    const extless = typeof main === 'string' ? node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.dirname(main), node_path__WEBPACK_IMPORTED_MODULE_2__.posix.basename(main, node_path__WEBPACK_IMPORTED_MODULE_2__.posix.extname(main))) : undefined;
    const types = extless === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(`./${extless}.d.ts`);
    for (const [key, kind] of unpacked.paths) {
        if (!(all || !key.includes('/') || key === types))
            continue;
        const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, key);
        if (kind === 'dir')
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(file, { recursive: true }).catch(() => undefined);
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { recursive: true })
                .then(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, unpacked.contents.get(key) ?? ''))
                .catch(() => undefined);
    }
}
const SLICE = 64 * 1024;
async function unpackInMemory(data) {
    const paths = new Map();
    const contents = new Map();
    let failed = false;
    await new Promise((resolve, reject) => {
        const fail = (message, cause) => {
            failed = true;
            reject(new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ProductError */ ._$('ETARBALL', `The tarball cannot be read: ${message}. Give a .tgz made by npm pack.`, { cause }));
        };
        const parser = new tar__WEBPACK_IMPORTED_MODULE_4__/* .Parser */ .iX({
            onReadEntry: (entry) => {
                const key = /File$/.test(entry.type) ? unpackedPath(entry.path) : undefined;
                if (key === undefined || paths.get(key) === 'dir')
                    return entry.resume();
                const parts = key.split('/');
                for (let i = 1; i < parts.length; i++) {
                    const dir = parts.slice(0, i).join('/');
                    if (!paths.has(dir))
                        paths.set(dir, 'dir');
                }
                paths.set(key, 'file');
                if (!KEPT.test(key))
                    return entry.resume();
                const chunks = [];
                entry.on('data', (chunk) => chunks.push(chunk));
                entry.on('end', () => contents.set(key, Buffer.concat(chunks)));
            },
        });
        parser.on('warn', (code, message) => {
            if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT')
                fail(String(message instanceof Error ? message.message : message));
        });
        parser.on('error', (error) => fail(error.message, error));
        parser.on('end', () => resolve());
        void (async () => {
            for (let offset = 0; offset < data.length && !failed; offset += SLICE) {
                parser.write(data.subarray(offset, offset + SLICE));
                await new Promise((next) => setImmediate(next));
            }
            if (!failed)
                parser.end();
        })();
    });
    return { paths, contents };
}
function unpackedPath(entryPath) {
    const parts = entryPath.split('/').slice(1);
    if (parts.includes('..'))
        return undefined;
    const key = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.normalize(parts.join('/').replace(/^\/+/, '')).replace(/\/+$/, '');
    return key === '' || key === '.' ? undefined : key;
}


/***/ }),

/***/ 8344:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X0: () => (/* binding */ ScriptFailedError),
/* harmony export */   j3: () => (/* binding */ runScript),
/* harmony export */   vf: () => (/* binding */ scrubEnvironment),
/* harmony export */   yw: () => (/* binding */ hasScript)
/* harmony export */ });
/* unused harmony export scriptEnvironment */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9670);
/* harmony import */ var _foundation_is_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9319);
/* harmony import */ var _foundation_setup_node_placeholder_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5021);





function hasScript(manifest, event) {
    const scripts = manifest.scripts;
    return (0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u)(scripts) && typeof scripts[event] === 'string';
}
async function runScript(run) {
    if (!hasScript(run.manifest, run.event))
        return;
    const cmd = run.manifest.scripts[run.event];
    const env = scriptEnvironment(run, cmd);
    const label = `${String(run.manifest.name ?? run.dir)} ${run.event}`;
    run.logger.info(`> ${label}: ${cmd}`);
    const [shell, shellArgs] = process.platform === 'win32' ? [process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', cmd]] : ['sh', ['-c', cmd]];
    const code = await new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(shell, shellArgs, { cwd: run.dir, env, stdio: ['ignore', 'pipe', 'pipe'], windowsVerbatimArguments: process.platform === 'win32' });
        const relay = lineRelay(run.logger);
        child.stdout.on('data', relay.write);
        child.stderr.on('data', relay.write);
        child.on('error', reject);
        child.on('close', (exitCode, signal) => {
            relay.end();
            resolve(signal ?? exitCode ?? 1);
        });
    });
    if (code !== 0)
        throw new ScriptFailedError(String(run.manifest.name ?? run.dir), run.event, typeof code === 'string' ? `killed by ${code}` : `exit code ${code}`);
}
class ScriptFailedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProductError */ ._$ {
    event;
    ending;
    constructor(pkg, event, ending) {
        super('ESCRIPT', `The ${event} script of ${pkg} failed (${ending}); its output is above.`, { received: event });
        this.event = event;
        this.ending = ending;
    }
}
function scriptEnvironment(run, cmd) {
    const env = { ...run.env };
    const packageValues = {
        name: run.manifest.name,
        version: run.manifest.version,
        config: run.manifest.config,
        engines: run.manifest.engines,
        bin: run.manifest.bin,
    };
    const flatten = (values, prefix) => {
        for (const [key, value] of Object.entries(values)) {
            if (value === undefined)
                continue;
            if (value === null || value === false)
                env[`${prefix}${key}`] = '';
            else if (Array.isArray(value))
                value.forEach((item, index) => flatten({ [`${key}_${index}`]: item }, prefix));
            else if (typeof value === 'object')
                flatten(value, `${prefix}${key}_`);
            else
                env[`${prefix}${key}`] = String(value);
        }
    };
    flatten(packageValues, 'npm_package_');
    Object.assign(env, {
        npm_package_json: `${node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(run.dir)}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}package.json`,
        npm_lifecycle_event: run.event,
        npm_lifecycle_script: cmd,
        npm_config_node_gyp: run.env.npm_config_node_gyp || 'node-gyp',
        ...run.extraEnv,
    });
    const bins = [];
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(run.dir);; dir = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dir)) {
        bins.push(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'node_modules', '.bin'));
        if (node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dir) === dir)
            break;
    }
    const pathNames = Object.keys(env).filter((name) => /^path$/i.test(name));
    const paths = pathNames
        .flatMap((name) => (env[name] ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter))
        .filter((entry, index, all) => entry !== '' && all.indexOf(entry) === index);
    for (const name of pathNames.length > 0 ? pathNames : ['PATH'])
        env[name] = [...bins, ...paths].join(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter);
    return env;
}
function lineRelay(logger) {
    let pending = '';
    return {
        write: (chunk) => {
            pending += chunk.toString('utf8');
            const cut = pending.lastIndexOf('\n');
            if (cut < 0)
                return;
            logger.relay(pending.slice(0, cut));
            pending = pending.slice(cut + 1);
        },
        end: () => {
            if (pending !== '')
                logger.relay(pending);
            pending = '';
        },
    };
}
const SECRET_VARIABLES = /^(GITHUB_OUTPUT|GITHUB_ENV|GITHUB_PATH|GITHUB_STATE|GITHUB_STEP_SUMMARY|INPUT_.*|NODE_AUTH_TOKEN|NPM_TOKEN|NPM_TOTP_SECRET|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_RUNTIME_TOKEN|NPM_ID_TOKEN|SIGSTORE_ID_TOKEN|npm_config_.*_auth.*)$/i;
const PLACEHOLDERS = ['NODE_AUTH_TOKEN', 'NPM_TOKEN'];
function scrubEnvironment(env, secrets) {
    const clean = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || SECRET_VARIABLES.test(name))
            continue;
        if (secrets.some((secret) => secret.length >= 4 && value.includes(secret)))
            continue;
        clean[name] = value;
    }
    for (const name of PLACEHOLDERS)
        if (env[name] !== undefined)
            clean[name] = _foundation_setup_node_placeholder_js__WEBPACK_IMPORTED_MODULE_4__/* .SETUP_NODE_PLACEHOLDER */ .D;
    return clean;
}


/***/ }),

/***/ 4098:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ll: () => (/* binding */ integrityOf),
/* harmony export */   P1: () => (/* binding */ sameContents),
/* harmony export */   lm: () => (/* binding */ shasumOf),
/* harmony export */   ty: () => (/* binding */ readTarball)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var tar__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8697);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _read_package_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5863);
/* harmony import */ var _read_tarball_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3333);






async function readTarball(file, inputName) {
    const data = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file).catch((error) => {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: cannot read ${file} (${error.message}).`, { received: file, cause: error });
    });
    const manifest = await (0,_read_tarball_js__WEBPACK_IMPORTED_MODULE_5__/* .readTarballManifest */ .e)(data).catch((error) => {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: ${file} is not a package tarball npm can read (${error.message}).`, {
            received: file,
            cause: error,
        });
    });
    const checked = (0,_read_package_js__WEBPACK_IMPORTED_MODULE_4__/* .checkManifest */ .K7)(manifest, file, inputName);
    return { file, data, integrity: integrityOf(data), manifest: { ...manifest, name: checked.name, version: checked.version } };
}
async function tarballEntries(data) {
    const entries = new Map();
    await new Promise((resolve, reject) => {
        const parser = new tar__WEBPACK_IMPORTED_MODULE_2__/* .Parser */ .iX({
            onReadEntry: (entry) => {
                const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
                entry.on('data', (chunk) => hash.update(chunk));
                entry.on('end', () => entries.set(`${entry.type}:${entry.path.replace(/^[^/]+\//, '')}`, hash.digest('hex')));
            },
        });
        parser.on('error', reject);
        parser.on('end', resolve);
        parser.end(data);
    });
    return entries;
}
async function sameContents(a, b) {
    const [left, right] = await Promise.all([tarballEntries(a), tarballEntries(b)]);
    if (left.size !== right.size)
        return false;
    for (const [name, hash] of left)
        if (right.get(name) !== hash)
            return false;
    return true;
}
function integrityOf(data) {
    return `sha512-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha512').update(data).digest('base64')}`;
}
function shasumOf(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(data).digest('hex');
}


/***/ }),

/***/ 6844:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ findWorkspaces),
/* harmony export */   w: () => (/* binding */ readWorkspacePackage)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _npmcli_name_from_folder__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(995);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3581);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2088);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8815);
/* harmony import */ var _foundation_code_unit_order_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2018);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9670);
/* harmony import */ var _foundation_is_record_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9319);
/* harmony import */ var glob__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2600);
/* harmony import */ var _read_package_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5863);
/* harmony import */ var _registry_name_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5709);












const PNPM_FILE = 'pnpm-workspace.yaml';
const NPM_IGNORE = ['**/node_modules/**'];
const PNPM_IGNORE = ['**/node_modules/**', '**/bower_components/**'];
async function findWorkspaces(root, inputName) {
    root = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root);
    const rootFile = node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, 'package.json');
    const [rootText, pnpmText, hasYarnLock] = await Promise.all([
        readText(rootFile, inputName),
        readText(node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, PNPM_FILE), inputName),
        (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, 'yarn.lock')).then(() => true, () => false),
    ]);
    if (rootText === undefined && pnpmText === undefined) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: there is no package.json in ${root}. Give the root folder of the monorepo, the one whose package.json declares "workspaces" (or that holds ${PNPM_FILE}).`, { received: root });
    }
    const rootManifest = rootText === undefined ? {} : (0,_read_package_js__WEBPACK_IMPORTED_MODULE_8__/* .parseManifest */ .Ng)(rootText, rootFile, inputName);
    const packageManager = typeof rootManifest.packageManager === 'string' ? rootManifest.packageManager : '';
    const manager = pnpmText !== undefined ? 'pnpm' : hasYarnLock || packageManager.startsWith('yarn') ? 'yarn' : 'npm';
    let declaredIn;
    let patterns;
    let dirs;
    let catalogs = {};
    if (manager === 'pnpm') {
        declaredIn = node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, PNPM_FILE);
        const config = parseYamlObject(pnpmText ?? '', declaredIn, inputName);
        patterns = stringList(config.packages, `"packages" in ${declaredIn}`, inputName);
        if (patterns.length === 0)
            throw noWorkspaces(declaredIn, inputName);
        catalogs = readCatalogs(config, declaredIn, inputName);
        dirs = await pnpmFolders(root, patterns);
    }
    else {
        declaredIn = rootFile;
        const declared = rootManifest.workspaces;
        const list = (0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_10__/* .isRecord */ .u)(declared) ? declared.packages : declared;
        patterns = stringList(list, `"workspaces" in ${rootFile}`, inputName);
        if (patterns.length === 0)
            throw noWorkspaces(rootFile, inputName);
        if (manager === 'yarn') {
            const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, '.yarnrc.yml');
            const text = await readText(file, inputName);
            if (text !== undefined)
                catalogs = readCatalogs(parseYamlObject(text, file, inputName), file, inputName);
        }
        dirs = await npmFolders(root, patterns);
    }
    const folders = [...new Set(dirs)].filter((dir) => dir !== root).sort(_foundation_code_unit_order_js__WEBPACK_IMPORTED_MODULE_11__/* .codeUnitOrder */ .M);
    const texts = await Promise.all(folders.map((dir) => readText(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json'), inputName)));
    const packages = [];
    folders.forEach((dir, index) => {
        const text = texts[index];
        if (text === undefined)
            return;
        const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json');
        packages.push(readWorkspacePackage(root, dir, (0,_read_package_js__WEBPACK_IMPORTED_MODULE_8__/* .parseManifest */ .Ng)(text, file, inputName), file));
    });
    if (packages.length === 0)
        throw matchesNothing(patterns, declaredIn, inputName);
    packages.sort((a, b) => (0,_foundation_code_unit_order_js__WEBPACK_IMPORTED_MODULE_11__/* .codeUnitOrder */ .M)(a.name, b.name) || (0,_foundation_code_unit_order_js__WEBPACK_IMPORTED_MODULE_11__/* .codeUnitOrder */ .M)(a.relativeDir, b.relativeDir));
    return { root, manager, rootManifest, packages, catalogs };
}
function readWorkspacePackage(root, dir, manifest, file) {
    const isPrivate = manifest.private === true;
    const relativeDir = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, dir).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || '.';
    let problem;
    const given = manifest.name;
    const hasName = typeof given === 'string' && given !== '';
    const name = hasName ? given : _npmcli_name_from_folder__WEBPACK_IMPORTED_MODULE_2__(dir);
    if (!isPrivate && !hasName) {
        problem = {
            kind: given === undefined ? 'missing' : 'invalid',
            received: file,
            what: 'has no "name"',
            advice: 'Every workspace package that is not "private": true needs one, such as "my-package" or "@scope/my-package".',
        };
    }
    else if (!isPrivate && !(0,_registry_name_js__WEBPACK_IMPORTED_MODULE_9__/* .isRegistryName */ .V)(name)) {
        problem = {
            kind: 'invalid',
            received: name,
            what: 'is not a valid npm package name',
            advice: 'Use lower case, URL-safe characters, optionally under a scope (@scope/name).',
        };
    }
    const clean = typeof manifest.version === 'string' ? semver__WEBPACK_IMPORTED_MODULE_4__.clean(manifest.version) : null;
    if (clean === null && !isPrivate && problem === undefined) {
        const what = manifest.version === undefined ? 'has no "version"' : `has version ${JSON.stringify(manifest.version)}, which is not a semver version`;
        problem = {
            kind: manifest.version === undefined ? 'missing' : 'invalid',
            received: manifest.version,
            what,
            advice: 'Give it a version such as 1.2.3 or 2.0.0-beta.1, or mark it "private": true if it is never published.',
        };
    }
    return { name, version: clean ?? '', dir, relativeDir, manifest, private: isPrivate, ...(problem ? { problem } : {}) };
}
async function npmFolders(root, declared) {
    const patterns = [];
    let negated = [];
    for (const raw of declared) {
        const bangs = /^!+/.exec(raw)?.[0].length ?? 0;
        const pattern = raw.slice(bangs).replace(/^\.?\/+/, '');
        if (bangs % 2 === 1) {
            negated.push(pattern);
        }
        else {
            negated = negated.filter((exclusion) => !(0,minimatch__WEBPACK_IMPORTED_MODULE_3__/* .minimatch */ .xF)(pattern, exclusion));
            patterns.push(pattern);
        }
    }
    const kept = patterns.filter((pattern) => !negated.some((exclusion) => (0,minimatch__WEBPACK_IMPORTED_MODULE_3__/* .minimatch */ .xF)(pattern, exclusion)));
    if (kept.length === 0)
        return [];
    const globs = kept.map((pattern) => (pattern.replace(/\\/g, '/').endsWith('/') ? pattern : `${pattern}/`));
    const matches = await (0,glob__WEBPACK_IMPORTED_MODULE_7__.glob)(globs, { cwd: root, ignore: [...NPM_IGNORE, ...negated] });
    return matches.map((match) => node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, match));
}
async function pnpmFolders(root, declared) {
    const toManifest = (pattern) => pattern.replace(/^(\.\/)+/, '').replace(/\/?$/, '/package.json');
    const positive = declared.filter((pattern) => !pattern.startsWith('!')).map(toManifest);
    const negative = declared.filter((pattern) => pattern.startsWith('!')).map((pattern) => toManifest(pattern.slice(1)));
    if (positive.length === 0)
        return [];
    const matches = await (0,glob__WEBPACK_IMPORTED_MODULE_7__.glob)(positive, { cwd: root, ignore: [...PNPM_IGNORE, ...negative] });
    return matches.map((match) => node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, match)));
}
function readCatalogs(config, file, inputName) {
    const catalogs = {};
    const named = config.catalogs ?? {};
    if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_10__/* .isRecord */ .u)(named))
        throw malformedCatalog(file, '"catalogs" is not a mapping of catalog names to catalogs', inputName);
    if (config.catalog != null && named.default != null) {
        throw malformedCatalog(file, 'the default catalog is defined twice, as "catalog" and as "catalogs.default"; keep one', inputName);
    }
    const entries = [['default', config.catalog ?? undefined], ...Object.entries(named)];
    for (const [name, catalog] of entries) {
        if (catalog == null)
            continue;
        const where = name === 'default' && config.catalog != null ? '"catalog"' : `catalog "${name}"`;
        if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_10__/* .isRecord */ .u)(catalog))
            throw malformedCatalog(file, `${where} is not a mapping of package names to ranges`, inputName);
        for (const [dependency, range] of Object.entries(catalog)) {
            if (typeof range !== 'string')
                throw malformedCatalog(file, `${where} gives "${dependency}" a ${typeof range}, not a range`, inputName);
        }
        catalogs[name] = { ...catalog };
    }
    return catalogs;
}
function malformedCatalog(file, why, inputName) {
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: ${file} is malformed: ${why}. A catalog maps package names to ranges, such as "react: ^18.2.0".`, {
        received: file,
    });
}
function noWorkspaces(file, inputName) {
    const how = file.endsWith(PNPM_FILE)
        ? `list the package folders under "packages" in ${file}, such as "packages: ['packages/*']"`
        : `list the package folders in the "workspaces" field of ${file}, such as "workspaces": ["packages/*"]`;
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: ${file} declares no workspaces. To publish the packages of a monorepo, ${how}; to publish one package, give its folder without workspaces.`, { received: file });
}
function matchesNothing(patterns, file, inputName) {
    const list = patterns.length > 0 ? ` (${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')})` : '';
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: the workspaces declared in ${file}${list} match no folder holding a package.json. Each pattern is a folder or a glob relative to the root, such as "packages/*" or "packages/**".`, {
        received: patterns,
    });
}
function stringList(value, where, inputName) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: ${where} is not a list of folder patterns. Give an array of non-empty strings, such as ["packages/*"].`, {
            received: value,
        });
    }
    return value;
}
function parseYamlObject(text, file, inputName) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_5__/* .parse */ .qg)(text);
    }
    catch (error) {
        const reason = error.message.split('\n')[0];
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: ${file} is not valid YAML (${reason}). Fix its syntax.`, { received: file });
    }
    if (data === null || data === undefined)
        return {};
    if (!(0,_foundation_is_record_js__WEBPACK_IMPORTED_MODULE_10__/* .isRecord */ .u)(data)) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: ${file} does not hold a YAML mapping. It should map settings such as "packages" to their values.`, {
            received: file,
        });
    }
    return data;
}
async function readText(file, inputName) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(inputName, `${inputName}: could not read ${file} (${code ?? error.message}). Check that the file is readable.`, {
            received: file,
            cause: error,
        });
    }
}


/***/ }),

/***/ 3808:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ RegistryReadError)
/* harmony export */ });
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);

class RegistryReadError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(id, registry, reason, cause) {
        super('EREGISTRYREAD', `Reading ${id.replace(/@[^@]+$/, '')} from ${registry} before publishing failed: ${reason}. Nothing was sent: ${id} was not published.`, { received: id, cause });
    }
}


/***/ }),

/***/ 5330:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ki: () => (/* binding */ repositoryProblem),
/* harmony export */   WV: () => (/* binding */ provenanceCi),
/* harmony export */   ke: () => (/* binding */ statementRepository)
/* harmony export */ });
function provenanceCi(env) {
    if (env.CI === 'false')
        return undefined;
    if (env.GITHUB_ACTIONS)
        return 'github';
    if (env.GITLAB_CI)
        return 'gitlab';
    return undefined;
}
function statementRepository(ci, env) {
    if (ci === 'github' && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY)
        return `${env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`;
    if (ci === 'gitlab' && env.CI_PROJECT_URL)
        return env.CI_PROJECT_URL.replace(/\/+$/, '');
    return undefined;
}
function repositoryProblem(manifest, expected) {
    const repository = manifest.repository;
    const given = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? repository.url : undefined;
    if (typeof given !== 'string' || given.trim() === '') {
        return `package.json has no "repository", and the registry accepts provenance only when repository.url names the repository the statement comes from. Add "repository": {"type": "git", "url": "git+${expected}.git"}`;
    }
    const [have, want] = [repositoryKey(given), repositoryKey(expected)];
    if (have === undefined || want === undefined || have === want)
        return undefined;
    return `package.json's repository is "${given}", but the statement comes from ${expected}, and the registry refuses provenance when they differ. Set repository.url to "git+${expected}.git"`;
}
const SHORTCUT_HOSTS = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };
function repositoryKey(value) {
    const text = value.trim();
    const shortcut = /^(github|gitlab|bitbucket):([^/\s]+\/[^\s]+)$/i.exec(text);
    const scp = /^[^@/\s]+@([^:/\s]+):(.+)$/.exec(text);
    let host;
    let repoPath;
    if (shortcut)
        [host, repoPath] = [SHORTCUT_HOSTS[shortcut[1].toLowerCase()], shortcut[2]];
    else if (/^[^/:\s@]+\/[^/:\s]+$/.test(text))
        [host, repoPath] = ['github.com', text];
    else if (scp && !text.includes('://'))
        [host, repoPath] = [scp[1], scp[2]];
    else {
        try {
            const url = new URL(text.replace(/^git\+/, ''));
            [host, repoPath] = [url.hostname, url.pathname];
        }
        catch {
            return undefined;
        }
    }
    const key = `${host}/${repoPath
        .replace(/^\/+/, '')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')}`.toLowerCase();
    return key.split('/').length >= 3 ? key : undefined;
}


/***/ }),

/***/ 9340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ settleProvenance),
/* harmony export */   k: () => (/* binding */ checkProvenanceVisibility)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3808);
/* harmony import */ var _provenance_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5330);
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(403);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _registry_access_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(773);





function settleProvenance(options, subject, env) {
    const names = options.names;
    const ci = (0,_provenance_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .provenanceCi */ .WV)(env);
    let mode;
    let from;
    let input;
    const flag = subject.lineFlag;
    const setting = flag?.value ?? options.provenance;
    const settingFrom = flag ? `--provenance on line ${flag.line}` : names.provenance;
    const settingInput = flag ? '--provenance' : names.provenance;
    if (setting !== 'auto') {
        [mode, from, input] = [setting ? 'on' : 'off', settingFrom, settingInput];
    }
    else if (subject.publishConfig.provenance !== undefined && subject.publishConfig.provenance !== null) {
        from = `${names.package} (publishConfig.provenance in ${subject.where})`;
        input = names.package;
        mode = publishConfigProvenance(subject.publishConfig.provenance, from, input) ? 'on' : 'off';
    }
    else {
        return { mode: 'auto', from: settingFrom, ci };
    }
    if (mode === 'off')
        return { mode, from, ci };
    const problem = provenanceProblem(ci, env, subject);
    if (problem === undefined)
        return { mode, from, ci };
    const bySetting = input === settingInput;
    const instead = flag
        ? `write --provenance=false${bySetting ? ' or --provenance=auto' : ''} on line ${flag.line}${bySetting ? '' : ' (it overrides publishConfig.provenance)'}`
        : bySetting
            ? `set ${names.provenance} to false or auto`
            : `set ${names.provenance} to false (it overrides publishConfig.provenance)`;
    const message = `${from}: ${subject.id} cannot be published with provenance: ${problem}. Or ${instead} to publish without it; nothing was run or sent.`;
    if (subject.dryRun)
        return { mode, from, ci, problem: message };
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, message, { received: ci ?? 'no CI' });
}
function publishConfigProvenance(value, from, input) {
    if (value === true || value === 'true')
        return true;
    if (value === false || value === 'false')
        return false;
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${from} is ${JSON.stringify(value)}; use true or false.`, { received: value });
}
function provenanceProblem(ci, env, subject) {
    if (ci === undefined) {
        const where = env.CIRCLECI ? 'in CircleCI, where npm does not sign provenance' : env.CI === 'false' ? 'marked CI=false' : 'not in a CI that can sign one';
        return (`a provenance statement names the workflow, commit and run that built the package and is signed with the CI's OIDC identity, ` +
            `which npm does in GitHub Actions and GitLab CI only, and this run is ${where}. Publish from a GitHub Actions or GitLab CI job`);
    }
    if (ci === 'github' && (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)) {
        return 'the job has no OIDC ID token to sign the statement with (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Give the publishing job `permissions: id-token: write`';
    }
    if (ci === 'github' && env.RUNNER_ENVIRONMENT === 'self-hosted') {
        return 'the job runs on a self-hosted runner, and the registry accepts provenance only from GitHub-hosted runners. Publish from a GitHub-hosted runner';
    }
    if (ci === 'gitlab' && !env.SIGSTORE_ID_TOKEN) {
        return 'the job has no SIGSTORE_ID_TOKEN to sign the statement with. Add `id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }` to the publishing job';
    }
    if (subject.access === 'restricted') {
        return `it is published with restricted access (${subject.accessFrom}), and npm signs provenance for public packages only. Publish it with public access`;
    }
    const expected = (0,_provenance_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .statementRepository */ .ke)(ci, env);
    return expected === undefined ? undefined : (0,_provenance_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryProblem */ .Ki)(subject.manifest, expected);
}
async function checkProvenanceVisibility(client, plan, packument) {
    const provenance = plan.provenance;
    if (provenance?.mode !== 'on' || plan.access === 'public' || plan.dryRun)
        return;
    const id = `${plan.name}@${plan.version}`;
    const input = provenance.from.split(' ')[0];
    const refuse = (why) => {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${provenance.from}: ${id} cannot be published with provenance: ${why}, and npm signs provenance for public packages only. ` +
            `Publish with access public (it makes the package public), or without provenance; nothing was run or sent.`, { received: plan.name });
    };
    if (packument === undefined)
        refuse(`${plan.name} is not in ${client.registry} yet, so the registry cannot say it is public`);
    const visible = await (0,_registry_access_js__WEBPACK_IMPORTED_MODULE_4__/* .readVisibility */ .tQ)(client, plan.name).catch((error) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryReadError */ .O(id, client.registry, `the package's visibility, needed for provenance: ${(0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .Gk)(error)}`, error);
    });
    if (visible !== true)
        refuse(visible === false ? `${plan.name} is private in ${client.registry}` : `${client.registry} does not say ${plan.name} is public`);
}


/***/ }),

/***/ 1118:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ packageInput),
  planPublish: () => (/* binding */ planPublish),
  Z: () => (/* binding */ settlePublish)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/grammar/validate.js
var validate = __webpack_require__(5443);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/foundation/is-record.js
var is_record = __webpack_require__(9319);
// EXTERNAL MODULE: ./lib/package/npmrc.js
var package_npmrc = __webpack_require__(9050);
// EXTERNAL MODULE: ./lib/package/read-package.js
var read_package = __webpack_require__(5863);
// EXTERNAL MODULE: ./lib/package/scripts.js
var package_scripts = __webpack_require__(8344);
// EXTERNAL MODULE: ./lib/package/tarball.js
var package_tarball = __webpack_require__(4098);
// EXTERNAL MODULE: ./lib/plan/provenance.js
var plan_provenance = __webpack_require__(9340);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/package/publish-manifest.js
var publish_manifest = __webpack_require__(6533);
// EXTERNAL MODULE: ./lib/package/workspaces.js
var workspaces = __webpack_require__(6844);
;// CONCATENATED MODULE: ./lib/plan/workspace-folder.js





async function workspaceFolder(dir, manifest, inputName) {
    const protocol = firstProtocolRange(manifest);
    const root = await workspaceRootAbove(dir);
    if (root === undefined) {
        if (protocol === undefined)
            return undefined;
        throw new errors/* InputError */.dz(inputName, `${inputName}: ${String(manifest.name)} (${external_node_path_.join(dir, 'package.json')}) has "${protocol.name}": "${protocol.spec}" in ${protocol.field}, and there is no pnpm or yarn workspace above ${dir} to resolve it from: it would reach the registry as written, and nobody could install it. Publish from the monorepo (with its pnpm-workspace.yaml or "workspaces"), or write a registry range such as ^1.2.3.`, { received: protocol.spec });
    }
    const monorepo = await (0,workspaces/* findWorkspaces */.g)(root, inputName);
    if (monorepo.manager === 'npm') {
        if (protocol === undefined)
            return undefined;
        throw new errors/* InputError */.dz(inputName, `${inputName}: ${String(manifest.name)} (${external_node_path_.join(dir, 'package.json')}) has "${protocol.name}": "${protocol.spec}" in ${protocol.field}, but ${root} is an npm workspace, and npm has no ${protocol.spec.startsWith('catalog:') ? 'catalog: protocol' : 'workspace: protocol'}: npm publish would send it to the registry unresolved. Write the range npm should publish, such as ^1.2.3.`, { received: protocol.spec });
    }
    const found = monorepo.packages.find((pkg) => pkg.dir === dir);
    const relativeDir = external_node_path_.relative(root, dir).split(external_node_path_.sep).join('/') || '.';
    const pkg = found ?? { name: String(manifest.name), version: String(manifest.version), dir, relativeDir, manifest, private: manifest.private === true };
    const published = (0,publish_manifest/* publishManifest */.p)({ ...pkg, manifest }, monorepo, inputName);
    const rewritten = JSON.stringify(published.manifest) !== JSON.stringify(manifest);
    return {
        manifest: published.manifest,
        manifestText: rewritten ? `${JSON.stringify(published.manifest, null, 2)}\n` : undefined,
        workspaceRoot: root,
        manager: monorepo.manager,
        warnings: published.warnings,
    };
}
function firstProtocolRange(manifest) {
    for (const field of publish_manifest/* DEPENDENCY_FIELDS */.A) {
        const dependencies = manifest[field];
        if (typeof dependencies !== 'object' || dependencies === null)
            continue;
        for (const [name, spec] of Object.entries(dependencies)) {
            if (typeof spec === 'string' && (spec.includes('workspace:') || spec.startsWith('catalog:')))
                return { field, name, spec };
        }
    }
    return undefined;
}
async function workspaceRootAbove(dir) {
    for (let current = external_node_path_.resolve(dir);; current = external_node_path_.dirname(current)) {
        if (await (0,promises_.stat)(external_node_path_.join(current, 'pnpm-workspace.yaml')).then((info) => info.isFile(), () => false))
            return current;
        const text = await (0,promises_.readFile)(external_node_path_.join(current, 'package.json'), 'utf8').catch(() => undefined);
        if (text !== undefined) {
            try {
                const data = JSON.parse(text.replace(/^\uFEFF/, ''));
                if (data && typeof data === 'object' && data.workspaces !== undefined)
                    return current;
            }
            catch {
            }
        }
        if (external_node_path_.dirname(current) === current)
            return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/plan/publish-plan.js











const PUBLISH_SCRIPTS = ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'];
async function planPublish(command, options, cwd, env) {
    const input = packageInput(command, options.names);
    if (input !== options.names.package)
        options = { ...options, names: { ...options.names, package: input } };
    const names = options.names;
    const found = await (0,read_package/* readPackageSource */.ez)(command.target ?? options.packageSpec, cwd, names.package);
    let source;
    let warnings;
    if (found.kind === 'folder') {
        const manifest = found.manifest;
        const inWorkspace = await workspaceFolder(found.dir, manifest, names.package);
        source = inWorkspace
            ? {
                kind: 'folder',
                dir: found.dir,
                manifest: inWorkspace.manifest,
                manifestText: inWorkspace.manifestText,
                workspaceRoot: inWorkspace.workspaceRoot,
                manager: inWorkspace.manager,
            }
            : { kind: 'folder', dir: found.dir, manifest };
        warnings = inWorkspace?.warnings;
    }
    else {
        const tarball = await (0,package_tarball/* readTarball */.ty)(found.file, names.package);
        source = { kind: 'tarball', file: found.file, data: tarball.data, integrity: tarball.integrity, manifest: tarball.manifest };
    }
    const plan = await settlePublish(command, options, source, cwd, env);
    if (warnings && warnings.length > 0)
        plan.warnings = warnings;
    return plan;
}
function packageInput(command, names) {
    return command.target === undefined ? names.package : (command.targetInput ?? names.package);
}
async function settlePublish(command, options, source, cwd, env, npmrc = {}) {
    const names = options.names;
    const manifest = source.manifest;
    const name = manifest.name;
    const version = manifest.version;
    const where = source.kind === 'folder' ? external_node_path_.join(source.dir, 'package.json') : source.file;
    if (manifest.private) {
        throw new errors/* InputError */.dz(names.package, `${names.package}: ${name} is marked "private": ${JSON.stringify(manifest.private)} in ${where}; npm refuses to publish it. Remove "private" to publish.`, { received: name });
    }
    const publishConfig = (0,is_record/* isRecord */.u)(manifest.publishConfig) ? manifest.publishConfig : {};
    const tagInput = command.line > 0 ? `${names.tag} (or --tag on line ${command.line})` : names.tag;
    const chosen = command.tag ?? options.tag;
    const configured = typeof publishConfig.tag === 'string' ? publishConfig.tag : undefined;
    const configuredProblem = configured === undefined ? undefined : (0,validate/* tagProblem */.qH)(configured);
    if (configuredProblem)
        throw new errors/* InputError */.dz(names.package, `${names.package}: publishConfig.tag in ${where}: ${configuredProblem}.`, { received: configured });
    if (chosen === undefined && configured === undefined && semver.prerelease(version) !== null) {
        throw new errors/* InputError */.dz(names.tag, `${tagInput}: ${name}@${version} is a prerelease; give an explicit tag (for example next or beta), as npm requires, so that it does not become "latest".`, { received: version });
    }
    if (options.expectVersion !== undefined && version !== options.expectVersion) {
        throw new errors/* InputError */.dz(names.expectVersion, `${names.expectVersion}: the release is ${options.expectVersion} but ${name} is at ${version} in ${where}; bump the version (or tag the right commit) so that they match.`, { received: version });
    }
    const access = command.access ?? options.access ?? publishConfigAccess(publishConfig.access, names.package, where);
    const accessFrom = command.access !== undefined
        ? `--access on line ${command.line}`
        : options.access !== undefined
            ? names.access
            : `${names.package} (publishConfig.access in ${where})`;
    if (access === 'restricted' && !name.startsWith('@')) {
        const from = accessFrom;
        throw new errors/* InputError */.dz(from.split(' ')[0], `${from}: ${name} is unscoped, and only scoped packages (@scope/name) can have restricted access. Use public, or publish under a scope.`, { received: name });
    }
    const dirs = npmrc.dirs ?? [...new Set([source.kind === 'folder' ? source.dir : undefined, cwd].filter((dir) => dir !== undefined))];
    await checkRegistry(options, name, publishConfig, where, dirs, npmrc.read ?? ((dir) => (0,package_npmrc/* readNpmrcRegistries */.eB)(dir, env, names.package)), env);
    const dryRun = command.dryRun || options.dryRun;
    const lineFlag = command.provenance === undefined ? undefined : { value: command.provenance, line: command.line };
    const provenance = (0,plan_provenance/* settleProvenance */.f)(options, { id: `${name}@${version}`, manifest, publishConfig, where, access, accessFrom, dryRun, lineFlag }, env);
    const scripts = source.kind === 'folder' && !options.ignoreScripts ? PUBLISH_SCRIPTS.filter((event) => (0,package_scripts/* hasScript */.yw)(manifest, event)) : [];
    return {
        command,
        source,
        name,
        version,
        tag: chosen ?? configured ?? 'latest',
        tagImplicit: chosen === undefined && configured === undefined,
        tagInput,
        access,
        registry: options.registry,
        dryRun,
        scripts,
        provenance,
    };
}
function publishConfigAccess(value, input, where) {
    if (value === undefined || value === null)
        return undefined;
    if (value === 'public' || value === 'restricted')
        return value;
    throw new errors/* InputError */.dz(input, `${input}: publishConfig.access in ${where} is ${JSON.stringify(value)}; use "public" or "restricted".`, { received: value });
}
async function checkRegistry(options, name, publishConfig, where, npmrcDirs, readNpmrc, env) {
    const names = options.names;
    const inEffect = `${names.registry} (${options.registryGiven ? '' : 'default '}${options.registry})`;
    const config = await (0,package_npmrc/* readNpmConfig */.mW)(env, names.package);
    const projects = npmrcDirs.length === 0 ? [[]] : await Promise.all(npmrcDirs.map((dir) => readNpmrc(dir)));
    for (const project of projects) {
        const destination = (0,package_npmrc/* npmDestination */.yB)(name, publishConfig, config, project, names.package, where);
        if (destination === undefined || normalizeUrl(destination.registry) === normalizeUrl(options.registry))
            continue;
        const shown = destination.registry === '' ? '(empty)' : destination.registry;
        const to = destination.registry === '' ? 'npm cannot publish with an empty registry' : `so npm would publish ${name} there`;
        const change = destination.source.kind === 'publishConfig' ? `remove publishConfig["${destination.key}"]` : `change that setting`;
        throw new errors/* InputError */.dz(names.registry, `${names.registry}: ${describeSetting(destination, name, where)}${destination.source.kind === 'publishConfig' ? '' : `, ${to}`}, but this run publishes to ${inEffect}. ` +
            (destination.registry === ''
                ? `Set it to a registry URL; nothing was sent.`
                : `Set ${names.registry} to ${shown} (with a token for it) to publish there, or ${change}; nothing was sent.`), { received: destination.registry });
    }
}
function describeSetting(destination, name, where) {
    const setting = `${destination.key}=${destination.registry}`;
    switch (destination.source.kind) {
        case 'publishConfig':
            return `${name} says "publishConfig": {"${destination.key}": "${destination.registry}"} in ${where}`;
        case 'env':
            return `the environment variable ${destination.source.variable} sets ${setting}`;
        default:
            return `the ${destination.source.kind} config ${destination.source.file} sets ${setting}`;
    }
}
function normalizeUrl(url) {
    try {
        const parsed = new URL(url.trim());
        parsed.search = '';
        parsed.hash = '';
        if (!parsed.pathname.endsWith('/'))
            parsed.pathname += '/';
        return parsed.toString();
    }
    catch {
        return url.trim();
    }
}


/***/ }),

/***/ 6620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planStageDecisions: () => (/* binding */ planStageDecisions),
/* harmony export */   planTrust: () => (/* binding */ planTrust),
/* harmony export */   q: () => (/* binding */ uncomparable)
/* harmony export */ });
/* unused harmony export repositoryOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var npm_package_arg__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8056);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _package_read_package_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5863);
/* harmony import */ var _package_tarball_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4098);
/* harmony import */ var _package_workspaces_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6844);
/* harmony import */ var _workspace_selection_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2477);
/* harmony import */ var _publish_plan_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1118);
/* harmony import */ var _workspace_plan_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1301);










const PACKING_SCRIPTS = ['prepack', 'prepare', 'postpack'];
function uncomparable(checkout) {
    const id = `${checkout.name}@${checkout.version}`;
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(checkout.input, `${checkout.input}: the checkout holds ${id}, but it cannot be compared with what is staged, because it cannot be packed as stage publish would pack it: ${checkout.problem} ` +
        `Nothing was approved: fix the package, or approve from a checkout that packs ${id}.`, { received: id });
}
async function monorepoRoot(options, cwd) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, options.packageSpec);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target).catch(() => undefined);
    if (info?.isFile() && node_path__WEBPACK_IMPORTED_MODULE_1__.basename(target) === 'package.json')
        return node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(target);
    if (!info?.isDirectory())
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(options.names.package, `${options.names.package}: "${options.packageSpec}" is not a folder (looked for ${target}). With --workspaces, give the monorepo's root folder.`, { received: options.packageSpec });
    return target;
}
async function planTrust(command, options, cwd) {
    const names = options.names;
    const where = command.line > 0 ? `commands line ${command.line}` : 'the command line';
    const fail = (problem, received) => new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(names.package, `${where} (${command.text}): ${problem}.`, { received });
    if (command.workspaces !== undefined) {
        const monorepo = await (0,_package_workspaces_js__WEBPACK_IMPORTED_MODULE_6__/* .findWorkspaces */ .g)(await monorepoRoot(options, cwd), names.workspaces);
        const selected = (0,_workspace_selection_js__WEBPACK_IMPORTED_MODULE_7__/* .selectWorkspaces */ .Vj)(monorepo, command.workspaces, command.includeWorkspaceRoot, names.workspaces).filter((pkg) => !pkg.private);
        if (selected.length === 0)
            throw fail(`the workspaces selected hold no public package`);
        const rootRepository = repositoryOf(monorepo.rootManifest, command.spec.provider);
        return selected.map((pkg) => {
            const own = repositoryOf(pkg.manifest, command.spec.provider);
            const entity = command.spec.entity ?? own ?? rootRepository;
            if (command.spec.provider !== 'circleci' && entity === undefined) {
                throw fail(`${pkg.name} names no ${providerWords(command.spec.provider)} in the "repository" of ${node_path__WEBPACK_IMPORTED_MODULE_1__.join(pkg.dir, 'package.json')} or of the monorepo root: give ${command.spec.provider === 'github' ? '--repo owner/repo' : '--project group/project'}`, pkg.name);
            }
            const note = command.spec.entity === undefined && entity !== undefined
                ? [
                    `${entityWord(command.spec.provider)} ${entity} from the "repository" of ${own === undefined ? 'the monorepo root' : node_path__WEBPACK_IMPORTED_MODULE_1__.join(pkg.relativeDir, 'package.json')}`,
                ]
                : [];
            return trustCreate(command, pkg.name, entity, note);
        });
    }
    let manifest;
    let problem;
    try {
        const found = await (0,_package_read_package_js__WEBPACK_IMPORTED_MODULE_4__/* .readPackageSource */ .ez)(options.packageSpec, cwd, names.package);
        manifest = found.kind === 'folder' ? found.manifest : (await (0,_package_tarball_js__WEBPACK_IMPORTED_MODULE_5__/* .readTarball */ .ty)(found.file, names.package)).manifest;
    }
    catch (error) {
        problem = error instanceof Error ? error.message : String(error);
    }
    const pkg = command.pkg ?? (typeof manifest?.name === 'string' ? manifest.name : undefined);
    if (pkg === undefined)
        throw fail(`no <pkg> given, and the package setting names no readable package (${problem ?? 'no name'})`);
    const { provider, entity: given } = command.spec;
    if (provider === 'circleci')
        return [trustCreate(command, pkg, undefined, [])];
    const fromManifest = manifest === undefined ? undefined : repositoryOf(manifest, provider);
    const declared = manifest?.repository !== undefined && manifest?.name === pkg;
    if (given === undefined && fromManifest === undefined) {
        const why = declared
            ? `the "repository" in its package.json is not a ${providerWords(provider)}`
            : `the package setting's package.json gives no ${providerWords(provider)} for it`;
        throw fail(`${pkg}: ${why}; give ${provider === 'github' ? '--repo owner/repo' : '--project group/project'}`, pkg);
    }
    const notes = [];
    if (given === undefined)
        notes.push(`${entityWord(provider)} ${fromManifest} from the "repository" of its package.json`);
    else if (fromManifest !== undefined && fromManifest !== given && manifest?.name === pkg)
        notes.push(`the "repository" in package.json (${fromManifest}) differs from the ${entityWord(provider)} given (${given}); using ${given}`);
    return [trustCreate(command, pkg, given ?? fromManifest, notes)];
}
function providerWords(provider) {
    return provider === 'github' ? 'GitHub repository' : provider === 'gitlab' ? 'GitLab project' : 'CircleCI pipeline';
}
function entityWord(provider) {
    return provider === 'github' ? 'repository' : 'project';
}
function repositoryOf(manifest, provider) {
    const field = manifest.repository;
    const url = typeof field === 'string'
        ? field
        : field && typeof field === 'object' && typeof field.url === 'string'
            ? field.url
            : undefined;
    if (url === undefined)
        return undefined;
    try {
        const hosted = npm_package_arg__WEBPACK_IMPORTED_MODULE_2__(url).hosted;
        if (!hosted || hosted.type !== provider || !hosted.user || !hosted.project)
            return undefined;
        return `${hosted.user}/${hosted.project}`;
    }
    catch {
        return undefined;
    }
}
function trustCreate(command, pkg, entity, notes) {
    const { spec } = command;
    let config;
    const environment = spec.environment === undefined ? {} : { environment: spec.environment };
    if (spec.provider === 'github') {
        config = { type: 'github', claims: { repository: entity, workflow_ref: { file: spec.file }, ...environment }, permissions: spec.permissions };
    }
    else if (spec.provider === 'gitlab') {
        config = { type: 'gitlab', claims: { project_path: entity, ci_config_ref_uri: { file: spec.file }, ...environment }, permissions: spec.permissions };
    }
    else {
        const ids = spec.circleci;
        const claims = {
            'oidc.circleci.com/org-id': ids.orgId,
            'oidc.circleci.com/project-id': ids.projectId,
            'oidc.circleci.com/pipeline-definition-id': ids.pipelineDefinitionId,
            'oidc.circleci.com/vcs-origin': ids.vcsOrigin,
        };
        if (ids.contextIds.length > 0)
            claims['oidc.circleci.com/context-ids'] = ids.contextIds;
        config = { type: 'circleci', claims, permissions: spec.permissions };
    }
    const flags = [
        ...(spec.provider === 'circleci' ? [] : [`--file ${spec.file}`, `--${spec.provider === 'github' ? 'repo' : 'project'} ${entity}`]),
        ...(spec.environment === undefined ? [] : [`--env ${spec.environment}`]),
        ...(spec.permissions.includes('createPackage') ? ['--allow-publish'] : []),
        ...(spec.permissions.includes('createStagedPackage') ? ['--allow-stage-publish'] : []),
    ];
    return { pkg, config, flags, notes };
}
async function planStageDecisions(command, options, cwd, env) {
    if (command.workspaces !== undefined) {
        const publish = {
            line: command.line,
            text: command.text,
            target: undefined,
            tag: undefined,
            access: undefined,
            dryRun: false,
            workspaces: command.workspaces,
            includeWorkspaceRoot: command.includeWorkspaceRoot,
            stage: true,
        };
        const plan = await (0,_workspace_plan_js__WEBPACK_IMPORTED_MODULE_9__.planWorkspacePublish)(publish, { ...options, provenance: false }, cwd, env);
        return plan.members.flatMap((member) => {
            if (!member.plan)
                return [];
            const checkout = {
                name: member.plan.name,
                version: member.plan.version,
                source: member.plan.source,
                scripts: member.plan.scripts.filter((event) => PACKING_SCRIPTS.includes(event)),
                tag: member.plan.tagImplicit ? undefined : member.plan.tag,
                access: member.plan.access,
            };
            return [{ target: { name: member.name, version: member.version }, checkout }];
        });
    }
    const checkout = command.action === 'approve' ? await packageCheckout(command, options, cwd, env) : undefined;
    if (checkout && 'problem' in checkout) {
        const named = command.targets.find((target) => 'name' in target && target.name === checkout.name && target.version === checkout.version);
        if (named)
            throw uncomparable(checkout);
    }
    return command.targets.map((target) => ({ target, checkout }));
}
async function packageCheckout(command, options, cwd, env) {
    const names = options.names;
    if (!(await holdsPackage(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, options.packageSpec))))
        return undefined;
    const found = await (0,_package_read_package_js__WEBPACK_IMPORTED_MODULE_4__/* .readPackageSource */ .ez)(options.packageSpec, cwd, names.package);
    if (found.kind === 'tarball') {
        const tarball = await (0,_package_tarball_js__WEBPACK_IMPORTED_MODULE_5__/* .readTarball */ .ty)(found.file, names.package);
        return {
            name: tarball.manifest.name,
            version: tarball.manifest.version,
            source: { kind: 'tarball', file: found.file, data: tarball.data, integrity: tarball.integrity, manifest: tarball.manifest },
            scripts: [],
        };
    }
    const publish = { line: 0, text: command.text, target: undefined, tag: 'latest', access: undefined, dryRun: false, stage: true };
    const manifest = found.manifest;
    try {
        const plan = await (0,_publish_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .settlePublish */ .Z)(publish, { ...options, expectVersion: undefined, provenance: false }, { kind: 'folder', dir: found.dir, manifest }, cwd, env);
        const publishConfig = typeof manifest.publishConfig === 'object' && manifest.publishConfig !== null ? manifest.publishConfig : {};
        const tag = options.tag ?? (typeof publishConfig.tag === 'string' ? publishConfig.tag : undefined);
        return {
            name: plan.name,
            version: plan.version,
            source: plan.source,
            scripts: plan.scripts.filter((event) => PACKING_SCRIPTS.includes(event)),
            tag,
            access: plan.access,
        };
    }
    catch (error) {
        return {
            name: found.manifest.name,
            version: found.manifest.version,
            problem: error instanceof Error ? error.message : String(error),
            input: names.package,
        };
    }
}
async function holdsPackage(target) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target).catch(() => undefined);
    if (!info)
        return false;
    if (info.isDirectory())
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(target, 'package.json')).catch(() => undefined)) !== undefined;
    return true;
}


/***/ }),

/***/ 1301:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planWorkspacePublish: () => (/* binding */ planWorkspacePublish),
  workspaceVersions: () => (/* binding */ workspaceVersions)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/foundation/code-unit-order.js
var code_unit_order = __webpack_require__(2018);
// EXTERNAL MODULE: ./lib/foundation/is-record.js
var is_record = __webpack_require__(9319);
;// CONCATENATED MODULE: ./lib/plan/dependency-order.js




const RUNTIME_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
function dependencyOrder(packages) {
    const sorted = [...packages].sort((a, b) => (0,code_unit_order/* codeUnitOrder */.M)(a.name, b.name));
    const byName = new Map(sorted.map((pkg) => [pkg.name, pkg]));
    const dependsOn = new Map();
    for (const pkg of sorted) {
        const targets = new Set();
        for (const field of RUNTIME_FIELDS) {
            const dependencies = pkg.manifest[field];
            if (!(0,is_record/* isRecord */.u)(dependencies))
                continue;
            for (const [name, spec] of Object.entries(dependencies)) {
                if (typeof spec !== 'string')
                    continue;
                const target = workspaceTarget(pkg, name, spec, sorted, byName);
                if (target !== undefined && target !== pkg.name)
                    targets.add(target);
            }
        }
        dependsOn.set(pkg.name, [...targets].sort(code_unit_order/* codeUnitOrder */.M));
    }
    const components = stronglyConnected(sorted.map((pkg) => pkg.name), dependsOn);
    const componentOf = new Map();
    components.forEach((members, index) => {
        for (const member of members)
            componentOf.set(member, index);
    });
    const lastLevel = [];
    const levelOf = new Map();
    components.forEach((members, index) => {
        let base = 0;
        for (const member of members) {
            for (const dependency of dependsOn.get(member) ?? []) {
                const other = componentOf.get(dependency) ?? index;
                if (other !== index)
                    base = Math.max(base, (lastLevel[other] ?? 0) + 1);
            }
        }
        members.forEach((member, offset) => levelOf.set(member, base + offset));
        lastLevel[index] = base + members.length - 1;
    });
    const levels = [];
    for (const pkg of sorted) {
        const level = levelOf.get(pkg.name) ?? 0;
        (levels[level] ??= []).push(pkg.name);
    }
    const cycles = components.filter((members) => members.length > 1).sort((a, b) => (0,code_unit_order/* codeUnitOrder */.M)(a[0] ?? '', b[0] ?? ''));
    return { levels: levels.filter((level) => level !== undefined), dependsOn, cycles };
}
function workspaceTarget(pkg, name, spec, packages, byName) {
    const at = spec.indexOf('workspace:');
    if (at >= 0) {
        const rest = spec.slice(at + 'workspace:'.length).split(/\s/)[0] ?? '';
        const byPath = folderTarget(pkg, rest, packages);
        if (byPath !== undefined)
            return byPath;
        const alias = /^(.+)@[^@]*$/.exec(rest)?.[1];
        return byName.has(alias ?? name) ? (alias ?? name) : undefined;
    }
    const local = /^(?:file|link):(.+)$/.exec(spec)?.[1];
    if (local !== undefined)
        return folderTarget(pkg, local.startsWith('.') ? local : `./${local}`, packages);
    let target = name;
    let range = spec;
    const alias = /^npm:((?:@[^/@]+\/)?[^@]+)(?:@(.*))?$/.exec(spec);
    if (alias !== null) {
        target = alias[1] ?? name;
        range = alias[2] ?? '';
    }
    const other = byName.get(target);
    if (other === undefined)
        return undefined;
    if (range === '' || range === '*')
        return target;
    const version = other.version ?? (typeof other.manifest.version === 'string' ? (semver.clean(other.manifest.version) ?? '') : '');
    if (semver.valid(version) === null || semver.validRange(range, { loose: true }) === null)
        return undefined;
    return semver.satisfies(version, range, { loose: true, includePrerelease: true }) ? target : undefined;
}
function folderTarget(pkg, rest, packages) {
    if (!/[\\/]/.test(rest) || rest.startsWith('@'))
        return undefined;
    if (pkg.dir !== undefined && rest.startsWith('.')) {
        const dir = external_node_path_.resolve(pkg.dir, rest);
        const found = packages.find((other) => other.dir === dir);
        if (found)
            return found.name;
    }
    const relative = external_node_path_.posix.normalize(rest.replace(/\\/g, '/')).replace(/\/+$/, '');
    return packages.find((other) => other.relativeDir !== undefined && other.relativeDir === relative)?.name;
}
function stronglyConnected(names, edges) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const components = [];
    let counter = 0;
    for (const start of names) {
        if (index.has(start))
            continue;
        const work = [{ node: start, next: 0 }];
        index.set(start, counter);
        low.set(start, counter++);
        stack.push(start);
        onStack.add(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const targets = edges.get(frame.node) ?? [];
            if (frame.next < targets.length) {
                const target = targets[frame.next++];
                if (!index.has(target)) {
                    index.set(target, counter);
                    low.set(target, counter++);
                    stack.push(target);
                    onStack.add(target);
                    work.push({ node: target, next: 0 });
                }
                else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node), index.get(target)));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent)
                low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
            if (low.get(frame.node) === index.get(frame.node)) {
                const members = [];
                let member;
                do {
                    member = stack.pop();
                    onStack.delete(member);
                    members.push(member);
                } while (member !== frame.node);
                components.push(members.sort(code_unit_order/* codeUnitOrder */.M));
            }
        }
    }
    return components;
}

// EXTERNAL MODULE: ./lib/package/npmrc.js
var npmrc = __webpack_require__(9050);
// EXTERNAL MODULE: ./lib/package/publish-manifest.js
var publish_manifest = __webpack_require__(6533);
// EXTERNAL MODULE: ./lib/package/workspaces.js
var workspaces = __webpack_require__(6844);
// EXTERNAL MODULE: ./lib/plan/workspace-selection.js
var workspace_selection = __webpack_require__(2477);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/grammar/options.js
var grammar_options = __webpack_require__(3635);
// EXTERNAL MODULE: ./lib/plan/publish-plan.js + 1 modules
var publish_plan = __webpack_require__(1118);
;// CONCATENATED MODULE: ./lib/plan/workspace-plan.js










async function monorepoAt(command, options, cwd) {
    const names = options.names;
    const spec = command.target ?? options.packageSpec;
    const target = external_node_path_.resolve(cwd, spec);
    const info = await (0,promises_.stat)(target).catch(() => undefined);
    const input = 'line' in command ? (0,publish_plan/* packageInput */.L)(command, names) : names.package;
    if (!info)
        throw new errors/* InputError */.dz(input, `${input}: "${spec}" does not exist (looked for ${target}). With ${names.workspaces}, give the monorepo's root folder.`, {
            received: spec,
        });
    const dir = info.isDirectory() ? target : external_node_path_.basename(target) === 'package.json' ? external_node_path_.dirname(target) : undefined;
    if (dir === undefined) {
        throw new errors/* InputError */.dz(names.workspaces, `${names.workspaces}: ${target} is not a folder; workspaces are published from the monorepo's root folder. Set ${names.package} to that folder.`, { received: spec });
    }
    return (0,workspaces/* findWorkspaces */.g)(dir, names.workspaces);
}
async function planWorkspacePublish(command, options, cwd, env) {
    const names = options.names;
    const scope = (command.workspaces ?? options.workspaces);
    const concurrency = command.concurrency ?? options.concurrency;
    const monorepo = await monorepoAt(command, options, cwd);
    const selected = (0,workspace_selection/* selectWorkspaces */.Vj)(monorepo, scope, command.includeWorkspaceRoot ?? options.includeWorkspaceRoot, names.workspaces);
    const warnings = [];
    for (const { name, dirs } of (0,workspace_selection/* duplicateNames */.wO)(monorepo)) {
        warnings.push(`${dirs.length} workspace packages are named ${name} (${dirs.join(', ')}); none of them is published, so this does not stop the run, but a package manager may refuse it`);
    }
    const npmrcs = new Map();
    const readNpmrc = (dir) => npmrcs.get(dir) ?? npmrcs.set(dir, (0,npmrc/* readNpmrcRegistries */.eB)(dir, env, names.package)).get(dir);
    const settle = async (pkg) => {
        if (pkg.private)
            return {
                name: pkg.name,
                version: pkg.version,
                relativeDir: pkg.relativeDir,
                plan: undefined,
                listed: { outcome: 'private', detail: 'private: not published' },
                manifest: pkg.manifest,
                found: [],
            };
        const { manifest, warnings: found } = (0,publish_manifest/* publishManifest */.p)(pkg, monorepo, names.workspaces);
        const rewritten = JSON.stringify(manifest) !== JSON.stringify(pkg.manifest);
        const plan = await (0,publish_plan/* settlePublish */.Z)(command, options, {
            kind: 'folder',
            dir: pkg.dir,
            manifest,
            manifestText: rewritten ? `${JSON.stringify(manifest, null, 2)}\n` : undefined,
            workspaceRoot: monorepo.root,
            manager: monorepo.manager,
        }, cwd, env, { dirs: [...new Set([monorepo.root, pkg.dir])], read: readNpmrc });
        plan.warnings = found;
        return { name: plan.name, version: plan.version, relativeDir: pkg.relativeDir, plan, manifest, found };
    };
    const settled = await inBatches(selected, concurrency, settle);
    const members = new Map();
    for (const member of settled) {
        warnings.push(...member.found.map((warning) => `${member.name}: ${warning}`));
        if (member.plan !== undefined)
            members.set(member.name, member);
    }
    const publishable = [...members.values()];
    const order = dependencyOrder(publishable.map((member) => ({ name: member.name, version: member.version, manifest: member.manifest })));
    const position = new Map(order.levels.flatMap((level, index) => level.map((name) => [name, index])));
    const waitsFor = new Map();
    for (const member of publishable) {
        const level = position.get(member.name) ?? 0;
        waitsFor.set(member.name, (order.dependsOn.get(member.name) ?? []).filter((dependency) => (position.get(dependency) ?? 0) < level));
    }
    for (const cycle of order.cycles)
        warnings.push(cycleWarning(cycle, order.dependsOn));
    const listedOnly = [
        ...settled.filter((member) => member.plan === undefined),
        ...(0,workspace_selection/* skippedWorkspaces */.nh)(monorepo, selected, scope, names.workspaces).map(({ pkg, why }) => ({
            name: pkg.name,
            version: pkg.version || (typeof pkg.manifest.version === 'string' ? pkg.manifest.version : ''),
            relativeDir: pkg.relativeDir,
            plan: undefined,
            listed: { outcome: pkg.private ? 'private' : 'skipped', detail: why },
        })),
    ];
    const ordered = [...order.levels.flat().map((name) => members.get(name)), ...listedOnly];
    return {
        command,
        root: monorepo.root,
        manager: monorepo.manager,
        members: ordered.map(({ name, version, relativeDir, plan, listed }) => ({ name, version, relativeDir, plan, ...(listed ? { listed } : {}) })),
        waitsFor,
        cycles: order.cycles,
        outside: outsideDependencies(monorepo, selected, publishable),
        concurrency,
        ...pacing((0,grammar_options.otpPacing)(command.otpUses ?? options.otpUses, options.registry, command.otpUses === undefined ? names.otpUses : '--otp-uses')),
        warnings,
    };
}
function pacing({ uses, why }) {
    return { otpUses: uses, otpUsesWhy: why };
}
function cycleWarning(cycle, dependsOn) {
    const members = new Set(cycle);
    const edges = cycle.flatMap((from) => (dependsOn.get(from) ?? []).filter((to) => members.has(to)).map((to) => `${from} -> ${to}`));
    return `these packages depend on each other (${edges.join(', ')}; a -> b: a depends on b): they are published in name order`;
}
async function inBatches(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        for (let index = next++; index < items.length; index = next++) {
            results[index] = await work(items[index]).then((value) => ({ status: 'fulfilled', value }), (reason) => ({ status: 'rejected', reason }));
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed)
        throw failed.reason;
    return results.map((result) => result.value);
}
function outsideDependencies(monorepo, selected, members) {
    const inScope = new Set(selected.map((pkg) => pkg.name));
    const byName = new Map(monorepo.packages.map((pkg) => [pkg.name, pkg]));
    const outside = new Map();
    for (const member of members) {
        for (const field of publish_manifest/* DEPENDENCY_FIELDS */.A.filter((field) => field !== 'devDependencies')) {
            const dependencies = member.manifest[field];
            if (typeof dependencies !== 'object' || dependencies === null)
                continue;
            for (const name of Object.keys(dependencies)) {
                const pkg = byName.get(name);
                if (!pkg || inScope.has(name) || pkg.private || name === member.name)
                    continue;
                const entry = outside.get(name) ?? { name, version: pkg.version, neededBy: [] };
                entry.neededBy.push(member.name);
                outside.set(name, entry);
            }
        }
    }
    return [...outside.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
async function workspaceVersions(scope, includeWorkspaceRoot, options, cwd) {
    const monorepo = await monorepoAt({}, options, cwd);
    return (0,workspace_selection/* selectWorkspaces */.Vj)(monorepo, scope, includeWorkspaceRoot, options.names.workspaces)
        .filter((pkg) => !pkg.private)
        .map((pkg) => ({ name: pkg.name, version: pkg.version }));
}


/***/ }),

/***/ 2477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vj: () => (/* binding */ selectWorkspaces),
/* harmony export */   nh: () => (/* binding */ skippedWorkspaces),
/* harmony export */   wO: () => (/* binding */ duplicateNames)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3581);
/* harmony import */ var _foundation_code_unit_order_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2018);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9670);
/* harmony import */ var _package_workspaces_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6844);





function selectWorkspaces(monorepo, filter, includeRoot, inputName) {
    const selected = new Set();
    const named = new Set();
    if (filter === true) {
        for (const pkg of monorepo.packages)
            selected.add(pkg);
    }
    else {
        for (const entry of filter.map((item) => item.trim()).filter((item) => item !== '')) {
            const matches = monorepo.packages.filter((pkg) => matchesFilter(pkg, entry, monorepo.root));
            if (matches.length === 0)
                throw unmatchedFilter(monorepo, entry, includeRoot, inputName);
            for (const pkg of matches) {
                selected.add(pkg);
                if (pkg.name === entry || node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(monorepo.root, entry) === pkg.dir)
                    named.add(pkg);
            }
        }
    }
    const result = monorepo.packages.filter((pkg) => selected.has(pkg) && (pkg.private || !skipsProblem(monorepo, pkg, named.has(pkg), inputName)));
    refuseDuplicates(monorepo, result, inputName);
    if (!includeRoot)
        return result;
    const root = rootPackage(monorepo, inputName);
    const clash = result.find((pkg) => pkg.name === root.name);
    if (clash) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `${inputName}: the monorepo root (${node_path__WEBPACK_IMPORTED_MODULE_0__.join(monorepo.root, 'package.json')}) and the workspace package in ${node_path__WEBPACK_IMPORTED_MODULE_0__.join(clash.dir, 'package.json')} are both named "${root.name}". Rename one of them, or leave the root out.`, { received: root.name });
    }
    return [root, ...result];
}
function skipsProblem(monorepo, pkg, named, inputName) {
    const { problem } = pkg;
    if (problem === undefined)
        return false;
    if (!named && problem.kind === 'missing' && monorepo.manager === 'pnpm')
        return true;
    throw problemError(pkg, inputName);
}
function skippedWorkspaces(monorepo, selected, filter, inputName) {
    const kept = new Set(selected);
    const covers = (pkg) => filter === true || filter.some((entry) => entry.trim() !== '' && matchesFilter(pkg, entry.trim(), monorepo.root));
    const notSelected = `not selected by ${inputName} (${filter === true ? 'true' : filter.join(', ')})`;
    return monorepo.packages
        .filter((pkg) => !kept.has(pkg))
        .map((pkg) => {
        if (pkg.private)
            return { pkg, why: `private: not published${covers(pkg) ? '' : `, and ${notSelected}`}` };
        if (pkg.problem && covers(pkg))
            return { pkg, why: `skipped: ${pkg.problem.what}, and pnpm publishes only packages with a name and a version` };
        return { pkg, why: `skipped: ${notSelected}` };
    });
}
function duplicateNames(monorepo) {
    const byName = new Map();
    for (const pkg of monorepo.packages)
        byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
    return [...byName]
        .filter(([, list]) => list.length > 1)
        .sort(([a], [b]) => (0,_foundation_code_unit_order_js__WEBPACK_IMPORTED_MODULE_4__/* .codeUnitOrder */ .M)(a, b))
        .map(([name, list]) => ({ name, dirs: list.map((pkg) => pkg.relativeDir) }));
}
function rootPackage(monorepo, inputName) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_0__.join(monorepo.root, 'package.json');
    if (Object.keys(monorepo.rootManifest).length === 0) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `${inputName}: the monorepo root ${monorepo.root} has no package.json to publish. Leave the root out, or give it a package.json with "name" and "version".`, { received: monorepo.root });
    }
    return toWorkspacePackage(monorepo.root, monorepo.root, monorepo.rootManifest, file, inputName);
}
function matchesFilter(pkg, entry, root) {
    if (pkg.name === entry || node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(root, entry) === pkg.dir)
        return true;
    const relative = node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(entry) ? node_path__WEBPACK_IMPORTED_MODULE_0__.relative(root, entry) : entry;
    const pattern = relative
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
    if (pattern === '')
        return false;
    return (0,minimatch__WEBPACK_IMPORTED_MODULE_1__/* .minimatch */ .xF)(pkg.relativeDir, pattern) || (0,minimatch__WEBPACK_IMPORTED_MODULE_1__/* .minimatch */ .xF)(pkg.relativeDir, `${pattern}/*`);
}
function unmatchedFilter(monorepo, entry, includeRoot, inputName) {
    const known = monorepo.packages.map((pkg) => `${pkg.name} (${pkg.relativeDir})`);
    const shown = known.length > 30 ? [...known.slice(0, 30), `and ${known.length - 30} more`] : known;
    const rootName = monorepo.rootManifest.name;
    const hint = !includeRoot && (entry === rootName || entry === '.') ? ' The monorepo root is not a workspace package: to publish it, set include-workspace-root.' : '';
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `${inputName}: "${entry}" matches no workspace package of ${monorepo.root} (by name, folder or glob over folders).${hint} Known packages: ${shown.join(', ')}.`, { received: entry });
}
function toWorkspacePackage(root, dir, manifest, file, inputName) {
    const pkg = (0,_package_workspaces_js__WEBPACK_IMPORTED_MODULE_3__/* .readWorkspacePackage */ .w)(root, dir, manifest, file);
    if (pkg.problem)
        throw problemError(pkg, inputName);
    return pkg;
}
function problemError(pkg, inputName) {
    const problem = pkg.problem;
    const file = node_path__WEBPACK_IMPORTED_MODULE_0__.join(pkg.dir, 'package.json');
    const who = problem.what === 'has no "name"' ? file : `${pkg.name} (${file})`;
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `${inputName}: ${who} ${problem.what}. ${problem.advice}`, { received: problem.received });
}
function refuseDuplicates(monorepo, selected, inputName) {
    const published = new Set(selected.filter((pkg) => !pkg.private).map((pkg) => pkg.name));
    const duplicates = duplicateNames(monorepo).filter((duplicate) => published.has(duplicate.name));
    if (duplicates.length === 0)
        return;
    const lines = duplicates.map(({ name, dirs }) => `"${name}" is the name of ${dirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_0__.join(monorepo.root, dir, 'package.json')).join(' and ')}`);
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `${inputName}: two workspace packages have one name, and one of them would be published: ${lines.join('; ')}. Names must be unique among the packages a monorepo publishes: rename one, mark the other "private": true, or leave it out of the workspaces.`, {
        received: duplicates.map(({ name }) => name),
    });
}


/***/ }),

/***/ 773:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ writeMfa),
/* harmony export */   qZ: () => (/* binding */ writeAccess),
/* harmony export */   tQ: () => (/* binding */ readVisibility)
/* harmony export */ });
/* harmony import */ var libnpmaccess__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2426);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(417);


async function readVisibility(client, pkg) {
    const answer = (await client.getJson(`/-/package/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(pkg)}/visibility`));
    return answer === undefined ? undefined : answer.public === true;
}
async function writeAccess(client, pkg, access, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => libnpmaccess__WEBPACK_IMPORTED_MODULE_0__.setAccess(pkg, access, options));
}
async function writeMfa(client, pkg, level, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => libnpmaccess__WEBPACK_IMPORTED_MODULE_0__.setMfa(pkg, level, options));
}


/***/ }),

/***/ 417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ RegistryClient),
  L: () => (/* binding */ escapeName)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/npm-registry-fetch/lib/index.js
var lib = __webpack_require__(5706);
// EXTERNAL MODULE: ./lib/foundation/http-errors.js
var http_errors = __webpack_require__(3505);
// EXTERNAL MODULE: ./node_modules/@npmcli/agent/lib/index.js
var agent_lib = __webpack_require__(7995);
;// CONCATENATED MODULE: ./lib/registry/write-guard.js

class WriteGuard {
    agent;
    #origin;
    #redirect;
    constructor(registry, options = {}) {
        this.#origin = new URL(registry).origin;
        const real = (0,agent_lib.getAgent)(registry, options);
        const addRequest = (req, requestOptions) => {
            const target = originOf(requestOptions);
            if (this.#redirect !== undefined || target !== this.#origin) {
                const error = Object.assign(new Error(`a write to ${this.#origin} may not go on to ${target ?? 'another origin'}`), { code: 'EWRITEORIGIN' });
                process.nextTick(() => {
                    req.destroy();
                    req.emit('error', error);
                });
                return;
            }
            req.once('response', (response) => {
                const status = response.statusCode ?? 0;
                if (status >= 300 && status < 400) {
                    const location = response.headers.location;
                    this.#redirect = { status, location: typeof location === 'string' ? location : undefined };
                }
            });
            real.addRequest(req, requestOptions);
        };
        this.agent = new Proxy(real, {
            get(target, property) {
                if (property === 'addRequest')
                    return addRequest;
                const value = Reflect.get(target, property, target);
                return typeof value === 'function' ? value.bind(target) : value;
            },
        });
    }
    explain(error) {
        if (this.#redirect === undefined)
            return error;
        return new RedirectRefusedError(this.#redirect.status, this.#redirect.location === undefined ? undefined : targetOf(this.#redirect.location, this.#origin), error);
    }
}
function originOf(options) {
    try {
        const host = options.hostname ?? options.host ?? '';
        const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
        return new URL(`${options.protocol ?? 'http:'}//${bracketed}${options.port ? `:${options.port}` : ''}`).origin;
    }
    catch {
        return undefined;
    }
}
function targetOf(location, origin) {
    try {
        return new URL(location, origin).origin;
    }
    catch {
        return 'an address that does not parse';
    }
}
class RedirectRefusedError extends Error {
    statusCode;
    code;
    body;
    location;
    constructor(status, location, cause) {
        const error = `redirected the write to ${location ?? 'no Location'}; a write never follows a redirect, so nothing was sent there`;
        super(`${status} ${error}`, { cause });
        this.name = 'RedirectRefusedError';
        this.statusCode = status;
        this.code = `E${status}`;
        this.body = { error };
        this.location = location;
    }
}

;// CONCATENATED MODULE: ./lib/registry/client.js




const READ_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 };
const WRITE_RETRY = { retries: 0 };
class RegistryClient {
    registry;
    #clock;
    #timeSync;
    #base;
    constructor(options) {
        this.registry = options.registry;
        this.#clock = options.clock;
        this.#timeSync = options.timeSync;
        const url = new URL(options.registry);
        this.#base = {
            registry: options.registry,
            authType: options.authType ?? 'legacy',
            userAgent: options.userAgent,
            npmSession: (0,external_node_crypto_.randomUUID)().replaceAll('-', '').slice(0, 16),
            timeout: options.timeoutMs ?? 5 * 60 * 1000,
            preferOnline: true,
            ...(options.token === undefined ? {} : { [`//${url.host}${url.pathname}:_authToken`]: options.token }),
        };
    }
    get clockOffset() {
        return this.#timeSync.known ? { offsetMs: this.#timeSync.offsetMs, uncertaintyMs: this.#timeSync.uncertaintyMs } : undefined;
    }
    writeOptions(npmHeaders, extra = {}) {
        return {
            ...this.#base,
            ...(npmHeaders.otp === undefined ? {} : { otp: npmHeaders.otp }),
            npmCommand: npmHeaders.command,
            npmSession: npmHeaders.session,
            ...extra,
            retry: WRITE_RETRY,
        };
    }
    write(npmHeaders, bodyBytes, call, extra = {}) {
        const guard = new WriteGuard(this.registry, { timeout: this.#base.timeout });
        return this.timed(bodyBytes, async () => {
            try {
                return await call(this.writeOptions(npmHeaders, { ...extra, agent: guard.agent }));
            }
            catch (error) {
                throw guard.explain(error);
            }
        });
    }
    readOptions(extra = {}) {
        return { ...this.#base, retry: READ_RETRY, ...extra };
    }
    async getJson(path, extra = {}) {
        try {
            const response = await this.timed(0, () => lib(path, this.readOptions(extra)));
            return await response.json();
        }
        catch (error) {
            if ((0,http_errors/* statusOf */.c2)(error) === 404)
                return undefined;
            throw error;
        }
    }
    async answer(path, extra = {}) {
        try {
            const response = await this.timed(0, () => lib(path, this.readOptions(extra)));
            const text = await response.text();
            let body = text;
            try {
                body = JSON.parse(text);
            }
            catch {
            }
            return { status: response.status, body, header: (name) => response.headers.get(name) ?? undefined };
        }
        catch (error) {
            const status = (0,http_errors/* statusOf */.c2)(error);
            if (status === undefined)
                throw error;
            return { status, body: error.body, header: (name) => (0,http_errors/* errorHeader */.GI)(error, name), error };
        }
    }
    async getBuffer(url) {
        const response = await this.timed(0, () => lib(this.sameProtocol(url), this.readOptions()));
        return response.buffer();
    }
    sameProtocol(url) {
        const target = new URL(url, this.registry);
        const registry = new URL(this.registry);
        if (target.host === registry.host && target.protocol !== registry.protocol)
            target.protocol = registry.protocol;
        return target.toString();
    }
    async timed(bytesSent, call) {
        const sentAt = this.#clock.now();
        try {
            const result = await call();
            this.#timeSync.observe({ date: responseDate(result), sentAt, receivedAt: this.#clock.now(), bytesSent });
            return result;
        }
        catch (error) {
            this.#timeSync.observe({ date: (0,http_errors/* errorHeader */.GI)(error, 'date'), sentAt, receivedAt: this.#clock.now(), bytesSent });
            throw error;
        }
    }
}
function responseDate(result) {
    const headers = result?.headers;
    if (!headers || typeof headers.get !== 'function')
        return undefined;
    return headers.get('date') ?? undefined;
}
function escapeName(name) {
    return name.replace('/', '%2f');
}


/***/ }),

/***/ 677:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ removeDistTag),
/* harmony export */   r: () => (/* binding */ setDistTag)
/* harmony export */ });
/* harmony import */ var npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5706);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(417);


const tagUrl = (pkg, tag) => `/-/package/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(pkg)}/dist-tags/${encodeURIComponent(tag)}`;
async function setDistTag(client, pkg, tag, version, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__(tagUrl(pkg, tag), { ...options, method: 'PUT', body: JSON.stringify(version), headers: { 'content-type': 'application/json' }, ignoreBody: true }));
}
async function removeDistTag(client, pkg, tag, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__(tagUrl(pkg, tag), { ...options, method: 'DELETE', ignoreBody: true }));
}


/***/ }),

/***/ 2919:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ writePackument),
/* harmony export */   l: () => (/* binding */ readPackument)
/* harmony export */ });
/* harmony import */ var npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5706);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(417);


async function readPackument(client, name, options = {}) {
    const document = await client.getJson(`/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(name)}`, {
        headers: { accept: 'application/json' },
        ...(options.write ? { query: { write: 'true' } } : {}),
    });
    return document === undefined ? undefined : document;
}
async function writePackument(client, packument, npmHeaders) {
    const body = JSON.stringify(packument);
    await client.write(npmHeaders, body.length, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__(`/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(packument.name)}`, { ...options, method: 'PUT', body, headers: { 'content-type': 'application/json' }, ignoreBody: true }));
}


/***/ }),

/***/ 4512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ uploadBytes),
/* harmony export */   Ed: () => (/* binding */ uploadVersion),
/* harmony export */   ou: () => (/* binding */ sendUpload)
/* harmony export */ });
/* harmony import */ var libnpmpublish__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8319);

function uploadBytes(size) {
    return Math.ceil(size * 1.34) + 4096;
}
async function uploadVersion(client, manifest, data, upload, npmHeaders) {
    const { transparencyLogUrl } = await sendUpload(client, manifest, data, upload, npmHeaders, false);
    return { transparencyLogUrl };
}
async function sendUpload(client, manifest, data, upload, npmHeaders, stage) {
    const answer = await client.write(npmHeaders, uploadBytes(data.length), (options) => libnpmpublish__WEBPACK_IMPORTED_MODULE_0__.publish(manifest, data, {
        ...options,
        defaultTag: upload.tag,
        access: upload.access ?? null,
        ...(upload.provenance ? { ...upload.provenance, provenance: true } : {}),
        ...(stage ? { stage: true } : {}),
    }));
    const url = answer?.transparencyLogUrl;
    return { answer, transparencyLogUrl: typeof url === 'string' ? url : undefined };
}


/***/ }),

/***/ 5121:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ approveStaged),
/* harmony export */   RB: () => (/* binding */ downloadStaged),
/* harmony export */   eT: () => (/* binding */ viewStaged),
/* harmony export */   gL: () => (/* binding */ rejectStaged),
/* harmony export */   pL: () => (/* binding */ stageVersion),
/* harmony export */   td: () => (/* binding */ listStaged)
/* harmony export */ });
/* harmony import */ var npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5706);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4512);


const PER_PAGE = 100;
const MAX_PAGES = 100;
async function stageVersion(client, manifest, data, upload, npmHeaders) {
    const { answer, transparencyLogUrl } = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_1__/* .sendUpload */ .ou)(client, manifest, data, upload, npmHeaders, true);
    const stageId = answer?.stageId;
    if (typeof stageId !== 'string' || stageId === '')
        throw new Error('the registry answered the stage publish without a stageId');
    return { stageId, transparencyLogUrl };
}
async function listStaged(client, pkg) {
    const items = [];
    for (let page = 0; page < MAX_PAGES; page += 1) {
        const query = { page: String(page), perPage: String(PER_PAGE), ...(pkg === undefined ? {} : { package: pkg }) };
        const answer = (await client.getJson('/-/stage', { query }));
        const found = Array.isArray(answer?.items) ? answer.items : [];
        items.push(...found);
        const total = typeof answer?.total === 'number' ? answer.total : items.length;
        if (items.length >= total || found.length < PER_PAGE)
            break;
    }
    return items;
}
async function viewStaged(client, id) {
    return (await client.getJson(`/-/stage/${id}`));
}
async function downloadStaged(client, id) {
    return client.getBuffer(`${client.registry}-/stage/${id}/tarball`);
}
async function approveStaged(client, id, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__.json(`/-/stage/${id}/approve`, { ...options, method: 'POST' }));
}
async function rejectStaged(client, id, npmHeaders) {
    await client.write(npmHeaders, 0, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__(`/-/stage/${id}`, { ...options, method: 'DELETE', ignoreBody: true }));
}


/***/ })

};
