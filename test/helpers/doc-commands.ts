/**
 * The commands the project's pages show, and whether each one runs as written: `npm run <script>`
 * names a script of package.json, `node <file>` a file of the repository, `npm-totp-publish ...` a
 * command and flags the CLI's own usage text lists, a line of a `commands:` block likewise. Used
 * by test/unit/docs.test.ts; the functions take the project as data, so that test can plant a bad
 * command and see it found.
 */
import { withoutFences } from './doc-links.ts';

/** A command a page shows: in a shell block, as inline code, or as a line of a `commands:` block of the action. */
export interface Shown {
  line: number;
  /** `shell` (a ```sh block or inline code, read as a shell line) or `block` (a line of the action's `commands` input). */
  kind: 'shell' | 'block';
  text: string;
}

/** What the CLI accepts, read from its usage text (`npm-totp-publish --help`). */
export interface CliGrammar {
  /** Each command, with its subcommands (`dist-tag`: add, rm, ls); an empty set for a command without any. */
  commands: Map<string, Set<string>>;
  /** Every flag the usage text names, with `-` or `--`. */
  flags: Set<string>;
  /** The flags that take the next word as their value (`--registry <url>`, `--access public|restricted`). */
  valued: Set<string>;
  /** The environment variables it reads its secrets from. */
  variables: Set<string>;
}

/** What a command may name: the scripts of package.json, the files of the repository, the CLI's grammar, the example workflows' text. */
export interface Project {
  scripts: Set<string>;
  /** Whether a path relative to the repository root exists; `executable` when it must be runnable by itself. */
  exists(file: string, executable?: boolean): boolean;
  cli: CliGrammar;
  /** The text of the example workflows: a command quoted from one of them is that example's, run by its own tests. */
  examples: string;
}

/** Commands of other programs the pages may show as they are (installing, storing secrets, checking a download). */
export const EXTERNAL = new Set(['gh', 'git', 'sha256sum', 'export']);
/** npm's own subcommands the pages may show in a shell block; `run` and `test` are checked against package.json. */
const NPM_SUBCOMMANDS = new Set(['ci', 'install', 'i', 'pack', 'run', 'run-script', 'test', 't']);
/** Inline code that is a command: what the pages run, as opposed to the many names of npm's own commands they quote. */
const INLINE_COMMAND = /^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:npm (?:run|test|ci)\b|node(?:_modules\/\.bin\/node)? |npm-totp-publish |npx )/;

export function cliGrammar(usage: string): CliGrammar {
  const commands = new Map<string, Set<string>>();
  const section = usage.slice(usage.indexOf('\nCommands'), usage.indexOf('\nOptions'));
  for (const line of section.split('\n').slice(2)) {
    if (!/^ {2}\S/.test(line)) continue;
    const words: string[] = [];
    for (const word of line.trim().split(/\s+/)) {
      if (/^[<[(-]|[=|]/.test(word)) break;
      words.push(word);
    }
    const [name, sub] = words;
    if (name === undefined) continue;
    if (!commands.has(name)) commands.set(name, new Set());
    if (sub !== undefined) commands.get(name)?.add(sub);
  }
  const flags = new Set<string>();
  const valued = new Set<string>();
  for (const match of usage.matchAll(/(?<![\w-])(--?[a-z][a-z0-9-]*)(?:( )(<|[a-z]+(?:\|[a-z]+)+\b))?/g)) {
    flags.add(match[1] as string);
    if (match[2] !== undefined) valued.add(match[1] as string);
  }
  const variables = new Set<string>();
  const secrets = usage.slice(usage.indexOf('\nSecrets'));
  for (const match of secrets.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g)) variables.add(match[1] as string);
  return { commands, flags, valued, variables };
}

/** Every command `text` shows: each line of a ```sh/```bash block, inline code that starts like a command, each line of a `commands:` block. */
export function shownCommands(text: string): Shown[] {
  const shown: Shown[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)) {
    const first = lineOf(match.index) + 1;
    const lines = (match[2] as string).split('\n');
    if (['sh', 'bash', 'shell', 'console'].includes(match[1] as string)) {
      for (let i = 0; i < lines.length; i += 1) {
        let command = (lines[i] as string).replace(/^\$ /, '');
        const at = i;
        while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[(i += 1)]}`;
        if (command.trim() !== '' && !command.trim().startsWith('#')) shown.push({ line: first + at, kind: 'shell', text: command.trim() });
      }
    } else if (['yaml', 'yml'].includes(match[1] as string)) {
      for (let i = 0; i < lines.length; i += 1) {
        const key = /^(\s*)commands:[ \t]*(.*)$/.exec(lines[i] as string);
        if (!key) continue;
        const value = (key[2] as string).trim();
        if (value !== '' && !/^[|>]/.test(value)) {
          shown.push({ line: first + i, kind: 'block', text: value });
          continue;
        }
        const indent = (key[1] as string).length;
        while (i + 1 < lines.length && ((lines[i + 1] as string).trim() === '' || /^\s*/.exec(lines[i + 1] as string)![0].length > indent)) {
          i += 1;
          const command = (lines[i] as string).trim();
          if (command !== '' && !command.startsWith('#')) shown.push({ line: first + i, kind: 'block', text: command });
        }
      }
    }
  }
  // withoutFences keeps every character's place, so a line number in it is the page's.
  for (const match of withoutFences(text).matchAll(/`([^`]+)`/g)) {
    const span = (match[1] as string).replace(/\s+/g, ' ').trim();
    if (INLINE_COMMAND.test(span)) shown.push({ line: lineOf(match.index), kind: 'shell', text: span });
  }
  return shown;
}

/** The words of a shell line, quotes removed; `;`, `&&`, `||` and `|` start a new command; a comment ends the line. */
export function shellCommands(line: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  let quote: string | undefined;
  const end = () => {
    if (word !== undefined) commands.at(-1)?.push(word);
    word = undefined;
  };
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (quote) {
      if (char === quote) quote = undefined;
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word = word ?? '';
    } else if (/\s/.test(char)) {
      end();
    } else if (char === '#' && word === undefined) {
      break;
    } else if (char === ';' || char === '|' || char === '&') {
      end();
      if (line[i + 1] === char) i += 1;
      commands.push([]);
    } else {
      word = (word ?? '') + char;
    }
  }
  end();
  return commands.filter((words) => words.length > 0);
}

/** What is wrong with `words` as a command of the CLI (after `npm-totp-publish`, or a line of a `commands:` block). */
export function cliProblems(words: string[], cli: CliGrammar): string[] {
  const problems: string[] = [];
  const positional: string[] = [];
  let standalone = false;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    if (word.startsWith('-') && word !== '-') {
      const name = word.split('=')[0] as string;
      if (!cli.flags.has(name)) problems.push(`${name} is no option of the CLI (npm-totp-publish --help)`);
      if (['--help', '-h', '--version', '-v'].includes(name)) standalone = true;
      if (cli.valued.has(name) && !word.includes('=')) i += 1;
    } else {
      positional.push(word);
    }
  }
  const [command, sub] = positional;
  if (command === undefined) {
    if (!standalone) problems.push('no command');
    return problems;
  }
  const subs = cli.commands.get(command);
  if (subs === undefined) problems.push(`${command} is no command of the CLI (npm-totp-publish --help)`);
  else if (subs.size > 0 && (sub === undefined ? !words.some((w) => w === '--workspaces' || w === '-w') : !subs.has(sub))) {
    problems.push(`${command} ${sub ?? ''} is no command of the CLI: ${command} takes ${[...subs].join(', ')}`);
  }
  return problems;
}

/** What is wrong with one shell command a page shows; nothing when it runs as written. */
export function shellProblems(words: string[], project: Project): string[] {
  const args = [...words];
  while (args.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0] as string)) args.shift();
  for (let i = 0; i < args.length; i += 1) if (/^\d?[<>]/.test(args[i] as string)) args.splice(i, /^\d?[<>]+$/.test(args[i] as string) ? 2 : 1);
  const [program, ...rest] = args;
  if (program === undefined) return [];
  if (program === 'npm') {
    const [sub, ...more] = rest.filter((word) => word !== '--');
    if (sub === undefined || !NPM_SUBCOMMANDS.has(sub))
      return [`npm ${sub ?? ''}: not one of the npm commands the pages may show (${[...NPM_SUBCOMMANDS].join(', ')})`];
    if (sub === 'test' || sub === 't') return project.scripts.has('test') ? [] : ['npm test: package.json has no test script'];
    if (sub === 'run' || sub === 'run-script') {
      const script = more.find((word) => !word.startsWith('-'));
      return script !== undefined && project.scripts.has(script) ? [] : [`npm run ${script ?? ''}: package.json has no such script`];
    }
    return [];
  }
  if (program === 'node' || program === 'node_modules/.bin/node') {
    if (program !== 'node' && !project.exists(program)) return [`${program} does not exist (npm ci installs it)`];
    const file = rest[0];
    if (file === undefined || file.startsWith('-')) return [];
    return project.exists(file) ? [] : [`${program} ${file}: ${file} does not exist`];
  }
  if (program === 'npm-totp-publish') return cliProblems(rest, project.cli);
  if (program === 'npx') {
    const spec = rest.find((word) => !word.startsWith('-'));
    return spec?.startsWith('github:npm-totp-publish/') ? [] : [`npx ${spec ?? ''}: the pages run npx only on this repository (github:npm-totp-publish/...)`];
  }
  if (program.includes('/')) return project.exists(program, true) ? [] : [`${program} is no executable file of the repository`];
  if (EXTERNAL.has(program)) return [];
  return [`${program}: not a command of this project, nor one of the outside commands the pages may show (${[...EXTERNAL].join(', ')})`];
}

/** Every command `text` shows that does not run as written, as `line: command: problem`. */
export function commandProblems(text: string, project: Project): string[] {
  const problems: string[] = [];
  for (const shown of shownCommands(text)) {
    if (shown.kind === 'shell' && project.examples.includes(shown.text)) continue;
    const found =
      shown.kind === 'block'
        ? shellCommands(shown.text).flatMap((words) => cliProblems(words, project.cli))
        : shellCommands(shown.text).flatMap((words) => shellProblems(words, project));
    for (const problem of found) problems.push(`${shown.line}: ${shown.text}: ${problem}`);
  }
  return problems;
}

/**
 * Paths of the repository a page names in its prose or inline code (`test/e2e/secrets.test.ts`, `bench/startup.js`):
 * each must exist. A path with a placeholder or a glob (`<x>`, `*`, `{a,b}`) is not checked.
 */
export function missingPaths(text: string, exists: (file: string) => boolean): string[] {
  const body = withoutFences(text);
  const lineOf = (index: number) => body.slice(0, index).split('\n').length;
  const problems: string[] = [];
  for (const match of body.matchAll(/(?<![\w./@:-])((?:src|test|scripts|bench|examples|docs|dist|\.github)\/(?:[\w.-]+\/)*[\w.-]*)/g)) {
    // A placeholder or a glob right after the longest path (`otp-*.test.ts`, `<version>`): not one file.
    if (/[<*{]/.test(body[match.index + match[0].length] ?? '')) continue;
    const file = (match[1] as string).replace(/\.$/, '');
    if (!exists(file.replace(/\/$/, ''))) problems.push(`${lineOf(match.index)}: ${file} does not exist`);
  }
  return problems;
}
