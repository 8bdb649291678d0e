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
import { OtpGate } from './otp-gate.ts';
import { PackageStore } from './packages.ts';
import { Proxy } from './proxy.ts';
import { parseJson } from './reply.ts';
import type { FrontSettings } from './server.ts';
import { FrontServer } from './server.ts';
import { StageStore } from './staging.ts';
import { codeAtStep, PERIOD_S, stepAt } from './totp.ts';
import { configToPublisher, copyConfig, publisherToConfig } from './trust.ts';
import type { RegistryOptions, RequestRecord, TestRegistry, TrustedPublisher } from './types.ts';
import { UserStore } from './users.ts';
import { WebAuth } from './web-auth.ts';
import { startVerdaccio } from './verdaccio.ts';

export type * from './types.ts';
export { loadVerdaccio } from './verdaccio.ts';

type Settings = Required<
  Omit<RegistryOptions, 'rateLimitAfterRejections' | 'otpUsesPerCode' | 'webRetryAfterS' | 'webDoneOrigin' | 'dateHeader' | 'npmNotice'>
> & {
  rateLimitAfterRejections: number | undefined;
  otpUsesPerCode: number | undefined;
  webRetryAfterS: number | null;
  webDoneOrigin: string | null;
  dateHeader: string | undefined;
  npmNotice: string | undefined;
};

function validate(options: Partial<RegistryOptions>): void {
  const { otpTolerance, rateLimitAfterRejections, rateLimitRetryAfterS, otpChallenge, otpUsesPerCode, otpUsesRetryAfterS, stageValidatingAnswers } = options;
  if (stageValidatingAnswers !== undefined && !(Number.isInteger(stageValidatingAnswers) && stageValidatingAnswers >= 0)) {
    throw new Error(`stageValidatingAnswers must be a whole number >= 0, got ${stageValidatingAnswers}`);
  }
  if (otpUsesPerCode !== undefined && !(Number.isInteger(otpUsesPerCode) && otpUsesPerCode > 0)) {
    throw new Error(`otpUsesPerCode must be a whole number > 0, got ${otpUsesPerCode}`);
  }
  if (otpUsesRetryAfterS !== undefined && !(otpUsesRetryAfterS > 0)) {
    throw new Error(`otpUsesRetryAfterS must be > 0, got ${otpUsesRetryAfterS}`);
  }
  if (otpTolerance !== undefined && !(Number.isInteger(otpTolerance) && otpTolerance >= 0)) {
    throw new Error(`otpTolerance must be a whole number >= 0, got ${otpTolerance}`);
  }
  if (rateLimitAfterRejections !== undefined && !(Number.isInteger(rateLimitAfterRejections) && rateLimitAfterRejections > 0)) {
    throw new Error(`rateLimitAfterRejections must be a whole number > 0, got ${rateLimitAfterRejections}`);
  }
  if (rateLimitRetryAfterS !== undefined && !(rateLimitRetryAfterS > 0)) {
    throw new Error(`rateLimitRetryAfterS must be > 0, got ${rateLimitRetryAfterS}`);
  }
  if (otpChallenge !== undefined && !['www-authenticate', 'body'].includes(otpChallenge)) {
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
    otpUsesRetryAfterS: 300,
    recordBodies: false,
    webRetryAfterS: 1,
    webWindowS: 300,
    webTokenReuse: false,
    webTokenTtlS: 300,
    webDoneOrigin: null,
    stageValidatingAnswers: 0,
    nextWindowAfterRefusal: false,
    ...options,
    rateLimitAfterRejections: options.rateLimitAfterRejections,
    otpUsesPerCode: options.otpUsesPerCode,
    dateHeader: options.dateHeader,
    npmNotice: options.npmNotice,
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
  const frontSettings = (): FrontSettings => settings;
  const log: RequestRecord[] = [];
  const faults = new FaultPlan();
  const users = new UserStore();
  const packages = new PackageStore();
  const stages = new StageStore();
  const gate = new OtpGate(frontSettings);
  const webAuth = new WebAuth(url, frontSettings);
  const proxy = new Proxy(backend.port);
  const oidc = new OidcIssuer('127.0.0.1');
  const server = new FrontServer({
    registryUrl: url,
    users,
    packages,
    stages,
    proxy,
    oidc,
    now,
    oidcTokenTtlS: () => settings.oidcTokenTtlS,
    stageValidatingAnswers: () => settings.stageValidatingAnswers,
    gate,
    webAuth,
    faults,
    settings: frontSettings,
    log,
    nextWindow: () => {
      const at = now();
      settings.clockOffsetMs += (stepAt(at) + 1) * PERIOD_S * 1000 - at;
    },
  });
  front.on('request', (request, response) => void server.handle(request, response));

  let closed: Promise<void> | undefined;
  return {
    url,
    storageDir: dir,
    async addUser(name, opts = {}) {
      return users.add(name, opts);
    },
    issueToken(userName, options = {}) {
      const user = users.byName(userName);
      if (!user) throw new Error(`issueToken: no user ${userName}`);
      return users.issueToken(user, options);
    },
    expireToken: (token) => users.expire(token),
    webChallenges: () => webAuth.list(),
    approveWeb: (idOrUrl, options) => webAuth.approve(idOrUrl, options, now()),
    denyWeb: (idOrUrl) => webAuth.deny(idOrUrl),
    expireWeb: (idOrUrl) => webAuth.expire(idOrUrl),
    autoApproveWeb: (options) => webAuth.autoApprove(options),
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
    failPackage: (name, fault) => faults.failPackage(name, fault),
    answer: (fault) => faults.answer(fault),
    reset: (fault) => faults.reset(fault),
    loseAnswer: (fault) => faults.loseAnswer(fault),
    delay: (ms, fault) => faults.delay(ms, fault),
    releaseDelays: () => server.wakeAll(),
    ownerConflictOnce: () => faults.ownerConflictOnce(),
    clearFaults: () => faults.clear(),
    get otpStats() {
      return gate.stats();
    },
    trustPublisher(pkg, publisher) {
      const config = publisherToConfig(publisher);
      packages.ensure(pkg).trust.push(config);
      return config.id;
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
        trustedPublishers: state.trust.map(configToPublisher).filter((p): p is TrustedPublisher => p !== undefined),
        trustConfigs: state.trust.map(copyConfig),
      };
    },
    async packument(name) {
      const escaped = name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
      const reply = await proxy.get(`/${escaped}`, host);
      return reply.status === 200 ? packages.decorate(parseJson(reply.body)) : undefined;
    },
    // As it stands, without spending an answer of its validation.
    staged: (pkg) => stages.list(pkg).map((entry) => ({ ...entry.item, status: entry.validatingLeft > 0 ? 'validating' : 'staged' })),
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
