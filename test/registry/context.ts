/**
 * What every handler receives: the request as read once (body buffered and
 * parsed, route classified, caller identified) and the registry's stores.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OidcIssuer } from './oidc.ts';
import type { PackageStore } from './packages.ts';
import type { Proxy } from './proxy.ts';
import type { Route } from './routes.ts';
import type { StageStore } from './staging.ts';
import type { Identity, UserStore } from './users.ts';

export interface RequestContext {
  method: string;
  /** Raw pathname, percent-encoding kept. */
  pathname: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json: unknown;
  route: Route;
  identity: Identity | undefined;
  /** Registry time at arrival, ms. */
  now: number;
}

export interface RegistryDeps {
  /** `http://127.0.0.1:<port>/` */
  registryUrl: string;
  users: UserStore;
  packages: PackageStore;
  /** Staged versions waiting for approval. */
  stages: StageStore;
  proxy: Proxy;
  oidc: OidcIssuer;
  /** Registry clock, ms. */
  now(): number;
  oidcTokenTtlS(): number;
  /** How many answers a new staged version shows as `validating` (and refuses to approve, 409) before it is `staged`. */
  stageValidatingAnswers(): number;
}
