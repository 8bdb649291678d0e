/**
 * The registry's front door, in the order npmjs would apply things: log the
 * request, apply faults, identify the caller, run the 2FA gate on writes (and
 * on the trust list), enforce package rules, answer npmjs-only routes (trusted
 * publishers, staging included), and hand the rest to Verdaccio. Every answer
 * carries a Date header from the registry clock.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import type { RegistryDeps, RequestContext } from './context.ts';
import type { FaultPlan } from './faults.ts';
import { handleNpmjsRoute } from './npmjs-routes.ts';
import { handleExchange } from './oidc.ts';
import type { GateSettings, OtpGate } from './otp-gate.ts';
import { refusalReply } from './otp-gate.ts';
import { afterStored, changeOwners, checkPackageWrite, isPackageWrite } from './package-writes.ts';
import type { Reply } from './reply.ts';
import { errorReply, jsonReply, parseJson } from './reply.ts';
import { takeProvenance } from './provenance.ts';
import type { RouteKind } from './routes.ts';
import { classify, isGated } from './routes.ts';
import { handleStage } from './staging.ts';
import { handleTrust } from './trust.ts';
import type { RequestRecord } from './types.ts';
import type { User } from './users.ts';
import type { WebAuth, WebAuthSettings } from './web-auth.ts';

const MAX_BODY_BYTES = 60 * 1024 * 1024;

export interface FrontSettings extends GateSettings, WebAuthSettings {
  recordBodies: boolean;
  /** A fixed `Date` header instead of the registry clock's. */
  dateHeader?: string | undefined;
  /** An `npm-notice` header on every answer, as npmjs sends its announcements. */
  npmNotice?: string | undefined;
  /** RegistryOptions.nextWindowAfterRefusal. */
  nextWindowAfterRefusal?: boolean | undefined;
}

/** npmjs's notice on every answer to a request whose token expired or was revoked (npm/cli#8816). */
export const EXPIRED_TOKEN_NOTICE = 'Access token expired or revoked. Please try logging in again.';

/**
 * npmjs's refusal of a bypass-2FA granular token on account and governance actions (since August 2026; npm's
 * policy notes): 403 with the code `Forbidden2FABypassGAT`. Where the code sits in the body is this fixture's
 * guess; the sentence is npm's.
 */
export const BYPASS_REFUSAL = {
  code: 'Forbidden2FABypassGAT',
  error: 'Granular access tokens that bypass two-factor authentication may not perform this action.',
};

/** Account and governance actions: owners, access, mfa and trust changes, and the trust list (a gated read). */
function isGovernance(method: string, route: { kind: RouteKind }): boolean {
  return route.kind === 'owner-change' || route.kind === 'trust' || (route.kind === 'access' && method !== 'GET' && method !== 'HEAD');
}

export interface FrontDeps extends RegistryDeps {
  gate: OtpGate;
  webAuth: WebAuth;
  faults: FaultPlan;
  settings(): FrontSettings;
  log: RequestRecord[];
  /** Moves the registry's clock to the start of its next 30 s window. */
  nextWindow(): void;
}

const STAGE_ROUTES = new Set<RouteKind>(['stage-publish', 'stage-list', 'stage-item', 'stage-tarball', 'stage-approve']);

/** Writes npmjs refuses to a user without 2FA whatever the token: trust changes, approving or rejecting a staged version. */
const TWO_FACTOR_ONLY = new Set<RouteKind>(['trust', 'stage-approve', 'stage-item']);

const header2 = (ctx: RequestContext, name: string): string | undefined => {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class FrontServer {
  readonly #deps: FrontDeps;
  readonly #socketIds = new WeakMap<Socket, number>();
  #nextSocketId = 1;
  readonly #sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  constructor(deps: FrontDeps) {
    this.#deps = deps;
  }

  /** Ends every pending delay at once: close() never waits on a fault, and a test may release a held request. */
  wakeAll(): void {
    for (const sleeper of this.#sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve();
    }
    this.#sleepers.clear();
  }

  #sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.#sleepers.delete(sleeper);
          resolve();
        }, ms),
        resolve,
      };
      this.#sleepers.add(sleeper);
    });
  }

  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const deps = this.#deps;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt < 0 ? url : url.slice(0, queryAt);
    const otp = header(req, 'npm-otp');
    const record: RequestRecord = {
      method,
      path: pathname,
      query: queryAt < 0 ? '' : url.slice(queryAt),
      otpSent: otp !== undefined,
      status: 0,
      at: deps.now(),
    };
    if (otp !== undefined) record.otp = otp;
    const npmCommand = header(req, 'npm-command');
    const npmSession = header(req, 'npm-session');
    if (npmCommand !== undefined) record.npmCommand = npmCommand;
    if (npmSession !== undefined) record.npmSession = npmSession;
    const npmAuthType = header(req, 'npm-auth-type');
    if (npmAuthType !== undefined) record.npmAuthType = npmAuthType;
    const identity = deps.users.identify(header(req, 'authorization'), deps.now());
    const deadToken = deps.users.isDead(header(req, 'authorization'));
    if (identity?.kind === 'user') record.user = identity.user.name;
    if (identity?.kind === 'oidc') record.oidcPackage = identity.pkg;
    deps.log.push(record);
    try {
      const pre = deps.faults.takePre(method, pathname);
      const requestDelay = deps.faults.takeDelay(method, pathname, 'request');
      const body = await readBody(req);
      const json = parseJson(body);
      if (deps.settings().recordBodies && body.length > 0) record.body = json ?? body.toString('utf8');
      if (requestDelay > 0) record.fault = 'delay';
      await this.#sleep(requestDelay);
      if (pre?.kind === 'reset') {
        record.fault = 'reset';
        req.socket.resetAndDestroy();
        return;
      }
      let reply: Reply;
      if (pre?.kind === 'fail') {
        record.fault = 'fail';
        reply = this.#failReply(pre);
      } else if (pre?.kind === 'answer') {
        record.fault = 'answer';
        const text = pre.body === undefined ? '' : typeof pre.body === 'string' ? pre.body : JSON.stringify(pre.body);
        const type: Record<string, string> = pre.body === undefined || typeof pre.body === 'string' ? {} : { 'content-type': 'application/json' };
        reply = { status: pre.status, headers: { ...type, ...pre.headers }, body: Buffer.from(text) };
      } else {
        const ctx: RequestContext = {
          method,
          pathname,
          url,
          headers: req.headers,
          body,
          json,
          route: this.#classify(method, pathname, json),
          identity: identity?.kind === 'oidc' && identity.expiresAt <= deps.now() ? undefined : identity,
          now: deps.now(),
        };
        const packageFault = deps.faults.takePackageFail(method, ctx.route, false);
        if (packageFault) {
          record.fault = 'fail-package';
          reply = this.#failReply(packageFault);
        } else {
          reply = await this.#process(ctx, record, otp, this.#commandKey(req, npmCommand, npmSession));
        }
        // An expired or revoked token counts as none; npmjs then answers a write 404 (whoami 401), with a notice on every answer.
        if (deadToken) {
          if (reply.status === 401 && ctx.route.kind !== 'whoami') reply = errorReply(404, 'Not found');
          reply = { ...reply, headers: { ...reply.headers, 'npm-notice': EXPIRED_TOKEN_NOTICE } };
        }
      }
      record.status = reply.status;
      if (deps.faults.takeLoseAnswer(method, pathname)) {
        record.fault = 'lose-answer';
        req.socket.resetAndDestroy();
        return;
      }
      const answerDelay = deps.faults.takeDelay(method, pathname, 'answer');
      if (answerDelay > 0) record.fault = 'delay';
      await this.#sleep(answerDelay);
      this.#send(res, reply, method);
    } catch (error) {
      const reply = errorReply(500, `fixture error: ${(error as Error).message}`);
      record.status = reply.status;
      if (!res.headersSent && !res.destroyed) this.#send(res, reply, method);
    }
  };

  /** Classifies, and names the package of a staged version addressed by its id. */
  #classify(method: string, pathname: string, json: unknown) {
    const route = classify(method, pathname, json);
    if (route.stageId !== undefined) {
      const entry = this.#deps.stages.get(route.stageId);
      if (entry) route.pkg = entry.item.packageName;
    }
    return route;
  }

  #failReply(fault: { status: number; body: unknown; retryAfterS: number | undefined }): Reply {
    const headers: Record<string, string> = fault.retryAfterS === undefined ? {} : { 'retry-after': String(fault.retryAfterS) };
    return jsonReply(fault.status, fault.body ?? { error: STATUS_CODES[fault.status] ?? 'error' }, headers);
  }

  async #process(ctx: RequestContext, record: RequestRecord, otp: string | undefined, command: string | undefined): Promise<Reply> {
    const deps = this.#deps;
    const { route, identity } = ctx;
    if (identity?.kind === 'user' && identity.flags.bypass2fa && isGovernance(ctx.method, route)) return jsonReply(403, BYPASS_REFUSAL);
    // A stage-only token (and a trusted publisher without createPackage, package-writes.ts) may not publish directly.
    if (identity?.kind === 'user' && identity.flags.stageOnly && route.kind === 'publish') return errorReply(403, 'OIDC permission denied for this action');
    if (isGated(ctx.method, route)) {
      if (!identity) {
        return errorReply(401, route.kind === 'publish' ? 'You must be logged in to publish packages.' : 'Unauthorized');
      }
      if (identity.kind === 'user' && !identity.user.twoFactor && TWO_FACTOR_ONLY.has(route.kind)) {
        return errorReply(403, 'Two-factor authentication is required for this operation. Enable 2FA on your account.');
      }
      if (identity.kind === 'user' && identity.flags.bypass2fa) {
        // A bypass-2FA token's other writes go without a second factor.
      } else if (identity.kind === 'user' && identity.user.web && this.#needsOtp(identity.user, ctx)) {
        const verdict = deps.webAuth.check(identity.user, otp, route.kind, command, ctx.now);
        record.otpAccepted = verdict.ok;
        if (verdict.ok) record.webAccepted = verdict.reason;
        else {
          record.otpRefusal = 'web';
          return deps.webAuth.refuse(
            identity.user,
            route.kind,
            ctx.method,
            ctx.pathname,
            { authType: header2(ctx, 'npm-auth-type'), npmCommand: header2(ctx, 'npm-command') },
            ctx.now,
          );
        }
      } else if (identity.kind === 'user' && this.#needsOtp(identity.user, ctx)) {
        const verdict = deps.gate.check(identity.user, otp, command, ctx.now);
        record.otpAccepted = verdict.ok;
        if (!verdict.ok) {
          record.otpRefusal = verdict.refusal;
          if (verdict.limit) record.rateLimit = verdict.limit;
          if (verdict.refusal === 'invalid' && deps.settings().nextWindowAfterRefusal) deps.nextWindow();
          return refusalReply(verdict, deps.settings().otpChallenge, deps.registryUrl);
        }
      }
    }
    const packageFault = deps.faults.takePackageFail(ctx.method, route, true);
    if (packageFault) {
      record.fault = 'fail-package';
      return this.#failReply(packageFault);
    }
    if (route.kind === 'web-done')
      return deps.webAuth.done(ctx.url.slice(ctx.url.indexOf('?') + 1), identity?.kind === 'user' ? identity.user.name : undefined, ctx.now);
    if (route.kind === 'web-page') return deps.webAuth.page(ctx.pathname);
    if (route.kind === 'trust') return handleTrust(ctx, deps);
    if (STAGE_ROUTES.has(route.kind)) return handleStage(ctx, deps);
    if (isPackageWrite(ctx)) {
      const refusal = checkPackageWrite(ctx, deps);
      if (refusal) return refusal;
      if (route.kind === 'owner-change') {
        if (deps.faults.takeOwnerConflict()) {
          record.fault = 'owner-conflict';
          return errorReply(409, 'Document update conflict.');
        }
        return changeOwners(ctx, deps);
      }
    }
    if (route.kind === 'oidc-exchange') return handleExchange(ctx, deps);
    const own = handleNpmjsRoute(ctx, deps);
    if (own) return own;
    // A provenance bundle is checked and kept apart, as npmjs does; Verdaccio stores the rest.
    const body = route.kind === 'publish' ? takeProvenance(ctx, deps) : ctx.body;
    if (!Buffer.isBuffer(body)) return body;
    const reply = await deps.proxy.forward({ method: ctx.method, url: ctx.url, headers: ctx.headers, body });
    if (reply.status >= 200 && reply.status < 300 && isPackageWrite(ctx)) afterStored(ctx, deps);
    if (route.kind === 'packument' && reply.status === 200) return this.#decorate(reply);
    // Verdaccio says "no such package available"; npmjs says "Not found".
    if (route.kind === 'packument' && reply.status === 404) return errorReply(404, 'Not found');
    return reply;
  }

  /**
   * Which requests form one client command, for single-use codes: the
   * npm-command/npm-session pair when npm-session is sent (npm-registry-fetch
   * sends it when given `npmSession`; our product does). npm CLI 11 sends
   * npm-command but no longer npm-session, so for it one TCP connection (its
   * keep-alive agent reuses one for a command's sequential requests) stands in
   * for the session. Without either header there is no command.
   */
  #commandKey(req: IncomingMessage, npmCommand: string | undefined, npmSession: string | undefined): string | undefined {
    if (npmSession !== undefined) return `${npmCommand ?? ''} session:${npmSession}`;
    if (npmCommand === undefined) return undefined;
    let id = this.#socketIds.get(req.socket);
    if (id === undefined) {
      id = this.#nextSocketId++;
      this.#socketIds.set(req.socket, id);
    }
    return `${npmCommand} socket:${id}`;
  }

  /** A user with 2FA for writes always; an auth-only user when the package demands 2FA to publish. */
  #needsOtp(user: User, ctx: RequestContext): boolean {
    if (user.twoFactor) return true;
    if (ctx.route.kind !== 'publish' || !ctx.route.pkg) return false;
    const state = this.#deps.packages.get(ctx.route.pkg);
    return state?.publishRequiresTfa === true && !state.automationTokenOverridesTfa;
  }

  /** Adds npmjs's fields to a full packument; the abbreviated (corgi) form has none of them on npmjs either. */
  #decorate(reply: Reply): Reply {
    if (reply.headers['content-type']?.includes('vnd.npm.install-v1')) return reply;
    const packument = parseJson(reply.body);
    if (packument === undefined) return reply;
    const body = Buffer.from(JSON.stringify(this.#deps.packages.decorate(packument)));
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    return { status: reply.status, headers: { ...reply.headers, etag }, body };
  }

  #send(res: ServerResponse, reply: Reply, method: string): void {
    if (res.destroyed) return;
    res.setHeader('date', this.#deps.settings().dateHeader ?? new Date(this.#deps.now()).toUTCString());
    const notice = this.#deps.settings().npmNotice;
    if (notice !== undefined) res.setHeader('npm-notice', notice);
    for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
    res.setHeader('content-length', String(reply.body.length));
    res.writeHead(reply.status);
    res.end(method === 'HEAD' ? undefined : reply.body);
  }
}
