export const id = 632;
export const ids = [632];
export const modules = {

/***/ 2632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeTrust: () => (/* binding */ describeTrust),
  preflightTrust: () => (/* binding */ preflightTrust),
  sameTrust: () => (/* binding */ sameTrust),
  trustCreate: () => (/* binding */ trustCreate),
  trustList: () => (/* binding */ trustList),
  trustRevoke: () => (/* binding */ trustRevoke)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/foundation/http-errors.js
var http_errors = __webpack_require__(3505);
// EXTERNAL MODULE: ./lib/registry/packument.js
var packument = __webpack_require__(2919);
// EXTERNAL MODULE: ./node_modules/npm-registry-fetch/lib/index.js
var lib = __webpack_require__(5706);
// EXTERNAL MODULE: ./lib/registry/client.js + 1 modules
var client = __webpack_require__(417);
;// CONCATENATED MODULE: ./lib/registry/trust.js


const trustUrl = (pkg) => `/-/package/${(0,client/* escapeName */.L)(pkg)}/trust`;
async function createTrust(client, pkg, config, write) {
    const body = [config];
    const answer = await client.write(write, JSON.stringify(body).length, (options) => lib.json(trustUrl(pkg), { ...options, method: 'POST', body }));
    return Array.isArray(answer) ? answer : answer && typeof answer === 'object' ? [answer] : [];
}
async function listTrust(client, pkg, write) {
    const answer = await client.write(write, 0, (options) => lib.json(trustUrl(pkg), { ...options, method: 'GET' }));
    return Array.isArray(answer) ? answer : [];
}
async function revokeTrust(client, pkg, id, write) {
    await client.write(write, 0, (options) => lib(`${trustUrl(pkg)}/${encodeURIComponent(id)}`, { ...options, method: 'DELETE', ignoreBody: true }));
}

// EXTERNAL MODULE: ./lib/commands/context.js
var commands_context = __webpack_require__(1405);
// EXTERNAL MODULE: ./lib/commands/errors.js
var commands_errors = __webpack_require__(2615);
;// CONCATENATED MODULE: ./lib/commands/trust.js







async function preflightTrust(client, pkg) {
    if (await (0,packument/* readPackument */.l)(client, pkg))
        return;
    throw new errors/* ProductError */._$('ENOPACKAGE', `${pkg} is not on ${client.registry}, and a trusted publisher can only be added to a package that exists: publish it once with a token first, then add the trusted publisher. Nothing was sent.`, { received: pkg });
}
async function readTrust(context, pkg) {
    try {
        return await (0,commands_context/* otpWrite */.P)(context, `trust list ${pkg}`, 'trust', (write) => listTrust(context.client, pkg, write));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) === 404)
            throw new commands_errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
        throw error;
    }
}
async function trustCreate(context, pkg, config, dryRun, notes) {
    const what = describeTrust(config);
    for (const note of notes)
        context.logger.info(`${pkg}: ${note}`);
    if ((context.dryRun || dryRun) && context.otp.source === undefined) {
        return { status: 'dry-run', detail: `would add a trusted publisher to ${pkg}: ${what} (its current trusted publishers were not read: that read needs a one-time password, and no TOTP secret is set)` };
    }
    context.logger.info(`Reading the trusted publishers of ${pkg} first, to skip one that is already there: registry.npmjs.org asks for a one-time password even for this read, so it uses a code.`);
    const existing = await readTrust(context, pkg);
    const same = existing.find((entry) => sameTrust(entry, config));
    if (same)
        return { status: 'unchanged', ...(same.id ? { id: same.id } : {}), detail: `${pkg} already has this trusted publisher (id ${same.id ?? 'not given'}): ${what}` };
    const others = existing.length === 0 ? '' : `; it has ${existing.length} other${existing.length === 1 ? '' : 's'}: ${existing.map(describeWithId).join('; ')}`;
    if (context.dryRun || dryRun)
        return { status: 'dry-run', detail: `would add a trusted publisher to ${pkg}: ${what}${others}` };
    let created;
    try {
        created = await (0,commands_context/* otpWrite */.P)(context, `trust ${config.type} ${pkg}`, 'trust', (write) => createTrust(context.client, pkg, config, write));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) !== 409 || existing.length === 0)
            throw error;
        throw new errors/* ProductError */._$('ETRUSTCONFLICT', `The registry refused a second trusted publisher for ${pkg} (409): it has ${existing.map(describeWithId).join('; ')}. ` +
            `To replace it, revoke it first (trust revoke ${pkg} --id ${existing[0]?.id ?? '<id>'}), then run this again.`, { received: pkg, cause: error });
    }
    const id = created.find((entry) => sameTrust(entry, config))?.id ?? created[0]?.id;
    return { status: 'done', ...(id ? { id } : {}), detail: `added a trusted publisher to ${pkg} (id ${id ?? 'not given'}): ${what}` };
}
async function trustList(context, pkg) {
    const configs = await readTrust(context, pkg);
    const detail = configs.length === 0 ? `${pkg} has no trusted publishers` : `${pkg} has ${configs.length} trusted publisher${configs.length === 1 ? '' : 's'}: ${configs.map(describeWithId).join('; ')}`;
    return { status: 'read', detail, data: configs };
}
async function trustRevoke(context, pkg, id, dryRun) {
    if (context.dryRun || dryRun)
        return { status: 'dry-run', id, detail: `would revoke the trusted publisher ${id} of ${pkg}` };
    try {
        await (0,commands_context/* otpWrite */.P)(context, `trust revoke ${pkg} --id ${id}`, 'trust', (write) => revokeTrust(context.client, pkg, id, write));
    }
    catch (error) {
        if ((0,http_errors/* statusOf */.c2)(error) !== 404)
            throw error;
        if (!(await (0,packument/* readPackument */.l)(context.client, pkg)))
            throw new commands_errors/* PackageNotFoundError */.ci(pkg, context.client.registry);
        return { status: 'unchanged', id, detail: `${pkg} has no trusted publisher ${id} (revoked already, or never there)` };
    }
    return { status: 'done', id, detail: `revoked the trusted publisher ${id} of ${pkg}` };
}
function sameTrust(a, b) {
    return a.type === b.type && (0,external_node_util_.isDeepStrictEqual)(canonical(a.claims), canonical(b.claims)) && (0,external_node_util_.isDeepStrictEqual)([...(a.permissions ?? [])].sort(), [...(b.permissions ?? [])].sort());
}
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, inner]) => [key, canonical(inner)]));
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


/***/ })

};
