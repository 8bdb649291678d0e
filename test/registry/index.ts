/**
 * A local registry that behaves like registry.npmjs.org for every write: 2FA
 * with its own clock, npmjs's routes and refusals, trusted publishing, a
 * request log and faults on demand. Verdaccio stores; this module decides.
 *
 *   const registry = await startRegistry({ otpTolerance: 0 });
 *   const alice = await registry.addUser('alice');
 *   // ... publish with `--otp=${registry.codeFor(alice.secret)}`
 *   await registry.close();
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FaultPlan } from './faults.ts';
import { OidcIssuer } from './oidc.ts';
import type { GateSettings } from './otp-gate.ts';
import { OtpGate } from './otp-gate.ts';
import { PackageStore } from './packages.ts';
import { Proxy } from './proxy.ts';
import { parseJson } from './reply.ts';
import { FrontServer } from './server.ts';
import { codeAtStep, stepAt } from './totp.ts';
import type { RegistryOptions, RequestRecord, TestRegistry } from './types.ts';
import { UserStore } from './users.ts';
import { startVerdaccio } from './verdaccio.ts';

export type * from './types.ts';
export { loadVerdaccio } from './verdaccio.ts';

type Settings = Required<Omit<RegistryOptions, 'rateLimitAfterRejections'>> & { rateLimitAfterRejections: number | undefined };

function validate(options: Partial<RegistryOptions>): void {
  const { otpTolerance, rateLimitAfterRejections, rateLimitRetryAfterS, otpChallenge } = options;
  if (otpTolerance !== undefined && !(Number.isInteger(otpTolerance) && otpTolerance >= 0)) {
    throw new Error(`otpTolerance must be a whole number >= 0, got ${otpTolerance}`);
  }
  if (rateLimitAfterRejections !== undefined && !(Number.isInteger(rateLimitAfterRejections) && rateLimitAfterRejections > 0)) {
    throw new Error(`rateLimitAfterRejections must be a whole number > 0, got ${rateLimitAfterRejections}`);
  }
  if (rateLimitRetryAfterS !== undefined && !(rateLimitRetryAfterS > 0)) {
    throw new Error(`rateLimitRetryAfterS must be > 0, got ${rateLimitRetryAfterS}`);
  }
  if (otpChallenge !== undefined && !['www-authenticate', 'body', 'webauthn'].includes(otpChallenge)) {
    throw new Error(`unknown otpChallenge: ${String(otpChallenge)}`);
  }
}

/** Starts a registry on 127.0.0.1 (free port) with its storage in a fresh temporary folder. */
export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  validate(options);
  const settings: Settings = {
    clockOffsetMs: 0,
    otpTolerance: 1,
    singleUse: false,
    otpChallenge: 'www-authenticate',
    rateLimitRetryAfterS: 1,
    oidcTokenTtlS: 900,
    ...options,
    rateLimitAfterRejections: options.rateLimitAfterRejections,
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'npm-totp-registry-'));
  const backend = await startVerdaccio(dir).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  const front = createServer();
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve());
  });
  const host = `127.0.0.1:${(front.address() as AddressInfo).port}`;
  const url = `http://${host}/`;
  const now = (): number => Date.now() + settings.clockOffsetMs;
  const gateSettings = (): GateSettings => settings;
  const log: RequestRecord[] = [];
  const faults = new FaultPlan();
  const users = new UserStore();
  const packages = new PackageStore();
  const proxy = new Proxy(backend.port);
  const oidc = new OidcIssuer('127.0.0.1');
  const server = new FrontServer({
    registryUrl: url, users, packages, proxy, oidc, now,
    oidcTokenTtlS: () => settings.oidcTokenTtlS,
    gate: new OtpGate(gateSettings), faults, settings: gateSettings, log,
  });
  front.on('request', server.handle);

  let closed: Promise<void> | undefined;
  return {
    url,
    storageDir: dir,
    async addUser(name, opts = {}) {
      return users.add(name, opts);
    },
    now,
    codeFor: (secret, windows = 0) => codeAtStep(secret, stepAt(now()) + windows),
    configure(changes) {
      validate(changes);
      Object.assign(settings, changes);
    },
    get requests() {
      return log.map((entry) => ({ ...entry }));
    },
    clearRequests: () => void log.splice(0),
    fail: (fault) => faults.fail(fault),
    reset: (fault) => faults.reset(fault),
    loseAnswer: (fault) => faults.loseAnswer(fault),
    delay: (ms, fault) => faults.delay(ms, fault),
    ownerConflictOnce: () => faults.ownerConflictOnce(),
    clearFaults: () => faults.clear(),
    trustPublisher(pkg, publisher) {
      packages.ensure(pkg).trustedPublishers.push({ ...publisher });
    },
    issueIdToken: (claims) => oidc.issue(claims, now()),
    packageSettings(name) {
      const state = packages.get(name);
      if (!state) return undefined;
      const mfa = !state.publishRequiresTfa ? 'none' : state.automationTokenOverridesTfa ? 'automation' : 'publish';
      return {
        exists: state.exists,
        access: state.access,
        mfa,
        maintainers: state.maintainers.map((m) => ({ ...m })),
        publishedVersions: [...state.published.keys()],
        trustedPublishers: state.trustedPublishers.map((p) => ({ ...p })),
      };
    },
    async packument(name) {
      const escaped = name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
      const reply = await proxy.get(`/${escaped}`, host);
      return reply.status === 200 ? packages.decorate(parseJson(reply.body)) : undefined;
    },
    close() {
      closed ??= (async () => {
        server.wakeAll();
        front.closeAllConnections();
        await new Promise<void>((resolve) => front.close(() => resolve()));
        proxy.close();
        await backend.close();
        await rm(dir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
