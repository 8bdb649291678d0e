import { ProductError } from '../foundation/errors.ts';

/** The package does not exist on the registry. */
export class PackageNotFoundError extends ProductError {
  constructor(pkg: string, registry: string) {
    super('ENOPACKAGE', `${pkg} is not on ${registry}; publish it first (or check the package name).`, { received: pkg });
  }
}
