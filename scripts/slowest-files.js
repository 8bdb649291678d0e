// A node:test reporter that prints, once the run is over, the test files that took longest
// (each file runs in a process of its own; its time is from the process's start to its end,
// start-up and imports included) and the run's totals. scripts/test.js uses it next to `spec`.
//
// Usage: node --test --test-reporter=spec --test-reporter-destination=stdout \
//          --test-reporter=./scripts/slowest-files.js --test-reporter-destination=stdout ...
// SLOWEST_FILES=<n> prints n files instead of 10 (0: every file).
import path from 'node:path';

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* slowestFiles(source) {
  const started = Date.now();
  /** @type {Map<string, { ms: number, tests: number, failed: number }>} */
  const files = new Map();
  /** @type {Map<string, { tests: number, failed: number }>} */
  const counts = new Map();
  for await (const event of source) {
    const data = event.data ?? {};
    // A file's own entry: the test the runner makes for each file, at nesting 0, named after the file.
    if (event.type === 'test:complete' && data.nesting === 0 && typeof data.file === 'string' && path.resolve(data.name ?? '') === data.file) {
      const seen = counts.get(data.file) ?? { tests: 0, failed: 0 };
      files.set(data.file, { ms: data.details?.duration_ms ?? 0, ...seen });
    }
    // Tests that are not suites: the leaves of each file's tree.
    if (
      (event.type === 'test:pass' || event.type === 'test:fail') &&
      typeof data.file === 'string' &&
      data.details?.type !== 'suite' &&
      path.resolve(data.name ?? '') !== data.file
    ) {
      const seen = counts.get(data.file) ?? { tests: 0, failed: 0 };
      seen.tests += 1;
      if (event.type === 'test:fail') seen.failed += 1;
      counts.set(data.file, seen);
    }
  }
  const wanted = Number(process.env.SLOWEST_FILES ?? 10);
  const sorted = [...files].map(([file, entry]) => ({ file, ...entry, ...counts.get(file) })).sort((a, b) => b.ms - a.ms);
  const shown = wanted > 0 ? sorted.slice(0, wanted) : sorted;
  const total = sorted.reduce((sum, entry) => sum + entry.ms, 0);
  const tests = sorted.reduce((sum, entry) => sum + (entry.tests ?? 0), 0);
  const width = Math.max(...shown.map((entry) => (entry.ms / 1000).toFixed(1).length), 1);
  let text = `\nSlowest ${shown.length} of ${sorted.length} test files (seconds from the file's process start to its end):\n`;
  for (const entry of shown) {
    text += `  ${(entry.ms / 1000).toFixed(1).padStart(width)}  ${path.relative(process.cwd(), entry.file)}  (${entry.tests ?? 0} tests)\n`;
  }
  text += `All files: ${(total / 1000).toFixed(1)} s of file time in ${((Date.now() - started) / 1000).toFixed(1)} s of wall time, ${tests} tests.\n`;
  yield text;
}
