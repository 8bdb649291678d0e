import { ProductError } from '../foundation/errors.ts';

/** The registry could not be read before publishing; nothing was sent. */
export class RegistryReadError extends ProductError {
  constructor(id: string, registry: string, reason: string, cause: unknown) {
    super(
      'EREGISTRYREAD',
      `Reading ${id.replace(/@[^@]+$/, '')} from ${registry} before publishing failed: ${reason}. Nothing was sent: ${id} was not published.`,
      { received: id, cause },
    );
  }
}
