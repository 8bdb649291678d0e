/** Negative, zero or positive as `a` sorts before, with or after `b` in code-unit order: the same on every machine and locale. */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
