// Types of what scripts/bundle.js exports, for the tests that read its tables.
export interface LazyPackage {
  name: string;
  from: string;
  dir?: string;
  why: string;
  lazy?: string[];
}
export const LAZY: LazyPackage[];
export const ABSENT: string[];
