import { ProductError } from '../foundation/errors.ts';

/** The package does not exist on the registry. */
export class PackageNotFoundError extends ProductError {
  constructor(pkg: string, registry: string) {
    super('ENOPACKAGE', `${pkg} is not on ${registry}; publish it first (or check the package name).`, { received: pkg });
  }
}

/** The version exists with other contents (published, or staged): uploading it again is impossible. */
export class PublishConflictError extends ProductError {
  constructor(id: string, where: 'published' | 'staged' = 'published') {
    super(
      where === 'published' ? 'EPUBLISHCONFLICT' : 'ESTAGECONFLICT',
      where === 'published'
        ? `${id} is already in the registry with different contents. A published version cannot be replaced: bump the version in package.json and publish again.`
        : `${id} is already staged with other contents. A staged version cannot be replaced: reject it (stage reject ${id}) and stage again, or bump the version.`,
      { received: id },
    );
  }
}

/**
 * Where a failed publish leaves the registry. `refused`: the registry answered
 * no, so nothing landed. `not-sent`: npm's library refused before sending.
 * `absent`: read back after the failure, the version is not there.
 */
export type PublishFailure = 'refused' | 'not-sent' | 'absent';

/** The registry refused or failed the upload (a publish, or a stage publish); says whether the version is there. */
export class PublishFailedError extends ProductError {
  readonly state: PublishFailure;

  constructor(verb: 'publish' | 'stage publish', id: string, reason: string, cause: unknown, state: PublishFailure, attempts = 1) {
    const [doing, done, where] = verb === 'publish' ? ['Publishing', 'published', 'in the registry'] : ['Staging', 'staged', 'staged'];
    const after = {
      refused: `The registry refused it: ${id} was not ${done}.`,
      'not-sent': `Nothing was sent to the registry: ${id} was not ${done}.`,
      absent:
        attempts > 1
          ? `${id} is NOT ${where} (read back after the last of ${attempts} attempts). Running the ${verb} again later is safe.`
          : `${id} is NOT ${where} (read back after the failure).`,
    }[state];
    super(verb === 'publish' ? 'EPUBLISH' : 'ESTAGE', `${doing} ${id} failed: ${reason}. ${after}`, { received: id, cause });
    this.state = state;
  }
}

/** The upload may have landed, and reading it back failed too: say so, never guess. */
export class PublishUnconfirmedError extends ProductError {
  constructor(verb: 'publish' | 'stage publish', id: string, reason: string, readReason: string, cause: unknown) {
    const [doing, where, read] = verb === 'publish' ? ['Publishing', 'in the registry', 'the registry'] : ['Staging', 'staged', 'the staging area'];
    super(
      verb === 'publish' ? 'EPUBLISHUNCONFIRMED' : 'ESTAGE',
      `${doing} ${id} ended without a clear answer (${reason}), and reading ${read} back failed (${readReason}): ${id} may or may not be ${where}. ` +
        `Run the ${verb} again: it reads ${read} first and does not upload twice.`,
      { received: id, cause },
    );
  }
}
