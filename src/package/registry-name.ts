import npa from 'npm-package-arg';

/** A name npm can publish under (no version or range in it). */
export function isRegistryName(name: string): boolean {
  try {
    const parsed = npa(name);
    return parsed.registry === true && parsed.name === name;
  } catch {
    return false;
  }
}
