// Prints the README's inputs and outputs tables from action.yml, so they never drift apart.
// Usage: node scripts/readme-tables.js [--write]   (--write rewrites README.md between the markers)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The two tables, generated from action.yml. */
export function tables(actionYml = readFileSync(path.join(root, 'action.yml'), 'utf8')) {
  const action = parse(actionYml);
  const cell = (text) =>
    String(text ?? '')
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/\|/g, '\\|');
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) => `| \`${name}\` | ${input.default === undefined ? '' : `\`${input.default}\``} | ${cell(input.description)} |`,
  );
  const outputs = Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`);
  return {
    inputs: ['| input | default | description |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | description |', '|---|---|', ...outputs].join('\n'),
  };
}

/** README.md with both tables replaced by freshly generated ones. */
export function updatedReadme(readme, generated = tables()) {
  let text = readme;
  for (const kind of ['inputs', 'outputs']) {
    const pattern = new RegExp(`(<!-- ${kind}:start[^\\n]*-->\\n)[\\s\\S]*?(\\n<!-- ${kind}:end -->)`);
    if (!pattern.test(text)) throw new Error(`README.md lacks the ${kind}:start / ${kind}:end markers`);
    text = text.replace(pattern, (_, start, end) => `${start}${generated[kind]}${end}`);
  }
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = path.join(root, 'README.md');
  const next = updatedReadme(readFileSync(file, 'utf8'));
  if (process.argv.includes('--write')) writeFileSync(file, next);
  else process.stdout.write(next);
}
