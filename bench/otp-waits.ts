/**
 * The OTP engine's scenarios from issue 4, against the test registry, on the
 * REAL clock: waits for windows are real waits, which is what this measures.
 * Prints one row per scenario: codes generated and rejected, waits and the
 * seconds spent waiting (from OtpSource.stats), wall time, outcome, and what
 * the registry made of each write.
 *
 *   node_modules/.bin/node bench/otp-waits.ts
 *
 * Takes about 1-2 minutes (the single-use scenario waits for two windows).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/foundation/clock.ts';
import type { Logger } from '../src/foundation/logger.ts';
import { parseTotpSecret } from '../src/otp/secret.ts';
import { OtpSource } from '../src/otp/source.ts';
import { TimeSync } from '../src/otp/time-sync.ts';
import type { OtpContext } from '../src/otp/with-otp.ts';
import { readTarball, type Tarball } from '../src/package/tarball.ts';
import { RegistryClient } from '../src/registry/client.ts';
import { distTagAdd } from '../src/commands/dist-tag.ts';
import { changeOwner } from '../src/commands/owner.ts';
import { publishPlanned, tarballPlan } from '../test/helpers/publish.ts';
import { packToFile } from '../test/helpers/pack.ts';
import { commandContext } from '../src/commands/command.ts';
import { USER_AGENT } from '../src/version.ts';
import { type CreatedUser, startRegistry, type TestRegistry } from '../test/registry/index.ts';

const WINDOW_MS = 30_000;

interface Row {
  scenario: string;
  outcome: string;
  generated: number;
  rejected: number;
  waits: number;
  waitedS: string;
  wallS: string;
  registry: string;
}

/** A logger that keeps warnings (to show) and drops the rest. */
function quietLogger(warnings: string[]): Logger {
  return { debug() {}, info() {}, warning: (message) => void warnings.push(message), error() {}, notice() {}, mask() {}, relay() {} };
}

/** The run's parts as `runCommands` builds them, by hand, so the source's stats can be read. */
function engine(registry: TestRegistry, user: CreatedUser, warnings: string[]) {
  const logger = quietLogger(warnings);
  const timeSync = new TimeSync();
  const client = new RegistryClient({ registry: registry.url, token: user.token, clock: systemClock, timeSync, userAgent: USER_AGENT });
  const source = new OtpSource({ secret: parseTotpSecret(user.secret, 'otp-secret'), clock: systemClock, timeSync, logger });
  const otp: OtpContext = { source, clock: systemClock, logger, secretInput: 'otp-secret' };
  return { source, command: () => commandContext({ client, otp, logger, dryRun: false }) };
}

let packages = 0;
/** A tiny package, packed by the product's own packer before the scenario's clock starts. */
async function tarball(prefix: string): Promise<Tarball & { cleanup(): Promise<void> }> {
  packages += 1;
  const name = `${prefix}-${packages}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-otp-'));
  const manifest = { name, version: '1.0.0', main: 'index.js' };
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'index.js'), `module.exports = ${packages};\n`);
  const packed = await packToFile(dir);
  const read = await readTarball(packed.file, 'package');
  return {
    ...read,
    cleanup: async () => {
      await packed.cleanup();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A registry clock offset close to `skewMs` (within 15 s) that puts the registry `intoWindowMs` into a window right now. */
function offsetFor(intoWindowMs: number, skewMs = 0): number {
  let delta = intoWindowMs - ((((Date.now() + skewMs) % WINDOW_MS) + WINDOW_MS) % WINDOW_MS);
  if (delta > WINDOW_MS / 2) delta -= WINDOW_MS;
  if (delta <= -WINDOW_MS / 2) delta += WINDOW_MS;
  return skewMs + delta;
}

/** Runs `act` once the registry holds a write (a request-phase delay). */
async function whileHeld(registry: TestRegistry, act: () => void): Promise<void> {
  while (!registry.requests.some((request) => request.method !== 'GET' && request.fault === 'delay')) await new Promise((resolve) => setTimeout(resolve, 2));
  act();
}

function verdicts(registry: TestRegistry): string {
  return registry.requests
    .filter((request) => request.method !== 'GET' && request.method !== 'HEAD')
    .map((request) => (request.otpAccepted ? 'ok' : (request.otpRefusal ?? String(request.status))))
    .join(' ');
}

async function scenario(
  registry: TestRegistry,
  name: string,
  run: (user: CreatedUser, warnings: string[]) => Promise<{ source: OtpSource; outcome: string }>,
): Promise<Row> {
  const user = await registry.addUser(`bench-${packages}-${Math.random().toString(36).slice(2, 8)}`);
  const warnings: string[] = [];
  registry.clearRequests();
  const started = performance.now();
  let outcome: string;
  let source: OtpSource | undefined;
  try {
    const result = await run(user, warnings);
    source = result.source;
    outcome = result.outcome;
  } catch (error) {
    outcome = `FAILED: ${(error as Error).message.slice(0, 80)}`;
  }
  const wall = (performance.now() - started) / 1000;
  registry.clearFaults();
  const stats = source?.stats ?? { generated: 0, rejected: 0, waits: 0, waitedMs: 0 };
  return {
    scenario: name,
    outcome,
    generated: stats.generated,
    rejected: stats.rejected,
    waits: stats.waits,
    waitedS: (stats.waitedMs / 1000).toFixed(1),
    wallS: wall.toFixed(1),
    registry: verdicts(registry),
  };
}

function printTable(rows: Row[]): void {
  const header: Row = {
    scenario: 'scenario',
    outcome: 'outcome',
    generated: 0,
    rejected: 0,
    waits: 0,
    waitedS: 's waited',
    wallS: 'wall s',
    registry: 'registry saw',
  };
  const cells = (row: Row, head = false) => [
    row.scenario,
    row.outcome,
    head ? 'codes generated' : String(row.generated),
    head ? 'codes rejected' : String(row.rejected),
    head ? 'waits' : String(row.waits),
    row.waitedS,
    row.wallS,
    row.registry,
  ];
  const table = [cells(header, true), ...rows.map((row) => cells(row))];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((line) => (line[column] ?? '').length))) ?? [];
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(line(table[0] ?? []));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const values of table.slice(1)) console.log(line(values));
}

const registry = await startRegistry();
const rows: Row[] = [];
const reset = () => registry.configure({ clockOffsetMs: 0, otpTolerance: 1, singleUse: false, otpChallenge: 'www-authenticate' });
try {
  for (const skewS of [90, -90]) {
    const pkg = await tarball(`skew${skewS > 0 ? 'ahead' : 'behind'}`);
    reset();
    registry.configure({ clockOffsetMs: skewS * 1000 });
    rows.push(
      await scenario(registry, `skew ${skewS > 0 ? '+' : ''}${skewS} s (tolerance 1)`, async (user, warnings) => {
        const { source, command } = engine(registry, user, warnings);
        const outcome = await publishPlanned(command(), tarballPlan(pkg));
        return { source, outcome: outcome.published ? 'published' : outcome.status };
      }),
    );
    await pkg.cleanup();
  }

  {
    const pkg = await tarball('singleuse');
    const other = await registry.addUser(`bench-owner-${packages}`);
    reset();
    registry.configure({ singleUse: true, otpTolerance: 0, clockOffsetMs: offsetFor(5_000) });
    rows.push(
      await scenario(registry, 'single use: publish, dist-tag, owner (tolerance 0)', async (user, warnings) => {
        const { source, command } = engine(registry, user, warnings);
        await publishPlanned(command(), tarballPlan(pkg));
        await distTagAdd(command(), pkg.manifest.name, '1.0.0', 'beta');
        await changeOwner(command(), 'add', other.name, pkg.manifest.name);
        return { source, outcome: `3 writes done${warnings.some((w) => /allows each code once/.test(w)) ? ', switched to single use' : ''}` };
      }),
    );
    await pkg.cleanup();
  }

  {
    const pkg = await tarball('slowupload');
    reset();
    // 4.5 s left in the window when the upload starts; the registry reads it 6 s later.
    registry.configure({ otpTolerance: 0, clockOffsetMs: offsetFor(25_500) });
    registry.delay(6_000, { method: 'PUT', phase: 'request', times: 1 });
    rows.push(
      await scenario(registry, 'upload slowed 6 s across a window end (tolerance 0)', async (user, warnings) => {
        const { source, command } = engine(registry, user, warnings);
        const outcome = await publishPlanned(command(), tarballPlan(pkg));
        return { source, outcome: outcome.published ? 'published' : outcome.status };
      }),
    );
    await pkg.cleanup();
  }

  {
    const pkg = await tarball('jump');
    reset();
    const offset = offsetFor(10_000);
    registry.configure({ otpTolerance: 0, clockOffsetMs: offset });
    registry.delay(300, { method: 'PUT', phase: 'request', times: 1 });
    rows.push(
      await scenario(registry, 'code rejected once: registry clock jumps +30 s (tolerance 0)', async (user, warnings) => {
        const { source, command } = engine(registry, user, warnings);
        const [outcome] = await Promise.all([
          publishPlanned(command(), tarballPlan(pkg)),
          whileHeld(registry, () => registry.configure({ clockOffsetMs: offset + WINDOW_MS })),
        ]);
        return { source, outcome: outcome.published ? 'published' : outcome.status };
      }),
    );
    await pkg.cleanup();
  }
} finally {
  await registry.close();
}

console.log(`OTP engine, real clock, test registry (Node ${process.version}, ${new Date().toISOString()})\n`);
printTable(rows);
console.log('\nregistry saw: the verdict on each write in order (ok = code accepted; invalid/reused = code refused; rate-limited = 429).');
