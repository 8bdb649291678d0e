/**
 * The npm headers of a request that npm's 2FA may challenge (every write, and the reads npm also sends through
 * otplease, such as `trust list`): the one-time password for `npm-otp` (from the OTP wrapper, undefined when
 * none is configured), the npm-session of the command it belongs to, and npm's command name for `npm-command`.
 * Functions of this layer that take `NpmHeaders` send exactly one such request (or, for unpublish, npm's
 * sequence under one code); callers send them from inside the one OTP wrapper (`withOtp`).
 */
export interface NpmHeaders {
  otp: string | undefined;
  /** One id per command, as each npm CLI invocation has its own. */
  session: string;
  /** `publish`, `dist-tag`, `owner`, `access`, `deprecate`, `unpublish`, `trust`, `stage`. */
  command: string;
}
