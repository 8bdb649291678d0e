import { InputError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';
import type { Sigstore } from '../registry/publish.ts';

/** The variable naming a Sigstore instance other than the public one (a private deployment, or the tests' mock). */
const SIGSTORE_VARIABLE = 'NPM_TOTP_PUBLISH_SIGSTORE';

const KEYS = ['fulcioURL', 'rekorURL', 'tsaServerURL'] as const;

/**
 * Where provenance statements are signed, when NPM_TOTP_PUBLISH_SIGSTORE names it: JSON with `fulcioURL`,
 * `rekorURL` and optionally `tsaServerURL` (https, or http to this machine). Undefined when the variable is
 * not set: sigstore's public instance. A registry checks a statement against the trust root it knows, so
 * another instance serves only a registry that trusts it; the log says which instance signs.
 */
export function sigstoreFromEnv(env: NodeJS.ProcessEnv, logger: Logger): Sigstore | undefined {
  const text = env[SIGSTORE_VARIABLE]?.trim();
  if (!text) return undefined;
  const refuse = (problem: string) =>
    new InputError(
      SIGSTORE_VARIABLE,
      `${SIGSTORE_VARIABLE}: ${problem}. It takes JSON such as {"fulcioURL": "https://fulcio.example", "rekorURL": "https://rekor.example"} (tsaServerURL optional), or leave it unset for sigstore's public instance.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse('is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw refuse('is not a JSON object');
  const values = parsed as Record<string, unknown>;
  const unknown = Object.keys(values).find((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown !== undefined) throw refuse(`"${unknown}" is not one of ${KEYS.join(', ')}`);
  const instance: Sigstore = {};
  for (const key of KEYS) {
    const value = values[key];
    if (value === undefined && key === 'tsaServerURL') continue;
    if (typeof value !== 'string') throw refuse(`${key} is missing or not a string`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw refuse(`${key} is not a URL`);
    }
    const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw refuse(`${key} must be https (http only to this machine)`);
    instance[key] = value;
  }
  logger.warning(
    `Provenance statements are signed by the Sigstore instance at ${instance.fulcioURL} and logged at ${instance.rekorURL} (${SIGSTORE_VARIABLE}), not sigstore's public instance.`,
  );
  return instance;
}
