/**
 * Every failure the product reports is a `ProductError` with a stable `code`.
 * User mistakes (bad input) are `InputError`s: they are shown as one clear
 * message, never with a stack trace.
 *
 * Messages never contain a secret: callers pass `received` only for values
 * that are safe to show (never a token, a TOTP secret or a code).
 */
export class ProductError extends Error {
  /** Stable machine-readable code, e.g. `EINPUT`, `EOTP`, `EPUBLISHCONFLICT`. */
  readonly code: string;
  /** The value that was refused, when it is safe to show. */
  readonly received: unknown;

  constructor(code: string, message: string, options: { received?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.received = options.received;
  }
}

/** A bad input or command line: detected before any request is sent. */
export class InputError extends ProductError {
  /** The input (action input name, CLI flag or environment variable) at fault. */
  readonly input: string;

  constructor(input: string, message: string, options: { received?: unknown; cause?: unknown } = {}) {
    super('EINPUT', message, options);
    this.input = input;
  }
}

/** True for errors whose message is meant for the user as is (no stack trace). */
export function isProductError(error: unknown): error is ProductError {
  return error instanceof ProductError;
}
