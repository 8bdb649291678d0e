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
  /** Registers a secret value that must never be printed. */
  mask(secret: string): void;
}

/** A logger that drops everything; for tests and library use. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  mask() {},
};
