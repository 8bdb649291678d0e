import semver from 'semver';
import { isRegistryName } from '../package/registry-name.ts';

/**
 * Checks shared by settings and command lines. Each returns a problem
 * sentence (what is wrong and what would be valid), or undefined when fine
 * (wholeNumber: the number, or undefined); callers wrap it in an InputError
 * naming where the value came from.
 */

/** A registry package name, without a version or range. */
export function packageNameProblem(name: string): string | undefined {
  if (isRegistryName(name)) return undefined;
  return `"${name}" is not a valid npm package name (lower-case, URL-safe, optionally @scope/name)`;
}

/** A dist-tag: not a semver range (npm refuses those) and URL-safe. */
export function tagProblem(tag: string): string | undefined {
  if (tag === '') return 'the tag is empty';
  if (semver.validRange(tag) !== null) {
    return `"${tag}" is a valid semver range, which npm refuses as a tag name (it would be ambiguous with versions). Use a name such as latest, next or beta`;
  }
  if (encodeURIComponent(tag) !== tag) return `"${tag}" is not URL-safe. Use letters, digits and - _ . ! ~ * ' ( ) only, such as next or beta`;
  return undefined;
}

/** `text` as a whole number from 1 to `max` (digits only, at most four), or undefined. */
export function wholeNumber(text: string, max: number): number | undefined {
  const count = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  return count >= 1 && count <= max ? count : undefined;
}

/** An npm user name. */
export function userProblem(user: string): string | undefined {
  if (/^[a-z0-9][a-z0-9._-]*$/i.test(user) && user.length <= 214) return undefined;
  return `"${user}" is not a valid npm user name (letters, digits, . _ -)`;
}
