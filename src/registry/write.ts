/**
 * What a registry write needs beyond its data: the one-time password (from
 * the OTP wrapper, undefined when none is configured), the npm-session of the
 * command it belongs to, and npm's command name for the `npm-command` header.
 * Functions of this layer that take a `Write` send exactly one write request;
 * callers send them from inside the one OTP wrapper (`withOtp`).
 */
export interface Write {
  otp: string | undefined;
  /** One id per command, as each npm CLI invocation has its own. */
  session: string;
  /** `publish`, `dist-tag`, `owner`, `access`, `deprecate`, `unpublish`, `trust`, `stage`. */
  command: string;
}
