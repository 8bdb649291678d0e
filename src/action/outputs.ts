import * as core from '@actions/core';
import type { Redactor } from '../core/redactor.ts';
import type { RunReport, WriteResult } from '../core/result.ts';

/** Sets the action's outputs: published, name, version, tag, results (JSON). */
export function writeOutputs(report: RunReport, redactor: Redactor): void {
  core.setOutput('published', report.published ? 'true' : 'false');
  core.setOutput('name', report.name ?? '');
  core.setOutput('version', report.version ?? '');
  core.setOutput('tag', report.tag ?? '');
  core.setOutput('results', redactor.redact(JSON.stringify(report.results)));
}

/** Appends a table of writes to the job summary, with a link to the published version. */
export async function writeSummary(report: RunReport, redactor: Redactor): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const heading = report.error ? 'npm-totp-publish: failed' : report.published ? `Published ${report.name}@${report.version}` : 'npm-totp-publish: nothing published';
  const rows = report.results.map((result) => [
    { data: result.line > 0 ? String(result.line) : '' },
    { data: `<code>${escapeHtml(redactor.redact(result.command))}</code>` },
    { data: outcomeText(result) },
    { data: String(result.otpAttempts) },
    { data: seconds(result.waitedMs) },
    { data: seconds(result.durationMs) },
  ]);
  const summary = core.summary
    .addHeading(escapeHtml(redactor.redact(heading)), 3)
    .addTable([
      [
        { data: 'Line', header: true },
        { data: 'Command', header: true },
        { data: 'Outcome', header: true },
        { data: 'OTP attempts', header: true },
        { data: 'Waited', header: true },
        { data: 'Duration', header: true },
      ],
      ...rows,
    ]);
  const link = packageLink(report);
  if (link && report.published) summary.addLink(`${report.name}@${report.version} on the registry`, link);
  const details = report.results.filter((result) => result.detail).map((result) => `${result.line > 0 ? `line ${result.line}: ` : ''}${result.detail}`);
  if (details.length > 0) summary.addList(details.map((detail) => escapeHtml(redactor.redact(detail))));
  await summary.write();
}

function outcomeText(result: WriteResult): string {
  const icons: Record<WriteResult['outcome'], string> = {
    published: '✅ published',
    done: '✅ done',
    unchanged: '⏭️ already so',
    read: '📖 read',
    'dry-run': '🧪 dry run',
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
  return `${report.registry}${report.name.replace('/', '%2f')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
