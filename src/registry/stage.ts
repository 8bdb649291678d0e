import npmFetch from 'npm-registry-fetch';
import type { RegistryClient } from './client.ts';
import { sendUpload, type Upload, type Uploaded } from './publish.ts';
import type { NpmHeaders } from './npm-headers.ts';

/**
 * A staged version as `GET /-/stage` and `GET /-/stage/<id>` answer
 * (npm CLI 11.21's `npm stage list|view`). Fields the registry adds are kept.
 */
export interface StagedEntry {
  /** A UUID: what `stage view|download|approve|reject` take. */
  id: string;
  packageName: string;
  version: string;
  /** The dist-tag it gets when approved. */
  tag: string;
  createdAt?: string;
  actor?: string;
  actorType?: string;
  access?: string | null;
  /** SHA-1 (hex) of the staged tarball. */
  shasum: string;
  /** `validating` or `staged`. */
  status?: string;
  [key: string]: unknown;
}

/** Entries per page, as npm asks for them (the registry's maximum). */
const PER_PAGE = 100;
/** Pages read at most: 10000 staged entries, far past any real account. */
const MAX_PAGES = 100;

/**
 * The upload of `npm stage publish`: libnpmpublish with `stage: true`, which
 * POSTs the same publish body to `/-/stage/package/<pkg>` instead of PUTting
 * it to `/<pkg>`. No one-time password is sent (npm sends none: "2FA is
 * deferred to approve/reject"); callers still send it through the OTP
 * wrapper, without a source. With `upload.provenance` the library signs the
 * statement and attaches it (`<name>-<version>.sigstore`) as for a publish:
 * the staged body carries it. Answers the registry's `stageId`, and the
 * statement's transparency log entry when one was signed.
 */
export async function stageVersion(
  client: RegistryClient,
  manifest: Record<string, unknown>,
  data: Buffer,
  upload: Upload,
  npmHeaders: NpmHeaders,
): Promise<{ stageId: string } & Uploaded> {
  const { answer, transparencyLogUrl } = await sendUpload(client, manifest, data, upload, npmHeaders, true);
  const stageId = (answer as { stageId?: unknown } | undefined)?.stageId;
  if (typeof stageId !== 'string' || stageId === '') throw new Error('the registry answered the stage publish without a stageId');
  return { stageId, transparencyLogUrl };
}

/**
 * `GET /-/stage?page=&perPage=100[&package=<pkg>]`, every page, as
 * `npm stage list` reads them: the next page while a full page came back
 * and fewer than `total` were read. No code is needed.
 */
export async function listStaged(client: RegistryClient, pkg: string | undefined): Promise<StagedEntry[]> {
  const items: StagedEntry[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query: Record<string, string> = { page: String(page), perPage: String(PER_PAGE), ...(pkg === undefined ? {} : { package: pkg }) };
    const answer = (await client.getJson('/-/stage', { query })) as { items?: unknown; total?: unknown } | undefined;
    const found = Array.isArray(answer?.items) ? (answer.items as StagedEntry[]) : [];
    items.push(...found);
    const total = typeof answer?.total === 'number' ? answer.total : items.length;
    if (items.length >= total || found.length < PER_PAGE) break;
  }
  return items;
}

/** `GET /-/stage/<id>`: one staged entry, or undefined when the registry knows no such id (404). */
export async function viewStaged(client: RegistryClient, id: string): Promise<StagedEntry | undefined> {
  return (await client.getJson(`/-/stage/${id}`)) as StagedEntry | undefined;
}

/** `GET /-/stage/<id>/tarball`: the staged tarball's bytes. */
export async function downloadStaged(client: RegistryClient, id: string): Promise<Buffer> {
  return client.getBuffer(`${client.registry}-/stage/${id}/tarball`);
}

/** `POST /-/stage/<id>/approve`, no body: publishes the staged version (a 2FA write). */
export async function approveStaged(client: RegistryClient, id: string, npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) => npmFetch.json(`/-/stage/${id}/approve`, { ...options, method: 'POST' }));
}

/** `DELETE /-/stage/<id>`: deletes the staged version and its tarball (a 2FA write). */
export async function rejectStaged(client: RegistryClient, id: string, npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) => npmFetch(`/-/stage/${id}`, { ...options, method: 'DELETE', ignoreBody: true }));
}
