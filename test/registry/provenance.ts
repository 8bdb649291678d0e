/**
 * A provenance bundle in a publish body, as registry.npmjs.org takes it:
 * `<name>-<version>.sigstore` next to the tarball, a sigstore bundle (JSON
 * text, not base64) whose DSSE payload is an in-toto statement. npmjs checks
 * it before storing (422 "Error verifying sigstore provenance bundle: ..."):
 * the subject is this package and version with the tarball's sha512, the
 * runner is GitHub-hosted, and package.json's `repository.url` names the
 * repository the statement was built from. It stores the bundle apart from
 * the version and marks the version with `dist.attestations`. The signature
 * itself is not verified here (the services in tests are mocks).
 */
import { createHash } from 'node:crypto';
import type { RegistryDeps, RequestContext } from './context.ts';
import type { Reply } from './reply.ts';
import { errorReply, isObject } from './reply.ts';

/** The body to store: the publish body without its bundle, or as it came when it has none; or npmjs's refusal. */
export function takeProvenance(ctx: RequestContext, deps: RegistryDeps): Buffer | Reply {
  // A copy: the request log keeps the body as it was sent.
  const body = isObject(ctx.json) ? (structuredClone(ctx.json) as Record<string, unknown>) : undefined;
  const attachments = body && isObject(body['_attachments']) ? body['_attachments'] : undefined;
  const versions = body && isObject(body['versions']) ? body['versions'] : undefined;
  const bundleName = attachments && Object.keys(attachments).find((key) => key.endsWith('.sigstore'));
  if (!body || !attachments || !versions || !bundleName) return ctx.body;
  const [version, manifest] = Object.entries(versions)[0] ?? [];
  const name = String(body['name'] ?? '');
  const refuse = (why: string) => errorReply(422, `Error verifying sigstore provenance bundle: ${why}`);
  if (!version || !isObject(manifest) || bundleName !== `${name}-${version}.sigstore`) return refuse(`unexpected attachment ${bundleName}`);

  let statement: Record<string, unknown>;
  let predicateType: string;
  try {
    const attachment = attachments[bundleName] as { data?: unknown };
    const bundle = JSON.parse(String(attachment.data)) as { dsseEnvelope?: { payload?: string } };
    statement = JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8')) as Record<string, unknown>;
    predicateType = String(statement['predicateType']);
  } catch (error) {
    return refuse(`Failed to parse the bundle: ${(error as Error).message}`);
  }
  const tarball = attachments[`${name}-${version}.tgz`] as { data?: unknown } | undefined;
  const sha512 = createHash('sha512')
    .update(Buffer.from(String(tarball?.data ?? ''), 'base64'))
    .digest('hex');
  const subject = Array.isArray(statement['subject']) ? (statement['subject'][0] as { name?: unknown; digest?: { sha512?: unknown } } | undefined) : undefined;
  const purl = `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
  if (subject?.name !== purl) return refuse(`Provenance subject ${String(subject?.name)} does not match the package: ${purl}`);
  if (subject.digest?.sha512 !== sha512) return refuse('Provenance subject digest does not match the package');

  const predicate = isObject(statement['predicate']) ? statement['predicate'] : {};
  const builder = String((predicate as { runDetails?: { builder?: { id?: unknown } } }).runDetails?.builder?.id ?? '');
  const runner = /^https:\/\/github\.com\/actions\/runner\/(.*)$/.exec(builder)?.[1];
  if (runner !== undefined && runner !== 'github-hosted') {
    return refuse(`Unsupported GitHub Actions runner environment: "${runner}". Only "github-hosted" runners are supported when publishing with provenance.`);
  }
  const expected = sourceRepository(predicate);
  const repository = manifest['repository'];
  const given = typeof repository === 'string' ? repository : isObject(repository) && typeof repository['url'] === 'string' ? repository['url'] : '';
  if (expected && comparable(given) !== comparable(expected)) {
    return refuse(`Failed to validate repository information: package.json: "repository.url" is "${given}", expected to match "${expected}" from provenance`);
  }

  delete attachments[bundleName];
  const dist = isObject(manifest['dist']) ? manifest['dist'] : {};
  manifest['dist'] = { ...dist, attestations: { url: `${deps.registryUrl}-/npm/v1/attestations/${name}@${version}`, provenance: { predicateType } } };
  return Buffer.from(JSON.stringify(body));
}

/** The repository a statement was built from: GitHub's workflow repository (SLSA v1), GitLab's config source (v0.2). */
function sourceRepository(predicate: Record<string, unknown>): string | undefined {
  const github = (predicate as { buildDefinition?: { externalParameters?: { workflow?: { repository?: unknown } } } }).buildDefinition?.externalParameters
    ?.workflow?.repository;
  if (typeof github === 'string') return github;
  const gitlab = (predicate as { invocation?: { configSource?: { uri?: unknown } } }).invocation?.configSource?.uri;
  return typeof gitlab === 'string' ? gitlab.replace(/^git\+/, '') : undefined;
}

/** `git+https://github.com/Owner/Repo.git` and `https://github.com/owner/repo` compare equal. */
function comparable(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}
