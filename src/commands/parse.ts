import npa from 'npm-package-arg';
import semver from 'semver';
import { InputError } from '../foundation/errors.ts';
import { tokenize } from './tokenize.ts';
import { type Command, KNOWN_COMMANDS } from './types.ts';
import { packageNameProblem, tagProblem, userProblem } from './validate.ts';
import { parseStageLine, parseTrustLine, TRUST_STAGE_VALUED } from './parse-trust-stage.ts';

/** What a command line may leave out. */
export interface ParseContext {
  /** Setting name for messages: `commands` for the action, `the command line` for the CLI. */
  inputName: string;
  /** The package named by the `package` setting; used where `<pkg>` is left out. */
  defaultPackage: { name: string } | { problem: string };
}

/**
 * Parses a `commands` block: one command per line, `#` comments, blank lines
 * ignored, shell quoting. Every line is checked before any is run, so a typo
 * on line 3 stops the run before line 1 writes.
 */
export function parseCommandBlock(block: string, context: ParseContext): Command[] {
  const commands: Command[] = [];
  block.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    const { words, error } = tokenize(text);
    if (error) throw lineError(context, line, text.trim(), `${error}`);
    if (words.length > 0) commands.push(parseCommandWords(words, { line, text: text.trim() }, context));
  });
  if (commands.length === 0) throw new InputError(context.inputName, `${context.inputName}: the block holds no command (only blank lines or comments).`);
  return commands;
}

/** Parses one command already split into words (a block line, or the CLI's arguments). */
export function parseCommandWords(allWords: string[], source: { line: number; text: string }, context: ParseContext): Command {
  const fail = (problem: string) => lineError(context, source.line, source.text, problem);
  const { positional, flags } = splitFlags(allWords, fail);
  const [command, sub, ...rest] = positional;
  const pkgOrDefault = (given: string | undefined): string => {
    if (given !== undefined) {
      const problem = packageNameProblem(given);
      if (problem) throw fail(problem);
      return given;
    }
    if ('name' in context.defaultPackage) return context.defaultPackage.name;
    throw fail(`no <pkg> given, and the package setting names no readable package (${context.defaultPackage.problem})`);
  };
  const allowFlags = (...allowed: string[]) => {
    for (const flag of flags.keys()) if (!allowed.includes(flag)) throw fail(`--${flag} is not an option of ${command}${allowed.length ? ` (options: ${allowed.map((f) => `--${f}`).join(', ')})` : ''}`);
  };
  const arity = (min: number, max: number, args: string[], usage: string) => {
    if (args.length < min || args.length > max) throw fail(`expected: ${usage}`);
  };

  switch (command) {
    case 'publish': {
      allowFlags('tag', 'access', 'dry-run', 'workspaces', 'workspace', 'include-workspace-root', 'concurrency', 'otp-uses', 'provenance');
      const args = sub === undefined ? [] : [sub, ...rest];
      arity(0, 1, args, KNOWN_COMMANDS[0] as string);
      const tag = flagValue(flags, 'tag', fail);
      if (tag !== undefined) {
        const problem = tagProblem(tag);
        if (problem) throw fail(problem);
      }
      const access = flagValue(flags, 'access', fail);
      if (access !== undefined && access !== 'public' && access !== 'restricted') throw fail(`--access must be public or restricted, not "${access}"`);
      return {
        ...source,
        kind: 'publish',
        target: args[0],
        tag,
        access,
        dryRun: flags.get('dry-run') === true,
        // Only what the line says: the settings decide the rest.
        ...defined({
          workspaces: workspaceScope(flags, fail),
          includeWorkspaceRoot: flags.get('include-workspace-root') === true ? true : undefined,
          concurrency: countFlag(flags, 'concurrency', fail),
          otpUses: flags.get('otp-uses') === 'auto' ? ('auto' as const) : countFlag(flags, 'otp-uses', fail),
          provenance: provenanceFlag(allWords, flags, fail),
        }),
      };
    }
    case 'dist-tag': {
      if (sub === 'add' && (flags.has('workspaces') || flags.has('workspace'))) {
        allowFlags('workspaces', 'workspace', 'include-workspace-root');
        arity(1, 1, rest, 'dist-tag add --workspaces <tag> (every workspace package in scope, at its package.json version)');
        const tag = rest[0] as string;
        const problem = tagProblem(tag);
        if (problem) throw fail(problem);
        return { ...source, kind: 'dist-tag-add-workspaces', tag, workspaces: workspaceScope(flags, fail) as true | string[], includeWorkspaceRoot: flags.get('include-workspace-root') === true };
      }
      allowFlags();
      if (sub === 'add') {
        arity(1, 2, rest, 'dist-tag add <pkg>@<version> [<tag>]');
        const spec = parseVersionSpec(rest[0] as string, fail, 'dist-tag add needs <pkg>@<version>, an exact version');
        const tag = rest[1] ?? 'latest';
        const problem = tagProblem(tag);
        if (problem) throw fail(problem);
        return { ...source, kind: 'dist-tag-add', pkg: spec.name, version: spec.version, tag };
      }
      if (sub === 'rm') {
        arity(1, 2, rest, 'dist-tag rm <pkg> <tag>');
        const [pkg, tag] = rest.length === 2 ? rest : [undefined, rest[0]];
        const problem = tagProblem(tag as string);
        if (problem) throw fail(problem);
        if (tag === 'latest') throw fail('the latest tag cannot be removed (npm refuses it); point it at another version with dist-tag add instead');
        return { ...source, kind: 'dist-tag-rm', pkg: pkgOrDefault(pkg), tag: tag as string };
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
        const user = rest[0] as string;
        const problem = userProblem(user);
        if (problem) throw fail(problem);
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
        const [key, value] = (rest[0] as string).split('=', 2);
        const pkg = pkgOrDefault(rest[1]);
        if (key === 'status' && (value === 'public' || value === 'private')) {
          if (value === 'private' && !pkg.startsWith('@')) throw fail(`${pkg} is unscoped, and unscoped packages are always public on npm`);
          return { ...source, kind: 'access-status', pkg, status: value };
        }
        if (key === 'mfa' && (value === 'none' || value === 'publish' || value === 'automation')) return { ...source, kind: 'access-mfa', pkg, mfa: value };
        throw fail(`"${rest[0]}" is not a setting; use status=public, status=private, mfa=none, mfa=publish or mfa=automation`);
      }
      if (sub === 'get') {
        arity(1, 2, rest, 'access get status [<pkg>]');
        if (rest[0] !== 'status') throw fail(`access get takes status, not "${rest[0]}"`);
        return { ...source, kind: 'access-get-status', pkg: pkgOrDefault(rest[1]) };
      }
      throw fail(`access takes set or get, not "${sub ?? ''}"`);
    }
    case 'deprecate': {
      allowFlags();
      const args = sub === undefined ? [] : [sub, ...rest];
      arity(2, 2, args, 'deprecate <pkg>[@<range>] <message> (quote the message; an empty "" message undeprecates)');
      const spec = parseRangeSpec(args[0] as string, fail);
      return { ...source, kind: 'deprecate', pkg: spec.name, range: spec.range, message: args[1] as string };
    }
    case 'unpublish': {
      allowFlags('force');
      const args = sub === undefined ? [] : [sub, ...rest];
      arity(1, 1, args, 'unpublish <pkg>@<version>');
      const text = args[0] as string;
      const parsed = safeNpa(text);
      if (parsed?.registry && parsed.type === 'version' && parsed.name) return { ...source, kind: 'unpublish', pkg: parsed.name, version: semver.clean(parsed.fetchSpec as string) as string, force: flags.get('force') === true };
      if (parsed?.registry && parsed.name === text) {
        if (flags.get('force') !== true) throw fail(`unpublishing every version of ${text} needs --force, as npm requires; to remove one version write unpublish ${text}@<version>`);
        return { ...source, kind: 'unpublish', pkg: text, version: undefined, force: true };
      }
      throw fail(`"${text}" must be <pkg>@<version> with an exact version`);
    }
    case 'trust':
      return parseTrustLine({ sub, rest, flags, source, fail, allowFlags, pkgOrDefault, workspaces: () => workspaceScope(flags, fail) });
    case 'stage': {
      if (sub === 'publish') {
        // npm's `stage publish` is `publish` with another destination: same arguments, same checks.
        const publish = parseCommandWords(withoutWord(allWords, 'stage'), source, context);
        return { ...(publish as Extract<Command, { kind: 'publish' }>), stage: true };
      }
      return parseStageLine({ sub, rest, flags, source, fail, allowFlags, pkgOrDefault, workspaces: () => workspaceScope(flags, fail) });
    }
    default:
      throw fail(`unknown command "${command ?? ''}". Known commands:\n  ${KNOWN_COMMANDS.join('\n  ')}`);
  }
}

function lineError(context: ParseContext, line: number, text: string, problem: string): InputError {
  const where = line > 0 ? `${context.inputName} line ${line}` : context.inputName;
  return new InputError(context.inputName, `${where} (${text}): ${problem}.`, { received: text });
}

/** Flags that take a value (`--name value` or `--name=value`); `-w` is `--workspace`. */
const VALUED = new Set(['tag', 'access', 'workspace', 'concurrency', 'otp-uses', ...TRUST_STAGE_VALUED]);
/** Flags that may be given more than once: their values are collected. */
const REPEATABLE = new Set(['workspace', 'context-id']);

/** `words` without the first positional `word` (the command name), flags and their values kept in place. */
function withoutWord(words: string[], word: string): string[] {
  for (let i = 0; i < words.length; i += 1) {
    const match = /^--([a-z-]+)$/.exec(words[i] as string);
    if (match && VALUED.has(match[1] as string)) i += 1;
    else if (words[i] === '-w') i += 1;
    else if (words[i] === word) return [...words.slice(0, i), ...words.slice(i + 1)];
  }
  return words;
}

/** `--name value`, `--name=value`, `-w value` and boolean `--name`; everything else is positional. */
function splitFlags(words: string[], fail: (problem: string) => Error): { positional: string[]; flags: Map<string, string | true | string[]> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true | string[]>();
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const match = word === '-w' ? ['-w', 'workspace', undefined] : /^--([a-z-]+)(?:=(.*))?$/.exec(word);
    if (!match) {
      positional.push(word);
      continue;
    }
    const name = match[1] as string;
    let value: string | true;
    if (match[2] !== undefined) value = match[2];
    else if (VALUED.has(name)) {
      const next = words[i + 1];
      if (next === undefined) throw fail(`--${name} needs a value`);
      value = next;
      i += 1;
    } else value = true;
    if (REPEATABLE.has(name) && typeof value === 'string') flags.set(name, [...((flags.get(name) as string[] | undefined) ?? []), value]);
    else flags.set(name, value);
  }
  return { positional, flags };
}

/** `--workspaces` (every package) or the `-w`/`--workspace` entries; undefined when neither is given. */
function workspaceScope(flags: Map<string, string | true | string[]>, fail: (problem: string) => Error): true | string[] | undefined {
  const all = flags.get('workspaces');
  const some = flags.get('workspace') as string[] | undefined;
  if (all !== undefined && all !== true) throw fail('--workspaces takes no value; use -w <name|folder|glob> to name some');
  if (all === true && some) throw fail('--workspaces means every workspace package: leave out -w, or --workspaces to name some with -w');
  return all === true ? true : some;
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const PROVENANCE_VALUES: Record<string, boolean | 'auto'> = { true: true, false: false, auto: 'auto' };

/**
 * `--provenance` (true, as npm's boolean reads it) or `--provenance=true|false|auto`;
 * undefined when not given. A value goes after `=` only: `--provenance false` would
 * be npm's true followed by a folder named false, so it is refused.
 */
function provenanceFlag(words: string[], flags: Map<string, string | true | string[]>, fail: (problem: string) => Error): boolean | 'auto' | undefined {
  const value = flags.get('provenance');
  if (value === undefined) return undefined;
  if (value === true) {
    const next = words[words.indexOf('--provenance') + 1];
    if (next !== undefined && Object.hasOwn(PROVENANCE_VALUES, next)) throw fail(`write --provenance=${next}: the value goes after "=" (--provenance alone means true, and "${next}" would be read as the folder to publish)`);
    return true;
  }
  const text = Array.isArray(value) ? (value.at(-1) as string) : value;
  const key = text.trim().toLowerCase();
  const chosen = Object.hasOwn(PROVENANCE_VALUES, key) ? PROVENANCE_VALUES[key] : undefined;
  if (chosen === undefined) throw fail(`--provenance must be true, false or auto, not "${text}"`);
  return chosen;
}

/** A whole-number flag such as --concurrency. */
function countFlag(flags: Map<string, string | true | string[]>, name: string, fail: (problem: string) => Error): number | undefined {
  const value = flags.get(name);
  if (value === undefined) return undefined;
  const count = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(count >= 1 && count <= (name === 'concurrency' ? 32 : 1000))) throw fail(`--${name} needs ${name === 'otp-uses' ? 'auto or ' : ''}a whole number from 1 to ${name === 'concurrency' ? 32 : 1000}`);
  return count;
}

function flagValue(flags: Map<string, string | true | string[]>, name: string, fail: (problem: string) => Error): string | undefined {
  const value = flags.get(name);
  if (value === true) throw fail(`--${name} needs a value`);
  return Array.isArray(value) ? value.at(-1) : value;
}

function safeNpa(text: string): ReturnType<typeof npa> | undefined {
  try {
    return npa(text);
  } catch {
    return undefined;
  }
}

function parseVersionSpec(text: string, fail: (problem: string) => Error, usage: string): { name: string; version: string } {
  const parsed = safeNpa(text);
  if (!parsed?.registry || !parsed.name || parsed.type !== 'version') throw fail(`${usage}, not "${text}"`);
  return { name: parsed.name, version: semver.clean(parsed.fetchSpec as string) as string };
}

function parseRangeSpec(text: string, fail: (problem: string) => Error): { name: string; range: string } {
  const parsed = safeNpa(text);
  if (!parsed?.registry || !parsed.name || (parsed.type !== 'version' && parsed.type !== 'range' && parsed.type !== 'tag')) {
    throw fail(`"${text}" must be <pkg> or <pkg>@<version range>`);
  }
  if (parsed.type === 'tag' && parsed.rawSpec !== '' && parsed.rawSpec !== '*') throw fail(`"${parsed.rawSpec}" is not a version range`);
  const range = parsed.rawSpec === '' ? '*' : (parsed.fetchSpec as string);
  if (semver.validRange(range) === null) throw fail(`"${range}" is not a valid semver range`);
  return { name: parsed.name, range };
}
