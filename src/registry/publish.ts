import libnpmpublish from 'libnpmpublish';
import type { RegistryClient } from './client.ts';
import type { Write } from './write.ts';

/** How a version is uploaded. */
export interface Upload {
  /** The dist-tag the version gets. */
  tag: string;
  /** `public`, `restricted`, or undefined to keep the registry's choice (libnpmpublish 12 sends `access: null`). */
  access: 'public' | 'restricted' | undefined;
}

/** Bytes of the publish body for a tarball of `size` bytes: base64 plus the manifest. */
export function uploadBytes(size: number): number {
  return Math.ceil(size * 1.34) + 4096;
}

/**
 * `PUT /<name>` through libnpmpublish: the manifest and the tarball, with its
 * integrity and shasum computed by the library, under `upload.tag`. One
 * request; the library refuses a private package or a restricted unscoped one
 * before sending (EPRIVATE, EUNSCOPED).
 */
export async function uploadVersion(client: RegistryClient, manifest: Record<string, unknown>, data: Buffer, upload: Upload, write: Write): Promise<void> {
  await client.write(write, uploadBytes(data.length), (options) =>
    libnpmpublish.publish(manifest, data, { ...options, defaultTag: upload.tag, access: upload.access ?? null }),
  );
}
