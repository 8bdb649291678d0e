import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ini from 'ini';
import { InputError } from '../foundation/errors.ts';

/**
 * Where `npm publish` sends a package, by npm 11's own rules (@npmcli/config,
 * npm's `publish` command, npm-registry-fetch's `pickRegistry`): the config
 * layers, lowest first, are the global config, the user config, the project
 * config and `npm_config_*` variables; `publishConfig` in package.json
 * overrides them all (npm flattens it over its options); then a scoped name
 * goes to `@scope:registry`, else (npm's `scope` setting) to that scope's
 * registry, else to `registry`. Files are read with `ini`, as npm reads them.
 * @npmcli/config itself needs npm's definitions, which only its private
 * files export: these few rules are ours, and
 * test/e2e/registry-destination.test.ts holds them to the real npm CLI.
 */

/** A setting found in an npm config file (or the environment) that decides where a publish goes. */
export interface NpmrcRegistry {
  /** The file it came from, or `the environment variable <NAME>`. */
  file: string;
  /** `registry`, `@scope:registry` or `scope`. */
  key: string;
  /** The value (a URL, or a scope for `scope`), with `${VAR}` expanded; '' when set empty. */
  url: string;
}

/** The settings of the user config, global config and environment, and where each file is. */
export interface NpmConfig {
  user: NpmrcRegistry[];
  /** The user config file, and why it is that one (`NPM_CONFIG_USERCONFIG`, `~/.npmrc`). */
  userFile: string;
  global: NpmrcRegistry[];
  globalFile: string;
  env: NpmrcRegistry[];
}

/** The setting npm would publish by, and its value. */
export interface Destination {
  /** The registry URL, as written. */
  registry: string;
  /** `registry` or `@scope:registry`. */
  key: string;
  /** Where it is set. */
  source: { kind: 'publishConfig' } | { kind: 'project' | 'user' | 'global'; file: string } | { kind: 'env'; variable: string };
}

const DESTINATION_KEY = /^(registry|scope|@[^:/]+:registry)$/;

/**
 * The destination settings (`registry=`, `@scope:registry=`, `scope=`) of
 * the `.npmrc` in `dir`, read as npm reads a project config: ini (a
 * `[section]`'s keys are not npm settings), `${VAR}` expanded from `env`
 * (`${VAR?}` may be unset and becomes empty; an unset `${VAR}` in one of
 * these is refused: npm fails on it). None when there is no file.
 */
export async function readNpmrcRegistries(dir: string, env: NodeJS.ProcessEnv, inputName: string): Promise<NpmrcRegistry[]> {
  return (await readConfigFile(path.join(dir, '.npmrc'), env, inputName)).settings;
}

/** The user config, the global config and the `npm_config_*` variables, located as npm locates them. */
export async function readNpmConfig(env: NodeJS.ProcessEnv, inputName: string): Promise<NpmConfig> {
  const variables = environmentSettings(env);
  const home = env.HOME || os.homedir();
  const expandHome = (file: string) => (file.startsWith('~/') ? path.join(home, file.slice(2)) : file);
  const userVariable = variables.find((entry) => entry.key === 'userconfig');
  const userFile = userVariable ? path.resolve(expandHome(userVariable.url)) : path.join(home, '.npmrc');
  const user = await readConfigFile(userFile, env, inputName);
  // npm's default global config is <prefix>/etc/npmrc, the prefix being the Node's (as npm finds it: PREFIX, else
  // two folders above the node binary) unless the environment or the user config moves it.
  const prefix = variables.find((entry) => entry.key === 'prefix')?.url ?? user.paths.prefix ?? env.PREFIX ?? path.dirname(path.dirname(process.execPath));
  const globalSetting = variables.find((entry) => entry.key === 'globalconfig')?.url ?? user.paths.globalconfig;
  const globalFile = path.resolve(expandHome(globalSetting ?? path.join(expandHome(prefix), 'etc', 'npmrc')));
  const global = await readConfigFile(globalFile, env, inputName);
  return {
    user: user.settings,
    userFile: `${userFile} (${userVariable ? userVariable.file.replace('the environment variable ', '') : '~/.npmrc'})`,
    global: global.settings,
    globalFile,
    env: variables.filter((entry) => DESTINATION_KEY.test(entry.key)),
  };
}

/**
 * Where npm would publish `name`, given its package.json `publishConfig`,
 * the config of `npm` and the project's `.npmrc` settings; undefined when
 * nothing sets a registry (npm's default applies, and this run's registry
 * is taken instead). Throws when publishConfig holds a value npm cannot use.
 */
export function npmDestination(
  name: string,
  publishConfig: Record<string, unknown>,
  config: NpmConfig,
  project: NpmrcRegistry[],
  inputName: string,
  where: string,
): Destination | undefined {
  type Setting = { value: string; source: Destination['source'] };
  const merged = new Map<string, Setting>();
  const layer = (settings: NpmrcRegistry[], source: (entry: NpmrcRegistry) => Destination['source']) => {
    for (const entry of settings) merged.set(entry.key, { value: entry.url, source: source(entry) });
  };
  layer(config.global, () => ({ kind: 'global', file: config.globalFile }));
  layer(config.user, () => ({ kind: 'user', file: config.userFile }));
  layer(project, (entry) => ({ kind: 'project', file: entry.file }));
  layer(config.env, (entry) => ({ kind: 'env', variable: entry.file.replace('the environment variable ', '') }));
  for (const [key, value] of Object.entries(publishConfig)) {
    if (key !== 'registry' && key !== 'scope' && !/@.*:registry$/i.test(key)) continue;
    if (typeof value !== 'string') {
      throw new InputError(
        inputName,
        `${inputName}: publishConfig["${key}"] in ${where} is ${JSON.stringify(value)}, not a ${key === 'scope' ? 'scope' : 'URL'}: npm cannot publish with it. Fix or remove it; nothing was sent.`,
        { received: value },
      );
    }
    merged.set(key, { value, source: { kind: 'publishConfig' } });
  }
  // npm-registry-fetch's pickRegistry: the name's scope, else npm's `scope` setting, else `registry` (an empty one falls through).
  const scopeOf = (scope: string) => `${scope.startsWith('@') ? scope : `@${scope}`}:registry`;
  const candidates = [
    ...(name.startsWith('@') ? [`${name.slice(0, name.indexOf('/'))}:registry`] : []),
    ...(merged.get('scope')?.value ? [scopeOf(merged.get('scope')?.value as string)] : []),
  ];
  for (const key of candidates) {
    const setting = merged.get(key);
    if (setting?.value) return { registry: setting.value, key, source: setting.source };
  }
  const registry = merged.get('registry');
  return registry === undefined ? undefined : { registry: registry.value, key: 'registry', source: registry.source };
}

/** `npm_config_*` variables as npm reads them (any case; `_` in the name is `-`, lower case, but `//` keys as written). */
function environmentSettings(env: NodeJS.ProcessEnv): NpmrcRegistry[] {
  const found: NpmrcRegistry[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (!/^npm_config_/i.test(variable) || value === undefined || value === '') continue;
    let key = variable.slice('npm_config_'.length);
    if (!key.startsWith('//')) key = key.replace(/(?!^)_/g, '-').toLowerCase();
    found.push({ file: `the environment variable ${variable}`, key, url: value });
  }
  return found;
}

/** The destination settings of one config file, and the paths it may set (`prefix`, `globalconfig`); nothing when it does not exist. */
async function readConfigFile(
  file: string,
  env: NodeJS.ProcessEnv,
  inputName: string,
): Promise<{ settings: NpmrcRegistry[]; paths: { prefix?: string; globalconfig?: string } }> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const settings: NpmrcRegistry[] = [];
  const paths: { prefix?: string; globalconfig?: string } = {};
  if (text === undefined) return { settings, paths };
  for (const [rawKey, rawValue] of Object.entries(ini.parse(text))) {
    // As npm: keys are expanded leniently (an unset variable stays as written), and a [section] is no setting.
    const key = expand(rawKey, env, file, inputName, false);
    if (typeof rawValue !== 'string') continue;
    if (DESTINATION_KEY.test(key)) settings.push({ file, key, url: expand(rawValue, env, file, inputName, true).trim() });
    else if (key === 'prefix' || key === 'globalconfig') paths[key] = expand(rawValue, env, file, inputName, false).trim();
  }
  return { settings, paths };
}

/** npm's env replacement: `${NAME}`, `${NAME?}` (optional), `\${...}` left as written; `strict` refuses an unset `${NAME}`. */
function expand(value: string, env: NodeJS.ProcessEnv, file: string, inputName: string, strict: boolean): string {
  return value.replace(/(?<!\\)(\\*)\$\{([^${}?]+)(\?)?\}/g, (whole, slashes: string, name: string, optional: string | undefined) => {
    if (slashes.length % 2 === 1) return whole.slice((slashes.length + 1) / 2);
    const found = env[name];
    if (found === undefined && optional === undefined && strict) {
      throw new InputError(
        inputName,
        `${inputName}: ${file} names \${${name}}, which is not set in the environment (npm fails on such a registry too). Set ${name}, or write \${${name}?} to allow it to be empty.`,
        { received: file },
      );
    }
    return `${slashes.slice(slashes.length / 2)}${found ?? (optional === undefined ? whole.slice(slashes.length) : '')}`;
  });
}
