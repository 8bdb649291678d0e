/**
 * What npm's provenance depends on besides the registry: the CI, as
 * libnpmpublish tells it (through ci-info), and the package's `repository`,
 * which registry.npmjs.org compares with the repository named in the signed
 * statement (422 "Failed to validate repository information" otherwise).
 */

/**
 * The CI whose identity can sign a provenance statement: GitHub Actions, else
 * GitLab CI, told from the variables ci-info reads; none when `CI=false`, as
 * ci-info has it.
 */
export function provenanceCi(env: NodeJS.ProcessEnv): 'github' | 'gitlab' | undefined {
  if (env.CI === 'false') return undefined;
  if (env.GITHUB_ACTIONS) return 'github';
  if (env.GITLAB_CI) return 'gitlab';
  return undefined;
}

/** The repository libnpmpublish writes into the statement: `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY`, or GitLab's `$CI_PROJECT_URL`. */
export function statementRepository(ci: 'github' | 'gitlab' | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (ci === 'github' && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) return `${env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`;
  if (ci === 'gitlab' && env.CI_PROJECT_URL) return env.CI_PROJECT_URL.replace(/\/+$/, '');
  return undefined;
}

/**
 * Why the registry would refuse the statement for this manifest's
 * `repository`, or undefined: none given, or one naming another repository
 * than `expected`. A value this cannot read is left to the registry.
 */
export function repositoryProblem(manifest: Record<string, unknown>, expected: string): string | undefined {
  const repository = manifest.repository;
  const given =
    typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof given !== 'string' || given.trim() === '') {
    return `package.json has no "repository", and the registry accepts provenance only when repository.url names the repository the statement comes from. Add "repository": {"type": "git", "url": "git+${expected}.git"}`;
  }
  const [have, want] = [repositoryKey(given), repositoryKey(expected)];
  if (have === undefined || want === undefined || have === want) return undefined;
  return `package.json's repository is "${given}", but the statement comes from ${expected}, and the registry refuses provenance when they differ. Set repository.url to "git+${expected}.git"`;
}

const SHORTCUT_HOSTS: Record<string, string> = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' };

/** `host/owner/repo`, lower-cased, from the forms npm accepts in `repository` (URLs of any git scheme, `git@host:path`, `github:owner/repo`, `owner/repo`). */
function repositoryKey(value: string): string | undefined {
  const text = value.trim();
  const shortcut = /^(github|gitlab|bitbucket):([^/\s]+\/[^\s]+)$/i.exec(text);
  const scp = /^[^@/\s]+@([^:/\s]+):(.+)$/.exec(text);
  let host: string;
  let repoPath: string;
  if (shortcut) [host, repoPath] = [SHORTCUT_HOSTS[(shortcut[1] as string).toLowerCase()] as string, shortcut[2] as string];
  else if (/^[^/:\s@]+\/[^/:\s]+$/.test(text)) [host, repoPath] = ['github.com', text];
  else if (scp && !text.includes('://')) [host, repoPath] = [scp[1] as string, scp[2] as string];
  else {
    try {
      const url = new URL(text.replace(/^git\+/, ''));
      [host, repoPath] = [url.hostname, url.pathname];
    } catch {
      return undefined;
    }
  }
  const key = `${host}/${repoPath
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')}`.toLowerCase();
  return key.split('/').length >= 3 ? key : undefined;
}
