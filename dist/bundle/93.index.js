export const id = 93;
export const ids = [93,474];
export const modules = {

/***/ 474:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UUID: () => (/* binding */ UUID),
  WORKSPACE_FLAGS: () => (/* binding */ WORKSPACE_FLAGS),
  arity: () => (/* binding */ arity),
  blockWordsProblem: () => (/* binding */ blockWordsProblem),
  checkWords: () => (/* binding */ checkWords),
  countFlag: () => (/* binding */ countFlag),
  findCommand: () => (/* binding */ findCommand),
  flagValue: () => (/* binding */ flagValue),
  flagValues: () => (/* binding */ flagValues),
  parseBlock: () => (/* binding */ parseBlock),
  parseWords: () => (/* binding */ parseWords),
  provenanceFlag: () => (/* binding */ provenanceFlag),
  rangeSpec: () => (/* binding */ rangeSpec),
  safeNpa: () => (/* binding */ safeNpa),
  splitFlags: () => (/* binding */ splitFlags),
  versionSpec: () => (/* binding */ versionSpec),
  workspaceScope: () => (/* binding */ workspaceScope)
});

// EXTERNAL MODULE: ./node_modules/npm-package-arg/lib/npa.js
var npa = __webpack_require__(8056);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
// EXTERNAL MODULE: ./lib/foundation/errors.js
var errors = __webpack_require__(9670);
;// CONCATENATED MODULE: ./lib/grammar/tokenize.js
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

// EXTERNAL MODULE: ./lib/grammar/validate.js
var validate = __webpack_require__(5443);
;// CONCATENATED MODULE: ./lib/grammar/line.js





function parseBlock(block, commands, context) {
    const lines = [];
    block.split(/\r?\n/).forEach((text, index) => {
        const line = index + 1;
        const { words, error } = tokenize(text);
        if (error)
            throw lineError(context, line, text.trim(), error);
        if (words.length > 0)
            lines.push(parseWords(words, { line, text: text.trim() }, commands, context));
    });
    if (lines.length === 0)
        throw new errors/* InputError */.dz(context.inputName, `${context.inputName}: the block holds no command (only blank lines or comments).`);
    return lines;
}
function blockWordsProblem(block, commands, context) {
    for (const [index, text] of block.split(/\r?\n/).entries()) {
        const { words, error } = tokenize(text);
        if (error || words.length === 0)
            continue;
        try {
            checkWords(words, commands, (problem) => lineError(context, index + 1, text.trim(), problem));
        }
        catch (refusal) {
            return refusal;
        }
    }
    return undefined;
}
function parseWords(words, source, commands, context) {
    const fail = (problem) => lineError(context, source.line, source.text, problem);
    const { command, positional, flags } = checkWords(words, commands, fail);
    const line = {
        source,
        args: positional.slice(command.words.length),
        flags,
        words,
        fail,
        input: source.line > 0 ? `${context.inputName} line ${source.line} (${source.text})` : command.words.join(' '),
        pkgOrDefault: (given) => {
            if (given !== undefined) {
                const problem = (0,validate/* packageNameProblem */.Te)(given);
                if (problem)
                    throw fail(problem);
                return given;
            }
            if ('name' in context.defaultPackage)
                return context.defaultPackage.name;
            throw fail(`no <pkg> given, and the package setting names no readable package (${context.defaultPackage.problem})`);
        },
    };
    return { command, data: command.parse(line), source };
}
function checkWords(words, commands, fail) {
    const { positional, flags } = splitFlags(words, commands.flatMap((command) => command.flags), fail);
    const command = findCommand(positional, commands);
    if (!command)
        throw fail(unknownCommand(positional, commands));
    const known = new Map(command.flags.map((flag) => [flag.name, flag]));
    for (const name of flags.keys()) {
        if (!known.has(name)) {
            const options = command.flags.map((flag) => `--${flag.name}`);
            throw fail(`--${name} is not an option of ${command.words.join(' ')}${options.length > 0 ? ` (options: ${options.join(', ')})` : ''}`);
        }
    }
    for (const flag of command.flags) {
        const value = flags.get(flag.name);
        if (value === undefined)
            continue;
        if (flag.value && value === true)
            throw fail(`--${flag.name} needs a value`);
        if (!flag.value && !flag.inlineValue && value !== true)
            throw fail(`--${flag.name} takes no value`);
        if (Array.isArray(value) && !flag.repeat)
            flags.set(flag.name, value.at(-1));
    }
    return { command, positional, flags };
}
function findCommand(positional, commands) {
    let found;
    for (const command of commands) {
        if (command.words.every((word, index) => positional[index] === word) && command.words.length > (found?.words.length ?? 0))
            found = command;
    }
    return found;
}
function unknownCommand(positional, commands) {
    const [first, second] = positional;
    const family = commands.filter((command) => command.words[0] === first);
    if (first !== undefined && family.length > 0) {
        const subs = [...new Set(family.map((command) => command.words[1]).filter((word) => word !== undefined))];
        return `${first} takes ${subs.length === 1 ? subs[0] : `${subs.slice(0, -1).join(', ')} or ${subs.at(-1)}`}, not "${second ?? ''}"`;
    }
    return `unknown command "${first ?? ''}". Known commands:\n  ${commands.flatMap((command) => command.usage).join('\n  ')}`;
}
function lineError(context, line, text, problem) {
    const where = line > 0 ? `${context.inputName} line ${line}` : context.inputName;
    return new errors/* InputError */.dz(context.inputName, `${where} (${text}): ${problem}.`, { received: text });
}
function splitFlags(words, specs, fail) {
    const valued = new Set(specs.filter((spec) => spec.value).map((spec) => spec.name));
    const shorts = new Map(specs.filter((spec) => spec.short).map((spec) => [`-${spec.short}`, spec.name]));
    const positional = [];
    const flags = new Map();
    for (let i = 0; i < words.length; i += 1) {
        const word = words[i];
        const short = shorts.get(word);
        const match = short !== undefined ? [word, short, undefined] : /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(word);
        if (!match) {
            positional.push(word);
            continue;
        }
        const name = match[1];
        let value;
        if (match[2] !== undefined)
            value = match[2];
        else if (valued.has(name)) {
            const next = words[i + 1];
            if (next === undefined)
                throw fail(`${short !== undefined ? word : `--${name}`} needs a value`);
            value = next;
            i += 1;
        }
        else
            value = true;
        const before = flags.get(name);
        if (typeof value === 'string' && before !== undefined && before !== true)
            flags.set(name, [...(Array.isArray(before) ? before : [before]), value]);
        else
            flags.set(name, typeof value === 'string' && specs.some((spec) => spec.name === name && spec.repeat) ? [value] : value);
    }
    return { positional, flags };
}
function flagValue(flags, ...names) {
    for (const name of names) {
        const value = flags.get(name);
        if (value === undefined || value === true)
            continue;
        return Array.isArray(value) ? value.at(-1) : value;
    }
    return undefined;
}
function flagValues(flags, name) {
    const value = flags.get(name);
    if (value === undefined || value === true)
        return [];
    return Array.isArray(value) ? value : [value];
}
const WORKSPACE_FLAGS = [
    { name: 'workspaces' },
    { name: 'workspace', value: true, repeat: true, short: 'w' },
    { name: 'include-workspace-root' },
];
function workspaceScope(line) {
    const all = line.flags.get('workspaces');
    const some = flagValues(line.flags, 'workspace');
    if (all === true && some.length > 0)
        throw line.fail('--workspaces means every workspace package: leave out -w, or --workspaces to name some with -w');
    return all === true ? true : some.length > 0 ? some : undefined;
}
function countFlag(line, name, max, auto = false) {
    const value = flagValue(line.flags, name);
    if (value === undefined)
        return undefined;
    if (auto && value === 'auto')
        return 'auto';
    const count = (0,validate/* wholeNumber */.rD)(value, max);
    if (count === undefined)
        throw line.fail(`--${name} needs ${auto ? 'auto or ' : ''}a whole number from 1 to ${max}`);
    return count;
}
const PROVENANCE_VALUES = { true: true, false: false, auto: 'auto' };
function provenanceFlag(line) {
    const value = line.flags.get('provenance');
    if (value === undefined)
        return undefined;
    if (value === true) {
        const next = line.words[line.words.indexOf('--provenance') + 1];
        if (next !== undefined && Object.hasOwn(PROVENANCE_VALUES, next))
            throw line.fail(`write --provenance=${next}: the value goes after "=" (--provenance alone means true, and "${next}" would be read as the folder to publish)`);
        return true;
    }
    const text = Array.isArray(value) ? value.at(-1) : value;
    const key = text.trim().toLowerCase();
    const chosen = Object.hasOwn(PROVENANCE_VALUES, key) ? PROVENANCE_VALUES[key] : undefined;
    if (chosen === undefined)
        throw line.fail(`--provenance must be true, false or auto, not "${text}"`);
    return chosen;
}
function safeNpa(text) {
    try {
        return npa(text);
    }
    catch {
        return undefined;
    }
}
function versionSpec(line, text, usage) {
    const parsed = safeNpa(text);
    if (!parsed?.registry || !parsed.name || parsed.type !== 'version')
        throw line.fail(`${usage}, not "${text}"`);
    return { name: parsed.name, version: semver.clean(parsed.fetchSpec) };
}
function rangeSpec(line, text) {
    const parsed = safeNpa(text);
    if (!parsed?.registry || !parsed.name || (parsed.type !== 'version' && parsed.type !== 'range' && parsed.type !== 'tag')) {
        throw line.fail(`"${text}" must be <pkg> or <pkg>@<version range>`);
    }
    if (parsed.type === 'tag' && parsed.rawSpec !== '' && parsed.rawSpec !== '*')
        throw line.fail(`"${parsed.rawSpec}" is not a version range`);
    const range = parsed.rawSpec === '' ? '*' : parsed.fetchSpec;
    if (semver.validRange(range) === null)
        throw line.fail(`"${range}" is not a valid semver range`);
    return { name: parsed.name, range };
}
function arity(line, min, max, usage) {
    if (line.args.length < min || line.args.length > max)
        throw line.fail(`expected: ${usage}`);
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


/***/ }),

/***/ 5443:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Te: () => (/* binding */ packageNameProblem),
/* harmony export */   pw: () => (/* binding */ userProblem),
/* harmony export */   qH: () => (/* binding */ tagProblem),
/* harmony export */   rD: () => (/* binding */ wholeNumber)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var _package_registry_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5709);


function packageNameProblem(name) {
    if ((0,_package_registry_name_js__WEBPACK_IMPORTED_MODULE_1__/* .isRegistryName */ .V)(name))
        return undefined;
    return `"${name}" is not a valid npm package name (lower-case, URL-safe, optionally @scope/name)`;
}
function tagProblem(tag) {
    if (tag === '')
        return 'the tag is empty';
    if (semver__WEBPACK_IMPORTED_MODULE_0__.validRange(tag) !== null) {
        return `"${tag}" is a valid semver range, which npm refuses as a tag name (it would be ambiguous with versions). Use a name such as latest, next or beta`;
    }
    if (encodeURIComponent(tag) !== tag)
        return `"${tag}" is not URL-safe. Use letters, digits and - _ . ! ~ * ' ( ) only, such as next or beta`;
    return undefined;
}
function wholeNumber(text, max) {
    const count = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    return count >= 1 && count <= max ? count : undefined;
}
function userProblem(user) {
    if (/^[a-z0-9][a-z0-9._-]*$/i.test(user) && user.length <= 214)
        return undefined;
    return `"${user}" is not a valid npm user name (letters, digits, . _ -)`;
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


/***/ })

};
