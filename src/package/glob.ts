import { createRequire } from 'node:module';
import type { GlobOptionsWithFileTypesFalse } from 'glob';

const require = createRequire(import.meta.url);

/**
 * glob's `glob()`, required when called: in dist/, `glob` is a shim (scripts/lazy/glob.cjs) that a require
 * loads only then, where an import would load it with the bundle's first file, on every path.
 */
export function glob(patterns: string | string[], options: GlobOptionsWithFileTypesFalse): Promise<string[]> {
  const { glob: real } = require('glob') as typeof import('glob');
  return real(patterns, options);
}
