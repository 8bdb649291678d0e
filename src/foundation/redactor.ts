/**
 * Remembers every secret value and removes them from text. Both adapters
 * pass everything they print through it, so a secret registered here cannot
 * reach stdout, stderr, outputs or the job summary, even when the runner's own
 * masking is absent (as in the CLI).
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a value; values shorter than 4 characters would redact ordinary text and are ignored. */
  add(secret: string): void {
    for (const value of [secret, ...secret.split(/\r?\n/)]) {
      const trimmed = value.trim();
      if (trimmed.length >= 4) this.#secrets.add(trimmed);
    }
  }

  /** Every registered value, longest first. */
  get values(): string[] {
    return [...this.#secrets].sort((a, b) => b.length - a.length);
  }

  /** `text` with every registered value replaced by `***`. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.values) result = result.split(secret).join('***');
    return result;
  }
}
