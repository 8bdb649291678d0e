export const id = 389;
export const ids = [389];
export const modules = {

/***/ 7389:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  packDirectory: () => (/* binding */ packDirectory),
  sourcePackOptions: () => (/* binding */ sourcePackOptions)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./node_modules/@npmcli/map-workspaces/lib/index.js
var lib = __webpack_require__(6446);
// EXTERNAL MODULE: ./node_modules/@npmcli/package-json/lib/index.js
var package_json_lib = __webpack_require__(2700);
// EXTERNAL MODULE: ./lib/foundation/is-record.js
var is_record = __webpack_require__(9319);
;// CONCATENATED MODULE: ./lib/package/pack-tree.js






const NORMALIZE_STEPS = package_json_lib.normalizeSteps.filter((step) => step !== 'overrides');
async function readPackManifest(dir, text) {
    const file = external_node_path_.join(dir, 'package.json');
    try {
        const pkg = text === undefined ? await package_json_lib.load(dir) : new package_json_lib().create(dir).fromJSON(text);
        if (!(0,is_record/* isRecord */.u)(pkg.content))
            throw new Error('it does not hold a JSON object');
        return (await pkg.normalize({ steps: NORMALIZE_STEPS })).content;
    }
    catch (error) {
        const what = text === undefined ? file : `the package.json text given for ${dir}`;
        throw new errors/* ProductError */._$('EPACK', `Could not read ${what}: ${error.message}`, { received: what, cause: error });
    }
}
async function projectTree(dir, manifest) {
    const root = external_node_path_.resolve(dir);
    const workspaces = manifest.workspaces === undefined
        ? new Map()
        : await lib({ cwd: root, pkg: manifest }).catch((error) => {
            throw new errors/* ProductError */._$('EPACK', `The workspaces of ${root} cannot be read as npm reads them: ${error.message}`, {
                received: manifest.workspaces,
                cause: error,
            });
        });
    const tree = { path: root, package: manifest, isProjectRoot: true, edgesOut: new Map(), ...(workspaces.size > 0 ? { workspaces } : {}) };
    const { bundleDependencies } = manifest;
    if (Array.isArray(bundleDependencies) && bundleDependencies.length > 0) {
        const real = await (0,promises_.realpath)(root);
        await addEdges(tree, real, bundleDependencies, { isTop: true, rootPath: root, nodes: new Map([[real, tree]]) });
    }
    return tree;
}
async function addEdges(node, real, names, context) {
    for (const name of names) {
        if (typeof name !== 'string' || node.edgesOut.has(name))
            continue;
        const type = edgeType(node, name, context.isTop);
        if (type === undefined || type === 'peer' || type === 'dev')
            continue;
        const location = await installedLocation(real, name, context.rootPath);
        if (location === undefined)
            continue;
        const targetReal = await (0,promises_.realpath)(location);
        const isLink = targetReal !== external_node_path_.normalize(location);
        let target = context.nodes.get(targetReal);
        if (!target) {
            const pkg = await readInstalledManifest(targetReal);
            const created = { path: isLink ? targetReal : location, package: pkg, isProjectRoot: false, edgesOut: new Map() };
            context.nodes.set(targetReal, created);
            const deps = [...Object.keys(Object(pkg.dependencies || {})), ...Object.keys(Object(pkg.optionalDependencies || {}))];
            await addEdges(created, targetReal, deps, { ...context, isTop: isLink });
            target = created;
        }
        node.edgesOut.set(name, { peer: false, dev: false, to: { path: location, isLink, target } });
    }
}
function edgeType(node, name, isTop) {
    if (node.workspaces?.has(name))
        return 'workspace';
    const pkg = node.package;
    let type;
    if ((0,is_record/* isRecord */.u)(pkg.peerDependencies) && Object.hasOwn(pkg.peerDependencies, name))
        type = 'peer';
    if (hasKey(pkg.dependencies, name))
        type = 'prod';
    if (hasKey(pkg.optionalDependencies, name))
        type = 'optional';
    if (isTop && hasKey(pkg.devDependencies, name))
        type = 'dev';
    return type;
}
function hasKey(deps, name) {
    return Object.keys(Object(deps || {})).includes(name);
}
async function readInstalledManifest(dir) {
    try {
        return await readPackManifest(dir);
    }
    catch {
        return {};
    }
}
async function installedLocation(from, name, rootPath) {
    if (name === '' || external_node_path_.isAbsolute(name) || name.split(/[\\/]/).some((part) => part === '..' || part === '.' || part === ''))
        return undefined;
    if (name.startsWith('.') || /^@[^/]+\/\./.test(name))
        return undefined;
    const ancestor = commonAncestor(from, rootPath);
    const candidates = [external_node_path_.join(from, 'node_modules', name)];
    for (let dir = external_node_path_.dirname(from);; dir = external_node_path_.dirname(dir)) {
        if (ancestor !== undefined && /^\.\.(?:[\\/]|$)/.test(external_node_path_.relative(ancestor, dir)))
            break;
        if (external_node_path_.basename(dir) !== 'node_modules')
            candidates.push(external_node_path_.join(dir, 'node_modules', name));
        if (external_node_path_.dirname(dir) === dir)
            break;
    }
    for (const candidate of candidates) {
        const info = await (0,promises_.stat)(candidate).catch(() => undefined);
        if (info?.isDirectory())
            return candidate;
    }
    return undefined;
}
function commonAncestor(a, b) {
    const left = external_node_path_.resolve(a).split(external_node_path_.sep);
    const right = external_node_path_.resolve(b).split(external_node_path_.sep);
    let i = 0;
    while (i < left.length && i < right.length && left[i] === right[i])
        i++;
    return i === 0 ? undefined : left.slice(0, i).join(external_node_path_.sep) || external_node_path_.sep;
}

// EXTERNAL MODULE: ./node_modules/npm-packlist/lib/index.js
var npm_packlist_lib = __webpack_require__(6549);
;// CONCATENATED MODULE: ./lib/package/collate.js
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';
const PRIMARY = new Uint8Array(128);
{
    let weight = 0;
    for (let i = 0; i < ROOT_ORDER.length; i += 1) {
        const code = ROOT_ORDER.charCodeAt(i);
        const capital = code >= 65 && code <= 90;
        if (!capital)
            weight += 1;
        PRIMARY[code] = weight;
    }
}
const printable = (text) => {
    for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        if (code < 32 || code > 126)
            return false;
    }
    return true;
};
function compareEn(a, b) {
    if (a === b)
        return 0;
    if (!printable(a) || !printable(b))
        return a.localeCompare(b, 'en');
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i += 1) {
        const difference = PRIMARY[a.charCodeAt(i)] - PRIMARY[b.charCodeAt(i)];
        if (difference !== 0)
            return difference < 0 ? -1 : 1;
    }
    if (a.length !== b.length)
        return a.length < b.length ? -1 : 1;
    for (let i = 0; i < length; i += 1) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y)
            return x > y ? -1 : 1;
    }
    return 0;
}

;// CONCATENATED MODULE: ./lib/package/packlist.js




class Walker extends npm_packlist_lib.Walker {
    sort(a, b) {
        const [exta, extb] = [(0,external_node_path_.extname)(a).toLowerCase(), (0,external_node_path_.extname)(b).toLowerCase()];
        return compareEn(exta, extb) || compareEn((0,external_node_path_.basename)(a).toLowerCase(), (0,external_node_path_.basename)(b).toLowerCase()) || compareEn(a, b);
    }
    async gatherBundles() {
        try {
            await super.gatherBundles();
        }
        catch (error) {
            this.emit('error', error);
        }
    }
}
function packList(tree, options = {}) {
    checkFiles(tree);
    return new Promise((done, fail) => {
        new Walker(tree, { ...options, isPackage: true }).on('done', done).on('error', fail).start();
    });
}
function checkFiles(tree, seen = new Set()) {
    if (seen.has(tree))
        return;
    seen.add(tree);
    const { files } = tree.package;
    if (files) {
        if (!Array.isArray(files) && typeof files !== 'string') {
            throw new errors/* ProductError */._$('EPACKFILES', `"files" in the package.json of ${tree.path} must be an array of paths; it is ${JSON.stringify(files)}.`, {
                received: files,
            });
        }
        for (const entry of files) {
            if (typeof entry !== 'string') {
                throw new errors/* ProductError */._$('EPACKFILES', `"files" in the package.json of ${tree.path} must list strings; it holds ${JSON.stringify(entry)}.`, {
                    received: entry,
                });
            }
        }
    }
    for (const edge of tree.edgesOut.values())
        if (edge.to)
            checkFiles(edge.to.target, seen);
}

// EXTERNAL MODULE: ./lib/package/tarball.js
var package_tarball = __webpack_require__(4098);
;// CONCATENATED MODULE: ./lib/package/pack.js







function sourcePackOptions(source) {
    return {
        ...(source.manifestText === undefined ? {} : { manifestText: source.manifestText }),
        ...(source.workspaceRoot === undefined ? {} : { workspaceRoot: source.workspaceRoot, workspaces: [source.dir] }),
        ...(source.manager === undefined ? {} : { manager: source.manager }),
    };
}
const LICENSE_FILE = /^LICEN[CS]E(?:\..+)?$/i;
const ROOT_LICENSE = /^LICEN[SC]E(?:\..*)?$/;
const MTIME = new Date('1985-10-26T08:15:00.000Z');
async function packDirectory(dir, options = {}) {
    const root = external_node_path_.resolve(dir);
    const manifestStat = await (0,promises_.lstat)(external_node_path_.join(root, 'package.json')).catch(() => undefined);
    if (!manifestStat?.isFile()) {
        const problem = manifestStat ? 'is not a regular file (npm would leave it out of the tarball)' : 'does not exist';
        throw new errors/* ProductError */._$('EPACK', `${external_node_path_.join(root, 'package.json')} ${problem}; npm packs a folder holding its package.json.`, { received: root });
    }
    const manifest = await readPackManifest(root, options.manifestText);
    if (!manifest.name || !manifest.version) {
        throw new errors/* ProductError */._$('EPACK', `The package.json of ${root} needs a "name" and a "version" to be packed.`, { received: root });
    }
    const tree = await projectTree(root, manifest);
    const workspaceRoot = options.workspaceRoot === undefined ? undefined : external_node_path_.resolve(options.workspaceRoot);
    const pnpm = options.manager === 'pnpm' && workspaceRoot !== undefined && workspaceRoot !== root;
    const ownNpmignore = pnpm &&
        (await (0,promises_.lstat)(external_node_path_.join(root, '.npmignore')).then((info) => info.isFile(), () => false));
    const files = await packList(tree, {
        path: root,
        prefix: ownNpmignore ? undefined : workspaceRoot,
        workspaces: ownNpmignore ? undefined : options.workspaces?.map((workspace) => external_node_path_.resolve(workspace)),
    });
    const licenses = pnpm && !files.some((file) => LICENSE_FILE.test(external_node_path_.posix.basename(file))) ? await rootLicenses(workspaceRoot) : [];
    const entries = [];
    const pack = new index_min/* Pack */.mM({
        cwd: root,
        prefix: 'package/',
        portable: true,
        gzip: { level: 9 },
        mtime: MTIME,
        maxReadSize: 256 * 1024,
        filter: (file, stat) => {
            if (isPackageBin(manifest, file))
                stat.mode = (stat.mode ?? 0) | 0o111;
            return true;
        },
        onWriteEntry: (entry) => {
            entries.push({ path: entry.path.replace(/^\.\//, ''), size: (entry instanceof index_min/* WriteEntryTar */.jU ? entry.size : entry.stat?.size) ?? 0 });
        },
    });
    const data = pack.concat();
    for (const file of files) {
        pack.add(file === 'package.json' && options.manifestText !== undefined ? manifestEntry(options.manifestText, manifestStat.mode) : file);
    }
    for (const license of licenses)
        pack.add(fileEntry(license.name, license.data, license.mode));
    pack.end();
    const tarball = await data.catch((error) => {
        throw new errors/* ProductError */._$('EPACK', `Could not pack ${root}: ${error.message}`, { received: root, cause: error });
    });
    return {
        data: tarball,
        integrity: (0,package_tarball/* integrityOf */.Ll)(tarball),
        shasum: (0,package_tarball/* shasumOf */.lm)(tarball),
        files: entries,
    };
}
function manifestEntry(text, mode) {
    return fileEntry('package.json', Buffer.from(text, 'utf8'), mode);
}
function fileEntry(name, body, mode) {
    const entry = new index_min/* ReadEntry */.lf(new index_min/* Header */.Y9({ path: name, type: 'File', mode: mode & 0o7777, size: body.length, mtime: MTIME }));
    entry.end(body);
    return entry;
}
async function rootLicenses(root) {
    const names = (await (0,promises_.readdir)(root).catch(() => [])).filter((name) => ROOT_LICENSE.test(name)).sort();
    const found = [];
    for (const name of names) {
        const file = external_node_path_.join(root, name);
        const info = await (0,promises_.lstat)(file);
        if (info.isFile())
            found.push({ name, data: await (0,promises_.readFile)(file), mode: info.mode });
    }
    return found;
}
function isPackageBin(manifest, file) {
    const { bin, name } = manifest;
    if (!bin)
        return false;
    const bins = typeof bin === 'string' ? { [String(name)]: bin } : bin;
    const relative = file.replace(/^[^\\/]*\//, '');
    return Object.values(bins).some((target) => target === relative);
}


/***/ })

};
