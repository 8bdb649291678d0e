/**
 * The two-factor gate in front of every write: decides whether a user's code is
 * accepted under the current settings (tolerance, single use, rate limits on
 * failed attempts and on uses per code) and builds the answer a registry gives
 * when it is not. It also keeps the counters behind `TestRegistry.otpStats`.
 */
import { matchStep, stepAt } from './totp.ts';
import type { Reply } from './reply.ts';
import { jsonReply } from './reply.ts';
import type { OtpChallenge, OtpCodeStats, OtpRefusal, OtpStats, RateLimitKind } from './types.ts';
import type { User } from './users.ts';

export interface GateSettings {
  otpTolerance: number;
  singleUse: boolean;
  otpChallenge: OtpChallenge;
  rateLimitAfterRejections: number | undefined;
  rateLimitRetryAfterS: number;
  otpUsesPerCode: number | undefined;
  otpUsesRetryAfterS: number;
}

export type GateVerdict = { ok: true } | { ok: false; refusal: OtpRefusal; retryAfterS?: number; limit?: RateLimitKind };

/** How often one code (of one user, at one step) was used. */
interface CodeUses {
  uses: number;
  /** The commands that already used it (each counts once). */
  commands: Set<string>;
}

interface UserGateState {
  rejections: number;
  /** Registry ms until which every write answers 429 (too many failed attempts). */
  lockedUntil: number;
  /** Registry ms until which every write answers 429 (a code went over otpUsesPerCode). */
  usesLockedUntil: number;
  /** `step:code` -> the command (npm-command + npm-session) that first used it; '' when none was sent. */
  used: Map<string, string>;
  /** `step:code` -> uses counted against otpUsesPerCode. */
  uses: Map<string, CodeUses>;
}

const secondsLeft = (until: number, now: number): number => Math.max(1, Math.ceil((until - now) / 1000));

/** npmjs's words; npm-registry-fetch recognises "one-time pass" in a 401 body. */
export const OTP_REQUIRED_MESSAGE = 'You must provide a one-time pass. Upgrade your client to npm@latest in order to use 2FA.';

export class OtpGate {
  readonly #state = new Map<string, UserGateState>();
  readonly #settings: () => GateSettings;
  readonly #stats = { accepted: 0, uses: 0, refused: 0, rateLimited: 0, rateLimitedCodeUses: 0 };
  /** `user step:code` -> counters, never pruned (a test's lifetime is short). */
  readonly #codes = new Map<string, OtpCodeStats>();

  /** `settings` is read on every check, so `configure()` takes effect at once. */
  constructor(settings: () => GateSettings) {
    this.#settings = settings;
  }

  /**
   * Checks one write. `command` identifies one npm command (npm-command and
   * npm-session headers, or npm-command and the connection); undefined when the
   * client sent neither.
   */
  check(user: User, otp: string | undefined, command: string | undefined, now: number): GateVerdict {
    const verdict = this.#check(user, otp, command, now);
    if (verdict.ok) this.#stats.accepted += 1;
    else if (verdict.refusal !== 'rate-limited') this.#stats.refused += 1;
    else {
      this.#stats.rateLimited += 1;
      if (verdict.limit === 'code-uses') this.#stats.rateLimitedCodeUses += 1;
    }
    return verdict;
  }

  /** A copy of the counters. */
  stats(): OtpStats {
    return { ...this.#stats, distinctCodes: this.#codes.size, codes: [...this.#codes.values()].map((entry) => ({ ...entry })) };
  }

  #check(user: User, otp: string | undefined, command: string | undefined, now: number): GateVerdict {
    const settings = this.#settings();
    const state = this.#stateOf(user.name);
    if (state.lockedUntil > now) {
      return { ok: false, refusal: 'rate-limited', limit: 'failed-attempts', retryAfterS: secondsLeft(state.lockedUntil, now) };
    }
    if (state.lockedUntil !== 0) {
      state.lockedUntil = 0;
      state.rejections = 0;
    }
    if (state.usesLockedUntil > now) {
      return { ok: false, refusal: 'rate-limited', limit: 'code-uses', retryAfterS: secondsLeft(state.usesLockedUntil, now) };
    }
    if (otp === undefined || otp === '') return { ok: false, refusal: 'missing' };

    const step = matchStep(user.secret, otp, now, settings.otpTolerance);
    const key = `${step}:${otp}`;
    let refusal: OtpRefusal | undefined = step === undefined ? 'invalid' : undefined;
    if (step !== undefined && settings.singleUse) {
      const firstUse = state.used.get(key);
      if (firstUse !== undefined && (firstUse === '' || firstUse !== (command ?? ''))) refusal = 'reused';
      else state.used.set(key, command ?? '');
    }
    if (step !== undefined) this.#forgetOld(state, stepAt(now) - settings.otpTolerance - 1);
    if (step !== undefined && refusal === undefined) {
      const over = this.#countUse(state, user.name, key, step, otp, command, settings.otpUsesPerCode);
      if (over) {
        state.usesLockedUntil = now + settings.otpUsesRetryAfterS * 1000;
        return { ok: false, refusal: 'rate-limited', limit: 'code-uses', retryAfterS: secondsLeft(state.usesLockedUntil, now) };
      }
      state.rejections = 0;
      return { ok: true };
    }
    state.rejections += 1;
    const limit = settings.rateLimitAfterRejections;
    if (limit !== undefined && state.rejections >= limit) {
      state.lockedUntil = now + settings.rateLimitRetryAfterS * 1000;
    }
    return { ok: false, refusal: refusal ?? 'invalid' };
  }

  /**
   * Counts an accepted code's use: once per command (every request when there is
   * no command). True when this use would exceed `limit` (then nothing is counted).
   */
  #countUse(state: UserGateState, userName: string, key: string, step: number, otp: string, command: string | undefined, limit: number | undefined): boolean {
    let entry = state.uses.get(key);
    if (!entry) {
      entry = { uses: 0, commands: new Set() };
      state.uses.set(key, entry);
    }
    const statsKey = `${userName} ${key}`;
    let stats = this.#codes.get(statsKey);
    if (!stats) {
      stats = { user: userName, code: otp, step, requests: 0, uses: 0, overLimit: 0 };
      this.#codes.set(statsKey, stats);
    }
    const newUse = command === undefined || !entry.commands.has(command);
    if (newUse && limit !== undefined && entry.uses >= limit) {
      stats.overLimit += 1;
      return true;
    }
    stats.requests += 1;
    if (newUse) {
      entry.uses += 1;
      if (command !== undefined) entry.commands.add(command);
      stats.uses += 1;
      this.#stats.uses += 1;
    }
    return false;
  }

  #stateOf(name: string): UserGateState {
    let state = this.#state.get(name);
    if (!state) {
      state = { rejections: 0, lockedUntil: 0, usesLockedUntil: 0, used: new Map(), uses: new Map() };
      this.#state.set(name, state);
    }
    return state;
  }

  /** Codes from steps that can no longer match need not be remembered. */
  #forgetOld(state: UserGateState, oldestUsefulStep: number): void {
    for (const map of [state.used, state.uses]) {
      for (const key of map.keys()) {
        if (Number(key.split(':')[0]) < oldestUsefulStep) map.delete(key);
      }
    }
  }
}

/** The answer for a refused write, in the configured challenge style. */
export function refusalReply(verdict: Extract<GateVerdict, { ok: false }>, challenge: OtpChallenge, _registryUrl: string): Reply {
  if (verdict.refusal === 'rate-limited') {
    // 'rate limited otp' is what npm users report from registry.npmjs.org (lerna#2459).
    const error = verdict.limit === 'code-uses' ? 'rate limited otp' : 'Too many failed one-time password attempts. Please try again later.';
    return jsonReply(
      429,
      { error },
      {
        'retry-after': String(verdict.retryAfterS ?? 1),
      },
    );
  }
  const headers: Record<string, string> = challenge === 'www-authenticate' ? { 'www-authenticate': 'OTP' } : {};
  return jsonReply(401, { error: OTP_REQUIRED_MESSAGE }, headers);
}
