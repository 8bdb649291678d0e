export const id = 43;
export const ids = [43];
export const modules = {

/***/ 6043:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  packDirectory: () => (/* binding */ packDirectory),
  sourcePackOptions: () => (/* binding */ sourcePackOptions)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(8697);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
// EXTERNAL MODULE: ./lib/package/pack-tree.js
var pack_tree = __webpack_require__(8720);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/ignore-walk/lib/index.js
var lib = __webpack_require__(2840);
// EXTERNAL MODULE: ./lib/package/collate.js
var collate = __webpack_require__(2014);
;// CONCATENATED MODULE: ./lib/package/packlist.js





const defaultRules = Symbol('npm-packlist.rules.default');
const strictRules = Symbol('npm-packlist.rules.strict');
const nameIsBadForWindows = (file) => /\*/.test(file);
const defaults = [
    '.npmignore',
    '.gitignore',
    '**/.git',
    '**/.svn',
    '**/.hg',
    '**/CVS',
    '**/.git/**',
    '**/.svn/**',
    '**/.hg/**',
    '**/CVS/**',
    '/.lock-wscript',
    '/.wafpickle-*',
    '/build/config.gypi',
    'npm-debug.log',
    '**/.npmrc',
    '.*.swp',
    '.DS_Store',
    '**/.DS_Store/**',
    '._*',
    '**/._*/**',
    '*.orig',
    '/archived-packages/**',
];
const strictDefaults = ['/.git'];
const normalizePath = (path) => path.split('\\').join('/');
function readOutOfTreeIgnoreFiles(root, rel, result = []) {
    for (const file of ['.npmignore', '.gitignore']) {
        try {
            result.push((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), { encoding: 'utf8' }));
            break;
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
        }
    }
    if (!rel)
        return result;
    const firstRel = rel.split(external_node_path_.sep, 1)[0];
    const newRoot = (0,external_node_path_.join)(root, firstRel);
    return readOutOfTreeIgnoreFiles(newRoot, (0,external_node_path_.relative)(newRoot, (0,external_node_path_.join)(root, rel)), result);
}
class PackWalker extends lib.Walker {
    constructor(tree, opts) {
        const options = {
            ...opts,
            includeEmpty: false,
            follow: false,
            path: (0,external_node_path_.resolve)(opts.path || tree.path).replace(/\\/g, '/'),
            ignoreFiles: opts.ignoreFiles || [defaultRules, 'package.json', '.npmignore', '.gitignore', strictRules],
        };
        super(options);
        this.isPackage = !!options.isPackage;
        this.seen = options.seen || new Set();
        this.tree = tree;
        this.requiredFiles = options.requiredFiles || [];
        const additionalDefaults = [];
        if (options.prefix && options.workspaces) {
            const path = normalizePath(options.path);
            const prefix = normalizePath(options.prefix);
            const workspaces = options.workspaces.map((ws) => normalizePath(ws));
            if (path !== prefix && workspaces.includes(path)) {
                additionalDefaults.push(...readOutOfTreeIgnoreFiles(options.prefix, (0,external_node_path_.relative)(options.prefix, (0,external_node_path_.dirname)(options.path))));
            }
            else if (path === prefix) {
                additionalDefaults.push(...workspaces.map((w) => normalizePath((0,external_node_path_.relative)(options.path, w))));
            }
        }
        this.injectRules(defaultRules, [...defaults, ...additionalDefaults]);
        if (!this.isPackage) {
            this.injectRules(strictRules, [...strictDefaults, ...this.requiredFiles.map((file) => `!${file}`)]);
        }
    }
    addIgnoreFile(file, callback) {
        if (file !== 'package.json' || !this.isPackage)
            return super.addIgnoreFile(file, callback);
        try {
            this.processPackage(callback);
        }
        catch (error) {
            this.emit('error', error);
        }
    }
    emit(event, ...args) {
        if (event !== 'done' || !this.isPackage)
            return super.emit(event, ...args);
        this.gatherBundles().then(() => super.emit('done', this.result), (error) => super.emit('error', error));
        return true;
    }
    filterEntries() {
        if (this.ignoreRules['package.json']) {
            this.ignoreRules['.npmignore'] = null;
            this.ignoreRules['.gitignore'] = null;
        }
        else if (this.ignoreRules['.npmignore']) {
            this.ignoreRules['.gitignore'] = null;
        }
        return super.filterEntries();
    }
    onstat(result, callback) {
        if (!result.st.isFile() && !result.st.isDirectory())
            return callback();
        return super.onstat(result, callback);
    }
    stat(job, callback) {
        if (nameIsBadForWindows(job.entry))
            return callback();
        return super.stat(job, callback);
    }
    walkerOpt(entry, opts) {
        let ignoreFiles = null;
        if (this.tree.workspaces) {
            const workspaceDirs = [...this.tree.workspaces.values()].map((dir) => dir.replace(/\\/g, '/'));
            const entryPath = (0,external_node_path_.join)(this.path, entry).replace(/\\/g, '/');
            if (workspaceDirs.includes(entryPath)) {
                ignoreFiles = [defaultRules, 'package.json', '.npmignore', '.gitignore', strictRules];
            }
        }
        else {
            ignoreFiles = [defaultRules, '.npmignore', '.gitignore', strictRules];
        }
        return {
            ...super.walkerOpt(entry, opts),
            ignoreFiles,
            requiredFiles: this.requiredFiles
                .map((file) => ((0,external_node_path_.relative)(file, entry) === '..' ? (0,external_node_path_.relative)(entry, file).replace(/\\/g, '/') : false))
                .filter((file) => Boolean(file)),
        };
    }
    walker(entry, opts, callback) {
        new PackWalker(this.tree, this.walkerOpt(entry, opts)).on('done', callback).start();
    }
    sort(a, b) {
        const exta = (0,external_node_path_.extname)(a).toLowerCase();
        const extb = (0,external_node_path_.extname)(b).toLowerCase();
        const basea = (0,external_node_path_.basename)(a).toLowerCase();
        const baseb = (0,external_node_path_.basename)(b).toLowerCase();
        return (0,collate/* compareEn */.P)(exta, extb) || (0,collate/* compareEn */.P)(basea, baseb) || (0,collate/* compareEn */.P)(a, b);
    }
    injectRules(filename, rules, callback = () => { }) {
        this.onReadIgnoreFile(filename, `${rules.join('\n')}\n`, callback);
    }
    processPackage(callback) {
        const { bin, browser, files, main } = this.tree.package;
        const ignores = [];
        const strict = [
            ...strictDefaults,
            '!/package.json',
            '!/readme{,.*[^~$]}',
            '!/copying{,.*[^~$]}',
            '!/license{,.*[^~$]}',
            '!/licence{,.*[^~$]}',
            '/.git',
            '/node_modules',
            '.npmrc',
            '/package-lock.json',
            '/yarn.lock',
            '/pnpm-lock.yaml',
            '/bun.lockb',
        ];
        if (files) {
            for (const entry of iterate(files)) {
                if (typeof entry !== 'string') {
                    throw new errors/* ProductError */._$('EPACKFILES', `"files" in the package.json of ${this.path} must list strings; it holds ${JSON.stringify(entry)}.`, { received: entry });
                }
                let file = entry;
                if (file.startsWith('./'))
                    file = file.slice(1);
                if (file.endsWith('/*'))
                    file += '*';
                const inverse = `!${file}`;
                try {
                    const stat = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(this.path, file.replace(/^!+/, '')).replace(/\\/g, '/'));
                    if (stat.isFile()) {
                        strict.unshift(inverse);
                        this.requiredFiles.push(file.startsWith('/') ? file.slice(1) : file);
                    }
                    else if (stat.isDirectory()) {
                        ignores.push(inverse);
                        ignores.push(`${inverse}/**`);
                    }
                }
                catch {
                    ignores.push(inverse);
                }
            }
            this.injectRules('package.json', ['*', ...ignores]);
        }
        if (browser)
            strict.push(`!/${String(browser)}`);
        if (main)
            strict.push(`!/${String(main)}`);
        if (bin && typeof bin === 'object') {
            for (const key in bin)
                strict.push(`!/${String(bin[key])}`);
        }
        this.injectRules(strictRules, strict, callback);
    }
    async gatherBundles() {
        if (this.seen.has(this.tree))
            return;
        this.seen.add(this.tree);
        let toBundle;
        if (this.tree.isProjectRoot) {
            const { bundleDependencies } = this.tree.package;
            toBundle = Array.isArray(bundleDependencies) ? bundleDependencies : [];
        }
        else {
            const { dependencies, optionalDependencies } = this.tree.package;
            toBundle = Object.keys(Object(dependencies || {})).concat(Object.keys(Object(optionalDependencies || {})));
        }
        for (const dep of toBundle) {
            if (typeof dep !== 'string')
                continue;
            const node = await this.tree.bundled(dep);
            if (!node)
                continue;
            const ignoreFiles = [];
            if (node.isLink)
                ignoreFiles.push(defaultRules);
            ignoreFiles.push('package.json');
            if (node.isLink)
                ignoreFiles.push('.npmignore', '.gitignore');
            ignoreFiles.push(strictRules);
            const walker = new PackWalker(node.target, { path: node.path, isPackage: true, ignoreFiles, seen: this.seen });
            const bundled = await new Promise((done, fail) => {
                walker.on('error', fail);
                walker.on('done', done);
                walker.start();
            });
            const relativeFrom = (0,external_node_path_.relative)(this.root, walker.path);
            for (const file of bundled)
                this.result.add((0,external_node_path_.join)(relativeFrom, file).replace(/\\/g, '/'));
        }
    }
}
function iterate(files) {
    if (Array.isArray(files) || typeof files === 'string')
        return files;
    throw new errors/* ProductError */._$('EPACKFILES', `"files" in package.json must be an array of paths; it is ${JSON.stringify(files)}.`, { received: files });
}
function packList(tree, options = {}) {
    return new Promise((done, fail) => {
        new PackWalker(tree, { ...options, isPackage: true })
            .on('done', done)
            .on('error', fail)
            .start();
    });
}

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
    const manifest = await (0,pack_tree/* readPackManifest */.VG)(root, options.manifestText);
    if (!manifest.name || !manifest.version) {
        throw new errors/* ProductError */._$('EPACK', `The package.json of ${root} needs a "name" and a "version" to be packed.`, { received: root });
    }
    const tree = await (0,pack_tree/* projectTree */.WP)(root, manifest);
    const workspaceRoot = options.workspaceRoot === undefined ? undefined : external_node_path_.resolve(options.workspaceRoot);
    const pnpm = options.manager === 'pnpm' && workspaceRoot !== undefined && workspaceRoot !== root;
    const ownNpmignore = pnpm && (await (0,promises_.lstat)(external_node_path_.join(root, '.npmignore')).then((info) => info.isFile(), () => false));
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
        integrity: `sha512-${(0,external_node_crypto_.createHash)('sha512').update(tarball).digest('base64')}`,
        shasum: (0,external_node_crypto_.createHash)('sha1').update(tarball).digest('hex'),
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
