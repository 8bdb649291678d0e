export const id = 953;
export const ids = [953];
export const modules = {

/***/ 4953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseCommandBlock: () => (/* binding */ parseCommandBlock),
  parseCommandWords: () => (/* binding */ parseCommandWords)
});

// EXTERNAL MODULE: ./node_modules/npm-package-arg/lib/npa.js
var npa = __webpack_require__(8056);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
;// CONCATENATED MODULE: ./lib/commands/tokenize.js
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

// EXTERNAL MODULE: ./lib/commands/types.js
var types = __webpack_require__(4287);
// EXTERNAL MODULE: ./lib/commands/validate.js
var validate = __webpack_require__(6374);
;// CONCATENATED MODULE: ./lib/commands/parse-trust-stage.js




const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORKSPACE_FLAGS = ['workspaces', 'workspace', 'include-workspace-root'];
const PERMISSION_FLAGS = ['allow-publish', 'allow-stage-publish', 'allow-staged-publish'];
function parseTrustLine(line) {
    const { sub, rest, flags, source, fail, allowFlags } = line;
    const value = (name, ...aliases) => flagValue(flags, [name, ...aliases], fail);
    const arity = (max, usage) => {
        if (rest.length > max)
            throw fail(`expected: ${usage}`);
    };
    if (sub === 'github' || sub === 'gitlab' || sub === 'circleci') {
        const own = { github: ['file', 'repo', 'repository', 'env', 'environment'], gitlab: ['file', 'project', 'env', 'environment'], circleci: ['org-id', 'project-id', 'pipeline-definition-id', 'vcs-origin', 'context-id'] }[sub];
        allowFlags(...own, ...PERMISSION_FLAGS, ...WORKSPACE_FLAGS, 'dry-run', 'yes');
        arity(1, `trust ${sub} [<pkg>] ...`);
        const workspaces = line.workspaces();
        const given = rest[0];
        if (given !== undefined) {
            if (workspaces !== undefined)
                throw fail(`name either <pkg> or --workspaces/-w, not both (${given} was given with ${workspaces === true ? '--workspaces' : '-w'})`);
            const problem = (0,validate/* packageNameProblem */.Te)(given);
            if (problem)
                throw fail(problem);
        }
        const permissions = [];
        if (flags.get('allow-publish') === true)
            permissions.push('createPackage');
        if (flags.get('allow-stage-publish') === true || flags.get('allow-staged-publish') === true)
            permissions.push('createStagedPackage');
        if (permissions.length === 0)
            throw fail('at least one permission flag is required (--allow-publish, --allow-stage-publish), as npm requires');
        const spec = { provider: sub, permissions };
        const environment = value('env', 'environment');
        if (environment !== undefined) {
            if (environment.trim() === '')
                throw fail('--env needs a non-empty environment name');
            spec.environment = environment;
        }
        if (sub === 'circleci') {
            const ids = { orgId: value('org-id'), projectId: value('project-id'), pipelineDefinitionId: value('pipeline-definition-id') };
            for (const [key, flag] of [['orgId', 'org-id'], ['projectId', 'project-id'], ['pipelineDefinitionId', 'pipeline-definition-id']]) {
                const id = ids[key];
                if (id === undefined)
                    throw fail(`--${flag} is required`);
                if (!UUID.test(id))
                    throw fail(`--${flag} must be a valid UUID, not "${id}"`);
            }
            const vcsOrigin = value('vcs-origin');
            if (vcsOrigin === undefined)
                throw fail('--vcs-origin is required');
            if (vcsOrigin.includes('://'))
                throw fail(`--vcs-origin must not include a scheme: github.com/owner/repo, not ${vcsOrigin}`);
            if (vcsOrigin.split('/').length < 3)
                throw fail(`--vcs-origin must be provider/owner/repo (for example github.com/owner/repo), not "${vcsOrigin}"`);
            const contextIds = listValue(flags.get('context-id'));
            const bad = contextIds.find((id) => !UUID.test(id));
            if (bad !== undefined)
                throw fail(`--context-id must be a valid UUID, not "${bad}"`);
            spec.circleci = { orgId: ids.orgId, projectId: ids.projectId, pipelineDefinitionId: ids.pipelineDefinitionId, vcsOrigin, contextIds };
        }
        else {
            const file = value('file');
            const what = sub === 'github' ? 'the GitHub Actions workflow file' : 'the GitLab CI/CD pipeline file';
            if (file === undefined)
                throw fail(`--file is required: ${what} name, such as ${sub === 'github' ? 'release.yml' : '.gitlab-ci.yml'}`);
            if (!/\.ya?ml$/.test(file))
                throw fail(`--file must end in .yml or .yaml, not "${file}"`);
            if (file.includes('/') || file.includes('\\'))
                throw fail(`--file must be just ${what} name, not a path: "${file.split(/[/\\]/).at(-1)}", not "${file}"`);
            spec.file = file;
            const entity = sub === 'github' ? value('repo', 'repository') : value('project');
            if (entity !== undefined) {
                if (sub === 'github' && !/^[^/\s]+\/[^/\s]+$/.test(entity))
                    throw fail(`--repo must be owner/repository, not "${entity}"`);
                if (sub === 'gitlab' && !/^[^/\s]+(\/[^/\s]+)+$/.test(entity))
                    throw fail(`--project must be group/project or group/subgroup/project, not "${entity}"`);
                spec.entity = entity;
            }
        }
        return { ...source, kind: 'trust-setup', pkg: given, spec, dryRun: flags.get('dry-run') === true, workspaces, includeWorkspaceRoot: flags.get('include-workspace-root') === true };
    }
    if (sub === 'list') {
        allowFlags();
        arity(1, 'trust list [<pkg>]');
        return { ...source, kind: 'trust-list', pkg: line.pkgOrDefault(rest[0]) };
    }
    if (sub === 'revoke') {
        allowFlags('id', 'dry-run');
        arity(1, 'trust revoke [<pkg>] --id <id>');
        const id = value('id');
        if (id === undefined)
            throw fail('--id is required: the id of the trusted publisher to revoke (trust list shows it)');
        if (!UUID.test(id))
            throw fail(`--id must be a trusted publisher's id, a UUID, not "${id}"`);
        return { ...source, kind: 'trust-revoke', pkg: line.pkgOrDefault(rest[0]), id, dryRun: flags.get('dry-run') === true };
    }
    throw fail(`trust takes github, gitlab, circleci, list or revoke, not "${sub ?? ''}"`);
}
function parseStageLine(line) {
    const { sub, rest, flags, source, fail, allowFlags } = line;
    const uuid = (text, usage) => {
        if (text === undefined || rest.length !== 1)
            throw fail(`expected: ${usage}`);
        if (!UUID.test(text))
            throw fail(`"${text}" is not a stage id (a UUID, as stage publish and stage list show it)`);
        return text;
    };
    if (sub === 'list') {
        allowFlags();
        if (rest.length > 1)
            throw fail('expected: stage list [<pkg>]');
        const pkg = rest[0];
        if (pkg !== undefined) {
            const problem = (0,validate/* packageNameProblem */.Te)(pkg);
            if (problem)
                throw fail(`${problem}; stage list takes a package name without a version`);
        }
        return { ...source, kind: 'stage-list', pkg };
    }
    if (sub === 'view') {
        allowFlags();
        return { ...source, kind: 'stage-view', id: uuid(rest[0], 'stage view <id>') };
    }
    if (sub === 'download') {
        allowFlags('dir');
        const id = uuid(rest[0], 'stage download <id> [--dir <folder>]');
        return { ...source, kind: 'stage-download', id, dir: flagValue(flags, ['dir'], fail) };
    }
    if (sub === 'approve' || sub === 'reject') {
        allowFlags('dry-run', ...WORKSPACE_FLAGS);
        const workspaces = line.workspaces();
        if (workspaces !== undefined && rest.length > 0)
            throw fail(`name either ids and <pkg>@<version>s or --workspaces/-w, not both`);
        if (workspaces === undefined && rest.length === 0)
            throw fail(`expected: stage ${sub} <id|pkg@version>... (or --workspaces)`);
        const targets = rest.map((text) => stageTarget(text, fail));
        return { ...source, kind: 'stage-decide', action: sub, targets, dryRun: flags.get('dry-run') === true, workspaces, includeWorkspaceRoot: flags.get('include-workspace-root') === true };
    }
    throw fail(`stage takes publish, list, view, download, approve or reject, not "${sub ?? ''}"`);
}
function stageTarget(text, fail) {
    if (UUID.test(text))
        return { id: text };
    let parsed;
    try {
        parsed = npa(text);
    }
    catch {
        parsed = undefined;
    }
    if (parsed?.registry && parsed.name && parsed.type === 'version')
        return { name: parsed.name, version: semver.clean(parsed.fetchSpec) };
    throw fail(`"${text}" is neither a stage id (a UUID) nor <pkg>@<version> with an exact version`);
}
function flagValue(flags, names, fail) {
    for (const name of names) {
        const value = flags.get(name);
        if (value === undefined)
            continue;
        if (value === true)
            throw fail(`--${name} needs a value`);
        return Array.isArray(value) ? value.at(-1) : value;
    }
    return undefined;
}
function listValue(value) {
    if (value === undefined || value === true)
        return [];
    return Array.isArray(value) ? value : [value];
}

;// CONCATENATED MODULE: ./lib/commands/parse.js







function parseCommandBlock(block, context) {
    const commands = [];
    block.split(/\r?\n/).forEach((text, index) => {
        const line = index + 1;
        const { words, error } = tokenize(text);
        if (error)
            throw lineError(context, line, text.trim(), `${error}`);
        if (words.length > 0)
            commands.push(parseCommandWords(words, { line, text: text.trim() }, context));
    });
    if (commands.length === 0)
        throw new errors/* InputError */.dz(context.inputName, `${context.inputName}: the block holds no command (only blank lines or comments).`);
    return commands;
}
function parseCommandWords(allWords, source, context) {
    const fail = (problem) => lineError(context, source.line, source.text, problem);
    const { positional, flags } = splitFlags(allWords, fail);
    const [command, sub, ...rest] = positional;
    const pkgOrDefault = (given) => {
        if (given !== undefined) {
            const problem = (0,validate/* packageNameProblem */.Te)(given);
            if (problem)
                throw fail(problem);
            return given;
        }
        if ('name' in context.defaultPackage)
            return context.defaultPackage.name;
        throw fail(`no <pkg> given, and the package setting names no readable package (${context.defaultPackage.problem})`);
    };
    const allowFlags = (...allowed) => {
        for (const flag of flags.keys())
            if (!allowed.includes(flag))
                throw fail(`--${flag} is not an option of ${command}${allowed.length ? ` (options: ${allowed.map((f) => `--${f}`).join(', ')})` : ''}`);
    };
    const arity = (min, max, args, usage) => {
        if (args.length < min || args.length > max)
            throw fail(`expected: ${usage}`);
    };
    switch (command) {
        case 'publish': {
            allowFlags('tag', 'access', 'dry-run', 'workspaces', 'workspace', 'include-workspace-root', 'concurrency', 'otp-uses', 'provenance');
            const args = sub === undefined ? [] : [sub, ...rest];
            arity(0, 1, args, types/* KNOWN_COMMANDS */.b[0]);
            const tag = parse_flagValue(flags, 'tag', fail);
            if (tag !== undefined) {
                const problem = (0,validate/* tagProblem */.qH)(tag);
                if (problem)
                    throw fail(problem);
            }
            const access = parse_flagValue(flags, 'access', fail);
            if (access !== undefined && access !== 'public' && access !== 'restricted')
                throw fail(`--access must be public or restricted, not "${access}"`);
            return {
                ...source,
                kind: 'publish',
                target: args[0],
                tag,
                access,
                dryRun: flags.get('dry-run') === true,
                ...defined({
                    workspaces: workspaceScope(flags, fail),
                    includeWorkspaceRoot: flags.get('include-workspace-root') === true ? true : undefined,
                    concurrency: countFlag(flags, 'concurrency', fail),
                    otpUses: flags.get('otp-uses') === 'auto' ? 'auto' : countFlag(flags, 'otp-uses', fail),
                    provenance: provenanceFlag(allWords, flags, fail),
                }),
            };
        }
        case 'dist-tag': {
            if (sub === 'add' && (flags.has('workspaces') || flags.has('workspace'))) {
                allowFlags('workspaces', 'workspace', 'include-workspace-root');
                arity(1, 1, rest, 'dist-tag add --workspaces <tag> (every workspace package in scope, at its package.json version)');
                const tag = rest[0];
                const problem = (0,validate/* tagProblem */.qH)(tag);
                if (problem)
                    throw fail(problem);
                return { ...source, kind: 'dist-tag-add-workspaces', tag, workspaces: workspaceScope(flags, fail), includeWorkspaceRoot: flags.get('include-workspace-root') === true };
            }
            allowFlags();
            if (sub === 'add') {
                arity(1, 2, rest, 'dist-tag add <pkg>@<version> [<tag>]');
                const spec = parseVersionSpec(rest[0], fail, 'dist-tag add needs <pkg>@<version>, an exact version');
                const tag = rest[1] ?? 'latest';
                const problem = (0,validate/* tagProblem */.qH)(tag);
                if (problem)
                    throw fail(problem);
                return { ...source, kind: 'dist-tag-add', pkg: spec.name, version: spec.version, tag };
            }
            if (sub === 'rm') {
                arity(1, 2, rest, 'dist-tag rm <pkg> <tag>');
                const [pkg, tag] = rest.length === 2 ? rest : [undefined, rest[0]];
                const problem = (0,validate/* tagProblem */.qH)(tag);
                if (problem)
                    throw fail(problem);
                if (tag === 'latest')
                    throw fail('the latest tag cannot be removed (npm refuses it); point it at another version with dist-tag add instead');
                return { ...source, kind: 'dist-tag-rm', pkg: pkgOrDefault(pkg), tag: tag };
            }
            if (sub === 'ls') {
                arity(0, 1, rest, 'dist-tag ls [<pkg>]');
                return { ...source, kind: 'dist-tag-ls', pkg: pkgOrDefault(rest[0]) };
            }
            throw fail(`dist-tag takes add, rm or ls, not "${sub ?? ''}"`);
        }
        case 'owner': {
            allowFlags();
            if (sub === 'add' || sub === 'rm') {
                arity(1, 2, rest, `owner ${sub} <user> [<pkg>]`);
                const user = rest[0];
                const problem = (0,validate/* userProblem */.pw)(user);
                if (problem)
                    throw fail(problem);
                return { ...source, kind: sub === 'add' ? 'owner-add' : 'owner-rm', user, pkg: pkgOrDefault(rest[1]) };
            }
            if (sub === 'ls') {
                arity(0, 1, rest, 'owner ls [<pkg>]');
                return { ...source, kind: 'owner-ls', pkg: pkgOrDefault(rest[0]) };
            }
            throw fail(`owner takes add, rm or ls, not "${sub ?? ''}"`);
        }
        case 'access': {
            allowFlags();
            if (sub === 'set') {
                arity(1, 2, rest, 'access set status=public|private [<pkg>] or access set mfa=none|publish|automation [<pkg>]');
                const [key, value] = rest[0].split('=', 2);
                const pkg = pkgOrDefault(rest[1]);
                if (key === 'status' && (value === 'public' || value === 'private')) {
                    if (value === 'private' && !pkg.startsWith('@'))
                        throw fail(`${pkg} is unscoped, and unscoped packages are always public on npm`);
                    return { ...source, kind: 'access-status', pkg, status: value };
                }
                if (key === 'mfa' && (value === 'none' || value === 'publish' || value === 'automation'))
                    return { ...source, kind: 'access-mfa', pkg, mfa: value };
                throw fail(`"${rest[0]}" is not a setting; use status=public, status=private, mfa=none, mfa=publish or mfa=automation`);
            }
            if (sub === 'get') {
                arity(1, 2, rest, 'access get status [<pkg>]');
                if (rest[0] !== 'status')
                    throw fail(`access get takes status, not "${rest[0]}"`);
                return { ...source, kind: 'access-get-status', pkg: pkgOrDefault(rest[1]) };
            }
            throw fail(`access takes set or get, not "${sub ?? ''}"`);
        }
        case 'deprecate': {
            allowFlags();
            const args = sub === undefined ? [] : [sub, ...rest];
            arity(2, 2, args, 'deprecate <pkg>[@<range>] <message> (quote the message; an empty "" message undeprecates)');
            const spec = parseRangeSpec(args[0], fail);
            return { ...source, kind: 'deprecate', pkg: spec.name, range: spec.range, message: args[1] };
        }
        case 'unpublish': {
            allowFlags('force');
            const args = sub === undefined ? [] : [sub, ...rest];
            arity(1, 1, args, 'unpublish <pkg>@<version>');
            const text = args[0];
            const parsed = safeNpa(text);
            if (parsed?.registry && parsed.type === 'version' && parsed.name)
                return { ...source, kind: 'unpublish', pkg: parsed.name, version: semver.clean(parsed.fetchSpec), force: flags.get('force') === true };
            if (parsed?.registry && parsed.name === text) {
                if (flags.get('force') !== true)
                    throw fail(`unpublishing every version of ${text} needs --force, as npm requires; to remove one version write unpublish ${text}@<version>`);
                return { ...source, kind: 'unpublish', pkg: text, version: undefined, force: true };
            }
            throw fail(`"${text}" must be <pkg>@<version> with an exact version`);
        }
        case 'trust':
            return parseTrustLine({ sub, rest, flags, source, fail, allowFlags, pkgOrDefault, workspaces: () => workspaceScope(flags, fail) });
        case 'stage': {
            if (sub === 'publish') {
                const publish = parseCommandWords(withoutWord(allWords, 'stage'), source, context);
                return { ...publish, stage: true };
            }
            return parseStageLine({ sub, rest, flags, source, fail, allowFlags, pkgOrDefault, workspaces: () => workspaceScope(flags, fail) });
        }
        default:
            throw fail(`unknown command "${command ?? ''}". Known commands:\n  ${types/* KNOWN_COMMANDS */.b.join('\n  ')}`);
    }
}
function lineError(context, line, text, problem) {
    const where = line > 0 ? `${context.inputName} line ${line}` : context.inputName;
    return new errors/* InputError */.dz(context.inputName, `${where} (${text}): ${problem}.`, { received: text });
}
const VALUED = new Set(['tag', 'access', 'workspace', 'concurrency', 'otp-uses', ...types/* TRUST_STAGE_VALUED */.Y]);
const REPEATABLE = new Set(['workspace', 'context-id']);
function withoutWord(words, word) {
    for (let i = 0; i < words.length; i += 1) {
        const match = /^--([a-z-]+)$/.exec(words[i]);
        if (match && VALUED.has(match[1]))
            i += 1;
        else if (words[i] === '-w')
            i += 1;
        else if (words[i] === word)
            return [...words.slice(0, i), ...words.slice(i + 1)];
    }
    return words;
}
function splitFlags(words, fail) {
    const positional = [];
    const flags = new Map();
    for (let i = 0; i < words.length; i += 1) {
        const word = words[i];
        const match = word === '-w' ? ['-w', 'workspace', undefined] : /^--([a-z-]+)(?:=(.*))?$/.exec(word);
        if (!match) {
            positional.push(word);
            continue;
        }
        const name = match[1];
        let value;
        if (match[2] !== undefined)
            value = match[2];
        else if (VALUED.has(name)) {
            const next = words[i + 1];
            if (next === undefined)
                throw fail(`--${name} needs a value`);
            value = next;
            i += 1;
        }
        else
            value = true;
        if (REPEATABLE.has(name) && typeof value === 'string')
            flags.set(name, [...(flags.get(name) ?? []), value]);
        else
            flags.set(name, value);
    }
    return { positional, flags };
}
function workspaceScope(flags, fail) {
    const all = flags.get('workspaces');
    const some = flags.get('workspace');
    if (all !== undefined && all !== true)
        throw fail('--workspaces takes no value; use -w <name|folder|glob> to name some');
    if (all === true && some)
        throw fail('--workspaces means every workspace package: leave out -w, or --workspaces to name some with -w');
    return all === true ? true : some;
}
function defined(values) {
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
const PROVENANCE_VALUES = { true: true, false: false, auto: 'auto' };
function provenanceFlag(words, flags, fail) {
    const value = flags.get('provenance');
    if (value === undefined)
        return undefined;
    if (value === true) {
        const next = words[words.indexOf('--provenance') + 1];
        if (next !== undefined && Object.hasOwn(PROVENANCE_VALUES, next))
            throw fail(`write --provenance=${next}: the value goes after "=" (--provenance alone means true, and "${next}" would be read as the folder to publish)`);
        return true;
    }
    const text = Array.isArray(value) ? value.at(-1) : value;
    const key = text.trim().toLowerCase();
    const chosen = Object.hasOwn(PROVENANCE_VALUES, key) ? PROVENANCE_VALUES[key] : undefined;
    if (chosen === undefined)
        throw fail(`--provenance must be true, false or auto, not "${text}"`);
    return chosen;
}
function countFlag(flags, name, fail) {
    const value = flags.get(name);
    if (value === undefined)
        return undefined;
    const count = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (!(count >= 1 && count <= (name === 'concurrency' ? 32 : 1000)))
        throw fail(`--${name} needs ${name === 'otp-uses' ? 'auto or ' : ''}a whole number from 1 to ${name === 'concurrency' ? 32 : 1000}`);
    return count;
}
function parse_flagValue(flags, name, fail) {
    const value = flags.get(name);
    if (value === true)
        throw fail(`--${name} needs a value`);
    return Array.isArray(value) ? value.at(-1) : value;
}
function safeNpa(text) {
    try {
        return npa(text);
    }
    catch {
        return undefined;
    }
}
function parseVersionSpec(text, fail, usage) {
    const parsed = safeNpa(text);
    if (!parsed?.registry || !parsed.name || parsed.type !== 'version')
        throw fail(`${usage}, not "${text}"`);
    return { name: parsed.name, version: semver.clean(parsed.fetchSpec) };
}
function parseRangeSpec(text, fail) {
    const parsed = safeNpa(text);
    if (!parsed?.registry || !parsed.name || (parsed.type !== 'version' && parsed.type !== 'range' && parsed.type !== 'tag')) {
        throw fail(`"${text}" must be <pkg> or <pkg>@<version range>`);
    }
    if (parsed.type === 'tag' && parsed.rawSpec !== '' && parsed.rawSpec !== '*')
        throw fail(`"${parsed.rawSpec}" is not a version range`);
    const range = parsed.rawSpec === '' ? '*' : parsed.fetchSpec;
    if (semver.validRange(range) === null)
        throw fail(`"${range}" is not a valid semver range`);
    return { name: parsed.name, range };
}


/***/ })

};
