import { isRecord } from '../foundation/is-record.ts';

/**
 * The fields of a version document that decide what installing it does, and
 * which the registry serves from the document a publish (or a staged
 * approval) sends, not from the package.json inside the tarball: a document
 * that differs from the tarball in them is npm's "manifest confusion".
 */
export const INSTALL_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bundleDependencies',
  'bin',
  'scripts',
  'engines',
  'os',
  'cpu',
  'libc',
] as const;

/** One field that differs: its name and both values as JSON (a missing or empty value is `{}`/`[]`/absent alike). */
export interface FieldDifference {
  field: (typeof INSTALL_FIELDS)[number];
  expected: string;
  published: string;
}

/**
 * The install fields of `published` (the registry's version document) that
 * differ from `expected` (the manifest the checkout would publish). An
 * absent field, `{}`, `[]` and `false` count as the same; keys are compared
 * in any order; `bundledDependencies` is read as `bundleDependencies`.
 */
export function installFieldDifferences(expected: Record<string, unknown>, published: Record<string, unknown>): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const field of INSTALL_FIELDS) {
    const [left, right] = [canonical(valueOf(expected, field)), canonical(valueOf(published, field))];
    if (left !== right) differences.push({ field, expected: left ?? 'none', published: right ?? 'none' });
  }
  return differences;
}

function valueOf(manifest: Record<string, unknown>, field: string): unknown {
  return field === 'bundleDependencies' ? (manifest.bundleDependencies ?? manifest.bundledDependencies) : manifest[field];
}

/** JSON with sorted keys; undefined for what means "none". */
function canonical(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (isRecord(value) && Object.keys(value).length === 0) return undefined;
  return JSON.stringify(sorted(value));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}
