/**
 * The house reads bottom to top (../shared/STYLE.md, "The house"): a module
 * may import from its own layer or the ones below, never from above. Type
 * imports count: a type shared by two layers belongs to the lower one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/action.ts';

/** Layers, bottom first; a file's layer is its folder under src/ (files directly in src/ are named). */
const LAYERS: Array<{ name: string; members: string[] }> = [
  { name: 'foundation', members: ['foundation', 'version.ts'] },
  { name: 'otp', members: ['otp'] },
  { name: 'registry', members: ['registry'] },
  { name: 'package', members: ['package'] },
  { name: 'commands', members: ['commands'] },
  { name: 'plan', members: ['plan'] },
  { name: 'run', members: ['run'] },
  { name: 'adapters', members: ['action', 'cli'] },
  { name: 'entry', members: ['bundle.ts'] },
];

function layerOf(file: string): number {
  const first = path.relative(path.join(ROOT, 'src'), file).split(path.sep)[0] as string;
  const index = LAYERS.findIndex((layer) => layer.members.includes(first));
  if (index < 0) throw new Error(`${path.relative(ROOT, file)} is in no layer: add its folder to LAYERS in this test`);
  return index;
}

/** Relative module specifiers a file imports or re-exports, static or dynamic. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]/g, /\bimport\s*['"](\.[^'"]+)['"]/g, /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

/** Every upward import in src/, as `file -> target (layer -> layer)`. */
export function upwardImports(files: Array<{ file: string; text: string }>): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    const from = layerOf(file);
    for (const specifier of importsOf(text)) {
      const target = path.resolve(path.dirname(file), specifier);
      const to = layerOf(target);
      if (to > from) problems.push(`${path.relative(ROOT, file)} -> ${path.relative(ROOT, target)} (${LAYERS[from]?.name} -> ${LAYERS[to]?.name})`);
    }
  }
  return problems;
}

describe('the house: every module imports only from its own layer or below', () => {
  const src = path.join(ROOT, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('finds no import from a layer above', () => {
    assert.deepEqual(upwardImports(files), []);
  });

  it('keeps the foundation free of anything of ours but itself', () => {
    const foundation = files.filter(({ file }) => layerOf(file) === 0);
    assert.ok(foundation.length >= 5);
    for (const { file, text } of foundation) {
      for (const specifier of importsOf(text)) assert.equal(layerOf(path.resolve(path.dirname(file), specifier)), 0, `${path.relative(ROOT, file)} imports ${specifier}`);
    }
  });

  it('sees upward imports of every kind (the check is not vacuous)', () => {
    const at = (name: string) => path.join(src, name);
    const problems = upwardImports([
      { file: at('registry/a.ts'), text: "import { x } from '../commands/b.ts';\nimport type { Y } from '../plan/c.ts';\nexport { z } from '../run/d.ts';\nconst lazy = await import('../action/e.ts');\nimport '../cli/f.ts';" },
      { file: at('commands/ok.ts'), text: "import { a } from '../registry/a.ts';\nimport { b } from './b.ts';\nimport { c } from '../foundation/c.ts';" },
    ]);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.ok(problems.every((problem) => problem.startsWith('src/registry/a.ts')));
  });
});
