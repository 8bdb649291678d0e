export const id = 51;
export const ids = [51];
export const modules = {

/***/ 2051:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishWorkspaces: () => (/* binding */ publishWorkspaces)
/* harmony export */ });
/* unused harmony export WorkspacesFailedError */
/* harmony import */ var _commands_publish_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7581);
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(403);
/* harmony import */ var _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9670);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3028);




async function publishWorkspaces(run) {
    const { plan, logger, clock } = run;
    const line = plan.command.line;
    const state = new Map();
    const packages = new Map();
    const rows = new Map();
    const reasons = new Map();
    const failedAfter = [];
    const publishable = plan.members.filter((member) => member.plan !== undefined);
    for (const member of plan.members) {
        if (member.plan)
            state.set(member.name, 'waiting');
    }
    for (const warning of plan.warnings)
        logger.warning(warning);
    logger.info(`Publishing ${publishable.length} of ${plan.members.length} workspace package${plan.members.length === 1 ? '' : 's'} of ${plan.root} (${plan.manager}), ` +
        `${plan.concurrency} at a time, ${plan.otpUsesWhy}.`);
    await new Promise((resolve) => {
        let running = 0;
        const settle = () => {
            for (let changed = true; changed;) {
                changed = false;
                for (const member of publishable) {
                    if (state.get(member.name) !== 'waiting')
                        continue;
                    const blocked = (plan.waitsFor.get(member.name) ?? []).find((dependency) => ['failed', 'not-run'].includes(state.get(dependency) ?? ''));
                    if (!blocked)
                        continue;
                    state.set(member.name, 'not-run');
                    reasons.set(member.name, `not run: it depends on ${blocked}, which ${state.get(blocked) === 'failed' ? 'failed' : 'was not run'}`);
                    changed = true;
                }
            }
            for (const member of publishable) {
                if (running >= plan.concurrency)
                    break;
                if (state.get(member.name) !== 'waiting')
                    continue;
                if (!(plan.waitsFor.get(member.name) ?? []).every((dependency) => state.get(dependency) === 'ok'))
                    continue;
                running += 1;
                state.set(member.name, 'running');
                void publishOne(member.name).then((ok) => {
                    state.set(member.name, ok ? 'ok' : 'failed');
                    running -= 1;
                    settle();
                });
            }
            if (running === 0)
                resolve();
        };
        const publishOne = async (name) => {
            const member = plan.members.find((entry) => entry.name === name);
            const memberPlan = member?.plan;
            if (!memberPlan)
                return false;
            const context = run.context();
            const startedAt = clock.now();
            const id = `${memberPlan.name}@${memberPlan.version}`;
            const verb = memberPlan.command.stage ? 'stage publish' : 'publish';
            try {
                const outcome = await run.retrying(context, () => (0,_commands_publish_js__WEBPACK_IMPORTED_MODULE_0__/* .executePublish */ .$_)(context, memberPlan, run.packuments.get(name), run.publishDeps));
                const published = outcome.published === true;
                rows.set(name, (0,_result_js__WEBPACK_IMPORTED_MODULE_3__/* .outcomeResult */ .w)(line, `${verb} ${id}`, outcome, context.tally, clock.now() - startedAt));
                packages.set(name, { name: memberPlan.name, version: memberPlan.version, tag: memberPlan.tag, outcome: published ? 'published' : outcome.status === 'tagged' || outcome.status === 'dry-run' || outcome.status === 'staged' ? outcome.status : 'unchanged', detail: outcome.detail, ...(outcome.stageId === undefined ? {} : { stageId: outcome.stageId }) });
                logger.info(`${id}: ${outcome.detail}`);
                if (outcome.failure !== undefined) {
                    failedAfter.push(outcome.failure);
                    logger.error(`${id}: ${(0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(outcome.failure)}`);
                }
                return true;
            }
            catch (error) {
                const detail = (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
                rows.set(name, { line, command: `${verb} ${id}`, ok: false, skipped: false, outcome: 'failed', otpAttempts: context.tally.otpAttempts, waitedMs: context.tally.waitedMs, durationMs: clock.now() - startedAt, detail });
                packages.set(name, { name: memberPlan.name, version: memberPlan.version, tag: memberPlan.tag, outcome: 'failed', detail });
                reasons.set(name, detail);
                logger.error(`${id}: ${detail}`);
                return false;
            }
        };
        settle();
    });
    for (const member of publishable) {
        if (state.get(member.name) !== 'not-run')
            continue;
        const memberPlan = member.plan;
        const detail = reasons.get(member.name) ?? 'not run';
        rows.set(member.name, { line, command: `${memberPlan.command.stage ? 'stage publish' : 'publish'} ${memberPlan.name}@${memberPlan.version}`, ok: false, skipped: false, outcome: 'not-run', otpAttempts: 0, waitedMs: 0, durationMs: 0, detail });
        packages.set(member.name, { name: memberPlan.name, version: memberPlan.version, tag: memberPlan.tag, outcome: 'not-run', detail });
    }
    const ordered = plan.members.map((member) => member.plan ? packages.get(member.name) : { name: member.name, version: member.version, tag: '', outcome: member.listed?.outcome ?? 'private', detail: member.listed?.detail ?? 'private: not published' });
    const failed = ordered.filter((entry) => entry.outcome === 'failed');
    return {
        packages: ordered,
        rows: publishable.map((member) => rows.get(member.name)),
        error: failed.length === 0 && failedAfter.length === 0 ? undefined : new WorkspacesFailedError(ordered, failedAfter),
        stops: failed.length > 0,
    };
}
class WorkspacesFailedError extends _foundation_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProductError */ ._$ {
    constructor(packages, failedAfter = []) {
        const ids = (outcome) => packages.filter((entry) => (Array.isArray(outcome) ? outcome : [outcome]).includes(entry.outcome)).map((entry) => `${entry.name}@${entry.version}`);
        const failed = packages.filter((entry) => entry.outcome === 'failed');
        const list = (names) => (names.length === 0 ? 'none' : names.join(', '));
        const what = [
            ...(failed.length === 0 ? [] : [`${failed.length} workspace package${failed.length === 1 ? '' : 's'} failed: ${failed.map((entry) => `${entry.name}@${entry.version} (${entry.detail})`).join('; ')}`]),
            ...failedAfter.map((error) => (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error).replace(/\.$/, '')),
        ];
        super('EWORKSPACES', `${what.join('; ')}. ` +
            `In the registry now: published by this run: ${list(ids('published'))}; already there: ${list(ids(['unchanged', 'tagged']))}. ` +
            `Not in the registry: ${list(ids(['failed', 'not-run']))}. Running the same step again publishes only what is missing.`, { received: failed.map((entry) => entry.name) });
    }
}


/***/ })

};
