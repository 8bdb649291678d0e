import npa from 'npm-package-arg';
import semver from 'semver';
import { InputError } from '../foundation/errors.ts';
import { tokenize } from './tokenize.ts';
import { packageNameProblem, wholeNumber } from './validate.ts';

/**
 * The grammar of a command line, as npm reads its own: words (shell-quoted in a `commands` block), flags as
 * `--name value`, `--name=value` or `-w value`, and the positional words that name the command and its
 * arguments. What a command takes is data (its words and flags: CommandGrammar); this file knows none of them.
 */

/** Where a command came from: its line in the `commands` block (0 for the implicit publish, a CLI command's own) and its text. */
export interface CommandSource {
  line: number;
  text: string;
}

/** A flag a command takes. */
export interface FlagSpec {
  /** Without dashes: `tag`, `workspace`. */
  name: string;
  /** Takes a value (`--tag beta`, `--tag=beta`); otherwise a switch (`--dry-run`). */
  value?: boolean;
  /** May be given more than once: every value is kept, in order. */
  repeat?: boolean;
  /** A one-letter form: `w` for `-w <value>`. */
  short?: string;
  /** A value that may follow `=` only (npm's booleans with a value, `--provenance=false`): a switch otherwise. */
  inlineValue?: boolean;
}

/** What the grammar needs of a command: the words that name it, the flags it takes, how it reads a line. */
export interface CommandGrammar<T = unknown> {
  /** The words that name it: `['dist-tag', 'add']`. */
  words: readonly string[];
  /** Its usage, one line per form, without the program name. */
  usage: readonly string[];
  flags: readonly FlagSpec[];
  /** Reads the line's arguments into the command's data; refusals through `line.fail`. */
  parse(line: Line): T;
}

/** Flag values by name: a switch is `true`, a valued flag its value, a repeated one every value. */
export type Flags = Map<string, string | true | string[]>;

/** One line as a command reads it. */
export interface Line {
  source: CommandSource;
  /** The positional words after the command's own. */
  args: string[];
  flags: Flags;
  /** Every word of the line as written. */
  words: string[];
  /** A refusal naming the line: `commands line 3 (owner ad bob): ...`. */
  fail(problem: string): InputError;
  /** How a later refusal of what the line names calls it: `commands line 3 (publish ./pkg)` in a block, the command's words (`publish`) on the CLI. */
  input: string;
  /** `<pkg>` as given (checked as a package name), or the package setting's name when it is left out. */
  pkgOrDefault(given: string | undefined): string;
}

/** What a line may leave out, and how refusals name where it came from. */
export interface ParseContext {
  /** The setting that holds the commands, for messages: `commands` for the action, `arguments` for the CLI. */
  inputName: string;
  /** The package the `package` setting names; used where `<pkg>` is left out. */
  defaultPackage: { name: string } | { problem: string };
}

/** A parsed line: the command that reads it and what it read. */
export interface ParsedLine<G extends CommandGrammar = CommandGrammar> {
  command: G;
  data: ReturnType<G['parse']>;
  source: CommandSource;
}

/**
 * Parses a `commands` block: one command per line, `#` comments, blank lines ignored, shell quoting. Every line
 * is checked before any is run, so a typo on line 3 stops the run before line 1 writes.
 */
export function parseBlock<G extends CommandGrammar>(block: string, commands: readonly G[], context: ParseContext): Array<ParsedLine<G>> {
  const lines: Array<ParsedLine<G>> = [];
  block.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    const { words, error } = tokenize(text);
    if (error) throw lineError(context, line, text.trim(), error);
    if (words.length > 0) lines.push(parseWords(words, { line, text: text.trim() }, commands, context));
  });
  if (lines.length === 0) throw new InputError(context.inputName, `${context.inputName}: the block holds no command (only blank lines or comments).`);
  return lines;
}

/**
 * The refusal of the first line of `block` that names no command, or a flag its command does not take; undefined
 * when every line names its command. Said before anything else is checked (a missing token, say).
 */
export function blockWordsProblem(block: string, commands: readonly CommandGrammar[], context: Pick<ParseContext, 'inputName'>): InputError | undefined {
  for (const [index, text] of block.split(/\r?\n/).entries()) {
    const { words, error } = tokenize(text);
    if (error || words.length === 0) continue;
    try {
      checkWords(words, commands, (problem) => lineError(context, index + 1, text.trim(), problem));
    } catch (refusal) {
      return refusal as InputError;
    }
  }
  return undefined;
}

/** Parses one command already split into words (a block line, or the CLI's arguments). The command is named before anything else is checked. */
export function parseWords<G extends CommandGrammar>(words: string[], source: CommandSource, commands: readonly G[], context: ParseContext): ParsedLine<G> {
  const fail = (problem: string) => lineError(context, source.line, source.text, problem);
  const { command, positional, flags } = checkWords(words, commands, fail);
  const line: Line = {
    source,
    args: positional.slice(command.words.length),
    flags,
    words,
    fail,
    input: source.line > 0 ? `${context.inputName} line ${source.line} (${source.text})` : command.words.join(' '),
    pkgOrDefault: (given) => {
      if (given !== undefined) {
        const problem = packageNameProblem(given);
        if (problem) throw fail(problem);
        return given;
      }
      if ('name' in context.defaultPackage) return context.defaultPackage.name;
      throw fail(`no <pkg> given, and the package setting names no readable package (${context.defaultPackage.problem})`);
    },
  };
  return { command, data: command.parse(line) as ReturnType<G['parse']>, source };
}

/**
 * The command `words` name and the flags given, checked against what that command takes (names, values), before
 * its arguments are read: an unknown command, or a flag it does not take, is refused first.
 */
export function checkWords<G extends CommandGrammar>(
  words: readonly string[],
  commands: readonly G[],
  fail: (problem: string) => Error,
): { command: G; positional: string[]; flags: Flags } {
  const { positional, flags } = splitFlags(
    words,
    commands.flatMap((command) => command.flags),
    fail,
  );
  const command = findCommand(positional, commands);
  if (!command) throw fail(unknownCommand(positional, commands));
  const known = new Map(command.flags.map((flag) => [flag.name, flag]));
  for (const name of flags.keys()) {
    if (!known.has(name)) {
      const options = command.flags.map((flag) => `--${flag.name}`);
      throw fail(`--${name} is not an option of ${command.words.join(' ')}${options.length > 0 ? ` (options: ${options.join(', ')})` : ''}`);
    }
  }
  for (const flag of command.flags) {
    const value = flags.get(flag.name);
    if (value === undefined) continue;
    if (flag.value && value === true) throw fail(`--${flag.name} needs a value`);
    if (!flag.value && !flag.inlineValue && value !== true) throw fail(`--${flag.name} takes no value`);
    if (Array.isArray(value) && !flag.repeat) flags.set(flag.name, value.at(-1) as string);
  }
  return { command, positional, flags };
}

/** The command whose words begin the positional words; the longest such. */
export function findCommand<G extends CommandGrammar>(positional: readonly string[], commands: readonly G[]): G | undefined {
  let found: G | undefined;
  for (const command of commands) {
    if (command.words.every((word, index) => positional[index] === word) && command.words.length > (found?.words.length ?? 0)) found = command;
  }
  return found;
}

/** What to say for words that name no command: the first word is unknown, or it takes other words. */
function unknownCommand(positional: readonly string[], commands: readonly CommandGrammar[]): string {
  const [first, second] = positional;
  const family = commands.filter((command) => command.words[0] === first);
  if (first !== undefined && family.length > 0) {
    const subs = [...new Set(family.map((command) => command.words[1]).filter((word): word is string => word !== undefined))];
    return `${first} takes ${subs.length === 1 ? subs[0] : `${subs.slice(0, -1).join(', ')} or ${subs.at(-1)}`}, not "${second ?? ''}"`;
  }
  return `unknown command "${first ?? ''}". Known commands:\n  ${commands.flatMap((command) => command.usage).join('\n  ')}`;
}

/** A refusal that names the line. */
function lineError(context: Pick<ParseContext, 'inputName'>, line: number, text: string, problem: string): InputError {
  const where = line > 0 ? `${context.inputName} line ${line}` : context.inputName;
  return new InputError(context.inputName, `${where} (${text}): ${problem}.`, { received: text });
}

/**
 * `--name value`, `--name=value`, `-x value` (a flag's short form) and switches; everything else is positional.
 * Which flags take a value is read from `specs` (every command's, so that the command's words can be found).
 */
export function splitFlags(words: readonly string[], specs: readonly FlagSpec[], fail: (problem: string) => Error): { positional: string[]; flags: Flags } {
  const valued = new Set(specs.filter((spec) => spec.value).map((spec) => spec.name));
  const shorts = new Map(specs.filter((spec) => spec.short).map((spec) => [`-${spec.short}`, spec.name]));
  const positional: string[] = [];
  const flags: Flags = new Map();
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const short = shorts.get(word);
    const match = short !== undefined ? ([word, short, undefined] as const) : /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(word);
    if (!match) {
      positional.push(word);
      continue;
    }
    const name = match[1] as string;
    let value: string | true;
    if (match[2] !== undefined) value = match[2];
    else if (valued.has(name)) {
      const next = words[i + 1];
      if (next === undefined) throw fail(`${short !== undefined ? word : `--${name}`} needs a value`);
      value = next;
      i += 1;
    } else value = true;
    const before = flags.get(name);
    if (typeof value === 'string' && before !== undefined && before !== true) flags.set(name, [...(Array.isArray(before) ? before : [before]), value]);
    else flags.set(name, typeof value === 'string' && specs.some((spec) => spec.name === name && spec.repeat) ? [value] : value);
  }
  return { positional, flags };
}

/** The value of the first of `names` given (the last given, for a repeated one). */
export function flagValue(flags: Flags, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = flags.get(name);
    if (value === undefined || value === true) continue;
    return Array.isArray(value) ? value.at(-1) : value;
  }
  return undefined;
}

/** Every value of a repeatable flag. */
export function flagValues(flags: Flags, name: string): string[] {
  const value = flags.get(name);
  if (value === undefined || value === true) return [];
  return Array.isArray(value) ? value : [value];
}

/** The workspace flags every command with `--workspaces` takes. */
export const WORKSPACE_FLAGS: readonly FlagSpec[] = [
  { name: 'workspaces' },
  { name: 'workspace', value: true, repeat: true, short: 'w' },
  { name: 'include-workspace-root' },
];

/** `--workspaces` (every package) or the `-w`/`--workspace` entries; undefined when neither is given. */
export function workspaceScope(line: Line): true | string[] | undefined {
  const all = line.flags.get('workspaces');
  const some = flagValues(line.flags, 'workspace');
  if (all === true && some.length > 0) throw line.fail('--workspaces means every workspace package: leave out -w, or --workspaces to name some with -w');
  return all === true ? true : some.length > 0 ? some : undefined;
}

/** A whole-number flag such as `--concurrency`, from 1 to `max`; with `auto`, that word too. */
export function countFlag(line: Line, name: string, max: number, auto = false): number | 'auto' | undefined {
  const value = flagValue(line.flags, name);
  if (value === undefined) return undefined;
  if (auto && value === 'auto') return 'auto';
  const count = wholeNumber(value, max);
  if (count === undefined) throw line.fail(`--${name} needs ${auto ? 'auto or ' : ''}a whole number from 1 to ${max}`);
  return count;
}

const PROVENANCE_VALUES: Record<string, boolean | 'auto'> = { true: true, false: false, auto: 'auto' };

/**
 * `--provenance` (true, as npm's boolean reads it) or `--provenance=true|false|auto`; undefined when not given. A
 * value goes after `=` only: `--provenance false` would be npm's true followed by a folder named false, so it is refused.
 */
export function provenanceFlag(line: Line): boolean | 'auto' | undefined {
  const value = line.flags.get('provenance');
  if (value === undefined) return undefined;
  if (value === true) {
    const next = line.words[line.words.indexOf('--provenance') + 1];
    if (next !== undefined && Object.hasOwn(PROVENANCE_VALUES, next))
      throw line.fail(
        `write --provenance=${next}: the value goes after "=" (--provenance alone means true, and "${next}" would be read as the folder to publish)`,
      );
    return true;
  }
  const text = Array.isArray(value) ? (value.at(-1) as string) : value;
  const key = text.trim().toLowerCase();
  const chosen = Object.hasOwn(PROVENANCE_VALUES, key) ? PROVENANCE_VALUES[key] : undefined;
  if (chosen === undefined) throw line.fail(`--provenance must be true, false or auto, not "${text}"`);
  return chosen;
}

/** npm-package-arg's reading, or undefined where it refuses the text. */
export function safeNpa(text: string): ReturnType<typeof npa> | undefined {
  try {
    return npa(text);
  } catch {
    return undefined;
  }
}

/** `<pkg>@<version>` with an exact version. */
export function versionSpec(line: Line, text: string, usage: string): { name: string; version: string } {
  const parsed = safeNpa(text);
  if (!parsed?.registry || !parsed.name || parsed.type !== 'version') throw line.fail(`${usage}, not "${text}"`);
  return { name: parsed.name, version: semver.clean(parsed.fetchSpec as string) as string };
}

/** `<pkg>` or `<pkg>@<version range>`. */
export function rangeSpec(line: Line, text: string): { name: string; range: string } {
  const parsed = safeNpa(text);
  if (!parsed?.registry || !parsed.name || (parsed.type !== 'version' && parsed.type !== 'range' && parsed.type !== 'tag')) {
    throw line.fail(`"${text}" must be <pkg> or <pkg>@<version range>`);
  }
  if (parsed.type === 'tag' && parsed.rawSpec !== '' && parsed.rawSpec !== '*') throw line.fail(`"${parsed.rawSpec}" is not a version range`);
  const range = parsed.rawSpec === '' ? '*' : (parsed.fetchSpec as string);
  if (semver.validRange(range) === null) throw line.fail(`"${range}" is not a valid semver range`);
  return { name: parsed.name, range };
}

/** The number of arguments a form takes, or a refusal saying its usage. */
export function arity(line: Line, min: number, max: number, usage: string): void {
  if (line.args.length < min || line.args.length > max) throw line.fail(`expected: ${usage}`);
}

/** npm's validate-uuid.js. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
