import * as core from '@actions/core';
import type { Redactor } from '../foundation/redactor.ts';
import type { PackageResult, RunReport, CommandResult } from '../run/result.ts';

/**
 * Sets the action's outputs: published, name, version, tag, results and
 * packages (JSON). They are data: built from values that never hold a
 * one-time password, written as JSON that always parses; only strings are
 * cleaned, of the long-lived secrets (dataJson).
 */
export function writeOutputs(report: RunReport, redactor: Redactor): void {
  core.setOutput('published', report.published ? 'true' : 'false');
  core.setOutput('name', report.name ?? '');
  core.setOutput('version', report.version ?? '');
  core.setOutput('tag', report.tag ?? '');
  core.setOutput('results', dataJson(report.results, redactor));
  if (report.packages) core.setOutput('packages', dataJson(report.packages, redactor));
  core.setOutput('approvals', String(report.approvals ?? 0));
}

/** JSON of `value` whose strings hold no token or TOTP secret; numbers, keys and the structure are untouched. */
function dataJson(value: unknown, redactor: Redactor, indent?: number): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'string' ? redactor.redactSecrets(inner) : inner), indent);
}

/**
 * Appends a table of the run to the job summary: one row per command with
 * its outcome, OTP attempts, waits, duration and what changed (or why it
 * failed), under a heading that says how the run ended, a link to the
 * published version, and one to each provenance statement's transparency
 * log entry.
 */
export async function writeSummary(report: RunReport, redactor: Redactor, auth: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const clean = (text: string) => summaryText(redactor.redact(text));
  const cell = (text: string) => ({ data: text === '' ? '&nbsp;' : text });
  const rows = report.results.map((result) => [
    cell(result.line > 0 ? String(result.line) : ''),
    cell(`<code>${clean(result.command)}</code>`),
    cell(outcomeText(result)),
    cell(String(result.otpAttempts)),
    cell(seconds(result.waitedMs)),
    cell(seconds(result.durationMs)),
    cell(clean(result.detail)),
  ]);
  const summary = core.summary.addHeading(clean(heading(report)), 3).addRaw(`<p>Registry: <code>${clean(report.registry)}</code>. ${clean(auth)}</p>`, true);
  // A command's own table (doctor's findings), each cell text from outside as much as from us.
  for (const { table } of report.tables ?? []) {
    summary.addHeading(clean(table.title), 4);
    summary.addTable([table.columns.map((data) => ({ data: clean(data), header: true })), ...table.rows.map((row) => row.map((text) => cell(clean(text))))]);
  }
  if (report.approvals) summary.addRaw(`<p>Web approvals given during the run: ${report.approvals}.</p>`, true);
  if (report.packages) {
    const packageIcons: Record<PackageResult['outcome'], string> = {
      published: '✅ published',
      unchanged: '⏭️ already there',
      tagged: '🏷️ tagged',
      private: '🔒 private',
      skipped: '⏭️ skipped',
      'dry-run': '🧪 dry run',
      staged: '📦 staged',
      failed: '❌ failed',
      'not-run': '⏸️ not run',
    };
    summary.addTable([
      ['Package', 'Version', 'Tag', 'Outcome', 'Detail'].map((data) => ({ data, header: true })),
      ...report.packages.map((entry) => [
        cell(`<code>${clean(entry.name)}</code>`),
        cell(clean(entry.version)),
        cell(clean(entry.tag)),
        cell(packageIcons[entry.outcome]),
        cell(clean(entry.detail)),
      ]),
    ]);
  }
  summary.addTable([['Line', 'Command', 'Outcome', 'OTP attempts', 'Waited', 'Duration', 'Detail'].map((data) => ({ data, header: true })), ...rows]);
  const link = packageLink(report);
  if (link && report.published && !report.packages) summary.addLink(clean(`${report.name}@${report.version} on the registry`), clean(link));
  for (const result of report.results) {
    if (result.transparencyLogUrl)
      summary.addRaw(
        `<p>Provenance of <code>${clean(result.command.replace(/^publish /, ''))}</code>: <a href="${clean(result.transparencyLogUrl)}">its transparency log entry</a></p>`,
        true,
      );
  }
  await summary.write();
}

/** How the run ended, in a few words. */
function heading(report: RunReport): string {
  const written = report.results.filter(
    (result) => result.outcome === 'published' || result.outcome === 'done' || result.outcome === 'tagged' || result.outcome === 'staged',
  ).length;
  const failed = report.results.find((result) => result.outcome === 'failed');
  // A run that wrote nothing and gave a table (doctor): its title says how it went.
  const table = report.tables?.[0]?.table;
  if (table && written === 0 && !failed) return table.title;
  if (failed) {
    const where = failed.line > 0 ? `line ${failed.line} (${failed.command})` : failed.command;
    return `npm-totp-publish failed at ${where}; ${written} write${written === 1 ? '' : 's'} done before it`;
  }
  // Every row stands (a version is in the registry), but something after it failed: a postpublish script.
  if (report.error !== undefined)
    return `npm-totp-publish: ${written} write${written === 1 ? '' : 's'} done, then the run failed (see the rows below and the step's error)`;
  if (
    report.results.length > 0 &&
    report.results.every((result) => result.outcome === 'dry-run' || result.outcome === 'read' || result.outcome === 'unchanged')
  ) {
    if (report.results.some((result) => result.outcome === 'dry-run')) return 'npm-totp-publish dry run: nothing was written';
  }
  if (report.packages) {
    const count = (outcome: PackageResult['outcome']) => report.packages?.filter((entry) => entry.outcome === outcome).length ?? 0;
    const staged = count('staged') > 0 ? `${count('staged')} staged (to be approved), ` : '';
    return `npm-totp-publish: ${staged}${count('published')} workspace package${count('published') === 1 ? '' : 's'} published, ${count('unchanged') + count('tagged')} already there, ${count('private')} private${count('skipped') > 0 ? `, ${count('skipped')} skipped` : ''}`;
  }
  if (report.published) return `Published ${report.name}@${report.version}`;
  return written > 0 ? `npm-totp-publish: ${written} write${written === 1 ? '' : 's'} done` : 'npm-totp-publish: nothing to write, the registry already agreed';
}

function outcomeText(result: CommandResult): string {
  const icons: Record<CommandResult['outcome'], string> = {
    published: '✅ published',
    done: '✅ done',
    tagged: '🏷️ tagged',
    unchanged: '⏭️ already so',
    read: '📖 read',
    'dry-run': '🧪 dry run',
    staged: '📦 staged',
    failed: '❌ failed',
    'not-run': '⏸️ not run',
  };
  return icons[result.outcome];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function packageLink(report: RunReport): string | undefined {
  if (!report.name || !report.version) return undefined;
  if (new URL(report.registry).hostname === 'registry.npmjs.org') return `https://www.npmjs.com/package/${report.name}/v/${report.version}`;
  // Other registries have no standard web page per version: link the package document.
  return `${report.registry}${report.name.replace('/', '%2f')}`;
}

/**
 * Text for the job summary, inside its HTML: every line break (and other
 * line and paragraph separators) collapsed to a space, since a blank line
 * ends the HTML block and what follows renders as Markdown; `&`, `<`, `>`,
 * quotes and `|` escaped, so no tag, attribute or table cell can be opened.
 */
function summaryText(text: string): string {
  return text
    .replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\|/g, '&#124;');
}
