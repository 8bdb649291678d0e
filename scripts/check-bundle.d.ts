// Types of what scripts/check-bundle.js exports, for its test.
export interface BundleProblem {
  file: string;
  specifier: string;
  why: string;
}
export function checkBundle(dist: string): BundleProblem[];
export function checkFile(file: string, dist: string): BundleProblem[];
