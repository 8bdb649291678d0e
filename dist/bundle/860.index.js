export const id = 860;
export const ids = [860];
export const modules = {

/***/ 860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommands: () => (/* binding */ runCommands)
});

// EXTERNAL MODULE: ./lib/commands/command.js
var command = __webpack_require__(5583);
// EXTERNAL MODULE: ./lib/commands/index.js + 14 modules
var lib_commands = __webpack_require__(3058);
// EXTERNAL MODULE: ./lib/commands/publish.js
var publish = __webpack_require__(7581);
// EXTERNAL MODULE: ./lib/foundation/describe-error.js
var describe_error = __webpack_require__(403);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/foundation/log-text.js
var log_text = __webpack_require__(4911);
;// CONCATENATED MODULE: ./lib/foundation/text-table.js
function textTable(table) {
    const flat = (cell) => (cell ?? '').replace(/[\r\n]+/g, ' ');
    const all = [table.columns, ...table.rows].map((row) => table.columns.map((_, index) => flat(row[index])));
    const widths = table.columns.map((_, index) => Math.max(...all.map((row) => row[index].length)));
    const line = (row) => `  ${row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]))).join('  ')}`.trimEnd();
    const [header, ...rows] = all;
    const rule = widths.map((width, index) => '-'.repeat(index === widths.length - 1 ? (header?.[index] ?? '').length : width));
    return [table.title, line(header), `  ${rule.join('  ')}`, ...rows.map(line)].join('\n');
}

// EXTERNAL MODULE: ./lib/grammar/line.js + 1 modules
var line = __webpack_require__(474);
// EXTERNAL MODULE: ./lib/grammar/options.js
var grammar_options = __webpack_require__(3635);
// EXTERNAL MODULE: ./lib/otp/source.js + 1 modules
var source = __webpack_require__(6198);
;// CONCATENATED MODULE: ./lib/otp/time-sync.js
const MAX_OFFSET_MS = 15 * 60 * 1000;
const DEFAULT_BYTES_PER_MS = 1000;
const DEFAULT_LATENCY_MS = 500;
class TimeSync {
    #warn;
    #warned = new Set();
    #low = Number.NEGATIVE_INFINITY;
    #high = Number.POSITIVE_INFINITY;
    #observed = false;
    #latencyMs = DEFAULT_LATENCY_MS;
    #bytesPerMs = DEFAULT_BYTES_PER_MS;
    constructor(options = {}) {
        this.#warn = options.warn ?? (() => { });
    }
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
        if (date === undefined)
            return;
        const stamped = Date.parse(date);
        const shown = date.length > 80 ? `${date.slice(0, 80)}…` : date;
        if (!Number.isFinite(stamped)) {
            this.#warnOnce('unparsed', `The registry's Date header "${shown}" is not a date: not applied; one-time passwords follow this machine's clock.`);
            return;
        }
        const offset = stamped + 500 - (sentAt + receivedAt) / 2;
        if (stamped < 0 || Math.abs(offset) > MAX_OFFSET_MS) {
            this.#warnOnce(offset > 0 ? 'ahead' : 'behind', `The registry's clock (Date: ${shown}) is ${duration(Math.abs(offset))} ${offset > 0 ? 'ahead of' : 'behind'} this machine's, more than 15 minutes: not applied; one-time passwords follow this machine's clock.`);
            return;
        }
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
    #warnOnce(kind, message) {
        if (this.#warned.has(kind))
            return;
        this.#warned.add(kind);
        this.#warn(message);
    }
}
function duration(ms) {
    const seconds = Math.round(ms / 1000);
    if (seconds >= 86_400)
        return `${Math.floor(seconds / 86_400)} days`;
    if (seconds >= 3600)
        return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
    return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
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
// EXTERNAL MODULE: ./lib/registry/client.js + 1 modules
var registry_client = __webpack_require__(417);
;// CONCATENATED MODULE: ./lib/registry/notices.js
function watchRegistryNotices(listener) {
    const onLog = (level, source, text) => {
        if (level === 'notice' && source === '' && typeof text === 'string' && text.trim() !== '')
            listener(text);
    };
    process.on('log', onLog);
    return () => {
        process.off('log', onLog);
    };
}

// EXTERNAL MODULE: ./node_modules/npm-registry-fetch/lib/index.js
var lib = __webpack_require__(5706);
// EXTERNAL MODULE: ./lib/foundation/http-errors.js
var http_errors = __webpack_require__(3505);
;// CONCATENATED MODULE: ./lib/registry/web-auth.js


async function pollDone(client, doneUrl, npmCommand) {
    if (new URL(doneUrl).origin !== new URL(client.registry).origin)
        throw new Error(`pollDone: ${new URL(doneUrl).origin} is not the registry's origin`);
    try {
        const response = await client.timed(0, () => lib(doneUrl, client.readOptions({ authType: 'web', ...(npmCommand === undefined ? {} : { npmCommand }) })));
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
        const said = typeof body === 'object' && body !== null && typeof body.error === 'string' ? body.error : '';
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
        const body = {
            text,
            content: text,
            ...(repository ? { repository } : {}),
            ...(runUrl ? { runUrl } : {}),
            waiting: message.waiting,
            authUrl: message.authUrl,
            deadline: message.deadline,
        };
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok)
            throw new Error(`the webhook answered ${response.status}`);
    };
}

// EXTERNAL MODULE: ./lib/run/result.js
var result = __webpack_require__(3028);
;// CONCATENATED MODULE: ./lib/run/sigstore-instance.js

const SIGSTORE_VARIABLE = 'NPM_TOTP_PUBLISH_SIGSTORE';
const KEYS = ['fulcioURL', 'rekorURL', 'tsaServerURL'];
function sigstoreFromEnv(env, logger) {
    const text = env[SIGSTORE_VARIABLE]?.trim();
    if (!text)
        return undefined;
    const refuse = (problem) => new errors/* InputError */.dz(SIGSTORE_VARIABLE, `${SIGSTORE_VARIABLE}: ${problem}. It takes JSON such as {"fulcioURL": "https://fulcio.example", "rekorURL": "https://rekor.example"} (tsaServerURL optional), or leave it unset for sigstore's public instance.`);
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

;// CONCATENATED MODULE: ./lib/run/transient-retry.js


const TRANSIENT_RETRIES = 2;
async function withTransientRetries(label, deps, run, wroteSomething) {
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
            if (attempt > TRANSIENT_RETRIES || !(0,http_errors/* isTransient */.dg)(error))
                throw error;
            const waitMs = 1000 * 2 ** (attempt - 1);
            deps.logger.warning(`${label}: ${(0,describe_error/* describeError */.Uc)(error)}; reading the registry again and retrying in ${waitMs / 1000} s (${attempt}/${TRANSIENT_RETRIES}).`);
            wroteBeforeRetry = wroteSomething();
            await deps.clock.sleep(waitMs);
        }
    }
}

// EXTERNAL MODULE: ./lib/otp/with-otp.js
var with_otp = __webpack_require__(7201);
// EXTERNAL MODULE: ./lib/plan/provenance-rules.js
var provenance_rules = __webpack_require__(5330);
// EXTERNAL MODULE: ./lib/registry/access.js
var access = __webpack_require__(773);
;// CONCATENATED MODULE: ./lib/registry/oidc.js


async function exchangeIdToken(client, pkg, idToken, npmHeaders) {
    const answer = await client.write(npmHeaders, 0, (options) => lib.json(`/-/npm/v1/oidc/token/exchange/package/${(0,registry_client/* escapeName */.L)(pkg)}`, { ...options, method: 'POST', headers: { authorization: `Bearer ${idToken}` } }));
    const token = answer?.token;
    if (typeof token !== 'string' || token === '')
        throw new Error('the registry answered without a token');
    return token;
}

;// CONCATENATED MODULE: ./lib/run/trusted-publishing.js






function trustedPublishing(context, idTokens) {
    const { logger, clock } = context;
    const client = (token) => new registry_client/* RegistryClient */.b({ registry: context.registry, token, clock, timeSync: context.timeSync, userAgent: context.userAgent });
    return async (pkg, npmCommand) => {
        const audience = `npm:${new URL(context.registry).hostname}`;
        let idToken;
        try {
            idToken = await idTokens(audience);
        }
        catch (error) {
            logger.info(`Trusted publishing: no OIDC ID token for this job (${(0,describe_error/* describeError */.Uc)(error)}); publishing with the token.`);
            return undefined;
        }
        if (!idToken)
            return undefined;
        logger.mask(idToken);
        try {
            const token = await (0,with_otp/* withOtp */.a)({ source: undefined, clock, logger, secretInput: 'otp-secret' }, {
                label: `trusted publishing token exchange for ${pkg}`,
                send: (otp) => exchangeIdToken(client(undefined), pkg, idToken, { otp, session: 'oidc', command: npmCommand }),
            });
            logger.mask(token);
            logger.info(`Trusted publishing: the registry issued a short-lived publish token for ${pkg} from this job's OIDC identity; no one-time password is needed.`);
            const trusted = client(token);
            return { client: trusted, provenanceByDefault: (manifest) => provenanceByDefault(trusted, pkg, manifest, idToken, context.env ?? process.env) };
        }
        catch (error) {
            logger.info(`Trusted publishing is not available for ${pkg} (${(0,describe_error/* describeError */.Uc)(error)}): configure this repository and workflow as a trusted publisher ` +
                "on the package's npm settings page to publish without a token. Publishing with the token instead.");
            return undefined;
        }
    };
}
async function provenanceByDefault(client, pkg, manifest, idToken, env) {
    const ci = (0,provenance_rules/* provenanceCi */.WV)(env);
    const claims = tokenClaims(idToken);
    if (ci === 'github') {
        if (claims.repository_visibility !== 'public')
            return { on: false, reason: `the ID token says the repository is ${String(claims.repository_visibility ?? 'not public')}` };
        if (env.RUNNER_ENVIRONMENT === 'self-hosted' || claims.runner_environment === 'self-hosted')
            return { on: false, reason: 'the job runs on a self-hosted runner' };
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
            return { on: false, reason: 'the job has no GitHub ID token endpoint to sign with (permissions: id-token: write)' };
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
        return { on: false, reason: `the package's visibility could not be read (${(0,describe_error/* describeError */.Uc)(error)})` };
    }
    const expected = (0,provenance_rules/* statementRepository */.ke)(ci, env);
    const problem = expected === undefined ? undefined : (0,provenance_rules/* repositoryProblem */.Ki)(manifest, expected);
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























async function runCommands(options, input, deps) {
    const seen = new Set();
    const stop = watchRegistryNotices((text) => {
        if (seen.has(text))
            return;
        seen.add(text);
        deps.logger.warning(`The registry says (npm-notice): ${(0,log_text/* inertText */.U)(text)}`);
    });
    try {
        return await runAll(options, input, deps);
    }
    finally {
        stop();
    }
}
async function runAll(options, input, deps) {
    const { clock, logger } = deps;
    for (const secret of options.secrets)
        logger.mask(secret);
    const report = { published: false, name: undefined, version: undefined, tag: undefined, registry: options.registry, results: [] };
    let lines;
    let sigstore;
    try {
        sigstore = deps.sigstore ?? sigstoreFromEnv(deps.env, logger);
        lines = await planLines(options, input, deps);
    }
    catch (error) {
        report.error = error;
        report.results.push((0,result/* failedResult */.N)(0, input === undefined ? publish/* publishLineCommand */.D6.words.join(' ') : 'commands', error, 0));
        return report;
    }
    for (const { plan } of lines)
        for (const warning of plan.warnings ?? [])
            logger.warning(warning);
    const inspecting = lines.some(({ command }) => command.inspects !== undefined);
    const first = lines.find(({ plan }) => !plan.isolated && plan.steps[0]?.version)?.plan.steps[0]?.version;
    if (first && !inspecting)
        Object.assign(report, first);
    logger.info(authPlan(options));
    const pacing = (0,grammar_options.otpPacing)(options.otpUses, options.registry, options.names.otpUses);
    if (options.secret)
        logger.info(`One-time passwords on ${options.registry}: ${pacing.why}.`);
    const timeSync = new TimeSync({ warn: (message) => logger.warning(message) });
    const webAllowed = options.authType !== 'totp';
    const client = new registry_client/* RegistryClient */.b({
        registry: options.registry,
        token: options.token,
        clock,
        timeSync,
        userAgent: deps.userAgent,
        authType: webAllowed ? 'web' : 'legacy',
    });
    const steps = lines.flatMap(({ plan }) => plan.steps);
    const web = webAllowed
        ? new web_approval/* WebApprovals */.N3({
            clock,
            logger,
            registry: options.registry,
            timeoutMs: options.approvalTimeoutMs,
            timeoutInput: options.names.approvalTimeout,
            poll: (doneUrl, npmCommand) => pollDone(client, doneUrl, npmCommand),
            ...(options.approvalWebhook ? { notify: approvalWebhook(options.approvalWebhook, deps.env) } : {}),
            ...(deps.openUrl ? { open: deps.openUrl } : {}),
            ...runDescription(lines),
        })
        : undefined;
    const otp = {
        source: options.secret && options.authType !== 'web'
            ? new source/* OtpSource */.P({ secret: options.secret, clock, timeSync, logger, maxUsesPerCode: pacing.uses })
            : undefined,
        web,
        authTypeInput: options.names.authType,
        clock,
        logger,
        secretInput: options.names.otpSecret,
    };
    const stepEnv = {
        scriptEnv: (0,scripts/* scrubEnvironment */.vf)(deps.env, options.secrets),
        trustedPublishing: deps.idTokens
            ? trustedPublishing({ registry: options.registry, clock, timeSync, logger, userAgent: deps.userAgent, env: deps.env }, deps.idTokens)
            : undefined,
        sigstore,
        hasToken: options.token !== undefined,
    };
    const users = new Map();
    const inspected = inspecting ? await checkInspected(lines, { client, users, alone: false }) : undefined;
    for (const line of lines) {
        if (inspected && line.command.inspects === undefined)
            continue;
        let at;
        try {
            await line.plan.check?.({ client, users, alone: steps.length === 1 });
            for (const step of line.plan.steps) {
                at = step;
                await step.check?.({ client, users, alone: steps.length === 1 });
            }
        }
        catch (error) {
            report.error = error;
            const refused = `not run: line ${line.source.line > 0 ? line.source.line : 1} was refused before anything ran`;
            report.results = lines.flatMap((other) => other === line && at === undefined
                ? [(0,result/* failedResult */.N)(other.source.line, other.source.text, error, 0)]
                : other.plan.steps.map((step) => step === at ? (0,result/* failedResult */.N)(other.source.line, step.label, error, 0) : notRun(other.source.line, step.label, refused)));
            return report;
        }
    }
    const failedAfter = [];
    let fresh = true;
    for (const line of lines) {
        if (inspected && line.command.inspects === undefined) {
            const what = line.refused === undefined ? line.plan.steps.map((step) => step.label) : [line.source.text];
            report.results.push(...what.map((label) => notRun(line.source.line, label, 'not run: doctor checks this run and writes nothing')));
            continue;
        }
        if (report.error !== undefined) {
            report.results.push(...line.plan.steps.map((step) => notRun(line.source.line, step.label, 'not run: an earlier command failed')));
            continue;
        }
        if (line.plan.intro)
            logger.info(line.plan.intro);
        if (line.plan.otpUses)
            otp.source?.setMaxUsesPerCode(line.plan.otpUses.uses);
        const outcome = await runLine(line, {
            context: () => (0,command/* commandContext */.bX)({ client, otp, logger, dryRun: options.dryRun, users }),
            env: { ...stepEnv, fresh, ...(inspected ? { inspected } : {}) },
            clock,
            logger,
        });
        if (line.plan.otpUses)
            otp.source?.setMaxUsesPerCode(pacing.uses);
        report.results.push(...outcome.rows);
        if (outcome.tables.length > 0)
            report.tables = [...(report.tables ?? []), ...outcome.tables];
        report.published ||= outcome.published;
        if (outcome.packages)
            report.packages = [...(report.packages ?? []), ...outcome.packages];
        failedAfter.push(...outcome.failedAfter);
        if (outcome.error !== undefined)
            report.error = outcome.error;
        if (!line.command.reads)
            fresh = false;
    }
    if (web && web.approvals > 0)
        report.approvals = web.approvals;
    report.error ??= failedAfter[0];
    return report;
}
async function planLines(options, input, deps) {
    const commands = deps.commands ?? lib_commands.COMMANDS;
    const parsed = input === undefined
        ? [{ command: publish/* publishLineCommand */.D6, data: (0,publish/* implicitPublish */.rf)(), source: { line: 0, text: publish/* publishLineCommand */.D6.words.join(' ') } }]
        : await (async () => {
            const defaultPackage = await defaultPackageName(options, deps.cwd);
            const context = { inputName: input.inputName, defaultPackage };
            const words = (given) => (0,line.parseWords)(given.words, { line: 0, text: given.words.join(' ') }, commands, { inputName: given.inputName, defaultPackage });
            if (!('block' in input))
                return [words(input)];
            return [...(0,line.parseBlock)(input.block, commands, context), ...(input.also ? [words(input.also)] : [])];
        })();
    const inspectors = parsed.filter(({ command }) => command.inspects !== undefined);
    if (inspectors.length > 0 && inspectors.length === parsed.length) {
        for (const { command, data } of inspectors) {
            const alone = command.inspects?.alone(data);
            if (alone)
                parsed.push({ command: alone.command, data: alone.data, source: { line: 0, text: alone.text } });
        }
    }
    const inspecting = inspectors.length > 0;
    if (options.token === undefined && !options.dryRun && !inspecting) {
        const needs = parsed.find(({ command }) => !command.byOidc);
        if (needs) {
            const where = needs.source.line > 0 ? `line ${needs.source.line} (${needs.source.text})` : needs.source.text;
            const byOidc = commands.filter((command) => command.byOidc).map((command) => command.words.join(' '));
            throw new errors/* InputError */.dz(options.names.token, `${options.names.token}: ${where} needs a registry token: without one, only ${byOidc.join(' and ')} can go, by trusted publishing (OIDC). Set ${options.names.token}.`, { received: needs.source.text });
        }
    }
    const lines = [];
    for (const { command, data, source } of parsed) {
        const settle = () => command.plan(data, { options, cwd: deps.cwd, env: deps.env, source });
        if (!inspecting || command.inspects !== undefined) {
            lines.push({ command, source, plan: await settle() });
            continue;
        }
        try {
            lines.push({ command, source, plan: await settle() });
        }
        catch (error) {
            lines.push({ command, source, plan: { steps: [] }, refused: error });
        }
    }
    return lines;
}
async function checkInspected(lines, env) {
    const inspected = [];
    for (const line of lines) {
        if (line.command.inspects !== undefined)
            continue;
        let lineRefusal;
        if (line.refused === undefined) {
            try {
                await line.plan.check?.(env);
            }
            catch (error) {
                lineRefusal = error;
            }
        }
        const steps = [];
        for (const step of line.plan.steps) {
            let refused = lineRefusal;
            if (refused === undefined) {
                try {
                    await step.check?.(env);
                }
                catch (error) {
                    refused = error;
                }
            }
            steps.push(refused === undefined ? { step } : { step, refused });
        }
        inspected.push({ command: line.command, source: line.source, steps, ...(line.refused === undefined ? {} : { refused: line.refused }) });
    }
    return inspected;
}
async function runLine(line, run) {
    const { plan, source } = line;
    const { clock, logger } = run;
    const steps = plan.steps;
    const state = new Map(steps.map((step) => [step, 'waiting']));
    const rows = new Map();
    const packages = new Map();
    const reasons = new Map();
    const failedAfter = [];
    const tables = [];
    const byName = new Map(steps.filter((step) => step.name !== undefined).map((step) => [step.name, step]));
    const waitsFor = (step) => {
        const index = steps.indexOf(step);
        if (!plan.isolated)
            return index > 0 ? [steps[index - 1]] : [];
        return (step.waitsFor ?? []).map((name) => byName.get(name)).filter((other) => other !== undefined);
    };
    let lineError;
    const many = steps.length > 1;
    const name = (step) => (step.version ? `${step.version.name}@${step.version.version}` : step.label);
    const say = (step, text) => (many ? `${name(step)}: ${text}` : `${source.line > 0 ? `line ${source.line}: ` : ''}${text}`);
    const runOne = async (step) => {
        const context = run.context();
        const startedAt = clock.now();
        try {
            const effect = () => step.run(context, run.env);
            const outcome = step.reconciles ? await effect() : await withTransientRetries(step.label, { clock, logger }, effect, () => context.writes > 0);
            rows.set(step, (0,result/* outcomeResult */.w)(source.line, step.label, outcome, context.tally, clock.now() - startedAt));
            if (step.version && plan.isolated) {
                const done = outcome.published
                    ? 'published'
                    : outcome.status === 'tagged' || outcome.status === 'dry-run' || outcome.status === 'staged'
                        ? outcome.status
                        : 'unchanged';
                packages.set(step, {
                    ...step.version,
                    outcome: done,
                    detail: outcome.detail,
                    ...(outcome.stageId === undefined ? {} : { stageId: outcome.stageId }),
                    ...(outcome.transparencyLogUrl ? { transparencyLogUrl: outcome.transparencyLogUrl } : {}),
                });
            }
            logger.info(say(step, outcome.detail));
            if (outcome.table) {
                tables.push({ line: source.line, command: step.label, table: outcome.table });
                logger.info(textTable(outcome.table));
            }
            if (outcome.failure !== undefined) {
                failedAfter.push(outcome.failure);
                logger.error(say(step, (0,describe_error/* describeError */.Uc)(outcome.failure)));
            }
            return true;
        }
        catch (error) {
            rows.set(step, {
                ...(0,result/* failedResult */.N)(source.line, step.label, error, clock.now() - startedAt),
                otpAttempts: context.tally.otpAttempts,
                waitedMs: context.tally.waitedMs,
            });
            if (step.version && plan.isolated)
                packages.set(step, { ...step.version, outcome: 'failed', detail: (0,describe_error/* describeError */.Uc)(error) });
            reasons.set(step, (0,describe_error/* describeError */.Uc)(error));
            if (plan.isolated)
                logger.error(say(step, (0,describe_error/* describeError */.Uc)(error)));
            lineError ??= error;
            return false;
        }
    };
    await new Promise((resolve) => {
        let running = 0;
        const settle = () => {
            for (let changed = true; changed;) {
                changed = false;
                for (const step of steps) {
                    if (state.get(step) !== 'waiting')
                        continue;
                    const blocked = waitsFor(step).find((other) => ['failed', 'not-run'].includes(state.get(other) ?? ''));
                    if (!blocked)
                        continue;
                    state.set(step, 'not-run');
                    reasons.set(step, plan.isolated
                        ? `not run: it depends on ${blocked.version?.name ?? name(blocked)}, which ${state.get(blocked) === 'failed' ? 'failed' : 'was not run'}`
                        : 'not run: an earlier command failed');
                    changed = true;
                }
            }
            for (const step of steps) {
                if (running >= (plan.concurrency ?? 1))
                    break;
                if (state.get(step) !== 'waiting')
                    continue;
                if (!waitsFor(step).every((other) => state.get(other) === 'ok'))
                    continue;
                running += 1;
                state.set(step, 'running');
                void runOne(step).then((ok) => {
                    state.set(step, ok ? 'ok' : 'failed');
                    running -= 1;
                    settle();
                });
            }
            if (running === 0)
                resolve();
        };
        settle();
    });
    for (const step of steps) {
        if (state.get(step) !== 'not-run')
            continue;
        const detail = reasons.get(step) ?? 'not run';
        rows.set(step, notRun(source.line, step.label, detail));
        if (step.version && plan.isolated)
            packages.set(step, { ...step.version, outcome: 'not-run', detail });
    }
    const listing = plan.isolated && steps.some((step) => step.version)
        ? [...steps.flatMap((step) => (packages.has(step) ? [packages.get(step)] : [])), ...(plan.listed ?? [])]
        : undefined;
    const failed = steps.some((step) => state.get(step) === 'failed');
    let error;
    if (plan.isolated && plan.failure && listing && (failed || failedAfter.length > 0)) {
        const summary = plan.failure(listing, failedAfter);
        if (failed)
            error = summary;
        else
            return {
                rows: steps.map((step) => rows.get(step)),
                tables,
                packages: listing,
                published: [...rows.values()].some((row) => row.outcome === 'published'),
                error: undefined,
                failedAfter: [summary],
            };
    }
    else if (failed)
        error = lineError;
    return {
        rows: steps.map((step) => rows.get(step)),
        tables,
        packages: listing,
        published: [...rows.values()].some((row) => row.outcome === 'published'),
        error,
        failedAfter: error === undefined ? failedAfter : [],
    };
}
function runDescription(lines) {
    const packages = lines.reduce((sum, { plan }) => sum + (plan.isolated ? plan.steps.length : 0), 0);
    if (packages > 0 && lines.length === 1)
        return { runDescription: `${lines[0]?.command.words.join(' ')} of ${packages} packages` };
    if (lines.length > 1)
        return { runDescription: `a run of ${lines.length} commands` };
    return {};
}
async function defaultPackageName(options, cwd) {
    try {
        const source = await (0,read_package/* readPackageSource */.ez)(options.packageSpec, cwd, options.names.package);
        return { name: source.kind === 'folder' ? source.manifest.name : (await (0,tarball/* readTarball */.ty)(source.file, options.names.package)).manifest.name };
    }
    catch (error) {
        return { problem: error instanceof Error ? error.message : String(error) };
    }
}
function notRun(line, command, detail) {
    return { line, command, ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail };
}
function authPlan(options) {
    const token = options.token
        ? 'the token'
        : options.dryRun
            ? 'no token (dry run)'
            : 'no token: only trusted publishing (OIDC) can upload, and reads are anonymous';
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
