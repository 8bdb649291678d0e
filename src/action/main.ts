import * as core from '@actions/core';
import { systemClock } from '../core/clock.ts';
import { isProductError } from '../core/errors.ts';
import { Redactor } from '../core/redactor.ts';
import type { RunReport } from '../core/result.ts';
import { runPublish } from '../core/run-publish.ts';
import { USER_AGENT } from '../version.ts';
import { actionLogger } from './core-logger.ts';
import { readInputs } from './inputs.ts';
import { writeOutputs, writeSummary } from './outputs.ts';

/** The action: read inputs, publish, set outputs and the job summary; fail the step on any error. */
export async function run(): Promise<void> {
  const redactor = new Redactor();
  const logger = actionLogger(redactor);
  let report: RunReport | undefined;
  try {
    const options = readInputs(logger);
    report = await runPublish(options, { clock: systemClock, logger, cwd: process.cwd(), env: process.env, userAgent: USER_AGENT });
    writeOutputs(report, redactor);
    await writeSummary(report, redactor);
    if (report.error !== undefined) fail(report.error, redactor);
  } catch (error) {
    if (!report) core.setOutput('published', 'false');
    fail(error, redactor);
  }
}

/** User mistakes and registry refusals are one clear line; only bugs get a stack trace, in the debug log. */
function fail(error: unknown, redactor: Redactor): void {
  if (isProductError(error)) {
    core.setFailed(redactor.redact(error.message));
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  core.debug(redactor.redact(error instanceof Error && error.stack ? error.stack : message));
  core.setFailed(redactor.redact(`Unexpected error: ${message}`));
}
