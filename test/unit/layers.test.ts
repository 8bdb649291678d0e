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
  { name: 'grammar', members: ['grammar'] },
  { name: 'plan', members: ['plan'] },
  { name: 'commands', members: ['commands'] },
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

/** Import cycles among `files`, each as its files in order (a file importing itself is one too). */
export function importCycles(files: Array<{ file: string; text: string }>): string[][] {
  const known = new Set(files.map(({ file }) => file));
  const edges = new Map(
    files.map(({ file, text }) => [
      file,
      importsOf(text)
        .map((specifier) => path.resolve(path.dirname(file), specifier))
        .filter((target) => known.has(target)),
    ]),
  );
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(component.map((member) => path.relative(ROOT, member)).sort());
  };
  for (const { file } of files) if (!index.has(file)) visit(file);
  return cycles;
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

  it('has no import cycle, within a layer either', () => {
    assert.deepEqual(importCycles(files), []);
  });

  it('finds import cycles (the check is not vacuous)', () => {
    const at = (name: string) => path.join(src, name);
    const cycles = importCycles([
      { file: at('commands/a.ts'), text: "import { b } from './b.ts';" },
      { file: at('commands/b.ts'), text: "import type { C } from './c.ts';" },
      { file: at('commands/c.ts'), text: "const a = await import('./a.ts');" },
      { file: at('commands/d.ts'), text: "import { a } from './a.ts';" },
      { file: at('commands/e.ts'), text: "export { e } from './e.ts';" },
    ]);
    assert.deepEqual(cycles.sort(), [['src/commands/a.ts', 'src/commands/b.ts', 'src/commands/c.ts'], ['src/commands/e.ts']]);
  });

  it('keeps the foundation free of anything of ours but itself', () => {
    const foundation = files.filter(({ file }) => layerOf(file) === 0);
    assert.ok(foundation.length >= 5);
    for (const { file, text } of foundation) {
      for (const specifier of importsOf(text))
        assert.equal(layerOf(path.resolve(path.dirname(file), specifier)), 0, `${path.relative(ROOT, file)} imports ${specifier}`);
    }
  });

  it('sees upward imports of every kind (the check is not vacuous)', () => {
    const at = (name: string) => path.join(src, name);
    const problems = upwardImports([
      {
        file: at('registry/a.ts'),
        text: "import { x } from '../commands/b.ts';\nimport type { Y } from '../plan/c.ts';\nexport { z } from '../run/d.ts';\nconst lazy = await import('../action/e.ts');\nimport '../cli/f.ts';",
      },
      { file: at('commands/ok.ts'), text: "import { a } from '../registry/a.ts';\nimport { b } from './b.ts';\nimport { c } from '../foundation/c.ts';" },
    ]);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.ok(problems.every((problem) => problem.startsWith('src/registry/a.ts')));
  });
});
