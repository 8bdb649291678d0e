import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../foundation/errors.ts';

/** A registry setting found in a project's `.npmrc`. */
export interface NpmrcRegistry {
  /** The `.npmrc` file it came from. */
  file: string;
  /** `registry`, or `@scope:registry`. */
  key: string;
  /** The value, with `${VAR}` expanded. */
  url: string;
}

/**
 * The registry settings (`registry=` and `@scope:registry=`) of the `.npmrc`
 * in `dir`, read as npm reads a project config: ini lines, `;`/`#` comments,
 * quoted values, `${VAR}` from `env` (`${VAR?}` may be unset and becomes
 * empty; an unset `${VAR}` is an error, as in npm). None when there is no file.
 */
export async function readNpmrcRegistries(dir: string, env: NodeJS.ProcessEnv, inputName: string): Promise<NpmrcRegistry[]> {
  const file = path.join(dir, '.npmrc');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const found: NpmrcRegistry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#') || line.startsWith('[')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = expand(unquote(line.slice(0, eq).trim()), env, file, inputName);
    if (key !== 'registry' && !/^@[^:/]+:registry$/.test(key)) continue;
    const url = expand(unquote(line.slice(eq + 1).trim()), env, file, inputName);
    if (url !== '') found.push({ file, key, url });
  }
  return found;
}

function unquote(value: string): string {
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
    if (value.startsWith('"')) {
      try {
        return JSON.parse(value) as string;
      } catch {
        return value.slice(1, -1);
      }
    }
    return value.slice(1, -1);
  }
  return value;
}

/** npm's env replacement: `${NAME}`, `${NAME?}` (optional), `\${...}` left as written. */
function expand(value: string, env: NodeJS.ProcessEnv, file: string, inputName: string): string {
  return value.replace(/(\\*)\$\{([^${}?]+)(\?)?\}/g, (whole, slashes: string, name: string, optional: string | undefined) => {
    if (slashes.length % 2 === 1) return whole.slice(1);
    const found = env[name];
    if (found === undefined && optional === undefined) {
      throw new InputError(inputName, `${inputName}: ${file} names \${${name}}, which is not set in the environment (npm refuses such a config too). Set ${name}, or write \${${name}?} to allow it to be empty.`, { received: file });
    }
    return `${slashes}${found ?? ''}`;
  });
}
