import * as core from '@actions/core';
import type { Logger } from '../foundation/logger.ts';
import { idTokenAvailable, type InputNames, normalizeOptions, type Options, parseBoolean } from '../grammar/options.ts';

/** Action input names, as users type them in `with:`. */
export const INPUT_NAMES: InputNames = {
  token: 'token',
  otpSecret: 'otp-secret',
  registry: 'registry',
  package: 'package',
  tag: 'tag',
  access: 'access',
  dryRun: 'dry-run',
  ignoreScripts: 'ignore-scripts',
  allowInsecureRegistry: 'allow-insecure-registry',
  expectVersion: 'expect-version',
  trustedPublishing: 'trusted-publishing',
  workspaces: 'workspaces',
  includeWorkspaceRoot: 'include-workspace-root',
  concurrency: 'concurrency',
  otpUses: 'otp-uses',
  provenance: 'provenance',
  authType: 'auth-type',
  approvalTimeout: 'approval-timeout',
  approvalWebhook: 'approval-webhook',
};

/**
 * Reads and checks every input. Secret inputs are masked the moment they are
 * read, before anything can fail on them. Empty inputs mean "not given".
 */
export function readInputs(logger: Logger, env: NodeJS.ProcessEnv = process.env): { options: Options; commands: string | undefined; doctor: boolean } {
  const read = (name: string) => core.getInput(name) || undefined;
  const token = read(INPUT_NAMES.token) ?? env.NODE_AUTH_TOKEN ?? undefined;
  if (token) logger.mask(token);
  const otpSecret = read(INPUT_NAMES.otpSecret);
  if (otpSecret) logger.mask(otpSecret);
  const approvalWebhook = read(INPUT_NAMES.approvalWebhook);
  if (approvalWebhook) logger.mask(approvalWebhook);
  const options = normalizeOptions(
    {
      token,
      otpSecret,
      registry: read(INPUT_NAMES.registry),
      package: read(INPUT_NAMES.package),
      tag: read(INPUT_NAMES.tag),
      access: read(INPUT_NAMES.access),
      dryRun: read(INPUT_NAMES.dryRun),
      ignoreScripts: read(INPUT_NAMES.ignoreScripts),
      allowInsecureRegistry: read(INPUT_NAMES.allowInsecureRegistry),
      expectVersion: read(INPUT_NAMES.expectVersion),
      trustedPublishing: read(INPUT_NAMES.trustedPublishing),
      workspaces: read(INPUT_NAMES.workspaces),
      includeWorkspaceRoot: read(INPUT_NAMES.includeWorkspaceRoot),
      concurrency: read(INPUT_NAMES.concurrency),
      otpUses: read(INPUT_NAMES.otpUses),
      provenance: read(INPUT_NAMES.provenance),
      authType: read(INPUT_NAMES.authType),
      approvalTimeout: read(INPUT_NAMES.approvalTimeout),
      approvalWebhook,
    },
    { ...INPUT_NAMES, token: 'token (or the NODE_AUTH_TOKEN environment variable)' },
    { idTokenAvailable: idTokenAvailable(env) },
  );
  const commands = read('commands');
  // `doctor: true` adds a doctor line to the run: it then writes nothing, and checks what it would meet.
  const doctor = parseBoolean(read('doctor'), 'doctor', false);
  return { options, commands: commands !== undefined && commands.trim() !== '' ? commands : undefined, doctor };
}
