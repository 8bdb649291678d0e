/**
 * Remembers every secret value and removes them from text. Both adapters
 * pass everything they print through it, so a secret registered here cannot
 * reach stdout, stderr or the job summary, even when the runner's own
 * masking is absent (as in the CLI). Outputs are data, never text to redact:
 * they hold no one-time password by construction, and `redactSecrets` takes
 * only the long-lived secrets out of their strings.
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  readonly #codes = new Set<string>();

  /** Registers a value (`code`: a one-time password); values shorter than 4 characters would redact ordinary text and are ignored. */
  add(secret: string, kind?: 'code'): void {
    for (const value of [secret, ...secret.split(/\r?\n/)]) {
      const trimmed = value.trim();
      if (trimmed.length >= 4) (kind === 'code' ? this.#codes : this.#secrets).add(trimmed);
    }
  }

  /** Every registered value, longest first. */
  get values(): string[] {
    return [...new Set([...this.#secrets, ...this.#codes])].sort((a, b) => b.length - a.length);
  }

  /** `text` with every registered value replaced by `***`. */
  redact(text: string): string {
    return replaceAll(text, this.values);
  }

  /**
   * `text` with every registered value but one-time passwords replaced by
   * `***`: for strings inside data, where a code is never put and where its
   * digits may be part of a number or a hash.
   */
  redactSecrets(text: string): string {
    return replaceAll(
      text,
      [...this.#secrets].sort((a, b) => b.length - a.length),
    );
  }
}

function replaceAll(text: string, values: string[]): string {
  let result = text;
  for (const secret of values) result = result.split(secret).join('***');
  return result;
}
