import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import type { Logger } from '../foundation/logger.ts';
import { inertText } from '../foundation/log-text.ts';
import type { Redactor } from '../foundation/redactor.ts';

/**
 * The core's logger on GitHub's workflow commands. Every secret is both
 * registered with the runner (`::add-mask::`, which the runner consumes and
 * never shows) and redacted here, so nothing depends on the runner alone.
 * Messages hold text from outside (registry answers, package fields): no line
 * of them can be read as a workflow command (inertText); warnings, errors and
 * debug lines are one escaped command line each (@actions/core's own).
 */
export function actionLogger(redactor: Redactor): Logger {
  return {
    debug: (message) => core.debug(redactor.redact(message)),
    info: (message) => core.info(inertText(redactor.redact(message))),
    warning: (message) => core.warning(redactor.redact(message)),
    error: (message) => core.error(redactor.redact(message)),
    notice: (message) => core.notice(redactor.redact(message)),
    mask: (secret, kind) => {
      for (const line of secret.split(/\r?\n/)) if (line.trim() !== '') core.setSecret(line.trim());
      redactor.add(secret, kind);
    },
    relay: (text) => {
      const lines = redactor
        .redact(text)
        .split(/\r\n|\r|\n/)
        .filter((line) => line.trim() !== '');
      if (lines.length === 0) return;
      // The runner ignores workflow commands until it sees the token again; a script cannot guess it.
      const token = randomUUID();
      core.info(`::stop-commands::${token}`);
      for (const line of lines) core.info(`  ${inertText(line)}`);
      core.info(`::${token}::`);
    },
  };
}
