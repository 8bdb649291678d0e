import { type Answer, escapeName, type RegistryClient } from './client.ts';

/**
 * The reads doctor makes of the account and of a package's access, each answered whatever its status: what a
 * refusal says (401, 403, the `npm-notice` header) is the finding.
 */

/** `GET /-/whoami`: `{username}` for a valid token; 401 for one the registry refuses. */
export function whoami(client: RegistryClient): Promise<Answer> {
  return client.answer('/-/whoami');
}

/**
 * `GET /-/npm/v1/user` (what `npm profile get` reads): `tfa` is null when the account has no 2FA, else
 * `{mode: 'auth-and-writes' | 'auth-only', pending}`; no field says whether the second factor is TOTP or a
 * security key.
 */
export function readProfile(client: RegistryClient): Promise<Answer> {
  return client.answer('/-/npm/v1/user');
}

/** `GET /-/package/<pkg>/collaborators`: `{<user>: 'read-write' | 'read-only'}`, where the token may read it. */
export function readCollaborators(client: RegistryClient, pkg: string): Promise<Answer> {
  return client.answer(`/-/package/${escapeName(pkg)}/collaborators`);
}

/**
 * `GET /-/package/<pkg>/trust` without a one-time password, as a probe of the token, not a read of the list:
 * registry.npmjs.org guards the list with 2FA, so it answers 401 asking for a code (the token asks for 2FA), or
 * 403 `Forbidden2FABypassGAT` (a token that bypasses 2FA, which trust actions refuse), before it reads
 * anything; no code is spent. Sent as npm 11 sends its commands (`npm-auth-type: web`, `npm-command: trust`), so
 * a 401 whose body names an approval page (`authUrl`, `doneUrl`) says the account may answer with a web approval;
 * that approval is never asked of anyone and lapses.
 */
export function probeTwoFactor(client: RegistryClient, pkg: string): Promise<Answer> {
  return client.answer(`/-/package/${escapeName(pkg)}/trust`, { authType: 'web', npmCommand: 'trust' });
}
