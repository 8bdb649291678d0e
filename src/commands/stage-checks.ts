import { ProductError } from '../foundation/errors.ts';
import type { FieldDifference } from '../package/published-fields.ts';
import type { StagedEntry } from '../registry/stage.ts';
import type { Checkout } from '../plan/types.ts';

/**
 * What `stage approve` checks of a staged version against the checkout,
 * besides the tarball: what the stage API shows (tag, access), before the
 * approval; the version document the registry then serves, after it.
 */

/** The registry's access words: npmjs says `public`/`private`, a publish body `public`/`restricted`; null or absent keeps the registry's choice. */
function stagedAccess(value: unknown): 'public' | 'restricted' | undefined {
  if (value === 'public') return 'public';
  if (value === 'private' || value === 'restricted') return 'restricted';
  return undefined;
}

/**
 * A staged entry whose tag or access is not the one the checkout chooses
 * (when it chooses one: the tag setting or publishConfig.tag, the access
 * setting or publishConfig.access) is refused before anything is approved.
 */
export function stagedFieldsProblem(entry: StagedEntry, checkout: Checkout): ProductError | undefined {
  const label = `${entry.packageName}@${entry.version}`;
  const problems: string[] = [];
  if (checkout.tag !== undefined && entry.tag !== checkout.tag)
    problems.push(`it would be published with tag ${entry.tag}, but this checkout publishes it with tag ${checkout.tag}`);
  const access = stagedAccess(entry.access);
  if (checkout.access !== undefined && access !== checkout.access) {
    problems.push(`it would be published with access ${access ?? 'left to the registry'}, but this checkout publishes it with access ${checkout.access}`);
  }
  if (problems.length === 0) return undefined;
  return new ProductError(
    'ESTAGEMISMATCH',
    `${label} staged as ${entry.id}: ${problems.join('; ')}. Nothing was approved. Reject it (stage reject ${entry.id}) and stage it again as the checkout says, or change the checkout's setting.`,
    { received: label },
  );
}

/**
 * The version is public now, and the document the registry serves differs
 * from what the checkout would publish in what installing it does: the step
 * fails, naming the fields, and says what can still be done.
 */
export function manifestMismatch(label: string, stageId: string, differences: FieldDifference[]): ProductError {
  const shown = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
  const details = differences.map(
    (difference) => `${difference.field}: the registry serves ${shown(difference.published)}, the checkout has ${shown(difference.expected)}`,
  );
  return new ProductError(
    'EMANIFESTMISMATCH',
    `${label} is published (approved ${stageId}), but the version document the registry serves differs from what this checkout would publish in ${differences.map((difference) => difference.field).join(', ')} ` +
      `(${details.join('; ')}). Its tarball is the checkout's; its package.json metadata was staged otherwise. ` +
      `Deprecate it at once (deprecate ${label} "do not install: published with metadata it was not built with") and unpublish it within npm's 72-hour window (unpublish ${label}), then publish a fixed version.`,
    { received: label },
  );
}
