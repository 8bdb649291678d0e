/**
 * Where the core reports progress. The action adapter maps it onto
 * `@actions/core`; the CLI onto stderr. `mask` must be called with every
 * secret value (token, TOTP secret, generated code) before it can reach any
 * output: adapters redact masked values from everything they print.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Something a person must act on now (approve a write): an annotation in the action, a line of its own in the CLI. */
  notice(message: string): void;
  /**
   * Registers a secret value that must never be printed. `code`: a one-time password, redacted from what is
   * printed but never looked for in data (outputs, --json), where it is never put and where its digits would
   * change numbers and hashes that happen to hold them.
   */
  mask(secret: string, kind?: 'code'): void;
  /**
   * Prints what a child process (npm pack, a package script) wrote: shown
   * line by line, redacted, and never taken as a workflow command, since a
   * package script is not to be trusted with `::stop-commands::` or `::set-output`.
   */
  relay(text: string): void;
}
