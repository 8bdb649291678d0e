export const id = 251;
export const ids = [251];
export const modules = {

/***/ 251:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  expandWorkspaceDistTags: () => (/* binding */ expandWorkspaceDistTags),
  planWorkspacePublish: () => (/* binding */ planWorkspacePublish)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
;// CONCATENATED MODULE: ./lib/package/dependency-order.js


const RUNTIME_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
function dependencyOrder(packages) {
    const sorted = [...packages].sort((a, b) => compare(a.name, b.name));
    const byName = new Map(sorted.map((pkg) => [pkg.name, pkg]));
    const dependsOn = new Map();
    for (const pkg of sorted) {
        const targets = new Set();
        for (const field of RUNTIME_FIELDS) {
            const dependencies = pkg.manifest[field];
            if (typeof dependencies !== 'object' || dependencies === null || Array.isArray(dependencies))
                continue;
            for (const [name, spec] of Object.entries(dependencies)) {
                if (typeof spec !== 'string')
                    continue;
                const target = workspaceTarget(pkg, name, spec, sorted, byName);
                if (target !== undefined && target !== pkg.name)
                    targets.add(target);
            }
        }
        dependsOn.set(pkg.name, [...targets].sort(compare));
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
    const cycles = components.filter((members) => members.length > 1).sort((a, b) => compare(a[0] ?? '', b[0] ?? ''));
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
                components.push(members.sort(compare));
            }
        }
    }
    return components;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: ./lib/package/npmrc.js
var npmrc = __webpack_require__(9050);
// EXTERNAL MODULE: ./lib/package/publish-manifest.js
var publish_manifest = __webpack_require__(6533);
// EXTERNAL MODULE: ./lib/package/workspaces.js
var workspaces = __webpack_require__(6844);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/plan/options.js
var plan_options = __webpack_require__(4333);
// EXTERNAL MODULE: ./lib/plan/publish-plan.js + 1 modules
var publish_plan = __webpack_require__(1118);
;// CONCATENATED MODULE: ./lib/plan/workspace-plan.js









async function monorepoAt(command, options, cwd) {
    const names = options.names;
    const spec = command.target ?? options.packageSpec;
    const target = external_node_path_.resolve(cwd, spec);
    const info = await (0,promises_.stat)(target).catch(() => undefined);
    const input = 'line' in command ? (0,publish_plan/* packageInput */.Lb)(command, names) : names.package;
    if (!info)
        throw new errors/* InputError */.dz(input, `${input}: "${spec}" does not exist (looked for ${target}). With ${names.workspaces}, give the monorepo's root folder.`, { received: spec });
    const dir = info.isDirectory() ? target : external_node_path_.basename(target) === 'package.json' ? external_node_path_.dirname(target) : undefined;
    if (dir === undefined) {
        throw new errors/* InputError */.dz(names.workspaces, `${names.workspaces}: ${target} is not a folder; workspaces are published from the monorepo's root folder. Set ${names.package} to that folder.`, { received: spec });
    }
    return (0,workspaces/* findWorkspaces */.gt)(dir, names.workspaces);
}
async function planWorkspacePublish(command, options, cwd, env) {
    const names = options.names;
    const scope = (command.workspaces ?? options.workspaces);
    const concurrency = command.concurrency ?? options.concurrency;
    const monorepo = await monorepoAt(command, options, cwd);
    const selected = (0,workspaces/* selectWorkspaces */.Vj)(monorepo, scope, command.includeWorkspaceRoot ?? options.includeWorkspaceRoot, names.workspaces);
    const warnings = [];
    for (const { name, dirs } of (0,workspaces/* duplicateNames */.wO)(monorepo)) {
        warnings.push(`${dirs.length} workspace packages are named ${name} (${dirs.join(', ')}); none of them is published, so this does not stop the run, but a package manager may refuse it`);
    }
    const npmrcs = new Map();
    const readNpmrc = (dir) => npmrcs.get(dir) ?? npmrcs.set(dir, (0,npmrc/* readNpmrcRegistries */.eB)(dir, env, names.package)).get(dir);
    const settle = async (pkg) => {
        if (pkg.private)
            return { name: pkg.name, version: pkg.version, relativeDir: pkg.relativeDir, plan: undefined, listed: { outcome: 'private', detail: 'private: not published' }, manifest: pkg.manifest, found: [] };
        const { manifest, warnings: found } = (0,publish_manifest/* publishManifest */.pm)(pkg, monorepo, names.workspaces);
        const rewritten = JSON.stringify(manifest) !== JSON.stringify(pkg.manifest);
        const plan = await (0,publish_plan/* settlePublish */.Z)(command, options, { kind: 'folder', dir: pkg.dir, manifest, manifestText: rewritten ? `${JSON.stringify(manifest, null, 2)}\n` : undefined, workspaceRoot: monorepo.root, manager: monorepo.manager }, cwd, env, { dirs: [...new Set([monorepo.root, pkg.dir])], read: readNpmrc });
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
        ...(0,workspaces/* skippedWorkspaces */.nh)(monorepo, selected, scope, names.workspaces).map(({ pkg, why }) => ({
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
        ...pacing((0,plan_options.otpPacing)(command.otpUses ?? options.otpUses, options.registry, command.otpUses === undefined ? names.otpUses : '--otp-uses')),
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
        for (const field of publish_manifest/* DEPENDENCY_FIELDS */.AT.filter((field) => field !== 'devDependencies')) {
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
async function expandWorkspaceDistTags(command, options, cwd) {
    const monorepo = await monorepoAt({}, options, cwd);
    const selected = (0,workspaces/* selectWorkspaces */.Vj)(monorepo, command.workspaces, command.includeWorkspaceRoot, options.names.workspaces);
    return selected
        .filter((pkg) => !pkg.private)
        .map((pkg) => ({ line: command.line, text: `dist-tag add ${pkg.name}@${pkg.version} ${command.tag}`, kind: 'dist-tag-add', pkg: pkg.name, version: pkg.version, tag: command.tag }));
}


/***/ })

};
