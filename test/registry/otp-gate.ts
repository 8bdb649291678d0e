/**
 * The two-factor gate in front of every write: decides whether a user's code is
 * accepted under the current settings (tolerance, single use, rate limit) and
 * builds the answer a registry gives when it is not.
 */
import { matchStep, stepAt } from './totp.ts';
import type { Reply } from './reply.ts';
import { jsonReply } from './reply.ts';
import type { OtpChallenge, OtpRefusal } from './types.ts';
import type { User } from './users.ts';

export interface GateSettings {
  otpTolerance: number;
  singleUse: boolean;
  otpChallenge: OtpChallenge;
  rateLimitAfterRejections: number | undefined;
  rateLimitRetryAfterS: number;
}

export type GateVerdict =
  | { ok: true }
  | { ok: false; refusal: OtpRefusal; retryAfterS?: number };

interface UserGateState {
  rejections: number;
  /** Registry ms until which every write answers 429. */
  lockedUntil: number;
  /** `step:code` -> the command (npm-command + npm-session) that first used it; '' when none was sent. */
  used: Map<string, string>;
}

/** npmjs's words; npm-registry-fetch recognises "one-time pass" in a 401 body. */
export const OTP_REQUIRED_MESSAGE =
  'You must provide a one-time pass. Upgrade your client to npm@latest in order to use 2FA.';

export class OtpGate {
  readonly #state = new Map<string, UserGateState>();
  readonly #settings: () => GateSettings;

  /** `settings` is read on every check, so `configure()` takes effect at once. */
  constructor(settings: () => GateSettings) {
    this.#settings = settings;
  }

  /**
   * Checks one write. `command` identifies one npm command (npm-command and
   * npm-session headers); undefined when the client sent no npm-session.
   */
  check(user: User, otp: string | undefined, command: string | undefined, now: number): GateVerdict {
    const settings = this.#settings();
    const state = this.#stateOf(user.name);
    if (state.lockedUntil > now) {
      return { ok: false, refusal: 'rate-limited', retryAfterS: Math.max(1, Math.ceil((state.lockedUntil - now) / 1000)) };
    }
    if (state.lockedUntil !== 0) {
      state.lockedUntil = 0;
      state.rejections = 0;
    }
    if (settings.otpChallenge === 'webauthn') return { ok: false, refusal: 'webauthn' };
    if (otp === undefined || otp === '') return { ok: false, refusal: 'missing' };

    const step = matchStep(user.secret, otp, now, settings.otpTolerance);
    let refusal: OtpRefusal | undefined = step === undefined ? 'invalid' : undefined;
    if (step !== undefined && settings.singleUse) {
      const key = `${step}:${otp}`;
      const firstUse = state.used.get(key);
      if (firstUse !== undefined && (firstUse === '' || firstUse !== (command ?? ''))) refusal = 'reused';
      else state.used.set(key, command ?? '');
      this.#forgetOld(state, stepAt(now) - settings.otpTolerance - 1);
    }
    if (refusal === undefined) {
      state.rejections = 0;
      return { ok: true };
    }
    state.rejections += 1;
    const limit = settings.rateLimitAfterRejections;
    if (limit !== undefined && state.rejections >= limit) {
      state.lockedUntil = now + settings.rateLimitRetryAfterS * 1000;
    }
    return { ok: false, refusal };
  }

  #stateOf(name: string): UserGateState {
    let state = this.#state.get(name);
    if (!state) {
      state = { rejections: 0, lockedUntil: 0, used: new Map() };
      this.#state.set(name, state);
    }
    return state;
  }

  /** Codes from steps that can no longer match need not be remembered. */
  #forgetOld(state: UserGateState, oldestUsefulStep: number): void {
    for (const key of state.used.keys()) {
      if (Number(key.split(':')[0]) < oldestUsefulStep) state.used.delete(key);
    }
  }
}

/** The answer for a refused write, in the configured challenge style. */
export function refusalReply(verdict: Extract<GateVerdict, { ok: false }>, challenge: OtpChallenge, registryUrl: string): Reply {
  if (verdict.refusal === 'rate-limited') {
    return jsonReply(429, { error: 'Too many failed one-time password attempts. Please try again later.' }, {
      'retry-after': String(verdict.retryAfterS ?? 1),
    });
  }
  if (challenge === 'webauthn') {
    const id = Math.random().toString(36).slice(2);
    return jsonReply(401, {
      authUrl: `${registryUrl}-/weblogin/auth/${id}`,
      doneUrl: `${registryUrl}-/weblogin/done/${id}`,
    }, { 'www-authenticate': 'OTP' });
  }
  const headers: Record<string, string> = challenge === 'www-authenticate' ? { 'www-authenticate': 'OTP' } : {};
  return jsonReply(401, { error: OTP_REQUIRED_MESSAGE }, headers);
}
