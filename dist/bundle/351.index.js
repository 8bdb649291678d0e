export const id = 351;
export const ids = [351];
export const modules = {

/***/ 9812:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kL: () => (/* binding */ manifestMismatch),
/* harmony export */   qb: () => (/* binding */ uncomparable),
/* harmony export */   vn: () => (/* binding */ stagedFieldsProblem)
/* harmony export */ });
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9670);

function uncomparable(checkout) {
    const id = `${checkout.name}@${checkout.version}`;
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(checkout.input, `${checkout.input}: the checkout holds ${id}, but it cannot be compared with what is staged, because it cannot be packed as stage publish would pack it: ${checkout.problem} ` +
        `Nothing was approved: fix the package, or approve from a checkout that packs ${id}.`, { received: id });
}
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
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$('ESTAGEMISMATCH', `${label} staged as ${entry.id}: ${problems.join('; ')}. Nothing was approved. Reject it (stage reject ${entry.id}) and stage it again as the checkout says, or change the checkout's setting.`, { received: label });
}
function manifestMismatch(label, stageId, differences) {
    const shown = (text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
    const details = differences.map((difference) => `${difference.field}: the registry serves ${shown(difference.published)}, the checkout has ${shown(difference.expected)}`);
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProductError */ ._$('EMANIFESTMISMATCH', `${label} is published (approved ${stageId}), but the version document the registry serves differs from what this checkout would publish in ${differences.map((difference) => difference.field).join(', ')} ` +
        `(${details.join('; ')}). Its tarball is the checkout's; its package.json metadata was staged otherwise. ` +
        `Deprecate it at once (deprecate ${label} "do not install: published with metadata it was not built with") and unpublish it within npm's 72-hour window (unpublish ${label}), then publish a fixed version.`, { received: label });
}


/***/ }),

/***/ 9351:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  StageFailedError: () => (/* binding */ StageFailedError),
  preflightApprove: () => (/* binding */ preflightApprove),
  stageApprove: () => (/* binding */ stageApprove),
  stageBuilt: () => (/* binding */ stageBuilt),
  stageDownload: () => (/* binding */ stageDownload),
  stageList: () => (/* binding */ stageList),
  stageReject: () => (/* binding */ stageReject),
  stageView: () => (/* binding */ stageView)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/foundation/describe-error.js
var describe_error = __webpack_require__(403);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/foundation/http-errors.js
var http_errors = __webpack_require__(3505);
// EXTERNAL MODULE: ./lib/otp/with-otp.js
var with_otp = __webpack_require__(7201);
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
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
        return undefined;
    return JSON.stringify(sorted(value));
}
function sorted(value) {
    if (Array.isArray(value))
        return value.map(sorted);
    if (typeof value !== 'object' || value === null)
        return value;
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]));
}

// EXTERNAL MODULE: ./lib/package/read-tarball.js
var read_tarball = __webpack_require__(3333);
// EXTERNAL MODULE: ./lib/package/scripts.js
var scripts = __webpack_require__(8344);
// EXTERNAL MODULE: ./lib/package/tarball.js
var tarball = __webpack_require__(4098);
// EXTERNAL MODULE: ./lib/registry/packument.js
var registry_packument = __webpack_require__(2919);
// EXTERNAL MODULE: ./node_modules/libnpmpublish/lib/index.js
var lib = __webpack_require__(8319);
// EXTERNAL MODULE: ./node_modules/npm-registry-fetch/lib/index.js
var npm_registry_fetch_lib = __webpack_require__(5706);
// EXTERNAL MODULE: ./lib/registry/publish.js
var publish = __webpack_require__(4512);
;// CONCATENATED MODULE: ./lib/registry/stage.js



const PER_PAGE = 100;
const MAX_PAGES = 100;
async function stageVersion(client, manifest, data, upload, write) {
    const response = await client.write(write, (0,publish/* uploadBytes */.D)(data.length), (options) => lib.publish(manifest, data, { ...options, defaultTag: upload.tag, access: upload.access ?? null, ...(upload.provenance ? { ...upload.provenance, provenance: true } : {}), stage: true }));
    const stageId = response?.stageId;
    if (typeof stageId !== 'string' || stageId === '')
        throw new Error('the registry answered the stage publish without a stageId');
    const url = response.transparencyLogUrl;
    return { stageId, transparencyLogUrl: typeof url === 'string' ? url : undefined };
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
async function approveStaged(client, id, write) {
    await client.write(write, 0, (options) => npm_registry_fetch_lib.json(`/-/stage/${id}/approve`, { ...options, method: 'POST' }));
}
async function rejectStaged(client, id, write) {
    await client.write(write, 0, (options) => npm_registry_fetch_lib(`/-/stage/${id}`, { ...options, method: 'DELETE', ignoreBody: true }));
}

// EXTERNAL MODULE: ./lib/commands/context.js
var commands_context = __webpack_require__(1405);
// EXTERNAL MODULE: ./lib/commands/publish.js
var commands_publish = __webpack_require__(7581);
// EXTERNAL MODULE: ./lib/commands/stage-checks.js
var stage_checks = __webpack_require__(9812);
;// CONCATENATED MODULE: ./lib/commands/stage.js
















const sha1 = (data) => (0,external_node_crypto_.createHash)('sha1').update(data).digest('hex');
class StageFailedError extends errors/* ProductError */._$ {
    constructor(id, reason, after, cause) {
        super('ESTAGE', `Staging ${id} failed: ${reason}. ${after}`, { received: id, cause });
    }
}
function stagedConflict(id, entry, shasum) {
    return new errors/* ProductError */._$('ESTAGECONFLICT', `${id} is already staged (id ${entry.id}) with other contents: staged shasum ${entry.shasum}, this checkout packs to ${shasum}. ` +
        `A staged version cannot be replaced: reject it (stage reject ${entry.id}) and stage again, or bump the version.`, { received: id });
}
async function stageBuilt(context, plan, built, published, deps, scriptsAfter) {
    const id = `${plan.name}@${plan.version}`;
    if (published) {
        context.logger.info(`${id} is already published with identical contents: nothing to stage.`);
        return { status: 'unchanged', detail: `${id} was already published with identical contents: nothing to stage` };
    }
    const shasum = sha1(built.data);
    if (plan.dryRun) {
        const staged = await listStaged(context.client, plan.name).catch(() => undefined);
        const found = staged?.find((entry) => entry.version === plan.version);
        if (found && found.shasum !== shasum)
            throw stagedConflict(id, found, shasum);
        if (found)
            return { status: 'unchanged', stageId: found.id, detail: `${id} was already staged with the same tarball (id ${found.id})` };
        return { status: 'dry-run', detail: `dry run: ${id} would be staged with tag ${plan.tag}${staged ? '' : ' (the staging area could not be read)'}${(0,commands_publish/* dryRunProvenance */.S)(plan)}` };
    }
    const trusted = deps.trustedPublishing ? await deps.trustedPublishing(plan.name) : undefined;
    const oidcClient = trusted?.client;
    if (!oidcClient && deps.hasToken === false)
        throw new commands_publish/* NoTokenError */.vS(id);
    const client = oidcClient ?? context.client;
    const before = (await listStaged(client, plan.name)).find((entry) => entry.version === plan.version);
    if (before && before.shasum !== shasum)
        throw stagedConflict(id, before, shasum);
    if (before) {
        context.logger.info(`${id} is already staged with the same tarball (id ${before.id}): nothing to stage.`);
        return { status: 'unchanged', stageId: before.id, detail: `${id} was already staged with the same tarball (id ${before.id})` };
    }
    context.logger.info(`Staging ${id} with tag "${plan.tag}" on ${context.client.registry}${oidcClient ? ' by trusted publishing' : ''}; no one-time password is sent (approving it asks for one).`);
    const provenance = await (0,commands_publish/* provenanceFor */.x6)(context, plan, built, trusted, deps.sigstore);
    let stageId;
    let transparencyLogUrl;
    try {
        ({ stageId, transparencyLogUrl } = await (0,with_otp/* withOtp */.at)({ ...context.otp, source: undefined }, {
            label: `stage publish ${id}`,
            npmCommand: 'stage',
            send: (otp) => {
                context.writes += 1;
                return stageVersion(client, built.manifest, built.data, { tag: plan.tag, access: plan.access, provenance }, { otp, session: context.session, command: 'stage' });
            },
        }, context.tally));
        if (transparencyLogUrl)
            context.logger.info(`Provenance statement for ${id} published to the transparency log: ${transparencyLogUrl}`);
    }
    catch (error) {
        if (error instanceof errors/* ProductError */._$)
            throw error;
        const unsent = (0,commands_publish/* unsentReason */.mi)(error);
        if (unsent !== undefined)
            throw new StageFailedError(id, unsent, `Nothing was sent to the registry: ${id} was not staged.`, error);
        const status = (0,http_errors/* statusOf */.c2)(error);
        const unclear = status === 409 || status === 408 || (status !== undefined && status >= 500) || (0,http_errors/* connectionFailure */.Dx)(error) === 'lost' || (status === undefined && error?.type === 'system');
        if (!unclear)
            throw new StageFailedError(id, (0,describe_error/* describeReason */.Gk)(error), `The registry refused it: ${id} was not staged.`, error);
        context.logger.warning(`Staging ${id} ended without a clear answer (${(0,describe_error/* describeReason */.Gk)(error)}); reading the staging area back.`);
        const after = await listStaged(client, plan.name).catch((readError) => {
            throw new StageFailedError(id, (0,describe_error/* describeReason */.Gk)(error), `Reading the staging area back failed too (${(0,describe_error/* describeReason */.Gk)(readError)}): ${id} may or may not be staged; run the step again, it reads first.`, error);
        });
        const found = after.find((entry) => entry.version === plan.version);
        if (!found)
            throw new StageFailedError(id, (0,describe_error/* describeReason */.Gk)(error), `${id} is NOT staged (read back after the failure); running the step again is safe.`, error);
        if (found.shasum !== shasum)
            throw stagedConflict(id, found, shasum);
        if (status === 409)
            return { status: 'unchanged', stageId: found.id, detail: `${id} was already staged with the same tarball (id ${found.id})` };
        stageId = found.id;
    }
    const after = await (0,commands_publish/* afterUpload */.MN)(id, 'staged', scriptsAfter);
    const signed = provenance ? `, with provenance${transparencyLogUrl ? ` (transparency log: ${transparencyLogUrl})` : ''}` : '';
    return {
        status: 'staged',
        stageId,
        detail: `staged ${id} (shasum ${shasum}) with tag ${plan.tag} as ${stageId}${oidcClient ? ' by trusted publishing' : ''}${signed}; stage approve ${stageId} publishes it${after.detail}`,
        ...(transparencyLogUrl ? { transparencyLogUrl } : {}),
        ...(after.failure === undefined ? {} : { failure: after.failure }),
    };
}
function describeEntry(entry) {
    const by = entry.actor ? `, staged by ${entry.actor}${entry.actorType ? ` (${entry.actorType})` : ''}` : '';
    return `${entry.packageName}@${entry.version} (id ${entry.id}, tag ${entry.tag}, ${entry.status ?? 'staged'}, shasum ${entry.shasum}${by}${entry.createdAt ? ` at ${entry.createdAt}` : ''})`;
}
async function stageList(context, pkg) {
    const items = await listStaged(context.client, pkg);
    const what = pkg === undefined ? 'staged versions' : `staged versions of ${pkg}`;
    return { status: 'read', data: items, detail: items.length === 0 ? `no ${what}` : `${items.length} ${what}: ${items.map(describeEntry).join('; ')}` };
}
async function stageView(context, id) {
    const entry = await viewStaged(context.client, id);
    if (!entry)
        throw noStagedId(id, context.client.registry);
    return { status: 'read', stageId: entry.id, data: entry, detail: describeEntry(entry) };
}
async function stageDownload(context, id, dir) {
    let data;
    try {
        data = await downloadStaged(context.client, id);
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
    const shasum = sha1(data);
    return { status: 'read', stageId: id, data: { file, name, version, shasum, size: data.length }, detail: `downloaded ${name}@${version} (staged as ${id}, shasum ${shasum}, ${data.length} bytes) to ${file}` };
}
function noStagedId(id, registry) {
    return new errors/* ProductError */._$('ENOSTAGED', `No staged version has the id ${id} on ${registry} (approved or rejected already, or not visible to this token).`, { received: id });
}
async function resolveTarget(client, target) {
    if ('id' in target) {
        const entry = await viewStaged(client, target.id);
        return { entry, published: false, label: entry ? `${entry.packageName}@${entry.version}` : target.id };
    }
    const label = `${target.name}@${target.version}`;
    const packument = await (0,registry_packument/* readPackument */.l)(client, target.name, { write: true });
    if (packument?.versions?.[target.version])
        return { entry: undefined, published: true, label };
    const entry = (await listStaged(client, target.name)).find((item) => item.version === target.version);
    return { entry, published: false, label };
}
function notStaged(target, label, registry) {
    if ('id' in target) {
        return new errors/* ProductError */._$('ENOSTAGED', `No staged version has the id ${target.id} on ${registry}: approved or rejected already, or not visible to this token. ` +
            'An id says nothing once it is gone: approve by <pkg>@<version> to make the step safe to run again.', { received: target.id });
    }
    return new errors/* ProductError */._$('ENOSTAGED', `${label} is neither staged nor published on ${registry}: stage it first (stage publish).`, { received: label });
}
async function preflightApprove(client, target, checkout) {
    const { entry, published, label } = await resolveTarget(client, target);
    if (!entry && !published)
        throw notStaged(target, label, client.registry);
    if (entry && checkout && 'problem' in checkout && holds(checkout, entry))
        throw (0,stage_checks/* uncomparable */.qb)(checkout);
}
function holds(checkout, entry) {
    return checkout.name === entry.packageName && checkout.version === entry.version;
}
async function stageApprove(context, target, dryRun, checkout, deps) {
    const { client } = context;
    const { entry, published, label } = await resolveTarget(client, target);
    if (published)
        return { status: 'unchanged', detail: `${label} is already published: nothing to approve` };
    if (!entry)
        throw notStaged(target, label, client.registry);
    const { note: compared, manifest } = await compareWithCheckout(context, entry, checkout, deps);
    if (context.dryRun || dryRun)
        return { status: 'dry-run', stageId: entry.id, detail: `would approve ${entry.id}, publishing ${label} with tag ${entry.tag}${compared}` };
    try {
        await (0,commands_context/* otpWrite */.P)(context, `stage approve ${entry.id} (${label})`, 'stage', (write) => approveStaged(client, entry.id, write));
    }
    catch (error) {
        if (error instanceof errors/* ProductError */._$)
            throw error;
        const after = await (0,registry_packument/* readPackument */.l)(client, entry.packageName, { write: true }).catch(() => undefined);
        if (!after?.versions?.[entry.version])
            throw error;
        context.logger.info(`${label} is in the registry: the approval of ${entry.id} did land.`);
    }
    const checked = manifest === undefined ? '' : await checkPublishedDocument(context, entry, manifest);
    return { status: 'done', stageId: entry.id, detail: `approved ${entry.id}: ${label} is published with tag ${entry.tag}${compared}${checked}` };
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
        throw (0,stage_checks/* manifestMismatch */.kL)(label, entry.id, differences);
    context.logger.info(`${label}: the version document the registry serves matches the checkout (${INSTALL_FIELDS.join(', ')}).`);
    return '; the published version document matches the checkout';
}
async function stageReject(context, target, dryRun) {
    const { client } = context;
    const { entry, published, label } = await resolveTarget(client, target);
    if (!entry)
        return { status: 'unchanged', detail: `nothing is staged as ${label}${published ? ` (${label} is published: stage reject cannot remove it)` : ''}` };
    if (context.dryRun || dryRun)
        return { status: 'dry-run', stageId: entry.id, detail: `would reject ${entry.id} (${describeEntry(entry)})` };
    try {
        await (0,commands_context/* otpWrite */.P)(context, `stage reject ${entry.id} (${label})`, 'stage', (write) => rejectStaged(client, entry.id, write));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) !== 404)
            throw error;
        return { status: 'unchanged', stageId: entry.id, detail: `${entry.id} (${label}) was gone before it could be rejected` };
    }
    return { status: 'done', stageId: entry.id, detail: `rejected ${entry.id}: ${label} is no longer staged` };
}
async function compareWithCheckout(context, entry, checkout, deps) {
    const label = `${entry.packageName}@${entry.version}`;
    if (checkout && 'problem' in checkout && holds(checkout, entry))
        throw (0,stage_checks/* uncomparable */.qb)(checkout);
    if (!checkout || 'problem' in checkout || !holds(checkout, entry)) {
        context.logger.info(`${label}: the checkout does not hold this version, so the staged tarball is approved without comparing it to a build.`);
        return { note: ' (not compared: the checkout does not hold this version)' };
    }
    const fields = (0,stage_checks/* stagedFieldsProblem */.vn)(entry, checkout);
    if (fields)
        throw fields;
    const { data, manifest } = await packCheckout(context, checkout, deps);
    const shasum = sha1(data);
    if (shasum === entry.shasum) {
        context.logger.info(`${label}: the checkout packs to the staged tarball (shasum ${shasum}).`);
        return { note: `; the checkout packs to the same tarball (shasum ${shasum})`, manifest };
    }
    const staged = await downloadStaged(context.client, entry.id);
    if (sha1(staged) === entry.shasum && (await (0,tarball/* sameContents */.P1)(staged, data))) {
        context.logger.info(`${label}: the checkout packs to the same files as the staged tarball (the gzip bytes differ, as across zlib builds).`);
        return { note: '; the checkout packs to the same files (the gzip bytes differ)', manifest };
    }
    throw new errors/* ProductError */._$('ESTAGEMISMATCH', `${label} staged as ${entry.id} is not what this checkout packs to (staged shasum ${entry.shasum}, the checkout ${shasum}, and the files differ). ` +
        `Nothing was approved. Approve from the commit that staged it, or reject it (stage reject ${entry.id}) if it is not yours.`, { received: label });
}
async function packCheckout(context, checkout, deps) {
    const { source } = checkout;
    if (source.kind === 'tarball')
        return { data: source.data, manifest: source.manifest };
    const script = (event) => checkout.scripts.includes(event) ? (0,scripts/* runScript */.j3)({ dir: source.dir, manifest: source.manifest, event, env: deps.scriptEnv, logger: context.logger }) : Promise.resolve();
    await script('prepack');
    await script('prepare');
    const manifest = await (0,commands_publish/* readPublishManifest */.Rs)(source.dir, source.manifestText);
    const { packDirectory, sourcePackOptions } = await (0,commands_publish/* loadPacker */.jG)();
    const packed = await packDirectory(source.dir, sourcePackOptions(source));
    await script('postpack');
    return { data: packed.data, manifest };
}


/***/ })

};
