/**
 * What npmjs knows about a package and Verdaccio does not: its maintainers,
 * access and 2FA settings, trusted publishers, every version ever published
 * (npmjs never lets a version number be reused, even after unpublish) and a
 * CouchDB-style revision that owner changes, deprecations and unpublishes must
 * quote. The packuments Verdaccio serves are decorated with these.
 */
import { createHash } from 'node:crypto';
import { isObject } from './reply.ts';
import type { TrustConfig } from './types.ts';

export interface Person {
  name: string;
  email: string;
}

export interface PackageState {
  name: string;
  /** False after a full unpublish; the other fields are kept (versions stay burnt). */
  exists: boolean;
  maintainers: Person[];
  access: 'public' | 'restricted';
  publishRequiresTfa: boolean;
  automationTokenOverridesTfa: boolean;
  /** Every version ever accepted, with who published it. */
  published: Map<string, { npmUser: Person; maintainers: Person[] }>;
  revision: number;
  /** Trusted publishers (`npm trust`), in creation order. */
  trust: TrustConfig[];
}

/** The identity npmjs records for a trusted-publishing (OIDC) publish. */
export const OIDC_PUBLISHER: Person = { name: 'GitHub Actions', email: 'npm-oidc-no-reply@github.com' };

export class PackageStore {
  readonly #packages = new Map<string, PackageState>();

  get(name: string): PackageState | undefined {
    return this.#packages.get(name);
  }

  /** The state of a package, created empty (not existing) when first named. */
  ensure(name: string): PackageState {
    let state = this.#packages.get(name);
    if (!state) {
      state = {
        name,
        exists: false,
        maintainers: [],
        access: name.startsWith('@') ? 'restricted' : 'public',
        publishRequiresTfa: false,
        automationTokenOverridesTfa: false,
        published: new Map(),
        revision: 0,
        trust: [],
      };
      this.#packages.set(name, state);
    }
    return state;
  }

  /** Existing packages `user` maintains. */
  namesMaintainedBy(user: string): string[] {
    return [...this.#packages.values()].filter((state) => state.exists && state.maintainers.some((m) => m.name === user)).map((state) => state.name);
  }

  /** The `_rev` clients see and must send back. */
  rev(state: PackageState): string {
    const hash = createHash('sha256').update(`${state.name}:${state.revision}`).digest('hex').slice(0, 16);
    return `${state.revision}-${hash}`;
  }

  /** Records an accepted publish: the first publisher becomes the first maintainer. */
  recordPublish(name: string, version: string, publisher: Person, access: unknown): void {
    const state = this.ensure(name);
    const isNew = !state.exists;
    state.exists = true;
    if (state.maintainers.length === 0 && publisher !== OIDC_PUBLISHER) state.maintainers = [publisher];
    if (isNew && (access === 'public' || access === 'restricted') && name.startsWith('@')) state.access = access;
    state.published.set(version, { npmUser: publisher, maintainers: [...state.maintainers] });
    state.revision += 1;
  }

  /**
   * Adds npmjs's fields to a packument from Verdaccio: `maintainers`, the
   * fixture's `_rev`, and per version `_npmUser` and `maintainers`.
   */
  decorate(packument: unknown): unknown {
    if (!isObject(packument) || typeof packument['name'] !== 'string') return packument;
    const state = this.#packages.get(packument['name']);
    if (!state) return packument;
    const versions = isObject(packument['versions']) ? packument['versions'] : {};
    for (const [version, manifest] of Object.entries(versions)) {
      const record = state.published.get(version);
      if (isObject(manifest) && record) {
        manifest['_npmUser'] = record.npmUser;
        manifest['maintainers'] = record.maintainers;
      }
    }
    return { ...packument, _rev: this.rev(state), maintainers: state.maintainers };
  }
}
