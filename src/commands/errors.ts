import { ProductError } from '../foundation/errors.ts';

/** The package does not exist on the registry. */
export class PackageNotFoundError extends ProductError {
  constructor(pkg: string, registry: string) {
    super('ENOPACKAGE', `${pkg} is not on ${registry}; publish it first (or check the package name).`, { received: pkg });
  }
}

/** The version exists with other contents: publishing again is impossible. */
export class PublishConflictError extends ProductError {
  constructor(id: string) {
    super('EPUBLISHCONFLICT', `${id} is already in the registry with different contents. A published version cannot be replaced: bump the version in package.json and publish again.`, { received: id });
  }
}

/**
 * Where a failed publish leaves the registry. `refused`: the registry answered
 * no, so nothing landed. `not-sent`: npm's library refused before sending.
 * `absent`: read back after the failure, the version is not there.
 */
export type PublishFailure = 'refused' | 'not-sent' | 'absent';

/** The registry refused or failed the publish; says whether the version is there. */
export class PublishFailedError extends ProductError {
  readonly state: PublishFailure;

  constructor(id: string, reason: string, cause: unknown, state: PublishFailure, attempts = 1) {
    const after = {
      refused: `The registry refused it: ${id} was not published.`,
      'not-sent': `Nothing was sent to the registry: ${id} was not published.`,
      absent:
        attempts > 1
          ? `${id} is NOT in the registry (read back after the last of ${attempts} attempts). Running the publish again later is safe.`
          : `${id} is NOT in the registry (read back after the failure).`,
    }[state];
    super('EPUBLISH', `Publishing ${id} failed: ${reason}. ${after}`, { received: id, cause });
    this.state = state;
  }
}

/** The publish may have landed, and reading the registry back failed too: say so, never guess. */
export class PublishUnconfirmedError extends ProductError {
  constructor(id: string, reason: string, readReason: string, cause: unknown) {
    super(
      'EPUBLISHUNCONFIRMED',
      `Publishing ${id} ended without a clear answer (${reason}), and reading the registry back failed (${readReason}): ${id} may or may not be in the registry. ` +
        'Run the publish again: it reads the registry first and does not publish twice.',
      { received: id, cause },
    );
  }
}

/** The registry could not be read before publishing; nothing was sent. */
export class RegistryReadError extends ProductError {
  constructor(id: string, registry: string, reason: string, cause: unknown) {
    super('EREGISTRYREAD', `Reading ${id.replace(/@[^@]+$/, '')} from ${registry} before publishing failed: ${reason}. Nothing was sent: ${id} was not published.`, { received: id, cause });
  }
}
