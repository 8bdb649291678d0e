import libnpmpublish from 'libnpmpublish';
import type { RegistryClient } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

/** How a version is uploaded. */
export interface Upload {
  /** The dist-tag the version gets. */
  tag: string;
  /** `public`, `restricted`, or undefined to keep the registry's choice (libnpmpublish 12 sends `access: null`). */
  access: 'public' | 'restricted' | undefined;
  /** Sign a provenance statement and attach it (`<name>-<version>.sigstore`); undefined = none. */
  provenance?: Sigstore | undefined;
}

/**
 * Where sigstore signs: libnpmpublish passes its options on to `sigstore.attest`, which defaults to the public
 * Fulcio and Rekor and no timestamp authority. Tests point them at local mocks.
 */
export interface Sigstore {
  fulcioURL?: string;
  rekorURL?: string;
  tsaServerURL?: string;
}

/** What the registry's answer to an upload told. */
export interface Uploaded {
  /** With provenance: the statement's entry in the transparency log, as libnpmpublish gives it (search.sigstore.dev). */
  transparencyLogUrl?: string | undefined;
}

/** Bytes of the publish body for a tarball of `size` bytes: base64 plus the manifest. */
export function uploadBytes(size: number): number {
  return Math.ceil(size * 1.34) + 4096;
}

/**
 * `PUT /<name>` through libnpmpublish: the manifest and the tarball, with its
 * integrity and shasum computed by the library, under `upload.tag`. One
 * request; the library refuses a private package or a restricted unscoped one
 * before sending (EPRIVATE, EUNSCOPED). With `provenance`, the library first
 * builds the SLSA statement from the CI's variables, asks the registry whether
 * the package is public (unless access is public), and signs through sigstore
 * (Fulcio, Rekor), which loads only then.
 */
export async function uploadVersion(
  client: RegistryClient,
  manifest: Record<string, unknown>,
  data: Buffer,
  upload: Upload,
  npmHeaders: NpmHeaders,
): Promise<Uploaded> {
  const { transparencyLogUrl } = await sendUpload(client, manifest, data, upload, npmHeaders, false);
  return { transparencyLogUrl };
}

/**
 * One libnpmpublish upload with `upload`'s options (the tag, the access, and sigstore's for provenance): a
 * publish, or with `stage` the same body to the staging area (stageVersion). The library's answer, and the
 * transparency log entry it names when a statement was signed.
 */
export async function sendUpload(
  client: RegistryClient,
  manifest: Record<string, unknown>,
  data: Buffer,
  upload: Upload,
  npmHeaders: NpmHeaders,
  stage: boolean,
): Promise<{ answer: unknown } & Uploaded> {
  const answer: unknown = await client.write(npmHeaders, uploadBytes(data.length), (options) =>
    libnpmpublish.publish(manifest, data, {
      ...options,
      defaultTag: upload.tag,
      access: upload.access ?? null,
      ...(upload.provenance ? { ...upload.provenance, provenance: true } : {}),
      ...(stage ? { stage: true } : {}),
    }),
  );
  const url = (answer as { transparencyLogUrl?: unknown } | undefined)?.transparencyLogUrl;
  return { answer, transparencyLogUrl: typeof url === 'string' ? url : undefined };
}
