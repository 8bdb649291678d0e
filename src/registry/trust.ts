import npmFetch from 'npm-registry-fetch';
import { escapeName, type RegistryClient } from './client.ts';
import type { NpmHeaders } from './npm-headers.ts';

/** What a trusted publisher may do: `createPackage` (`--allow-publish`), `createStagedPackage` (`--allow-stage-publish`). */
export type TrustPermission = 'createPackage' | 'createStagedPackage';

/**
 * One trusted publisher as `/-/package/<pkg>/trust` carries it (npm CLI 11.21):
 * github claims `{repository, workflow_ref: {file}, environment?}`; gitlab
 * `{project_path, ci_config_ref_uri: {file}, environment?}`; circleci
 * `{'oidc.circleci.com/org-id', .../project-id, .../pipeline-definition-id, .../vcs-origin, .../context-ids?}`.
 */
export interface TrustConfig {
  /** Given by the registry; absent in a body we send. */
  id?: string;
  type: 'github' | 'gitlab' | 'circleci';
  claims: Record<string, unknown>;
  permissions: TrustPermission[];
}

const trustUrl = (pkg: string) => `/-/package/${escapeName(pkg)}/trust`;

/**
 * `POST /-/package/<pkg>/trust` with an array of one configuration, exactly
 * as `npm trust github|gitlab|circleci` sends it; answers the created
 * configurations (each with its `id`).
 */
export async function createTrust(client: RegistryClient, pkg: string, config: TrustConfig, npmHeaders: NpmHeaders): Promise<TrustConfig[]> {
  const body = [config];
  const answer = await client.write(npmHeaders, JSON.stringify(body).length, (options) => npmFetch.json(trustUrl(pkg), { ...options, method: 'POST', body }));
  return Array.isArray(answer) ? (answer as TrustConfig[]) : answer && typeof answer === 'object' ? [answer as TrustConfig] : [];
}

/**
 * `GET /-/package/<pkg>/trust`: the package's trusted publishers. A read, but
 * registry.npmjs.org asks for a one-time password for it (`npm trust list`
 * goes through otplease), so it takes `NpmHeaders` and is sent through the OTP
 * wrapper like a write.
 */
export async function listTrust(client: RegistryClient, pkg: string, npmHeaders: NpmHeaders): Promise<TrustConfig[]> {
  const answer = await client.write(npmHeaders, 0, (options) => npmFetch.json(trustUrl(pkg), { ...options, method: 'GET' }));
  return Array.isArray(answer) ? (answer as TrustConfig[]) : [];
}

/** `DELETE /-/package/<pkg>/trust/<id>`, as `npm trust revoke` sends it. */
export async function revokeTrust(client: RegistryClient, pkg: string, id: string, npmHeaders: NpmHeaders): Promise<void> {
  await client.write(npmHeaders, 0, (options) => npmFetch(`${trustUrl(pkg)}/${encodeURIComponent(id)}`, { ...options, method: 'DELETE', ignoreBody: true }));
}
