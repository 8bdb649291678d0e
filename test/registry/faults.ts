/**
 * Faults on demand, queued by tests and consumed by matching requests: a
 * status before processing, a connection reset before processing, a lost
 * answer after processing, a delay, a conflicting owner change, and a status
 * for one package's requests only.
 */
import type { Route, RouteKind } from './routes.ts';
import { isWriteMethod } from './routes.ts';
import type { AnswerFault, CountedFault, DelayFault, FailFault, PackageFailFault, RequestMatch } from './types.ts';

export type PreFault =
  | { kind: 'fail'; status: number; body: unknown; retryAfterS: number | undefined }
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: unknown }
  | { kind: 'reset' };

interface Queued<T> {
  match: RequestMatch;
  remaining: number;
  fault: T;
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function matches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  const candidates = [path, decodedPath(path)];
  const wanted = match.path;
  return candidates.some((candidate) => (typeof wanted === 'string' ? candidate === wanted : wanted.test(candidate)));
}

function take<T>(queue: Array<Queued<T>>, method: string, path: string): T | undefined {
  const index = queue.findIndex((entry) => matches(entry.match, method, path));
  const entry = queue[index];
  if (!entry) return undefined;
  entry.remaining -= 1;
  if (entry.remaining <= 0) queue.splice(index, 1);
  return entry.fault;
}

const onlyMatch = (fault: RequestMatch): RequestMatch => {
  const match: RequestMatch = {};
  if (fault.method !== undefined) match.method = fault.method;
  if (fault.path !== undefined) match.path = fault.path;
  return match;
};

const count = (times: number | undefined, fallback: number): number => {
  const value = times ?? fallback;
  if (!(value > 0)) throw new Error(`times must be positive, got ${String(times)}`);
  return value;
};

type FailReply = Extract<PreFault, { kind: 'fail' }>;

interface PackageFail {
  pkg: string;
  phase: NonNullable<PackageFailFault['phase']>;
  afterOtp: boolean;
  remaining: number;
  fault: FailReply;
}

const PUBLISHES = new Set<RouteKind>(['publish', 'stage-approve']);

function inPhase(phase: PackageFail['phase'], method: string, route: Route): boolean {
  switch (phase) {
    case 'publish':
      return PUBLISHES.has(route.kind);
    case 'stage':
      return route.kind === 'stage-publish';
    case 'write':
      return isWriteMethod(method);
    case 'any':
      return true;
  }
}

const failReply = (status: number, fault: { body?: unknown; retryAfterS?: number | undefined }): FailReply => {
  if (!(status >= 400 && status <= 599)) throw new Error(`fail() needs a 4xx or 5xx status, got ${status}`);
  return { kind: 'fail', status, body: fault.body, retryAfterS: fault.retryAfterS };
};

export class FaultPlan {
  #pre: Array<Queued<PreFault>> = [];
  #packageFails: PackageFail[] = [];
  #lose: Array<Queued<true>> = [];
  #delays: Array<Queued<{ ms: number; phase: 'answer' | 'request' }>> = [];
  #ownerConflicts = 0;

  fail(fault: FailFault = {}): void {
    this.#pre.push({ match: onlyMatch(fault), remaining: count(fault.times, 1), fault: failReply(fault.status ?? 503, fault) });
  }

  failPackage(pkg: string, fault: PackageFailFault = {}): void {
    const phase = fault.phase ?? 'publish';
    if (!['publish', 'stage', 'write', 'any'].includes(phase)) throw new Error(`unknown phase: ${String(phase)}`);
    this.#packageFails.push({
      pkg,
      phase,
      afterOtp: fault.afterOtp ?? false,
      remaining: count(fault.times, 1),
      fault: failReply(fault.status ?? 500, fault),
    });
  }

  /**
   * The failPackage() fault for this request at this point (`afterOtp` false:
   * before processing; true: once the 2FA gate let it through), consumed if found.
   */
  takePackageFail(method: string, route: Route, afterOtp: boolean): FailReply | undefined {
    const at = this.#packageFails.findIndex((entry) => entry.afterOtp === afterOtp && entry.pkg === route.pkg && inPhase(entry.phase, method, route));
    const entry = this.#packageFails[at];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#packageFails.splice(at, 1);
    return entry.fault;
  }

  answer(fault: AnswerFault): void {
    if (!(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599))
      throw new Error(`answer() needs an HTTP status, got ${String(fault.status)}`);
    this.#pre.push({
      match: onlyMatch(fault),
      remaining: count(fault.times, 1),
      fault: { kind: 'answer', status: fault.status, headers: { ...fault.headers }, body: fault.body },
    });
  }

  reset(fault: CountedFault = {}): void {
    this.#pre.push({ match: onlyMatch(fault), remaining: count(fault.times, 1), fault: { kind: 'reset' } });
  }

  loseAnswer(fault: CountedFault = {}): void {
    this.#lose.push({ match: onlyMatch(fault), remaining: count(fault.times, 1), fault: true });
  }

  delay(ms: number, fault: DelayFault = {}): void {
    if (!(ms >= 0)) throw new Error(`delay needs ms >= 0, got ${ms}`);
    this.#delays.push({
      match: onlyMatch(fault),
      remaining: count(fault.times, Number.POSITIVE_INFINITY),
      fault: { ms, phase: fault.phase ?? 'answer' },
    });
  }

  ownerConflictOnce(): void {
    this.#ownerConflicts += 1;
  }

  clear(): void {
    this.#pre = [];
    this.#packageFails = [];
    this.#lose = [];
    this.#delays = [];
    this.#ownerConflicts = 0;
  }

  /** A fault that replaces processing entirely (fail or reset), consumed if found. */
  takePre(method: string, path: string): PreFault | undefined {
    return take(this.#pre, method, path);
  }

  takeLoseAnswer(method: string, path: string): boolean {
    return take(this.#lose, method, path) === true;
  }

  /** The delay (ms) for this request in `phase`, consumed if found; 0 if none. */
  takeDelay(method: string, path: string, phase: 'answer' | 'request'): number {
    const queue = this.#delays.filter((entry) => entry.fault.phase === phase);
    const found = take(queue, method, path);
    this.#delays = this.#delays.filter((entry) => entry.remaining > 0);
    return found?.ms ?? 0;
  }

  takeOwnerConflict(): boolean {
    if (this.#ownerConflicts === 0) return false;
    this.#ownerConflicts -= 1;
    return true;
  }
}
