import type { PublishPlan, ProvenancePlan } from './types.ts';
import { RegistryReadError } from './errors.ts';
import { provenanceCi, repositoryProblem, statementRepository } from './provenance-rules.ts';
import { describeReason } from '../foundation/describe-error.ts';
import { InputError } from '../foundation/errors.ts';
import { readVisibility } from '../registry/access.ts';
import type { RegistryClient } from '../registry/client.ts';
import type { Packument } from '../registry/packument.ts';
import type { Options } from '../grammar/options.ts';

/** What `settleProvenance` needs from the publish being settled. */
export interface ProvenanceSubject {
  /** `name@version`. */
  id: string;
  /** The manifest as it will be published (its `repository` must name the CI's). */
  manifest: Record<string, unknown>;
  publishConfig: Record<string, unknown>;
  /** The package.json (or .tgz) the package comes from, for messages. */
  where: string;
  access: 'public' | 'restricted' | undefined;
  /** The setting that chose the access, for messages. */
  accessFrom: string;
  dryRun: boolean;
  /** `--provenance[=true|false|auto]` on the command's line: it overrides the setting, as `--tag` does; undefined = the setting. */
  lineFlag?: { value: boolean | 'auto'; line: number } | undefined;
}

/**
 * Settles provenance for one publish, as npm reads it: the line's
 * `--provenance` or else the `provenance` setting, when it is true or false
 * (like npm's command-line flag, it beats package.json), else
 * `publishConfig.provenance`, else auto. When it is on,
 * everything the checkout and the environment can tell is refused here,
 * before any script runs: no GitHub Actions or GitLab CI, no OIDC ID token
 * for sigstore (`id-token: write`; GitLab's `SIGSTORE_ID_TOKEN`), a
 * self-hosted GitHub runner (the registry refuses its statements),
 * restricted access (npm signs provenance for public packages only), and a
 * package.json whose `repository` does not name the CI's repository (the
 * registry refuses the statement, after the scripts ran and it was signed). A dry
 * run is never refused: the problem goes into the plan, for its report.
 */
export function settleProvenance(options: Options, subject: ProvenanceSubject, env: NodeJS.ProcessEnv): ProvenancePlan {
  const names = options.names;
  const ci = provenanceCi(env);
  let mode: ProvenancePlan['mode'];
  let from: string;
  let input: string;
  const flag = subject.lineFlag;
  const setting = flag?.value ?? options.provenance;
  const settingFrom = flag ? `--provenance on line ${flag.line}` : names.provenance;
  const settingInput = flag ? '--provenance' : names.provenance;
  if (setting !== 'auto') {
    [mode, from, input] = [setting ? 'on' : 'off', settingFrom, settingInput];
  } else if (subject.publishConfig.provenance !== undefined && subject.publishConfig.provenance !== null) {
    from = `${names.package} (publishConfig.provenance in ${subject.where})`;
    input = names.package;
    mode = publishConfigProvenance(subject.publishConfig.provenance, from, input) ? 'on' : 'off';
  } else {
    return { mode: 'auto', from: settingFrom, ci };
  }
  if (mode === 'off') return { mode, from, ci };
  const problem = provenanceProblem(ci, env, subject);
  if (problem === undefined) return { mode, from, ci };
  const bySetting = input === settingInput;
  const instead = flag
    ? `write --provenance=false${bySetting ? ' or --provenance=auto' : ''} on line ${flag.line}${bySetting ? '' : ' (it overrides publishConfig.provenance)'}`
    : bySetting
      ? `set ${names.provenance} to false or auto`
      : `set ${names.provenance} to false (it overrides publishConfig.provenance)`;
  const message = `${from}: ${subject.id} cannot be published with provenance: ${problem}. Or ${instead} to publish without it; nothing was run or sent.`;
  if (subject.dryRun) return { mode, from, ci, problem: message };
  throw new InputError(input, message, { received: ci ?? 'no CI' });
}

/** `publishConfig.provenance` as npm's config takes a Boolean: true or false (the strings too). */
function publishConfigProvenance(value: unknown, from: string, input: string): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new InputError(input, `${from} is ${JSON.stringify(value)}; use true or false.`, { received: value });
}

/** Why a statement cannot be signed here, or undefined. Each says what to change. */
function provenanceProblem(ci: 'github' | 'gitlab' | undefined, env: NodeJS.ProcessEnv, subject: ProvenanceSubject): string | undefined {
  if (ci === undefined) {
    const where = env.CIRCLECI ? 'in CircleCI, where npm does not sign provenance' : env.CI === 'false' ? 'marked CI=false' : 'not in a CI that can sign one';
    return (
      `a provenance statement names the workflow, commit and run that built the package and is signed with the CI's OIDC identity, ` +
      `which npm does in GitHub Actions and GitLab CI only, and this run is ${where}. Publish from a GitHub Actions or GitLab CI job`
    );
  }
  if (ci === 'github' && (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)) {
    return 'the job has no OIDC ID token to sign the statement with (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Give the publishing job `permissions: id-token: write`';
  }
  if (ci === 'github' && env.RUNNER_ENVIRONMENT === 'self-hosted') {
    return 'the job runs on a self-hosted runner, and the registry accepts provenance only from GitHub-hosted runners. Publish from a GitHub-hosted runner';
  }
  if (ci === 'gitlab' && !env.SIGSTORE_ID_TOKEN) {
    return 'the job has no SIGSTORE_ID_TOKEN to sign the statement with. Add `id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }` to the publishing job';
  }
  if (subject.access === 'restricted') {
    return `it is published with restricted access (${subject.accessFrom}), and npm signs provenance for public packages only. Publish it with public access`;
  }
  const expected = statementRepository(ci, env);
  return expected === undefined ? undefined : repositoryProblem(subject.manifest, expected);
}

/**
 * The check phase's part: with provenance on and access not `public`,
 * libnpmpublish would ask the registry whether the package is public only
 * after the package scripts ran, and refuse a new or private one. The same
 * question is asked here, once, before anything runs: a version absent from
 * the registry (`packument` undefined) needs no request. Dry runs and
 * `access: public` (which makes the package public) are not checked.
 */
export async function checkProvenanceVisibility(client: RegistryClient, plan: PublishPlan, packument: Packument | undefined): Promise<void> {
  const provenance = plan.provenance;
  if (provenance?.mode !== 'on' || plan.access === 'public' || plan.dryRun) return;
  const id = `${plan.name}@${plan.version}`;
  const input = provenance.from.split(' ')[0] as string;
  const refuse = (why: string) => {
    throw new InputError(
      input,
      `${provenance.from}: ${id} cannot be published with provenance: ${why}, and npm signs provenance for public packages only. ` +
        `Publish with access public (it makes the package public), or without provenance; nothing was run or sent.`,
      { received: plan.name },
    );
  };
  if (packument === undefined) refuse(`${plan.name} is not in ${client.registry} yet, so the registry cannot say it is public`);
  const visible = await readVisibility(client, plan.name).catch((error: unknown) => {
    throw new RegistryReadError(id, client.registry, `the package's visibility, needed for provenance: ${describeReason(error)}`, error);
  });
  if (visible !== true) refuse(visible === false ? `${plan.name} is private in ${client.registry}` : `${client.registry} does not say ${plan.name} is public`);
}
