import type { Clock } from '../foundation/clock.ts';
import { ProductError } from '../foundation/errors.ts';
import type { Logger } from '../foundation/logger.ts';

/**
 * Web-based 2FA for writes, as npm's own clients speak it (npm-registry-fetch, npm-profile's
 * webAuthOpener/webAuthCheckLogin, npm CLI's otplease), without a terminal: a write sent with
 * `npm-auth-type: web` that needs a second factor is answered 401 with `{authUrl, doneUrl}`; a person
 * opens authUrl (a phone, a security key) and approves; `doneUrl` answers 202 until then and 200
 * `{token}` after; the write is sent again with that token as its one-time password.
 */

/** A challenge as the registry gave it: where the person approves, where the client asks. */
export interface WebChallenge {
  authUrl: string;
  doneUrl: string;
}

/** One answer of `doneUrl`. */
export type DoneAnswer =
  { status: 'pending'; retryAfterMs: number | undefined } | { status: 'approved'; token: string } | { status: 'refused'; httpStatus: number; message: string };

/** What the web approvals need from their surroundings (run/ builds it from the registry client). */
export interface WebApprovalDeps {
  clock: Clock;
  logger: Logger;
  /** The registry's base URL: only a doneUrl on its origin is asked, with the token. */
  registry: string;
  /** How long one approval may take, ms. */
  timeoutMs: number;
  /** The setting that holds the timeout, for messages (`approval-timeout`, `--approval-timeout`). */
  timeoutInput: string;
  /** Asks doneUrl once (GET, with the registry token and npm's command name); the origin is checked before this is called. */
  poll(doneUrl: string, npmCommand: string | undefined): Promise<DoneAnswer>;
  /** Opens the approval page on this machine (the CLI's --open). */
  open?(authUrl: string): void;
  /** Tells people elsewhere that an approval waits (a chat webhook); may fail, never stops the run. */
  notify?(message: ApprovalMessage): Promise<void>;
  /** What the run as a whole is doing, for the person approving ("publish of 38 packages"). */
  runDescription?: string;
}

/** What a notification says about a waiting approval. */
export interface ApprovalMessage {
  text: string;
  waiting: string;
  authUrl: string;
  /** ISO 8601. */
  deadline: string;
}

/** Polls at least this far apart, whatever the registry says (npm polls again at once without retry-after). */
const MIN_POLL_MS = 1000;
/** And at most this far apart, so an approval is noticed soon. */
const MAX_POLL_MS = 30_000;
/** Polls without retry-after this far apart. */
const DEFAULT_POLL_MS = 2000;
/** A line in the log this often while a person has not approved yet. */
const REMIND_EVERY_MS = 30_000;
/** Approvals one write may need before it gives up (a token refused right after its approval, then a new challenge). */
const MAX_APPROVALS_PER_WRITE = 2;

/** Nobody approved within approval-timeout. */
export class ApprovalTimeoutError extends ProductError {
  constructor(label: string, timeoutMs: number, input: string, authUrl: string) {
    super(
      'EAPPROVALTIMEOUT',
      `Nobody approved "${label}" within ${formatDuration(timeoutMs)} (${input}), so it was not written. ` +
        `The approval page was ${authUrl}. Run the step again to go on: what is already in the registry is not written twice.`,
    );
  }
}

/** The registry ended the approval without a token: denied, expired, or not this token's to ask. */
export class ApprovalRefusedError extends ProductError {
  constructor(label: string, httpStatus: number, message: string) {
    super(
      'EAPPROVALREFUSED',
      `The registry ended the web approval of "${label}" without approving it (${httpStatus}${message ? `: ${message}` : ''}): ` +
        'it was denied, it expired, or the token may not ask for it. Nothing was written for it.',
    );
  }
}

/** The doneUrl is not on the registry's origin: the token is never sent there. */
export class ApprovalHostError extends ProductError {
  constructor(label: string, doneUrl: string, registry: string) {
    let host = doneUrl;
    try {
      host = new URL(doneUrl).origin;
    } catch {
      // shown as given
    }
    super(
      'EAPPROVALHOST',
      `The registry asked for a web approval of "${label}" but names ${host} to ask for its result, which is not the registry (${new URL(registry).origin}): ` +
        'the token is never sent to another origin, so this approval cannot be followed. Point the registry setting at the registry that answers the approval, or use a TOTP secret.',
    );
  }
}

/** The challenge a refused write carries, when the registry offers web approval (an EOTP whose body names authUrl and doneUrl). */
export function webChallengeOf(error: unknown): WebChallenge | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const body = (error as { body?: unknown }).body;
  if (typeof body !== 'object' || body === null) return undefined;
  const { authUrl, doneUrl } = body as { authUrl?: unknown; doneUrl?: unknown };
  if (typeof authUrl !== 'string' || typeof doneUrl !== 'string') return undefined;
  try {
    const auth = new URL(authUrl);
    const done = new URL(doneUrl);
    if (!/^https?:$/.test(auth.protocol) || !/^https?:$/.test(done.protocol)) return undefined;
  } catch {
    return undefined;
  }
  return { authUrl, doneUrl };
}

/**
 * The run's web approvals: asks a person, waits, and remembers what the registry showed about
 * approvals (writes may go through unasked while npm's "don't ask again for 5 minutes" window is
 * open, or the approved token may be accepted again), so that one approval serves as many writes as
 * the registry allows and a new challenge starts a new approval.
 */
export class WebApprovals {
  readonly #deps: WebApprovalDeps;
  /** The last approved token (masked), tried again once when a later write is challenged. */
  #token: string | undefined;
  /** Whether the registry accepted the last token again (undefined: not seen yet). */
  #tokenReused: boolean | undefined;
  /** Whether a write went through unasked after an approval (npm's 5-minute window). */
  #windowSeen = false;
  /** Approvals the person gave in this run. */
  approvals = 0;
  /** The approval being asked for now: one at a time. */
  #inFlight: Promise<string> | undefined;
  /** Why the last approval was not given: later challenged writes fail with it at once. */
  #failed: ProductError | undefined;
  /** True once the account answered a TOTP code with a web challenge (auth-type auto): no more codes are sent. */
  replacesTotp = false;

  constructor(deps: WebApprovalDeps) {
    this.#deps = deps;
  }

  /** The one-time password to send first: the approved token where the registry takes it again, else none. */
  firstOtp(): string | undefined {
    return this.#tokenReused === true ? this.#token : undefined;
  }

  /** Stops TOTP codes for the rest of the run, saying why once. */
  replaceTotp(why: string): void {
    if (this.replacesTotp) return;
    this.replacesTotp = true;
    this.#deps.logger.warning(why);
  }

  /** A write sent with no one-time password went through after an approval: the window is open. */
  passedUnasked(): void {
    if (this.approvals > 0 && !this.#windowSeen) {
      this.#windowSeen = true;
      this.#deps.logger.info('The registry let a write through without asking again: the approval\'s "don\'t ask again" window is open.');
    }
  }

  /**
   * Completes a write the registry challenged: the last approved token once (the registry may take
   * it again), else a person's approval, then the write again with the new token. One approval is
   * asked at a time: a write challenged meanwhile waits for it, then goes again unasked (the
   * "don't ask again" window) or with its token, and asks only if the registry still does. After
   * an approval that was not given (timeout, refusal), the other waiting writes fail at once with
   * the same reason instead of each waiting out its own. Returns what the write returned; throws
   * its error, or EAPPROVALTIMEOUT, EAPPROVALREFUSED, EAPPROVALHOST.
   */
  async complete<T>(
    write: { label: string; npmCommand?: string | undefined },
    challenge: WebChallenge,
    send: (otp: string | undefined) => Promise<T>,
    tally: { waitedMs: number },
  ): Promise<T> {
    let current = challenge;
    let asked = 0;
    let tokenTried = false;
    for (;;) {
      if (this.#failed) throw this.#failed;
      const other = this.#inFlight;
      if (other) {
        const waitedFrom = this.#deps.clock.now();
        await other.then(
          () => undefined,
          () => undefined,
        );
        tally.waitedMs += this.#deps.clock.now() - waitedFrom;
        if (this.#failed) throw this.#failed;
        const unasked = await attempt(() => send(undefined));
        if ('value' in unasked) {
          this.passedUnasked();
          return unasked.value;
        }
        current = unasked.challenge;
        continue;
      }
      if (!tokenTried && this.#token !== undefined && this.#tokenReused !== false) {
        tokenTried = true;
        const again = await attempt(() => send(this.#token));
        if ('value' in again) {
          this.#tokenReused = true;
          return again.value;
        }
        this.#tokenReused = false;
        current = again.challenge;
        continue;
      }
      if (asked >= MAX_APPROVALS_PER_WRITE) throw new ApprovalRefusedError(write.label, 401, 'the registry asked again right after each approval');
      asked += 1;
      if (asked > 1) this.#deps.logger.info(`The registry asks again for "${write.label}" right after its approval; asking once more.`);
      const approval = this.#approve(write, current, tally);
      this.#inFlight = approval;
      let token: string;
      try {
        token = await approval;
      } catch (error) {
        if (error instanceof ProductError) this.#failed = new ProductError(error.code, error.message, { cause: error });
        throw error;
      } finally {
        if (this.#inFlight === approval) this.#inFlight = undefined;
      }
      const sent = await attempt(() => send(token));
      if ('value' in sent) return sent.value;
      current = sent.challenge;
    }
  }

  /** One approval: say where, tell the webhook, poll doneUrl until a token comes or the time is up. */
  async #approve(
    { label, npmCommand }: { label: string; npmCommand?: string | undefined },
    challenge: WebChallenge,
    tally: { waitedMs: number },
  ): Promise<string> {
    const { clock, logger, timeoutMs } = this.#deps;
    if (new URL(challenge.doneUrl).origin !== new URL(this.#deps.registry).origin) throw new ApprovalHostError(label, challenge.doneUrl, this.#deps.registry);
    const startedAt = clock.now();
    const deadline = startedAt + timeoutMs;
    const waiting = this.#deps.runDescription && this.#deps.runDescription !== label ? `${label} (${this.#deps.runDescription})` : label;
    const window = this.approvals === 0 ? ' Tick "don\'t ask again for 5 minutes" to approve the rest of this run at once where the registry allows it.' : '';
    const text = `Approval needed on npm: ${waiting}. Open ${challenge.authUrl} and approve; this job waits until ${new Date(deadline).toISOString()} (${formatDuration(timeoutMs)}).${window}`;
    logger.notice(text);
    this.#deps.open?.(challenge.authUrl);
    if (this.#deps.notify) {
      await this.#deps.notify({ text, waiting, authUrl: challenge.authUrl, deadline: new Date(deadline).toISOString() }).catch((error: unknown) => {
        logger.warning(
          `Could not send the approval notice to the webhook (${error instanceof Error ? error.message : String(error)}); the job waits all the same.`,
        );
      });
    }
    let remindAt = startedAt + REMIND_EVERY_MS;
    try {
      for (;;) {
        const answer = await this.#deps.poll(challenge.doneUrl, npmCommand);
        if (answer.status === 'approved') {
          logger.mask(answer.token);
          this.#token = answer.token;
          this.approvals += 1;
          logger.info(`Approved: ${label} (after ${formatDuration(clock.now() - startedAt)}).`);
          return answer.token;
        }
        if (answer.status === 'refused') throw new ApprovalRefusedError(label, answer.httpStatus, answer.message);
        const now = clock.now();
        if (now >= deadline) throw new ApprovalTimeoutError(label, timeoutMs, this.#deps.timeoutInput, challenge.authUrl);
        if (now >= remindAt) {
          logger.info(`Still waiting for an approval of ${waiting}: ${challenge.authUrl} (${formatDuration(deadline - now)} left).`);
          remindAt = now + REMIND_EVERY_MS;
        }
        const pause = Math.min(Math.max(answer.retryAfterMs ?? DEFAULT_POLL_MS, MIN_POLL_MS), MAX_POLL_MS, Math.max(deadline - now, 0));
        await clock.sleep(pause);
      }
    } finally {
      tally.waitedMs += clock.now() - startedAt;
    }
  }
}

/** Sends once: the write's value, or the new challenge the registry answered with; any other error is thrown. */
async function attempt<T>(send: () => Promise<T>): Promise<{ value: T } | { challenge: WebChallenge }> {
  try {
    return { value: await send() };
  } catch (error) {
    const challenge = webChallengeOf(error);
    if (!challenge) throw error;
    return { challenge };
  }
}

/** `15m`, `90s`, `1h`: the approval timeout as users write it; a bare number is seconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? 's').toLowerCase();
  const ms = value * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** A duration for people: `15 min`, `90 s`, `1 h 5 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
