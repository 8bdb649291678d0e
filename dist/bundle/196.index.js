export const id = 196;
export const ids = [196];
export const modules = {

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

/***/ 6844:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vj: () => (/* binding */ selectWorkspaces),
/* harmony export */   gt: () => (/* binding */ findWorkspaces)
/* harmony export */ });
/* unused harmony export rootPackage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3581);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2088);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1196);
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
        packages.push(toWorkspacePackage(root, dir, parseManifest(text, file, inputName), file, inputName));
    });
    if (packages.length === 0)
        throw matchesNothing(patterns, declaredIn, inputName);
    refuseDuplicates(packages, inputName);
    packages.sort((a, b) => compare(a.name, b.name));
    return { root, manager, rootManifest, packages, catalogs };
}
function selectWorkspaces(monorepo, filter, includeRoot, inputName) {
    const selected = new Set();
    if (filter === true) {
        for (const pkg of monorepo.packages)
            selected.add(pkg);
    }
    else {
        for (const entry of filter.map((item) => item.trim()).filter((item) => item !== '')) {
            const matches = monorepo.packages.filter((pkg) => matchesFilter(pkg, entry, monorepo.root));
            if (matches.length === 0)
                throw unmatchedFilter(monorepo, entry, includeRoot, inputName);
            for (const pkg of matches)
                selected.add(pkg);
        }
    }
    const result = monorepo.packages.filter((pkg) => selected.has(pkg));
    if (!includeRoot)
        return result;
    const root = rootPackage(monorepo, inputName);
    const clash = result.find((pkg) => pkg.name === root.name);
    if (clash) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: the monorepo root (${node_path__WEBPACK_IMPORTED_MODULE_1__.join(monorepo.root, 'package.json')}) and the workspace package in ${node_path__WEBPACK_IMPORTED_MODULE_1__.join(clash.dir, 'package.json')} are both named "${root.name}". Rename one of them, or leave the root out.`, { received: root.name });
    }
    return [root, ...result];
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
    return (0,minimatch__WEBPACK_IMPORTED_MODULE_2__.minimatch)(pkg.relativeDir, pattern) || (0,minimatch__WEBPACK_IMPORTED_MODULE_2__.minimatch)(pkg.relativeDir, `${pattern}/*`);
}
function unmatchedFilter(monorepo, entry, includeRoot, inputName) {
    const known = monorepo.packages.map((pkg) => `${pkg.name} (${pkg.relativeDir})`);
    const shown = known.length > 30 ? [...known.slice(0, 30), `and ${known.length - 30} more`] : known;
    const rootName = monorepo.rootManifest.name;
    const hint = !includeRoot && (entry === rootName || entry === '.') ? ' The monorepo root is not a workspace package: to publish it, set include-workspace-root.' : '';
    return new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: "${entry}" matches no workspace package of ${monorepo.root} (by name, folder or glob over folders).${hint} Known packages: ${shown.join(', ')}.`, { received: entry });
}
function toWorkspacePackage(root, dir, manifest, file, inputName) {
    const isPrivate = manifest.private === true;
    const name = manifest.name === undefined && isPrivate ? nameFromFolder(dir) : manifest.name;
    if (typeof name !== 'string' || name === '') {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${file} has no "name". Every workspace package that is not "private": true needs one, such as "my-package" or "@scope/my-package".`, { received: file });
    }
    if (!isPrivate && !(0,_registry_name_js__WEBPACK_IMPORTED_MODULE_7__/* .isRegistryName */ .V)(name)) {
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: "${name}" in ${file} is not a valid npm package name. Use lower case, URL-safe characters, optionally under a scope (@scope/name).`, { received: name });
    }
    const clean = typeof manifest.version === 'string' ? semver__WEBPACK_IMPORTED_MODULE_3__.clean(manifest.version) : null;
    if (clean === null && !isPrivate) {
        const what = manifest.version === undefined ? 'has no "version"' : `has version ${JSON.stringify(manifest.version)}, which is not a semver version`;
        throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: ${name} (${file}) ${what}. Give it a version such as 1.2.3 or 2.0.0-beta.1, or mark it "private": true if it is never published.`, { received: manifest.version });
    }
    const relativeDir = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, dir).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || '.';
    return { name, version: clean ?? '', dir, relativeDir, manifest, private: isPrivate };
}
function nameFromFolder(dir) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(dir);
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(dir));
    return parent.startsWith('@') ? `${parent}/${base}` : base;
}
function refuseDuplicates(packages, inputName) {
    const byName = new Map();
    for (const pkg of packages)
        byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
    const duplicates = [...byName].filter(([, list]) => list.length > 1).sort(([a], [b]) => compare(a, b));
    if (duplicates.length === 0)
        return;
    const lines = duplicates.map(([name, list]) => `"${name}" is the name of ${list.map((pkg) => node_path__WEBPACK_IMPORTED_MODULE_1__.join(pkg.dir, 'package.json')).join(' and ')}`);
    throw new _foundation_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(inputName, `${inputName}: two workspace packages have one name: ${lines.join('; ')}. Names must be unique in a monorepo: rename one, or leave it out of the workspaces.`, {
        received: duplicates.map(([name]) => name),
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
            negated = negated.filter((exclusion) => !(0,minimatch__WEBPACK_IMPORTED_MODULE_2__.minimatch)(pattern, exclusion));
            patterns.push(pattern);
        }
    }
    const kept = patterns.filter((pattern) => !negated.some((exclusion) => (0,minimatch__WEBPACK_IMPORTED_MODULE_2__.minimatch)(pattern, exclusion)));
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

/***/ 8815:
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
// EXTERNAL MODULE: ./node_modules/npm-package-arg/lib/npa.js
var npa = __webpack_require__(8056);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/package/registry-name.js
var registry_name = __webpack_require__(5709);
;// CONCATENATED MODULE: ./lib/package/publish-manifest.js





const CATALOG_FILE = { npm: undefined, yarn: '.yarnrc.yml', pnpm: 'pnpm-workspace.yaml' };
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const publish_manifest_RUNTIME_FIELDS = new Set(['dependencies', 'optionalDependencies', 'peerDependencies']);
const PNPM_LIFTED_FIELDS = [
    'name', 'bin', 'engines', 'type', 'imports',
    'main', 'module', 'typings', 'types', 'exports', 'browser', 'esnext', 'es2015', 'unpkg', 'umd:main',
    'os', 'cpu', 'libc', 'typesVersions',
];
const YARN_LIFTED_FIELDS = ['type', 'main', 'browser', 'module', 'exports', 'imports', 'bin', 'typings', 'types'];
function publishManifest(pkg, monorepo, inputName) {
    const manifest = structuredClone(pkg.manifest);
    const context = { pkg, monorepo, byName: workspaceIndex(monorepo), file: external_node_path_.join(pkg.dir, 'package.json'), inputName, warnings: [] };
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
            version: (typeof version === 'string' ? semver.clean(version) : null) ?? '',
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
    if (!pkg.private && publish_manifest_RUNTIME_FIELDS.has(field) && dependency?.private && real !== pkg.name) {
        warnings.push(`${pkg.name} depends on ${real} (${field}), a private workspace package that is never published: consumers of ${pkg.name} will not be able to install it.`);
    }
    return result;
}
function resolveWorkspace(name, spec, rest, field, context) {
    const { pkg, monorepo } = context;
    const byPath = rest.startsWith('./') || rest.startsWith('../')
        ? (findByDir(monorepo, external_node_path_.resolve(pkg.dir, rest)) ?? findByDir(monorepo, external_node_path_.resolve(monorepo.root, rest)))
        : /[\\/]/.test(rest) && !rest.startsWith('@') ? findByDir(monorepo, external_node_path_.resolve(monorepo.root, rest)) : undefined;
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
    if (semver.validRange(range) === null) {
        throw refusal(context, `has "${name}": "${spec}" in ${field}, and "${range}" is neither a semver range nor a workspace folder. Use workspace:*, workspace:^, workspace:~ or workspace:<range> such as workspace:^1.2.0`, spec);
    }
    const version = versionOf(target, name, spec, field, context);
    if (version !== undefined && !semver.satisfies(version, range, { includePrerelease: true })) {
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
    throw refusal(context, `has "${name}": "${spec}" in ${field}, but ${target.name} (${external_node_path_.join(target.dir, 'package.json')}) has no version, so no registry range can replace it. Give ${target.name} a "version"`, spec);
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
    const where = external_node_path_.join(monorepo.root, file);
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
        if (typeof name !== 'string' || !(0,registry_name/* isRegistryName */.V)(name)) {
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
        return npa(spec.slice('npm:'.length)).name ?? undefined;
    }
    catch {
        return undefined;
    }
}
function refusal(context, what, received) {
    const { inputName, pkg, file } = context;
    return new errors/* InputError */.dz(inputName, `${inputName}: ${pkg.name} (${file}) ${what}.`, { received });
}

// EXTERNAL MODULE: ./lib/package/workspaces.js
var workspaces = __webpack_require__(6844);
// EXTERNAL MODULE: ./lib/plan/publish-plan.js
var publish_plan = __webpack_require__(3334);
;// CONCATENATED MODULE: ./lib/plan/workspace-plan.js








async function monorepoAt(command, options, cwd) {
    const names = options.names;
    const spec = command.target ?? options.packageSpec;
    const target = external_node_path_.resolve(cwd, spec);
    const info = await (0,promises_.stat)(target).catch(() => undefined);
    if (!info)
        throw new errors/* InputError */.dz(names.package, `${names.package}: "${spec}" does not exist (looked for ${target}). With ${names.workspaces}, give the monorepo's root folder.`, { received: spec });
    const dir = info.isDirectory() ? target : external_node_path_.basename(target) === 'package.json' ? external_node_path_.dirname(target) : undefined;
    if (dir === undefined) {
        throw new errors/* InputError */.dz(names.workspaces, `${names.workspaces}: ${target} is not a folder; workspaces are published from the monorepo's root folder. Set ${names.package} to that folder.`, { received: spec });
    }
    return (0,workspaces/* findWorkspaces */.gt)(dir, names.workspaces);
}
async function planWorkspacePublish(command, options, cwd, env) {
    const names = options.names;
    const scope = (command.workspaces ?? options.workspaces);
    const monorepo = await monorepoAt(command, options, cwd);
    const selected = (0,workspaces/* selectWorkspaces */.Vj)(monorepo, scope, command.includeWorkspaceRoot ?? options.includeWorkspaceRoot, names.workspaces);
    const warnings = [];
    const npmrcs = new Map();
    const readNpmrc = (dir) => npmrcs.get(dir) ?? npmrcs.set(dir, (0,npmrc/* readNpmrcRegistries */.eB)(dir, env, names.package)).get(dir);
    const members = new Map();
    for (const pkg of selected) {
        if (pkg.private) {
            members.set(pkg.name, { name: pkg.name, version: pkg.version, relativeDir: pkg.relativeDir, plan: undefined, manifest: pkg.manifest });
            continue;
        }
        const { manifest, warnings: found } = publishManifest(pkg, monorepo, names.workspaces);
        warnings.push(...found.map((warning) => `${pkg.name}: ${warning}`));
        const rewritten = JSON.stringify(manifest) !== JSON.stringify(pkg.manifest);
        const plan = await (0,publish_plan/* settlePublish */.Z)(command, options, { kind: 'folder', dir: pkg.dir, manifest, manifestText: rewritten ? `${JSON.stringify(manifest, null, 2)}\n` : undefined, workspaceRoot: monorepo.root }, cwd, env, { dirs: [...new Set([monorepo.root, pkg.dir])], read: readNpmrc });
        plan.warnings = found;
        members.set(pkg.name, { name: plan.name, version: plan.version, relativeDir: pkg.relativeDir, plan, manifest });
    }
    const publishable = [...members.values()].filter((member) => member.plan !== undefined);
    const order = dependencyOrder(publishable.map((member) => ({ name: member.name, version: member.version, manifest: member.manifest })));
    const position = new Map(order.levels.flatMap((level, index) => level.map((name) => [name, index])));
    const waitsFor = new Map();
    for (const member of publishable) {
        const level = position.get(member.name) ?? 0;
        waitsFor.set(member.name, (order.dependsOn.get(member.name) ?? []).filter((dependency) => (position.get(dependency) ?? 0) < level));
    }
    for (const cycle of order.cycles)
        warnings.push(`these packages depend on each other (${cycle.join(' -> ')} -> ${cycle[0]}): they are published in name order`);
    const ordered = [...order.levels.flat().map((name) => members.get(name)), ...[...members.values()].filter((member) => member.plan === undefined)];
    return {
        command,
        root: monorepo.root,
        manager: monorepo.manager,
        members: ordered.map(({ name, version, relativeDir, plan }) => ({ name, version, relativeDir, plan })),
        waitsFor,
        cycles: order.cycles,
        outside: outsideDependencies(monorepo, selected, publishable),
        concurrency: command.concurrency ?? options.concurrency,
        otpUses: command.otpUses ?? options.otpUses,
        warnings,
    };
}
function outsideDependencies(monorepo, selected, members) {
    const inScope = new Set(selected.map((pkg) => pkg.name));
    const byName = new Map(monorepo.packages.map((pkg) => [pkg.name, pkg]));
    const outside = new Map();
    for (const member of members) {
        for (const field of DEPENDENCY_FIELDS.filter((field) => field !== 'devDependencies')) {
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
