export const id = 743;
export const ids = [743];
export const modules = {

/***/ 1405:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ otpWrite),
/* harmony export */   b: () => (/* binding */ commandContext)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _otp_with_otp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7201);


function commandContext(base) {
    return { ...base, writes: 0, users: base.users ?? new Map(), session: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().replaceAll('-', '').slice(0, 16), tally: { otpAttempts: 0, waitedMs: 0 } };
}
function otpWrite(context, label, npmCommand, send, bodyBytes = 0) {
    return (0,_otp_with_otp_js__WEBPACK_IMPORTED_MODULE_1__/* .withOtp */ .at)(context.otp, {
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
/* harmony export */   Ou: () => (/* binding */ RegistryReadError),
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
    constructor(id) {
        super('EPUBLISHCONFLICT', `${id} is already in the registry with different contents. A published version cannot be replaced: bump the version in package.json and publish again.`, { received: id });
    }
}
class PublishFailedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    state;
    constructor(id, reason, cause, state, attempts = 1) {
        const after = {
            refused: `The registry refused it: ${id} was not published.`,
            'not-sent': `Nothing was sent to the registry: ${id} was not published.`,
            absent: attempts > 1
                ? `${id} is NOT in the registry (read back after the last of ${attempts} attempts). Running the publish again later is safe.`
                : `${id} is NOT in the registry (read back after the failure).`,
        }[state];
        super('EPUBLISH', `Publishing ${id} failed: ${reason}. ${after}`, { received: id, cause });
        this.state = state;
    }
}
class PublishUnconfirmedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(id, reason, readReason, cause) {
        super('EPUBLISHUNCONFIRMED', `Publishing ${id} ended without a clear answer (${reason}), and reading the registry back failed (${readReason}): ${id} may or may not be in the registry. ` +
            'Run the publish again: it reads the registry first and does not publish twice.', { received: id, cause });
    }
}
class RegistryReadError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$ {
    constructor(id, registry, reason, cause) {
        super('EREGISTRYREAD', `Reading ${id.replace(/@[^@]+$/, '')} from ${registry} before publishing failed: ${reason}. Nothing was sent: ${id} was not published.`, { received: id, cause });
    }
}


/***/ }),

/***/ 8079:
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
    const key = `${host}/${repoPath.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '')}`.toLowerCase();
    return key.split('/').length >= 3 ? key : undefined;
}


/***/ }),

/***/ 7581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ executePublish),
/* harmony export */   S: () => (/* binding */ dryRunProvenance),
/* harmony export */   iR: () => (/* binding */ readAndPackEarly),
/* harmony export */   jG: () => (/* binding */ loadPacker),
/* harmony export */   mi: () => (/* binding */ unsentReason),
/* harmony export */   vS: () => (/* binding */ NoTokenError),
/* harmony export */   x6: () => (/* binding */ provenanceFor),
/* harmony export */   xL: () => (/* binding */ preflightPublish)
/* harmony export */ });
/* harmony import */ var _npmcli_package_json__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2700);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2088);
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(403);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3505);
/* harmony import */ var _otp_with_otp_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7201);
/* harmony import */ var _package_scripts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8344);
/* harmony import */ var _package_tarball_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4098);
/* harmony import */ var _registry_dist_tags_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(677);
/* harmony import */ var _registry_packument_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2919);
/* harmony import */ var _registry_publish_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4512);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1405);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2615);













class NoTokenError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProductError */ ._$ {
    constructor(id) {
        super('ENEEDAUTH', `${id} cannot be uploaded: the run has no token, and trusted publishing (OIDC) is not available for it (the reason is in the log above). ` +
            'Configure this repository and workflow as the package\'s trusted publisher on npmjs.com, or give the run a token. Nothing was sent.', { received: id });
    }
}
let packer;
const loadPacker = () => (packer ??= Promise.all(/* import() */[__webpack_require__.e(781), __webpack_require__.e(389)]).then(__webpack_require__.bind(__webpack_require__, 7389)));
const MAX_UPLOAD_RETRIES = 2;
async function preflightPublish(client, plan) {
    const id = `${plan.name}@${plan.version}`;
    if (plan.source.kind === 'folder')
        loadPacker().catch(() => undefined);
    const packument = await (0,_registry_packument_js__WEBPACK_IMPORTED_MODULE_9__/* .readPackument */ .l)(client, plan.name, { write: true }).catch((error) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .RegistryReadError */ .Ou(id, client.registry, (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(error), error);
    });
    const present = packument?.versions?.[plan.version] !== undefined;
    if (!present && plan.tagImplicit && plan.tag === 'latest') {
        const releases = Object.entries(packument?.versions ?? {})
            .filter(([v, meta]) => semver__WEBPACK_IMPORTED_MODULE_1__.valid(v) !== null && semver__WEBPACK_IMPORTED_MODULE_1__.prerelease(v) === null && !meta.deprecated)
            .map(([v]) => v);
        const highest = semver__WEBPACK_IMPORTED_MODULE_1__.maxSatisfying(releases, '*');
        if (highest !== null && semver__WEBPACK_IMPORTED_MODULE_1__.gte(highest, plan.version)) {
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(plan.tagInput, `${plan.tagInput}: ${id} is lower than the highest published version, ${highest}, so it cannot take the "latest" tag by default (npm refuses it too). Give an explicit tag for this line, for example latest-1 or v${semver__WEBPACK_IMPORTED_MODULE_1__.major(plan.version)}-lts.`, { received: plan.version });
        }
    }
    return packument;
}
async function readAndPack(plan) {
    if (plan.source.kind !== 'folder')
        throw new TypeError('readAndPack: not a folder');
    const { dir, manifestText } = plan.source;
    const id = `${plan.name}@${plan.version}`;
    const manifest = await readPublishManifest(dir, manifestText);
    if (manifest.name !== plan.name || manifest.version !== plan.version) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProductError */ ._$('EPACK', `The package scripts changed ${dir}/package.json from ${id} to ${String(manifest.name)}@${String(manifest.version)}; nothing was published. Set the name and version before the run instead.`, { received: id });
    }
    const { packDirectory, sourcePackOptions } = await loadPacker();
    const packed = await packDirectory(dir, sourcePackOptions(plan.source));
    return { manifest, packed };
}
function readAndPackEarly(plan) {
    if (plan.source.kind !== 'folder' || plan.scripts.some((event) => event === 'prepublishOnly' || event === 'prepack' || event === 'prepare'))
        return undefined;
    const early = readAndPack(plan);
    early.catch(() => undefined);
    return early;
}
async function executePublish(context, plan, packument, deps, early) {
    const id = `${plan.name}@${plan.version}`;
    const present = packument?.versions?.[plan.version] !== undefined;
    const script = (event) => plan.source.kind === 'folder' && plan.scripts.includes(event)
        ? (0,_package_scripts_js__WEBPACK_IMPORTED_MODULE_6__/* .runScript */ .j3)({ dir: plan.source.dir, manifest: plan.source.manifest, event, env: deps.scriptEnv, logger: context.logger })
        : Promise.resolve();
    let built;
    if (plan.source.kind === 'folder') {
        let read;
        if (early !== undefined) {
            read = early;
        }
        else {
            if (!present)
                await script('prepublishOnly');
            await script('prepack');
            await script('prepare');
            read = readAndPack(plan);
        }
        const { manifest, packed } = await read;
        context.logger.info(`Packed ${id}: ${packed.files.length} file${packed.files.length === 1 ? '' : 's'}, ${packed.data.length} bytes (${packed.integrity.slice(0, 20)}…).`);
        await script('postpack');
        built = { data: packed.data, integrity: packed.integrity, manifest };
    }
    else {
        built = { data: plan.source.data, integrity: plan.source.integrity, manifest: plan.source.manifest };
    }
    const state = present ? await compare(context.client, packument, plan.version, built) : 'absent';
    if (state === 'different')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .PublishConflictError */ .sZ(id);
    if (plan.command.stage)
        return (await __webpack_require__.e(/* import() */ 854).then(__webpack_require__.bind(__webpack_require__, 3854))).stageBuilt(context, plan, built, state === 'identical', deps, async () => { await script('publish'); await script('postpublish'); });
    if (state === 'identical')
        return ensureTag(context, plan, packument);
    if (plan.dryRun) {
        context.logger.info(`Dry run: would publish ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
        return { status: 'dry-run', detail: `dry run: ${id} would be published with tag ${plan.tag}${dryRunProvenance(plan)}` };
    }
    context.logger.info(`Publishing ${id} with tag "${plan.tag}" to ${context.client.registry}.`);
    const trusted = deps.trustedPublishing ? await deps.trustedPublishing(plan.name) : undefined;
    const oidcClient = trusted?.client;
    if (!oidcClient && deps.hasToken === false)
        throw new NoTokenError(id);
    const provenance = await provenanceFor(context, plan, built, trusted, deps.sigstore);
    const receipt = {};
    const outcome = await upload(context, plan, built, oidcClient, provenance, receipt);
    if (outcome === 'unchanged')
        return { status: 'unchanged', detail: `${id} was already published with identical contents` };
    await script('publish');
    await script('postpublish');
    return {
        status: 'done',
        published: true,
        detail: `published ${id} (${built.integrity.slice(0, 20)}…) with tag ${plan.tag}${oidcClient ? ' by trusted publishing' : ''}${provenance ? `, with provenance${receipt.transparencyLogUrl ? ` (transparency log: ${receipt.transparencyLogUrl})` : ''}` : ''}${outcome === 'confirmed' ? ', confirmed by reading the registry back' : ''}`,
        ...(receipt.transparencyLogUrl ? { transparencyLogUrl: receipt.transparencyLogUrl } : {}),
    };
}
function dryRunProvenance(plan) {
    return plan.provenance?.problem ? `; ${plan.provenance.problem}` : plan.provenance?.mode === 'on' ? ', with provenance' : '';
}
async function provenanceFor(context, plan, built, trusted, sigstore) {
    const id = `${plan.name}@${plan.version}`;
    const mode = plan.provenance?.mode ?? 'off';
    if (mode === 'on') {
        context.logger.info(`Provenance: signing a statement for ${id} with this job's OIDC identity (${plan.provenance?.from}).`);
        return sigstore ?? {};
    }
    if (mode === 'off' || trusted === undefined)
        return undefined;
    const decided = plan.access === 'restricted' ? { on: false, reason: 'restricted access' } : await trusted.provenanceByDefault(built.manifest);
    const toRequire = `Set ${plan.provenance?.from ?? 'provenance'} to true to require it.`;
    if (decided.on)
        context.logger.info(`Provenance: on for ${id}, as npm turns it on for a trusted publish (${decided.reason}).`);
    else if (decided.warning)
        context.logger.warning(`Provenance: off for ${id}: ${decided.reason}. ${toRequire}`);
    else
        context.logger.info(`Provenance: off for ${id} (${decided.reason}); npm would not sign one either. ${toRequire}`);
    return decided.on ? (sigstore ?? {}) : undefined;
}
async function readPublishManifest(dir, manifestText) {
    if (manifestText === undefined) {
        const pkg = await _npmcli_package_json__WEBPACK_IMPORTED_MODULE_0__.fix(dir, { changes: [] });
        return (await pkg.prepare()).content;
    }
    const pkg = new _npmcli_package_json__WEBPACK_IMPORTED_MODULE_0__().create(dir).fromJSON(manifestText);
    await pkg.fix({ changes: [] });
    return (await pkg.prepare()).content;
}
async function compare(client, packument, version, built) {
    const published = packument.versions?.[version];
    if (published?.dist?.integrity === built.integrity)
        return 'identical';
    const url = published?.dist?.tarball;
    if (!url)
        return 'different';
    return (await (0,_package_tarball_js__WEBPACK_IMPORTED_MODULE_7__/* .sameContents */ .P1)(await client.getBuffer(url), built.data)) ? 'identical' : 'different';
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
    await (0,_context_js__WEBPACK_IMPORTED_MODULE_11__/* .otpWrite */ .P)(context, `dist-tag add ${id} ${plan.tag}`, 'dist-tag', (write) => (0,_registry_dist_tags_js__WEBPACK_IMPORTED_MODULE_8__/* .setDistTag */ .r)(context.client, plan.name, plan.tag, plan.version, write));
    return { status: 'tagged', detail: `${id} was already published with identical contents; ${plan.tag} now points at it${was}` };
}
async function upload(context, plan, built, oidcClient, provenance, receipt) {
    const id = `${plan.name}@${plan.version}`;
    const uploader = oidcClient ?? context.client;
    const otp = oidcClient ? { ...context.otp, source: undefined } : context.otp;
    const { logger } = context;
    for (let uploads = 1;; uploads += 1) {
        try {
            const answer = await (0,_otp_with_otp_js__WEBPACK_IMPORTED_MODULE_5__/* .withOtp */ .at)(otp, {
                label: `publish ${id}`,
                bodyBytes: (0,_registry_publish_js__WEBPACK_IMPORTED_MODULE_10__/* .uploadBytes */ .D)(built.data.length),
                npmCommand: 'publish',
                send: (code) => {
                    context.writes += 1;
                    return (0,_registry_publish_js__WEBPACK_IMPORTED_MODULE_10__/* .uploadVersion */ .E)(uploader, built.manifest, built.data, { tag: plan.tag, access: plan.access, provenance }, { otp: code, session: context.session, command: 'publish' });
                },
            }, context.tally);
            if (answer.transparencyLogUrl) {
                receipt.transparencyLogUrl = answer.transparencyLogUrl;
                logger.info(`Provenance statement for ${id} published to the transparency log: ${answer.transparencyLogUrl}`);
            }
            if (uploads > 1)
                logger.info(`${id} published on attempt ${uploads}.`);
            return 'published';
        }
        catch (error) {
            const kind = classify(error);
            if (kind === 'refused' || kind === 'not-sent')
                throw error instanceof _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProductError */ ._$ ? error : new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .PublishFailedError */ .BG(id, failureReason(error), error, kind);
            logger.warning(`The publish of ${id} ended without a clear answer (${(0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(error)}); reading the registry back before anything else.`);
            const after = await (0,_registry_packument_js__WEBPACK_IMPORTED_MODULE_9__/* .readPackument */ .l)(context.client, plan.name, { write: true }).catch((readError) => {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .PublishUnconfirmedError */ .E8(id, (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(error), (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(readError), error);
            });
            const state = after?.versions?.[plan.version] ? await compare(context.client, after, plan.version, built) : 'absent';
            if (state === 'identical' && uploads === 1 && kind === 'unclear') {
                logger.info(`${id} was already in the registry with identical contents (the registry refused to publish over it): nothing was published by this run.`);
                return 'unchanged';
            }
            if (state === 'identical') {
                logger.info(`${id} is in the registry with our contents: the publish did succeed.`);
                return 'confirmed';
            }
            if (state === 'different')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .PublishConflictError */ .sZ(id);
            if (uploads > MAX_UPLOAD_RETRIES || kind !== 'transient')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .PublishFailedError */ .BG(id, (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(error), error, 'absent', uploads);
            const backoffMs = 1000 * 2 ** (uploads - 1);
            logger.info(`${id} is not in the registry; retrying the publish in ${backoffMs / 1000} s (retry ${uploads}/${MAX_UPLOAD_RETRIES}).`);
            await context.otp.clock.sleep(backoffMs);
            context.tally.waitedMs += backoffMs;
        }
    }
}
const SIGSTORE_CODES = new Set(['CA_CREATE_SIGNING_CERTIFICATE_ERROR', 'TLOG_CREATE_ENTRY_ERROR', 'TLOG_FETCH_ENTRY_ERROR', 'TSA_CREATE_TIMESTAMP_ERROR', 'IDENTITY_TOKEN_READ_ERROR', 'IDENTITY_TOKEN_PARSE_ERROR']);
const LOCAL_CODES = new Set(['EPRIVATE', 'EUNSCOPED', 'EBADSEMVER', 'EPACKAGEEXTENSIONS', 'EUSAGE', ...SIGSTORE_CODES]);
function unsentReason(error) {
    const code = error?.code;
    return typeof code === 'string' && LOCAL_CODES.has(code) ? failureReason(error) : undefined;
}
function failureReason(error) {
    const { code, cause } = (error ?? {});
    if (typeof code !== 'string' || !SIGSTORE_CODES.has(code))
        return (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(error);
    return `signing the provenance statement failed (${(0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(error)}${cause === undefined ? '' : `: ${(0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(cause)}`})`;
}
function classify(error) {
    if (error instanceof _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProductError */ ._$)
        return 'refused';
    const status = (0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .statusOf */ .c2)(error);
    if (status !== undefined) {
        if (status === 408 || status >= 500)
            return 'transient';
        return status === 403 || status === 409 ? 'unclear' : 'refused';
    }
    const record = error;
    if (typeof record?.code === 'string' && LOCAL_CODES.has(record.code))
        return 'not-sent';
    const failure = (0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .connectionFailure */ .Dx)(error);
    if (failure === 'unsent')
        return 'not-sent';
    return failure === 'lost' || record?.type === 'system' ? 'transient' : 'unclear';
}


/***/ }),

/***/ 3505:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dx: () => (/* binding */ connectionFailure),
/* harmony export */   GI: () => (/* binding */ errorHeader),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
function statusOf(error) {
    return isRecord(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}
function errorHeader(error, name) {
    if (!isRecord(error) || !isRecord(error.headers))
        return undefined;
    const value = error.headers[name];
    if (Array.isArray(value))
        return typeof value[0] === 'string' ? value[0] : undefined;
    return typeof value === 'string' ? value : undefined;
}
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_TIMEOUT', 'EIDLETIMEOUT', 'ERESPONSETIMEOUT', 'ETRANSFERTIMEOUT', 'UND_ERR_SOCKET']);
const UNSENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EINVALIDPROXY']);
const RETRYABLE_UNSENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
function connectionFailure(error) {
    if (!isRecord(error) || statusOf(error) !== undefined)
        return undefined;
    if (typeof error.code === 'string' && UNSENT_CODES.has(error.code))
        return 'unsent';
    if (typeof error.code === 'string' && LOST_CODES.has(error.code))
        return 'lost';
    return error.type === 'request-timeout' || error.type === 'body-timeout' ? 'lost' : undefined;
}
function isTransient(error) {
    const status = statusOf(error);
    if (status !== undefined)
        return status === 408 || status >= 500;
    const failure = connectionFailure(error);
    return failure === 'lost' || (failure === 'unsent' && isRecord(error) && RETRYABLE_UNSENT.has(error.code));
}
function isRecord(value) {
    return typeof value === 'object' && value !== null;
}


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
            this.#logger.mask(code);
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
/* harmony export */   at: () => (/* binding */ withOtp)
/* harmony export */ });
/* unused harmony exports isOtpChallenge, retryAfter */
/* harmony import */ var _foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3505);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2366);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6198);
/* harmony import */ var _web_approval_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8087);




async function withOtp(context, write, tally = { otpAttempts: 0, waitedMs: 0 }) {
    const maxAttempts = context.maxAttempts ?? 3;
    const maxRateLimitWaitMs = context.maxRateLimitWaitMs ?? _source_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_MAX_TOTAL_WAIT_MS */ .h;
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
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RateLimitedError */ .TM(write.label, retryAfterMs, { cause: error });
                context.logger.info(`The registry asks to slow down (429); waiting ${(waitMs / 1000).toFixed(1)} s before "${write.label}".`);
                await clock.sleep(waitMs);
                rateLimitWaitedMs += waitMs;
                tally.waitedMs += waitMs;
                continue;
            }
            const challenge = isOtpChallenge(error) ? (0,_web_approval_js__WEBPACK_IMPORTED_MODULE_3__/* .webChallengeOf */ .JP)(error) : undefined;
            if (source && issued && !(isOtpChallenge(error) && challenge === undefined)) {
                source.released(issued);
            }
            if (challenge) {
                const web = context.web;
                if (!web)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SecurityKeyError */ .eu(write.label, context.authTypeInput ?? 'auth-type', { cause: error });
                if (issued)
                    web.replaceTotp(`The registry answered a one-time password for "${write.label}" with a web approval: the account has no TOTP any more (a security key or passkey only). The rest of this run asks for web approvals instead.`);
                return await web.complete({ label: write.label, npmCommand: write.npmCommand }, challenge, (token) => write.send(token), tally);
            }
            if (isOtpChallenge(error) && securityKeyNotice(error)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SecurityKeyError */ .eu(write.label, context.authTypeInput ?? 'auth-type', { cause: error });
            }
            if (isOtpChallenge(error)) {
                if (!source || !issued)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OtpRequiredError */ .Lc(write.label, context.secretInput, { cause: error, webOffered: context.web !== undefined });
                const reuse = source.rejected(issued);
                context.logger.info(`The registry refused the one-time password for "${write.label}"` +
                    (reuse ? ' (a reused code)' : '') +
                    (otpAttempts < maxAttempts ? '; trying the next window.' : '.'));
                if (otpAttempts >= maxAttempts) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OtpRejectedError */ .ax(write.label, {
                        attempts: otpAttempts,
                        windows: windowsTried.size,
                        offsetMs: source.offsetMs,
                        singleUse: source.singleUse,
                        cause: error,
                    });
                }
                continue;
            }
            throw error;
        }
        if (source && issued)
            source.accepted(issued);
        else if (otp === undefined)
            context.web?.passedUnasked();
        return value;
    }
}
function isOtpChallenge(error) {
    return (0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(error) && error.code === 'EOTP';
}
function securityKeyNotice(error) {
    return /security key/i.test((0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorHeader */ .GI)(error, 'npm-notice') ?? '');
}
function isOtpRateLimit(error) {
    if (!(0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(error))
        return false;
    const said = (0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(error.body) && typeof error.body.error === 'string' ? error.body.error : error.message;
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
/* harmony export */   e: () => (/* binding */ readNpmrcRegistries)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9670);



async function readNpmrcRegistries(dir, env, inputName) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, '.npmrc');
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => undefined);
    if (text === undefined)
        return [];
    const found = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith(';') || line.startsWith('#') || line.startsWith('['))
            continue;
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const key = expand(unquote(line.slice(0, eq).trim()), env, file, inputName);
        if (key !== 'registry' && !/^@[^:/]+:registry$/.test(key))
            continue;
        const url = expand(unquote(line.slice(eq + 1).trim()), env, file, inputName);
        if (url !== '')
            found.push({ file, key, url });
    }
    return found;
}
function unquote(value) {
    if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
        if (value.startsWith('"')) {
            try {
                return JSON.parse(value);
            }
            catch {
                return value.slice(1, -1);
            }
        }
        return value.slice(1, -1);
    }
    return value;
}
function expand(value, env, file, inputName) {
    return value.replace(/(\\*)\$\{([^${}?]+)(\?)?\}/g, (whole, slashes, name, optional) => {
        if (slashes.length % 2 === 1)
            return whole.slice(1);
        const found = env[name];
        if (found === undefined && optional === undefined) {
            throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(inputName, `${inputName}: ${file} names \${${name}}, which is not set in the environment (npm refuses such a config too). Set ${name}, or write \${${name}?} to allow it to be empty.`, { received: file });
        }
        return `${slashes}${found ?? ''}`;
    });
}


/***/ }),

/***/ 6533:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ DEPENDENCY_FIELDS),
/* harmony export */   pm: () => (/* binding */ publishManifest)
/* harmony export */ });
/* unused harmony exports CATALOG_FILE, PNPM_LIFTED_FIELDS, YARN_LIFTED_FIELDS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var npm_package_arg__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8056);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2088);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _registry_name_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5709);





const CATALOG_FILE = { npm: undefined, yarn: '.yarnrc.yml', pnpm: 'pnpm-workspace.yaml' };
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const RUNTIME_FIELDS = new Set(['dependencies', 'optionalDependencies', 'peerDependencies']);
const PNPM_LIFTED_FIELDS = [
    'name', 'bin', 'engines', 'type', 'imports',
    'main', 'module', 'typings', 'types', 'exports', 'browser', 'esnext', 'es2015', 'unpkg', 'umd:main',
    'os', 'cpu', 'libc', 'typesVersions',
];
const YARN_LIFTED_FIELDS = ['type', 'main', 'browser', 'module', 'exports', 'imports', 'bin', 'typings', 'types'];
function publishManifest(pkg, monorepo, inputName) {
    const manifest = structuredClone(pkg.manifest);
    const context = { pkg, monorepo, byName: workspaceIndex(monorepo), file: node_path__WEBPACK_IMPORTED_MODULE_0__.join(pkg.dir, 'package.json'), inputName, warnings: [] };
    for (const field of DEPENDENCY_FIELDS) {
        const dependencies = manifest[field];
        if (typeof dependencies !== 'object' || dependencies === null || Array.isArray(dependencies))
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
    const { name, version } = monorepo.rootManifest;
    if (typeof name === 'string' && name !== '' && !byName.has(name)) {
        byName.set(name, {
            name,
            version: (typeof version === 'string' ? semver__WEBPACK_IMPORTED_MODULE_2__.clean(version) : null) ?? '',
            dir: monorepo.root,
            relativeDir: '.',
            manifest: monorepo.rootManifest,
            private: monorepo.rootManifest.private === true,
        });
    }
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
        : /[\\/]/.test(rest) && !rest.startsWith('@') ? findByDir(monorepo, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(monorepo.root, rest)) : undefined;
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
    const config = manifest.publishConfig;
    if (manager === 'npm' || typeof config !== 'object' || config === null || Array.isArray(config))
        return;
    const publishConfig = config;
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
/* harmony export */   K: () => (/* binding */ checkManifest),
/* harmony export */   e: () => (/* binding */ readPackageSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var npm_package_arg__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8056);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2088);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9670);





const EXPECTED = 'Give a package folder, its package.json, or a .tgz made by npm pack';
async function readPackageSource(spec, cwd, inputName) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, spec);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target).catch(() => undefined);
    if (!info) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: "${spec}" does not exist (looked for ${target}). ${EXPECTED}.`, { received: spec });
    }
    if (info.isFile() && /\.t(ar\.)?gz$/i.test(target))
        return { kind: 'tarball', file: target };
    const dir = info.isDirectory() ? target : node_path__WEBPACK_IMPORTED_MODULE_1__.basename(target) === 'package.json' ? node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(target) : undefined;
    if (dir === undefined) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: "${spec}" is neither a folder, a package.json nor a .tgz file. ${EXPECTED}.`, { received: spec });
    }
    return { kind: 'folder', dir, manifest: await readManifest(dir, inputName) };
}
async function readManifest(dir, inputName) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json');
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: there is no package.json in ${dir}. ${EXPECTED}.`, { received: dir });
    }
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: ${file} is not valid JSON (${error.message}). Fix its syntax: double-quoted names and strings, no comments, no trailing commas.`, { received: file });
    }
    return checkManifest(data, file, inputName);
}
function checkManifest(data, where, inputName) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: ${where} does not hold a JSON object. A package.json is an object with at least "name" and "version".`, { received: where });
    }
    const manifest = data;
    const { name, version } = manifest;
    if (typeof name !== 'string' || name === '') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: ${where} has no "name". Give the package a name, such as "my-package" or "@scope/my-package".`, { received: name });
    }
    try {
        const parsed = npm_package_arg__WEBPACK_IMPORTED_MODULE_2__(name);
        if (!parsed.registry || parsed.name !== name)
            throw new Error('not a registry package name');
    }
    catch {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: "${name}" in ${where} is not a valid npm package name. Use lower case, URL-safe characters, optionally under a scope (@scope/name).`, { received: name });
    }
    const clean = typeof version === 'string' ? semver__WEBPACK_IMPORTED_MODULE_3__.clean(version) : null;
    if (clean === null) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(inputName, `${inputName}: version ${JSON.stringify(version)} in ${where} is not a semver version. Use major.minor.patch, such as 1.2.3 or 2.0.0-beta.1.`, { received: version });
    }
    return { ...manifest, version: clean };
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
            if (!isObject(pkg.content))
                throw new Error('it does not hold a JSON object');
            await writeSkeleton(dir, unpacked, pkg.content);
            await pkg.normalize({ steps: ['gypfile'] });
            const scripts = (pkg.content.scripts || {});
            if (!scripts.start && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'server.js')).then(() => true, () => false))) {
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
    const all = isObject(directories) && Boolean(directories.man || directories.bin);
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
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { recursive: true }).then(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, unpacked.contents.get(key) ?? '')).catch(() => undefined);
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
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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


/***/ }),

/***/ 8344:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j3: () => (/* binding */ runScript),
/* harmony export */   vf: () => (/* binding */ scrubEnvironment),
/* harmony export */   yw: () => (/* binding */ hasScript)
/* harmony export */ });
/* unused harmony export scriptEnvironment */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9670);
/* harmony import */ var _foundation_tokens_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3411);




function hasScript(manifest, event) {
    const scripts = manifest.scripts;
    return typeof scripts === 'object' && scripts !== null && typeof scripts[event] === 'string';
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
    if (code !== 0) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProductError */ ._$('ESCRIPT', `The ${run.event} script of ${String(run.manifest.name ?? run.dir)} failed (${typeof code === 'string' ? `killed by ${code}` : `exit code ${code}`}); its output is above.`, { received: run.event });
    }
}
function scriptEnvironment(run, cmd) {
    const env = { ...run.env };
    const packageValues = { name: run.manifest.name, version: run.manifest.version, config: run.manifest.config, engines: run.manifest.engines, bin: run.manifest.bin };
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
    const paths = pathNames.flatMap((name) => (env[name] ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)).filter((entry, index, all) => entry !== '' && all.indexOf(entry) === index);
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
            clean[name] = _foundation_tokens_js__WEBPACK_IMPORTED_MODULE_3__/* .SETUP_NODE_PLACEHOLDER */ .D;
    return clean;
}


/***/ }),

/***/ 4098:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ sameContents),
/* harmony export */   ty: () => (/* binding */ readTarball)
/* harmony export */ });
/* unused harmony exports tarballEntries, integrityOf */
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
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(inputName, `${inputName}: ${file} is not a package tarball npm can read (${error.message}).`, { received: file, cause: error });
    });
    const checked = (0,_read_package_js__WEBPACK_IMPORTED_MODULE_4__/* .checkManifest */ .K)(manifest, file, inputName);
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


/***/ }),

/***/ 6844:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vj: () => (/* binding */ selectWorkspaces),
/* harmony export */   gt: () => (/* binding */ findWorkspaces),
/* harmony export */   nh: () => (/* binding */ skippedWorkspaces),
/* harmony export */   wO: () => (/* binding */ duplicateNames)
/* harmony export */ });
/* unused harmony export rootPackage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3581);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2088);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8815);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9670);
/* harmony import */ var glob__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2600);
/* harmony import */ var _registry_name_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5709);








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
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: there is no package.json in ${root}. Give the root folder of the monorepo, the one whose package.json declares "workspaces" (or that holds ${PNPM_FILE}).`, { received: root });
    }
    const rootManifest = rootText === undefined ? {} : parseManifest(rootText, rootFile, inputName);
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
        const list = isObject(declared) && !Array.isArray(declared) ? declared.packages : declared;
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
    const folders = [...new Set(dirs)].filter((dir) => dir !== root).sort(compare);
    const texts = await Promise.all(folders.map((dir) => readText(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json'), inputName)));
    const packages = [];
    folders.forEach((dir, index) => {
        const text = texts[index];
        if (text === undefined)
            return;
        const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'package.json');
        packages.push(readWorkspacePackage(root, dir, parseManifest(text, file, inputName), file));
    });
    if (packages.length === 0)
        throw matchesNothing(patterns, declaredIn, inputName);
    packages.sort((a, b) => compare(a.name, b.name) || compare(a.relativeDir, b.relativeDir));
    return { root, manager, rootManifest, packages, catalogs };
}
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
                if (pkg.name === entry || node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(monorepo.root, entry) === pkg.dir)
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
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: the monorepo root (${node_path__WEBPACK_IMPORTED_MODULE_1__.join(monorepo.root, 'package.json')}) and the workspace package in ${node_path__WEBPACK_IMPORTED_MODULE_1__.join(clash.dir, 'package.json')} are both named "${root.name}". Rename one of them, or leave the root out.`, { received: root.name });
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
        .sort(([a], [b]) => compare(a, b))
        .map(([name, list]) => ({ name, dirs: list.map((pkg) => pkg.relativeDir) }));
}
function rootPackage(monorepo, inputName) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(monorepo.root, 'package.json');
    if (Object.keys(monorepo.rootManifest).length === 0) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: the monorepo root ${monorepo.root} has no package.json to publish. Leave the root out, or give it a package.json with "name" and "version".`, { received: monorepo.root });
    }
    return toWorkspacePackage(monorepo.root, monorepo.root, monorepo.rootManifest, file, inputName);
}
function matchesFilter(pkg, entry, root) {
    if (pkg.name === entry || node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, entry) === pkg.dir)
        return true;
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(entry) ? node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, entry) : entry;
    const pattern = relative.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    if (pattern === '')
        return false;
    return (0,minimatch__WEBPACK_IMPORTED_MODULE_2__/* .minimatch */ .xF)(pkg.relativeDir, pattern) || (0,minimatch__WEBPACK_IMPORTED_MODULE_2__/* .minimatch */ .xF)(pkg.relativeDir, `${pattern}/*`);
}
function unmatchedFilter(monorepo, entry, includeRoot, inputName) {
    const known = monorepo.packages.map((pkg) => `${pkg.name} (${pkg.relativeDir})`);
    const shown = known.length > 30 ? [...known.slice(0, 30), `and ${known.length - 30} more`] : known;
    const rootName = monorepo.rootManifest.name;
    const hint = !includeRoot && (entry === rootName || entry === '.') ? ' The monorepo root is not a workspace package: to publish it, set include-workspace-root.' : '';
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: "${entry}" matches no workspace package of ${monorepo.root} (by name, folder or glob over folders).${hint} Known packages: ${shown.join(', ')}.`, { received: entry });
}
function toWorkspacePackage(root, dir, manifest, file, inputName) {
    const pkg = readWorkspacePackage(root, dir, manifest, file);
    if (pkg.problem)
        throw problemError(pkg, inputName);
    return pkg;
}
function problemError(pkg, inputName) {
    const problem = pkg.problem;
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(pkg.dir, 'package.json');
    const who = problem.what === 'has no "name"' ? file : `${pkg.name} (${file})`;
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${who} ${problem.what}. ${problem.advice}`, { received: problem.received });
}
function readWorkspacePackage(root, dir, manifest, file) {
    const isPrivate = manifest.private === true;
    const relativeDir = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, dir).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || '.';
    let problem;
    const given = manifest.name;
    const hasName = typeof given === 'string' && given !== '';
    const name = hasName ? given : nameFromFolder(dir);
    if (!isPrivate && !hasName) {
        problem = { kind: given === undefined ? 'missing' : 'invalid', received: file, what: 'has no "name"', advice: 'Every workspace package that is not "private": true needs one, such as "my-package" or "@scope/my-package".' };
    }
    else if (!isPrivate && !(0,_registry_name_js__WEBPACK_IMPORTED_MODULE_7__/* .isRegistryName */ .V)(name)) {
        problem = { kind: 'invalid', received: name, what: 'is not a valid npm package name', advice: 'Use lower case, URL-safe characters, optionally under a scope (@scope/name).' };
    }
    const clean = typeof manifest.version === 'string' ? semver__WEBPACK_IMPORTED_MODULE_3__.clean(manifest.version) : null;
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
function nameFromFolder(dir) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(dir);
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dir));
    return parent.startsWith('@') ? `${parent}/${base}` : base;
}
function refuseDuplicates(monorepo, selected, inputName) {
    const published = new Set(selected.filter((pkg) => !pkg.private).map((pkg) => pkg.name));
    const duplicates = duplicateNames(monorepo).filter((duplicate) => published.has(duplicate.name));
    if (duplicates.length === 0)
        return;
    const lines = duplicates.map(({ name, dirs }) => `"${name}" is the name of ${dirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_1__.join(monorepo.root, dir, 'package.json')).join(' and ')}`);
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: two workspace packages have one name, and one of them would be published: ${lines.join('; ')}. Names must be unique among the packages a monorepo publishes: rename one, mark the other "private": true, or leave it out of the workspaces.`, {
        received: duplicates.map(({ name }) => name),
    });
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
            negated = negated.filter((exclusion) => !(0,minimatch__WEBPACK_IMPORTED_MODULE_2__/* .minimatch */ .xF)(pattern, exclusion));
            patterns.push(pattern);
        }
    }
    const kept = patterns.filter((pattern) => !negated.some((exclusion) => (0,minimatch__WEBPACK_IMPORTED_MODULE_2__/* .minimatch */ .xF)(pattern, exclusion)));
    if (kept.length === 0)
        return [];
    const globs = kept.map((pattern) => (pattern.replace(/\\/g, '/').endsWith('/') ? pattern : `${pattern}/`));
    const matches = await (0,glob__WEBPACK_IMPORTED_MODULE_6__.glob)(globs, { cwd: root, ignore: [...NPM_IGNORE, ...negated] });
    return matches.map((match) => node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, match));
}
async function pnpmFolders(root, declared) {
    const toManifest = (pattern) => pattern.replace(/^(\.\/)+/, '').replace(/\/?$/, '/package.json');
    const positive = declared.filter((pattern) => !pattern.startsWith('!')).map(toManifest);
    const negative = declared.filter((pattern) => pattern.startsWith('!')).map((pattern) => toManifest(pattern.slice(1)));
    if (positive.length === 0)
        return [];
    const matches = await (0,glob__WEBPACK_IMPORTED_MODULE_6__.glob)(positive, { cwd: root, ignore: [...PNPM_IGNORE, ...negative] });
    return matches.map((match) => node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, match)));
}
function readCatalogs(config, file, inputName) {
    const catalogs = {};
    const named = config.catalogs ?? {};
    if (!isObject(named) || Array.isArray(named))
        throw malformedCatalog(file, '"catalogs" is not a mapping of catalog names to catalogs', inputName);
    if (config.catalog != null && named.default != null) {
        throw malformedCatalog(file, 'the default catalog is defined twice, as "catalog" and as "catalogs.default"; keep one', inputName);
    }
    const entries = [['default', config.catalog ?? undefined], ...Object.entries(named)];
    for (const [name, catalog] of entries) {
        if (catalog == null)
            continue;
        const where = name === 'default' && config.catalog != null ? '"catalog"' : `catalog "${name}"`;
        if (!isObject(catalog) || Array.isArray(catalog))
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
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${file} is malformed: ${why}. A catalog maps package names to ranges, such as "react: ^18.2.0".`, { received: file });
}
function noWorkspaces(file, inputName) {
    const how = file.endsWith(PNPM_FILE)
        ? `list the package folders under "packages" in ${file}, such as "packages: ['packages/*']"`
        : `list the package folders in the "workspaces" field of ${file}, such as "workspaces": ["packages/*"]`;
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${file} declares no workspaces. To publish the packages of a monorepo, ${how}; to publish one package, give its folder without workspaces.`, { received: file });
}
function matchesNothing(patterns, file, inputName) {
    const list = patterns.length > 0 ? ` (${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')})` : '';
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: the workspaces declared in ${file}${list} match no folder holding a package.json. Each pattern is a folder or a glob relative to the root, such as "packages/*" or "packages/**".`, {
        received: patterns,
    });
}
function stringList(value, where, inputName) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${where} is not a list of folder patterns. Give an array of non-empty strings, such as ["packages/*"].`, { received: value });
    }
    return value;
}
function parseManifest(text, file, inputName) {
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${file} is not valid JSON (${error.message}). Fix its syntax: double-quoted names and strings, no comments, no trailing commas.`, { received: file });
    }
    if (!isObject(data) || Array.isArray(data)) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${file} does not hold a JSON object. A package.json is an object with at least "name" and "version".`, { received: file });
    }
    return data;
}
function parseYamlObject(text, file, inputName) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .qg)(text);
    }
    catch (error) {
        const reason = error.message.split('\n')[0];
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${file} is not valid YAML (${reason}). Fix its syntax.`, { received: file });
    }
    if (data === null || data === undefined)
        return {};
    if (!isObject(data) || Array.isArray(data)) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${file} does not hold a YAML mapping. It should map settings such as "packages" to their values.`, { received: file });
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
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: could not read ${file} (${code ?? error.message}). Check that the file is readable.`, { received: file, cause: error });
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 9340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ settleProvenance),
/* harmony export */   k: () => (/* binding */ checkProvenanceVisibility)
/* harmony export */ });
/* harmony import */ var _commands_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2615);
/* harmony import */ var _commands_provenance_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8079);
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(403);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9670);
/* harmony import */ var _registry_access_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(773);





function settleProvenance(options, subject, env) {
    const names = options.names;
    const ci = (0,_commands_provenance_js__WEBPACK_IMPORTED_MODULE_1__/* .provenanceCi */ .WV)(env);
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
    const expected = (0,_commands_provenance_js__WEBPACK_IMPORTED_MODULE_1__/* .statementRepository */ .ke)(ci, env);
    return expected === undefined ? undefined : (0,_commands_provenance_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryProblem */ .Ki)(subject.manifest, expected);
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
        throw new _commands_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryReadError */ .Ou(id, client.registry, `the package's visibility, needed for provenance: ${(0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReason */ .G)(error)}`, error);
    });
    if (visible !== true)
        refuse(visible === false ? `${plan.name} is private in ${client.registry}` : `${client.registry} does not say ${plan.name} is public`);
}


/***/ }),

/***/ 1118:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N_: () => (/* binding */ planPublish),
  Z: () => (/* binding */ settlePublish)
});

// UNUSED EXPORTS: PUBLISH_SCRIPTS

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/commands/validate.js
var validate = __webpack_require__(6374);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
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
    const monorepo = await (0,workspaces/* findWorkspaces */.gt)(root, inputName);
    if (monorepo.manager === 'npm') {
        if (protocol === undefined)
            return undefined;
        throw new errors/* InputError */.dz(inputName, `${inputName}: ${String(manifest.name)} (${external_node_path_.join(dir, 'package.json')}) has "${protocol.name}": "${protocol.spec}" in ${protocol.field}, but ${root} is an npm workspace, and npm has no ${protocol.spec.startsWith('catalog:') ? 'catalog: protocol' : 'workspace: protocol'}: npm publish would send it to the registry unresolved. Write the range npm should publish, such as ^1.2.3.`, { received: protocol.spec });
    }
    const found = monorepo.packages.find((pkg) => pkg.dir === dir);
    const relativeDir = external_node_path_.relative(root, dir).split(external_node_path_.sep).join('/') || '.';
    const pkg = found ?? { name: String(manifest.name), version: String(manifest.version), dir, relativeDir, manifest, private: manifest.private === true };
    const published = (0,publish_manifest/* publishManifest */.pm)({ ...pkg, manifest }, monorepo, inputName);
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
    for (const field of publish_manifest/* DEPENDENCY_FIELDS */.AT) {
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
    const names = options.names;
    const found = await (0,read_package/* readPackageSource */.e)(command.target ?? options.packageSpec, cwd, names.package);
    let source;
    let warnings;
    if (found.kind === 'folder') {
        const manifest = found.manifest;
        const inWorkspace = await workspaceFolder(found.dir, manifest, names.package);
        source = inWorkspace
            ? { kind: 'folder', dir: found.dir, manifest: inWorkspace.manifest, manifestText: inWorkspace.manifestText, workspaceRoot: inWorkspace.workspaceRoot, manager: inWorkspace.manager }
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
async function settlePublish(command, options, source, cwd, env, npmrc = {}) {
    const names = options.names;
    const manifest = source.manifest;
    const name = manifest.name;
    const version = manifest.version;
    const where = source.kind === 'folder' ? external_node_path_.join(source.dir, 'package.json') : source.file;
    if (manifest.private) {
        throw new errors/* InputError */.dz(names.package, `${names.package}: ${name} is marked "private": ${JSON.stringify(manifest.private)} in ${where}; npm refuses to publish it. Remove "private" to publish.`, { received: name });
    }
    const publishConfig = isRecord(manifest.publishConfig) ? manifest.publishConfig : {};
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
    const accessFrom = command.access !== undefined ? `--access on line ${command.line}` : options.access !== undefined ? names.access : `${names.package} (publishConfig.access in ${where})`;
    if (access === 'restricted' && !name.startsWith('@')) {
        const from = accessFrom;
        throw new errors/* InputError */.dz(from.split(' ')[0], `${from}: ${name} is unscoped, and only scoped packages (@scope/name) can have restricted access. Use public, or publish under a scope.`, { received: name });
    }
    const dirs = npmrc.dirs ?? [...new Set([source.kind === 'folder' ? source.dir : undefined, cwd].filter((dir) => dir !== undefined))];
    await checkRegistry(options, name, publishConfig, where, dirs, npmrc.read ?? ((dir) => (0,package_npmrc/* readNpmrcRegistries */.e)(dir, env, names.package)));
    const dryRun = command.dryRun || options.dryRun;
    const lineFlag = command.provenance === undefined ? undefined : { value: command.provenance, line: command.line };
    const provenance = (0,plan_provenance/* settleProvenance */.f)(options, { id: `${name}@${version}`, manifest, publishConfig, where, access, accessFrom, dryRun, lineFlag }, env);
    const scripts = source.kind === 'folder' && !options.ignoreScripts ? PUBLISH_SCRIPTS.filter((event) => (0,package_scripts/* hasScript */.yw)(manifest, event)) : [];
    return { command, source, name, version, tag: chosen ?? configured ?? 'latest', tagImplicit: chosen === undefined && configured === undefined, tagInput, access, registry: options.registry, dryRun, scripts, provenance };
}
function publishConfigAccess(value, input, where) {
    if (value === undefined || value === null)
        return undefined;
    if (value === 'public' || value === 'restricted')
        return value;
    throw new errors/* InputError */.dz(input, `${input}: publishConfig.access in ${where} is ${JSON.stringify(value)}; use "public" or "restricted".`, { received: value });
}
async function checkRegistry(options, name, publishConfig, where, npmrcDirs, readNpmrc) {
    const names = options.names;
    const inEffect = `${names.registry} (${options.registryGiven ? '' : 'default '}${options.registry})`;
    const differs = (url) => normalizeUrl(url) !== normalizeUrl(options.registry);
    const configured = publishConfig.registry;
    if (configured !== undefined) {
        if (typeof configured !== 'string' || !differs(configured))
            return;
        throw new errors/* InputError */.dz(names.registry, `${names.registry}: ${name} says "publishConfig": {"registry": "${configured}"} in ${where}, but this run publishes to ${inEffect}. ` +
            `Set ${names.registry} to ${configured} (with a token for it) to publish there, or remove publishConfig.registry; nothing was sent.`, { received: configured });
    }
    const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
    for (const dir of npmrcDirs) {
        const settings = await readNpmrc(dir);
        const applies = (scope && settings.find((setting) => setting.key === `${scope}:registry`)) || settings.find((setting) => setting.key === 'registry');
        if (!applies || !differs(applies.url))
            continue;
        throw new errors/* InputError */.dz(names.registry, `${names.registry}: ${applies.file} sets ${applies.key}=${applies.url}, so npm would publish ${name} there, but this run publishes to ${inEffect}. ` +
            `Set ${names.registry} to ${applies.url} (with a token for it) to publish there, or change the .npmrc; nothing was sent.`, { received: applies.url });
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
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4548);


async function readVisibility(client, pkg) {
    const answer = (await client.getJson(`/-/package/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(pkg)}/visibility`));
    return answer === undefined ? undefined : answer.public === true;
}
async function writeAccess(client, pkg, access, write) {
    await client.write(write, 0, (options) => libnpmaccess__WEBPACK_IMPORTED_MODULE_0__.setAccess(pkg, access, options));
}
async function writeMfa(client, pkg, level, write) {
    await client.write(write, 0, (options) => libnpmaccess__WEBPACK_IMPORTED_MODULE_0__.setMfa(pkg, level, options));
}


/***/ }),

/***/ 4548:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ escapeName),
/* harmony export */   b: () => (/* binding */ RegistryClient)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var npm_registry_fetch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5706);
/* harmony import */ var _foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3505);



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
            npmSession: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().replaceAll('-', '').slice(0, 16),
            timeout: options.timeoutMs ?? 5 * 60 * 1000,
            preferOnline: true,
            ...(options.token === undefined ? {} : { [`//${url.host}${url.pathname}:_authToken`]: options.token }),
        };
    }
    writeOptions(write, extra = {}) {
        return { ...this.#base, ...(write.otp === undefined ? {} : { otp: write.otp }), npmCommand: write.command, npmSession: write.session, ...extra, retry: WRITE_RETRY };
    }
    write(write, bodyBytes, call, extra = {}) {
        return this.timed(bodyBytes, () => call(this.writeOptions(write, extra)));
    }
    readOptions(extra = {}) {
        return { ...this.#base, retry: READ_RETRY, ...extra };
    }
    async getJson(path, extra = {}) {
        try {
            const response = await this.timed(0, () => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_1__(path, this.readOptions(extra)));
            return await response.json();
        }
        catch (error) {
            if ((0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(error) === 404)
                return undefined;
            throw error;
        }
    }
    async getBuffer(url) {
        const response = await this.timed(0, () => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_1__(this.sameProtocol(url), this.readOptions()));
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
            this.#timeSync.observe({ date: (0,_foundation_http_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorHeader */ .GI)(error, 'date'), sentAt, receivedAt: this.#clock.now(), bytesSent });
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
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4548);


const tagUrl = (pkg, tag) => `/-/package/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(pkg)}/dist-tags/${encodeURIComponent(tag)}`;
async function setDistTag(client, pkg, tag, version, write) {
    await client.write(write, 0, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__(tagUrl(pkg, tag), { ...options, method: 'PUT', body: JSON.stringify(version), headers: { 'content-type': 'application/json' }, ignoreBody: true }));
}
async function removeDistTag(client, pkg, tag, write) {
    await client.write(write, 0, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__(tagUrl(pkg, tag), { ...options, method: 'DELETE', ignoreBody: true }));
}


/***/ }),

/***/ 2919:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ writePackument),
/* harmony export */   l: () => (/* binding */ readPackument)
/* harmony export */ });
/* harmony import */ var npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5706);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4548);


async function readPackument(client, name, options = {}) {
    const document = await client.getJson(`/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(name)}`, {
        headers: { accept: 'application/json' },
        ...(options.write ? { query: { write: 'true' } } : {}),
    });
    return document === undefined ? undefined : document;
}
async function writePackument(client, packument, write) {
    const body = JSON.stringify(packument);
    await client.write(write, body.length, (options) => npm_registry_fetch__WEBPACK_IMPORTED_MODULE_0__(`/${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeName */ .L)(packument.name)}`, { ...options, method: 'PUT', body, headers: { 'content-type': 'application/json' }, ignoreBody: true }));
}


/***/ }),

/***/ 4512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ uploadBytes),
/* harmony export */   E: () => (/* binding */ uploadVersion)
/* harmony export */ });
/* harmony import */ var libnpmpublish__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8319);

function uploadBytes(size) {
    return Math.ceil(size * 1.34) + 4096;
}
async function uploadVersion(client, manifest, data, upload, write) {
    const response = await client.write(write, uploadBytes(data.length), (options) => libnpmpublish__WEBPACK_IMPORTED_MODULE_0__.publish(manifest, data, { ...options, defaultTag: upload.tag, access: upload.access ?? null, ...(upload.provenance ? { ...upload.provenance, provenance: true } : {}) }));
    const url = response.transparencyLogUrl;
    return { transparencyLogUrl: typeof url === 'string' ? url : undefined };
}


/***/ }),

/***/ 5743:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultPackageName: () => (/* binding */ defaultPackageName),
  failedResult: () => (/* reexport */ result/* failedResult */.N),
  runCommands: () => (/* binding */ runCommands)
});

// EXTERNAL MODULE: ./lib/commands/context.js
var commands_context = __webpack_require__(1405);
// EXTERNAL MODULE: ./lib/registry/packument.js
var registry_packument = __webpack_require__(2919);
// EXTERNAL MODULE: ./lib/registry/access.js
var access = __webpack_require__(773);
// EXTERNAL MODULE: ./lib/commands/errors.js
var errors = __webpack_require__(2615);
;// CONCATENATED MODULE: ./lib/commands/access.js



async function visibility(context, pkg) {
    const isPublic = await (0,access/* readVisibility */.tQ)(context.client, pkg);
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
    await (0,commands_context/* otpWrite */.P)(context, `access set status=${status} ${pkg}`, 'access', (write) => (0,access/* writeAccess */.qZ)(context.client, pkg, status === 'private' ? 'restricted' : 'public', write));
    return { status: 'done', detail: `${pkg} is now ${status} (was ${current})` };
}
async function setMfa(context, pkg, mfa) {
    await visibility(context, pkg);
    if (context.dryRun)
        return { status: 'dry-run', detail: `would set the 2FA policy of ${pkg} to ${mfa}` };
    await (0,commands_context/* otpWrite */.P)(context, `access set mfa=${mfa} ${pkg}`, 'access', (write) => (0,access/* writeMfa */.CJ)(context.client, pkg, mfa, write));
    return { status: 'done', detail: `the 2FA policy of ${pkg} is ${mfa}` };
}
async function getStatus(context, pkg) {
    return { status: 'read', detail: `${pkg} is ${await visibility(context, pkg)}` };
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var foundation_errors = __webpack_require__(9670);
;// CONCATENATED MODULE: ./lib/commands/deprecate.js





async function deprecate(context, pkg, range, message) {
    const packument = await (0,registry_packument/* readPackument */.l)(context.client, pkg, { write: true });
    if (!packument)
        throw new errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
    const versions = packument.versions ?? {};
    const matching = Object.keys(versions).filter((version) => semver.satisfies(version, range, { includePrerelease: true }));
    if (matching.length === 0)
        throw new foundation_errors/* ProductError */._$('ENOVERSION', `no version of ${pkg} matches ${range}; nothing to ${message ? 'deprecate' : 'undeprecate'}.`, { received: `${pkg}@${range}` });
    const current = (version) => versions[version]?.deprecated ?? '';
    const changing = matching.filter((version) => current(version) !== message);
    const what = message ? `deprecated with "${message}"` : 'not deprecated';
    if (changing.length === 0)
        return { status: 'unchanged', detail: `${matching.length} version${matching.length === 1 ? '' : 's'} of ${pkg} in ${range} already ${what}` };
    if (context.dryRun)
        return { status: 'dry-run', detail: `would mark ${changing.join(', ')} ${what}` };
    for (const version of changing)
        versions[version].deprecated = message;
    await (0,commands_context/* otpWrite */.P)(context, `deprecate ${pkg}@${range}`, 'deprecate', (write) => (0,registry_packument/* writePackument */.W)(context.client, packument, write), JSON.stringify(packument).length);
    return { status: 'done', detail: `${changing.join(', ')} ${message ? 'now' : 'no longer'} ${message ? what : 'deprecated'}` };
}

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
        throw new foundation_errors/* ProductError */._$('ENOVERSION', `${pkg}@${version} is not in the registry, so no tag can point at it; publish it first.`, { received: `${pkg}@${version}` });
    const was = tags[tag] === undefined ? '' : ` (was ${tags[tag]})`;
    if (context.dryRun)
        return { status: 'dry-run', detail: `would point ${tag} at ${version}${was}` };
    await (0,commands_context/* otpWrite */.P)(context, `dist-tag add ${pkg}@${version} ${tag}`, 'dist-tag', (write) => (0,dist_tags/* setDistTag */.r)(context.client, pkg, tag, version, write));
    return { status: 'done', detail: `${tag} now points at ${version}${was}` };
}
async function distTagRm(context, pkg, tag) {
    const { tags } = await tagsOf(context, pkg);
    if (tags[tag] === undefined)
        return { status: 'unchanged', detail: `${pkg} has no ${tag} tag` };
    if (context.dryRun)
        return { status: 'dry-run', detail: `would remove ${tag} (${tags[tag]})` };
    await (0,commands_context/* otpWrite */.P)(context, `dist-tag rm ${pkg} ${tag}`, 'dist-tag', (write) => (0,dist_tags/* removeDistTag */.p)(context.client, pkg, tag, write));
    return { status: 'done', detail: `removed ${tag} (was ${tags[tag]})` };
}
async function distTagLs(context, pkg) {
    const { tags } = await tagsOf(context, pkg);
    const listed = Object.entries(tags).map(([tag, version]) => `${tag}: ${version}`);
    return { status: 'read', detail: listed.length > 0 ? listed.join(', ') : 'no dist-tags' };
}

// EXTERNAL MODULE: ./lib/foundation/http-errors.js
var http_errors = __webpack_require__(3505);
// EXTERNAL MODULE: ./node_modules/npm-registry-fetch/lib/index.js
var lib = __webpack_require__(5706);
// EXTERNAL MODULE: ./lib/registry/client.js
var registry_client = __webpack_require__(4548);
;// CONCATENATED MODULE: ./lib/registry/owners.js


async function readAccount(client, user) {
    const found = (await client.getJson(`/-/user/org.couchdb.user:${encodeURIComponent(user)}`));
    if (typeof found?.name !== 'string' || found.name === '')
        return undefined;
    return { name: found.name, ...(typeof found.email === 'string' && found.email ? { email: found.email } : {}) };
}
async function writeMaintainers(client, pkg, rev, maintainers, write) {
    await client.write(write, 0, (options) => lib(`/${(0,registry_client/* escapeName */.L)(pkg)}/-rev/${encodeURIComponent(rev)}`, { ...options, method: 'PUT', body: { _id: pkg, _rev: rev, maintainers }, ignoreBody: true }));
}

;// CONCATENATED MODULE: ./lib/commands/owner.js






const MAX_REVISION_RACES = 3;
async function lookUpUser(context, user) {
    const known = context.users.get(user);
    if (known)
        return known;
    const account = await readAccount(context.client, user);
    if (!account)
        throw new foundation_errors/* ProductError */._$('ENOUSER', `npm user "${user}" does not exist on ${context.client.registry}; check the spelling of the user name.`, { received: user });
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
            throw new foundation_errors/* ProductError */._$('EOWNERRM', `${account.name} is the only owner of ${pkg}; npm refuses to remove the last owner. Add another owner first.`, { received: user });
        }
        const next = action === 'add' ? [...maintainers, account] : maintainers.filter((m) => m.name !== account.name);
        if (context.dryRun)
            return { status: 'dry-run', detail: `would ${action === 'add' ? 'add' : 'remove'} ${account.name} as an owner of ${pkg}` };
        try {
            await (0,commands_context/* otpWrite */.P)(context, `owner ${action} ${user} ${pkg}`, 'owner', (write) => writeMaintainers(context.client, packument.name, packument._rev, next, write));
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

// EXTERNAL MODULE: ./lib/commands/publish.js
var commands_publish = __webpack_require__(7581);
// EXTERNAL MODULE: ./node_modules/libnpmpublish/lib/index.js
var libnpmpublish_lib = __webpack_require__(8319);
;// CONCATENATED MODULE: ./lib/registry/unpublish.js

async function unpublishSpec(client, spec, force, write) {
    await client.write(write, 0, (options) => libnpmpublish_lib.unpublish(spec, { ...options, force }));
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
    await (0,commands_context/* otpWrite */.P)(context, `unpublish ${id}`, 'unpublish', (write) => unpublishSpec(context.client, id, version === undefined, write));
    return { status: 'done', detail: `unpublished ${id}` };
}

;// CONCATENATED MODULE: ./lib/commands/execute.js







async function executeCommand(context, command, planned, deps) {
    switch (command.kind) {
        case 'publish': {
            const { plan } = planned;
            const packument = planned?.fresh ? planned.packument : await (0,registry_packument/* readPackument */.l)(context.client, plan.name, { write: true });
            const early = planned?.early;
            if (planned)
                planned.early = undefined;
            return (0,commands_publish/* executePublish */.$_)(context, plan, packument, deps, early);
        }
        case 'dist-tag-add':
            return distTagAdd(context, command.pkg, command.version, command.tag);
        case 'dist-tag-rm':
            return distTagRm(context, command.pkg, command.tag);
        case 'dist-tag-ls':
            return distTagLs(context, command.pkg);
        case 'owner-add':
            return changeOwner(context, 'add', command.user, command.pkg);
        case 'owner-rm':
            return changeOwner(context, 'rm', command.user, command.pkg);
        case 'owner-ls':
            return listOwners(context, command.pkg);
        case 'access-status':
            return setStatus(context, command.pkg, command.status);
        case 'access-mfa':
            return setMfa(context, command.pkg, command.mfa);
        case 'access-get-status':
            return getStatus(context, command.pkg);
        case 'deprecate':
            return deprecate(context, command.pkg, command.range, command.message);
        case 'unpublish':
            return unpublish(context, command.pkg, command.version, command.force);
        case 'dist-tag-add-workspaces':
            throw new Error('dist-tag add --workspaces is expanded into one dist-tag add per package before the run');
        case 'trust-create':
            return (await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.bind(__webpack_require__, 2632))).trustCreate(context, command.pkg, command.config, command.dryRun, command.notes);
        case 'trust-list':
            return (await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.bind(__webpack_require__, 2632))).trustList(context, command.pkg);
        case 'trust-revoke':
            return (await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.bind(__webpack_require__, 2632))).trustRevoke(context, command.pkg, command.id, command.dryRun);
        case 'stage-list':
            return (await __webpack_require__.e(/* import() */ 854).then(__webpack_require__.bind(__webpack_require__, 3854))).stageList(context, command.pkg);
        case 'stage-view':
            return (await __webpack_require__.e(/* import() */ 854).then(__webpack_require__.bind(__webpack_require__, 3854))).stageView(context, command.id);
        case 'stage-download':
            return (await __webpack_require__.e(/* import() */ 854).then(__webpack_require__.bind(__webpack_require__, 3854))).stageDownload(context, command.id, command.dir ?? '.');
        case 'stage-approve':
            return (await __webpack_require__.e(/* import() */ 854).then(__webpack_require__.bind(__webpack_require__, 3854))).stageApprove(context, command.target, command.dryRun, command.checkout, deps);
        case 'stage-reject':
            return (await __webpack_require__.e(/* import() */ 854).then(__webpack_require__.bind(__webpack_require__, 3854))).stageReject(context, command.target, command.dryRun);
        case 'trust-setup':
        case 'stage-decide':
            throw new Error(`${command.kind} is settled into one command per package before the run`);
    }
}

// EXTERNAL MODULE: ./lib/commands/parse.js + 2 modules
var parse = __webpack_require__(4953);
// EXTERNAL MODULE: ./lib/otp/source.js + 1 modules
var source = __webpack_require__(6198);
;// CONCATENATED MODULE: ./lib/otp/time-sync.js
const DEFAULT_BYTES_PER_MS = 1000;
const DEFAULT_LATENCY_MS = 500;
class TimeSync {
    #low = Number.NEGATIVE_INFINITY;
    #high = Number.POSITIVE_INFINITY;
    #observed = false;
    #latencyMs = DEFAULT_LATENCY_MS;
    #bytesPerMs = DEFAULT_BYTES_PER_MS;
    get offsetMs() {
        return this.#observed ? Math.round((this.#low + this.#high) / 2) : 0;
    }
    get uncertaintyMs() {
        return this.#observed ? Math.round((this.#high - this.#low) / 2) : Number.POSITIVE_INFINITY;
    }
    get known() {
        return this.#observed;
    }
    get latencyMs() {
        return this.#latencyMs;
    }
    get bytesPerMs() {
        return this.#bytesPerMs;
    }
    observe(observation) {
        const { date, sentAt, receivedAt } = observation;
        const elapsed = Math.max(0, receivedAt - sentAt);
        const bytes = observation.bytesSent ?? 0;
        if (bytes > 64 * 1024) {
            const uploadMs = Math.max(1, elapsed - this.#latencyMs);
            this.#bytesPerMs = smooth(this.#bytesPerMs, bytes / uploadMs);
        }
        else {
            this.#latencyMs = smooth(this.#latencyMs, elapsed);
        }
        const stamped = date === undefined ? Number.NaN : Date.parse(date);
        if (!Number.isFinite(stamped))
            return;
        const low = stamped - receivedAt;
        const high = stamped + 1000 - sentAt;
        const nextLow = Math.max(this.#low, low);
        const nextHigh = Math.min(this.#high, high);
        if (!this.#observed || nextLow > nextHigh) {
            this.#low = low;
            this.#high = high;
        }
        else {
            this.#low = nextLow;
            this.#high = nextHigh;
        }
        this.#observed = true;
    }
    registryTime(localMs) {
        return localMs + this.offsetMs;
    }
}
function smooth(previous, sample) {
    return Math.round(previous * 0.5 + sample * 0.5);
}

// EXTERNAL MODULE: ./lib/otp/web-approval.js
var web_approval = __webpack_require__(8087);
// EXTERNAL MODULE: ./lib/package/read-package.js
var read_package = __webpack_require__(5863);
// EXTERNAL MODULE: ./lib/package/scripts.js
var scripts = __webpack_require__(8344);
// EXTERNAL MODULE: ./lib/package/tarball.js
var tarball = __webpack_require__(4098);
// EXTERNAL MODULE: ./lib/plan/options.js
var plan_options = __webpack_require__(4333);
// EXTERNAL MODULE: ./lib/plan/provenance.js
var provenance = __webpack_require__(9340);
// EXTERNAL MODULE: ./lib/plan/publish-plan.js + 1 modules
var publish_plan = __webpack_require__(1118);
;// CONCATENATED MODULE: ./lib/registry/web-auth.js


async function pollDone(client, doneUrl, npmCommand) {
    if (new URL(doneUrl).origin !== new URL(client.registry).origin)
        throw new Error(`pollDone: ${new URL(doneUrl).origin} is not the registry's origin`);
    try {
        const response = await client.timed(0, () => lib(doneUrl, client.readOptions({ authType: 'web', npmCommand })));
        const body = await response.json().catch(() => undefined);
        if (response.status === 202) {
            const header = response.headers.get('retry-after')?.trim();
            const seconds = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
            return { status: 'pending', retryAfterMs: seconds === undefined ? undefined : seconds * 1000 };
        }
        const token = body?.token;
        if (response.status === 200 && typeof token === 'string' && token !== '')
            return { status: 'approved', token };
        return { status: 'refused', httpStatus: response.status, message: 'the answer carried no token' };
    }
    catch (error) {
        const status = (0,http_errors/* statusOf */.c2)(error);
        if (status === undefined || status >= 500)
            throw error;
        const body = error.body;
        const said = typeof body === 'object' && body !== null && typeof body.error === 'string' ? (body.error) : '';
        return { status: 'refused', httpStatus: status, message: said };
    }
}

;// CONCATENATED MODULE: ./lib/run/approval-webhook.js
function approvalWebhook(url, env) {
    const repository = env.GITHUB_REPOSITORY;
    const runUrl = env.GITHUB_SERVER_URL && repository && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    return async (message) => {
        const where = repository ? ` (${repository}${runUrl ? `, ${runUrl}` : ''})` : '';
        const text = `${message.text}${where}`;
        const body = { text, content: text, ...(repository ? { repository } : {}), ...(runUrl ? { runUrl } : {}), waiting: message.waiting, authUrl: message.authUrl, deadline: message.deadline };
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
        if (!response.ok)
            throw new Error(`the webhook answered ${response.status}`);
    };
}

// EXTERNAL MODULE: ./lib/run/result.js
var result = __webpack_require__(3028);
// EXTERNAL MODULE: ./lib/foundation/describe-error.js
var describe_error = __webpack_require__(403);
;// CONCATENATED MODULE: ./lib/run/transient-retry.js


const TRANSIENT_RETRIES = 2;
async function withTransientRetries(command, deps, run, wroteSomething) {
    let wroteBeforeRetry = false;
    for (let attempt = 1;; attempt += 1) {
        try {
            const outcome = await run();
            if (attempt > 1 && wroteBeforeRetry && outcome.status === 'unchanged') {
                return { ...outcome, status: 'done', detail: `${outcome.detail} (the write's answer was lost; confirmed by reading the registry back)` };
            }
            return outcome;
        }
        catch (error) {
            if (command.kind === 'publish' || attempt > TRANSIENT_RETRIES || !(0,http_errors/* isTransient */.dg)(error))
                throw error;
            const waitMs = 1000 * 2 ** (attempt - 1);
            deps.logger.warning(`${command.text}: ${(0,describe_error/* describeError */.U)(error)}; reading the registry again and retrying in ${waitMs / 1000} s (${attempt}/${TRANSIENT_RETRIES}).`);
            wroteBeforeRetry = wroteSomething();
            await deps.clock.sleep(waitMs);
        }
    }
}

;// CONCATENATED MODULE: ./lib/run/sigstore-instance.js

const SIGSTORE_VARIABLE = 'NPM_TOTP_PUBLISH_SIGSTORE';
const KEYS = ['fulcioURL', 'rekorURL', 'tsaServerURL'];
function sigstoreFromEnv(env, logger) {
    const text = env[SIGSTORE_VARIABLE]?.trim();
    if (!text)
        return undefined;
    const refuse = (problem) => new foundation_errors/* InputError */.dz(SIGSTORE_VARIABLE, `${SIGSTORE_VARIABLE}: ${problem}. It takes JSON such as {"fulcioURL": "https://fulcio.example", "rekorURL": "https://rekor.example"} (tsaServerURL optional), or leave it unset for sigstore's public instance.`);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw refuse('is not JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw refuse('is not a JSON object');
    const values = parsed;
    const unknown = Object.keys(values).find((key) => !KEYS.includes(key));
    if (unknown !== undefined)
        throw refuse(`"${unknown}" is not one of ${KEYS.join(', ')}`);
    const instance = {};
    for (const key of KEYS) {
        const value = values[key];
        if (value === undefined && key === 'tsaServerURL')
            continue;
        if (typeof value !== 'string')
            throw refuse(`${key} is missing or not a string`);
        let url;
        try {
            url = new URL(value);
        }
        catch {
            throw refuse(`${key} is not a URL`);
        }
        const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
            throw refuse(`${key} must be https (http only to this machine)`);
        instance[key] = value;
    }
    logger.warning(`Provenance statements are signed by the Sigstore instance at ${instance.fulcioURL} and logged at ${instance.rekorURL} (${SIGSTORE_VARIABLE}), not sigstore's public instance.`);
    return instance;
}

// EXTERNAL MODULE: ./lib/otp/with-otp.js
var with_otp = __webpack_require__(7201);
// EXTERNAL MODULE: ./lib/commands/provenance.js
var commands_provenance = __webpack_require__(8079);
;// CONCATENATED MODULE: ./lib/registry/oidc.js


async function exchangeIdToken(client, pkg, idToken, write) {
    const answer = await client.write(write, 0, (options) => lib.json(`/-/npm/v1/oidc/token/exchange/package/${(0,registry_client/* escapeName */.L)(pkg)}`, { ...options, method: 'POST', headers: { authorization: `Bearer ${idToken}` } }));
    const token = answer?.token;
    if (typeof token !== 'string' || token === '')
        throw new Error('the registry answered without a token');
    return token;
}

;// CONCATENATED MODULE: ./lib/run/trusted-publishing.js






function trustedPublishing(context, idTokens) {
    const { logger, clock } = context;
    const client = (token) => new registry_client/* RegistryClient */.b({ registry: context.registry, token, clock, timeSync: context.timeSync, userAgent: context.userAgent });
    return async (pkg) => {
        const audience = `npm:${new URL(context.registry).hostname}`;
        let idToken;
        try {
            idToken = await idTokens(audience);
        }
        catch (error) {
            logger.info(`Trusted publishing: no OIDC ID token for this job (${(0,describe_error/* describeError */.U)(error)}); publishing with the token.`);
            return undefined;
        }
        if (!idToken)
            return undefined;
        logger.mask(idToken);
        try {
            const token = await (0,with_otp/* withOtp */.at)({ source: undefined, clock, logger, secretInput: 'otp-secret' }, { label: `trusted publishing token exchange for ${pkg}`, send: (otp) => exchangeIdToken(client(undefined), pkg, idToken, { otp, session: 'oidc', command: 'publish' }) });
            logger.mask(token);
            logger.info(`Trusted publishing: the registry issued a short-lived publish token for ${pkg} from this job's OIDC identity; no one-time password is needed.`);
            const trusted = client(token);
            return { client: trusted, provenanceByDefault: (manifest) => provenanceByDefault(trusted, pkg, manifest, idToken, context.env ?? process.env) };
        }
        catch (error) {
            logger.info(`Trusted publishing is not available for ${pkg} (${(0,describe_error/* describeError */.U)(error)}): configure this repository and workflow as a trusted publisher ` +
                "on the package's npm settings page to publish without a token. Publishing with the token instead.");
            return undefined;
        }
    };
}
async function provenanceByDefault(client, pkg, manifest, idToken, env) {
    const ci = (0,commands_provenance/* provenanceCi */.WV)(env);
    const claims = tokenClaims(idToken);
    if (ci === 'github') {
        if (claims.repository_visibility !== 'public')
            return { on: false, reason: `the ID token says the repository is ${String(claims.repository_visibility ?? 'not public')}` };
        if (env.RUNNER_ENVIRONMENT === 'self-hosted' || claims.runner_environment === 'self-hosted')
            return { on: false, reason: 'the job runs on a self-hosted runner' };
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
            return { on: false, reason: "the job has no GitHub ID token endpoint to sign with (permissions: id-token: write)" };
    }
    else if (ci === 'gitlab') {
        if (claims.project_visibility !== 'public')
            return { on: false, reason: `the ID token says the project is ${String(claims.project_visibility ?? 'not public')}` };
        if (!env.SIGSTORE_ID_TOKEN)
            return { on: false, reason: 'the job has no SIGSTORE_ID_TOKEN' };
    }
    else {
        return { on: false, reason: 'this is not GitHub Actions or GitLab CI' };
    }
    try {
        const visible = await (0,access/* readVisibility */.tQ)(client, pkg);
        if (visible !== true)
            return { on: false, reason: `the registry does not say ${pkg} is public` };
    }
    catch (error) {
        return { on: false, reason: `the package's visibility could not be read (${(0,describe_error/* describeError */.U)(error)})` };
    }
    const expected = (0,commands_provenance/* statementRepository */.ke)(ci, env);
    const problem = expected === undefined ? undefined : (0,commands_provenance/* repositoryProblem */.Ki)(manifest, expected);
    if (problem)
        return { on: false, warning: true, reason: `npm would sign a statement here, but ${problem}` };
    return { on: true, reason: 'public repository and public package' };
}
function tokenClaims(token) {
    try {
        const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof claims === 'object' && claims !== null ? claims : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./lib/run/run.js
























const TRUST_STAGE_PLANNED = new Set(['trust-setup', 'stage-decide', 'stage-download']);
const READS = new Set(['dist-tag-ls', 'owner-ls', 'access-get-status', 'trust-list', 'stage-list', 'stage-view', 'stage-download']);
async function runCommands(options, input, deps) {
    const { clock, logger } = deps;
    for (const secret of options.secrets)
        logger.mask(secret);
    const report = { published: false, name: undefined, version: undefined, tag: undefined, registry: options.registry, results: [] };
    let commands;
    let sigstore;
    const planned = new Map();
    const monorepos = new Map();
    try {
        sigstore = deps.sigstore ?? sigstoreFromEnv(deps.env, logger);
        const parsed = input === undefined ? [implicitPublish()] : 'commands' in input ? input.commands : (0,parse.parseCommandBlock)(input.block, { inputName: input.inputName, defaultPackage: await defaultPackageName(options, deps.cwd) });
        commands = [];
        for (const command of parsed) {
            if (command.kind === 'dist-tag-add-workspaces')
                commands.push(...(await (await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.bind(__webpack_require__, 251))).expandWorkspaceDistTags(command, options, deps.cwd)));
            else if (TRUST_STAGE_PLANNED.has(command.kind))
                commands.push(...(await (await __webpack_require__.e(/* import() */ 620).then(__webpack_require__.bind(__webpack_require__, 6620))).planTrustStage(command, options, deps.cwd, deps.env)));
            else
                commands.push(command);
        }
        if (options.token === undefined && !options.dryRun)
            refuseWithoutToken(commands, options);
        let fresh = true;
        for (const command of commands) {
            if (command.kind === 'publish' && (command.workspaces ?? options.workspaces) !== undefined) {
                const { planWorkspacePublish } = await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.bind(__webpack_require__, 251));
                monorepos.set(command, { plan: await planWorkspacePublish(command, options, deps.cwd, deps.env), packuments: new Map() });
            }
            else if (command.kind === 'publish') {
                planned.set(command, { plan: await (0,publish_plan/* planPublish */.N_)(command, options, deps.cwd, deps.env), packument: undefined, fresh });
            }
            if (!READS.has(command.kind))
                fresh = false;
        }
    }
    catch (error) {
        report.error = error;
        report.results.push((0,result/* failedResult */.N)(0, input === undefined ? 'publish' : 'commands', error, 0));
        return report;
    }
    for (const { plan } of planned.values())
        for (const warning of plan.warnings ?? [])
            logger.warning(`${plan.name}: ${warning}`);
    const first = [...planned.values()][0]?.plan;
    if (first)
        Object.assign(report, { name: first.name, version: first.version, tag: first.tag });
    logger.info(authPlan(options));
    const pacing = (0,plan_options.otpPacing)(options.otpUses, options.registry, options.names.otpUses);
    if (options.secret)
        logger.info(`One-time passwords on ${options.registry}: ${pacing.why}.`);
    const timeSync = new TimeSync();
    const webAllowed = options.authType !== 'totp';
    const client = new registry_client/* RegistryClient */.b({ registry: options.registry, token: options.token, clock, timeSync, userAgent: deps.userAgent, authType: webAllowed ? 'web' : 'legacy' });
    const web = webAllowed
        ? new web_approval/* WebApprovals */.N3({
            clock,
            logger,
            registry: options.registry,
            timeoutMs: options.approvalTimeoutMs,
            timeoutInput: options.names.approvalTimeout,
            poll: (doneUrl, npmCommand) => pollDone(client, doneUrl, npmCommand ?? 'publish'),
            ...(options.approvalWebhook ? { notify: approvalWebhook(options.approvalWebhook, deps.env) } : {}),
            ...(deps.openUrl ? { open: deps.openUrl } : {}),
            ...runDescription(commands, [...monorepos.values()].map(({ plan }) => plan)),
        })
        : undefined;
    const otp = {
        source: options.secret && options.authType !== 'web' ? new source/* OtpSource */.P({ secret: options.secret, clock, timeSync, logger, maxUsesPerCode: pacing.uses }) : undefined,
        web,
        authTypeInput: options.names.authType,
        clock,
        logger,
        secretInput: options.names.otpSecret,
    };
    const staged = commands.filter((command) => command.kind === 'stage-approve').length;
    if (web && !otp.source && staged > 1 && !options.dryRun) {
        logger.info(`stage approve: each of the ${staged} staged versions needs its own web approval (npm's "don't ask again" does not cover approving staged versions).`);
    }
    const publishDeps = {
        scriptEnv: (0,scripts/* scrubEnvironment */.vf)(deps.env, options.secrets),
        trustedPublishing: deps.idTokens ? trustedPublishing({ registry: options.registry, clock, timeSync, logger, userAgent: deps.userAgent, env: deps.env }, deps.idTokens) : undefined,
        sigstore,
        hasToken: options.token !== undefined,
    };
    const users = new Map();
    for (const command of commands) {
        try {
            if (command.kind === 'owner-add' || command.kind === 'owner-rm')
                await lookUpUser({ client, users }, command.user);
            if (command.kind === 'trust-create')
                await (await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.bind(__webpack_require__, 2632))).preflightTrust(client, command.pkg);
            if (command.kind === 'stage-approve')
                await (await __webpack_require__.e(/* import() */ 854).then(__webpack_require__.bind(__webpack_require__, 3854))).preflightApprove(client, command.target);
            const publish = planned.get(command);
            if (publish && commands.length === 1)
                publish.early = (0,commands_publish/* readAndPackEarly */.iR)(publish.plan);
            if (publish)
                publish.packument = await (0,commands_publish/* preflightPublish */.xL)(client, publish.plan);
            if (publish)
                await (0,provenance/* checkProvenanceVisibility */.k)(client, publish.plan, publish.packument);
            const monorepo = monorepos.get(command);
            if (monorepo)
                await preflightWorkspaces(client, monorepo.plan, monorepo.packuments, options.names.workspaces);
        }
        catch (error) {
            report.error = error;
            report.results = commands.map((other) => (other === command ? (0,result/* failedResult */.N)(other.line, label(other, planned), error, 0) : notRun(other, planned, `not run: line ${command.line > 0 ? command.line : 1} was refused before anything ran`)));
            return report;
        }
    }
    for (const command of commands) {
        const publish = planned.get(command);
        if (report.error !== undefined) {
            report.results.push(notRun(command, planned, 'not run: an earlier command failed'));
            continue;
        }
        const monorepo = monorepos.get(command);
        if (monorepo) {
            otp.source?.setMaxUsesPerCode(monorepo.plan.otpUses);
            const { publishWorkspaces } = await __webpack_require__.e(/* import() */ 51).then(__webpack_require__.bind(__webpack_require__, 2051));
            const outcome = await publishWorkspaces({
                plan: monorepo.plan,
                packuments: monorepo.packuments,
                context: () => (0,commands_context/* commandContext */.b)({ client, otp, logger, dryRun: options.dryRun, users }),
                publishDeps,
                retrying: (context, run) => withTransientRetries(command, deps, run, () => context.writes > 0),
                clock,
                logger,
            });
            otp.source?.setMaxUsesPerCode(pacing.uses);
            report.results.push(...outcome.rows);
            report.packages = [...(report.packages ?? []), ...outcome.packages];
            report.published ||= outcome.packages.some((entry) => entry.outcome === 'published');
            if (outcome.error !== undefined)
                report.error = outcome.error;
            continue;
        }
        const startedAt = clock.now();
        const context = (0,commands_context/* commandContext */.b)({ client, otp, logger, dryRun: options.dryRun, users });
        try {
            const outcome = await withTransientRetries(command, deps, () => executeCommand(context, command, publish, publishDeps), () => context.writes > 0);
            const published = outcome.published === true;
            report.published ||= published;
            report.results.push((0,result/* outcomeResult */.w)(command.line, label(command, planned), outcome, context.tally, clock.now() - startedAt));
            logger.info(`${command.line > 0 ? `line ${command.line}: ` : ''}${outcome.detail}`);
        }
        catch (error) {
            report.error = error;
            report.results.push({ ...(0,result/* failedResult */.N)(command.line, label(command, planned), error, clock.now() - startedAt), otpAttempts: context.tally.otpAttempts, waitedMs: context.tally.waitedMs });
        }
    }
    if (web && web.approvals > 0)
        report.approvals = web.approvals;
    return report;
}
function runDescription(commands, monorepos) {
    const packages = monorepos.reduce((sum, plan) => sum + plan.members.filter((member) => member.plan !== undefined).length, 0);
    if (packages > 0 && commands.length === 1)
        return { runDescription: `${commands[0]?.kind === 'publish' && commands[0].stage ? 'stage publish' : 'publish'} of ${packages} packages` };
    if (commands.length > 1)
        return { runDescription: `a run of ${commands.length} commands` };
    return {};
}
const READ_CONCURRENCY = 16;
async function preflightWorkspaces(client, plan, packuments, input) {
    const members = plan.members.filter((member) => member.plan !== undefined);
    const reads = [
        ...members.map((member) => async () => {
            const memberPlan = member.plan;
            packuments.set(member.name, await (0,commands_publish/* preflightPublish */.xL)(client, memberPlan));
            await (0,provenance/* checkProvenanceVisibility */.k)(client, memberPlan, packuments.get(member.name));
        }),
        ...plan.outside.map((outside) => async () => {
            const packument = await (0,registry_packument/* readPackument */.l)(client, outside.name, { write: true });
            if (packument?.versions?.[outside.version])
                return;
            throw new foundation_errors/* InputError */.dz(input, `${input}: ${outside.neededBy.join(', ')} ${outside.neededBy.length === 1 ? 'depends' : 'depend'} on the workspace package ${outside.name}@${outside.version}, which is outside the packages to publish and not in ${client.registry}. Add ${outside.name} to ${input}, or publish it first.`, { received: outside.name });
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
}
function implicitPublish() {
    return { kind: 'publish', line: 0, text: 'publish', target: undefined, tag: undefined, access: undefined, dryRun: false };
}
function label(command, planned) {
    const plan = planned.get(command)?.plan;
    return plan ? `${plan.command.stage ? 'stage publish' : 'publish'} ${plan.name}@${plan.version}` : command.text;
}
async function defaultPackageName(options, cwd) {
    try {
        const source = await (0,read_package/* readPackageSource */.e)(options.packageSpec, cwd, options.names.package);
        return { name: source.kind === 'folder' ? source.manifest.name : (await (0,tarball/* readTarball */.ty)(source.file, options.names.package)).manifest.name };
    }
    catch (error) {
        return { problem: error instanceof Error ? error.message : String(error) };
    }
}
function notRun(command, planned, detail) {
    return { line: command.line, command: label(command, planned), ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail };
}
const TOKENLESS = new Set(['publish', 'dist-tag-ls', 'owner-ls', 'access-get-status', 'stage-list', 'stage-view', 'stage-download']);
function refuseWithoutToken(commands, options) {
    const needs = commands.find((command) => !TOKENLESS.has(command.kind));
    if (!needs)
        return;
    const where = needs.line > 0 ? `line ${needs.line} (${needs.text})` : needs.text;
    throw new foundation_errors/* InputError */.dz(options.names.token, `${options.names.token}: ${where} needs a registry token: without one, only publish and stage publish can go, by trusted publishing (OIDC). Set ${options.names.token}.`, { received: needs.text });
}
function authPlan(options) {
    const token = options.token ? 'the token' : options.dryRun ? 'no token (dry run)' : 'no token: only trusted publishing (OIDC) can upload, and reads are anonymous';
    const approvals = `a web approval: a person approves each challenged write on npm's page while the job waits (up to ${(0,web_approval/* formatDuration */.a3)(options.approvalTimeoutMs)} each)`;
    const otp = options.secret && options.authType !== 'web'
        ? `a one-time password computed just in time from ${options.names.otpSecret} (${options.secret.algorithm.toUpperCase()}, ${options.secret.digits} digits, ${options.secret.period} s)` +
            (options.authType === 'auto' ? `, or ${approvals} if the account answers codes with one` : '')
        : options.authType === 'totp'
            ? `no one-time password (${options.names.otpSecret} is not set)`
            : `where the registry asks for 2FA, ${approvals} (${options.names.authType} ${options.authType}${options.authType === 'auto' ? `, ${options.names.otpSecret} not set` : ''})`;
    return `Authentication: ${token}, and ${otp}.`;
}


/***/ })

};
