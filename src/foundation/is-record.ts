/**
 * True for an object that is not null and not an array: a JSON object read from a file (a package.json, a
 * workspace or catalog file, one of its fields), or any other object such as an error. Callers reading
 * manifests and config rely on arrays being excluded (`"dependencies": []` is no map of names); callers
 * reading errors from npm's libraries are indifferent (no such error is an array).
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
