// Types of what scripts/check-licenses.js exports, for its test.
export interface PackageNotice {
  name: string;
  version: string;
  license: string;
  text: string;
}
export const LICENSES_FILE: string;
export const RECORD_FILE: string;
export function packageNotice(folder: string): PackageNotice;
export function licensesText(notices: PackageNotice[]): string;
export function parseLicensesText(text: string): Map<string, { license: string; text: string }>;
export function licenseProblems(dist: string, nodeModules?: string): string[];
