import assert from 'node:assert/strict';

/**
 * Every textual form a leaked secret could take: as given, upper and lower
 * case, without spaces or padding. Codes are matched as whole numbers.
 */
export function leakForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const form of [secret, secret.toUpperCase(), secret.toLowerCase(), secret.replace(/[\s=]/g, '')]) {
      if (form.length >= 4) forms.add(form);
    }
  }
  return [...forms];
}

/** Fails naming the place (never the value) where any secret or code appears. */
export function assertNoSecrets(places: Record<string, string>, secrets: readonly string[], codes: readonly string[] = []): void {
  const forms = leakForms(secrets);
  for (const [place, text] of Object.entries(places)) {
    forms.forEach((form, index) => assert.ok(!text.includes(form), `secret #${index} appears in ${place}`));
    for (const code of codes) assert.ok(!new RegExp(`(^|\\D)${code}(\\D|$)`).test(text), `a one-time password the registry received appears in ${place}`);
  }
}
