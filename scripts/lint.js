// `npm run lint`: ESLint (eslint.config.js) and Prettier (.prettierrc.json, .prettierignore) on the whole tree. npm test
// runs it beside the tests.
// Usage: node scripts/lint.js [--fix]   (--fix: eslint --fix, then prettier --write)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fix = process.argv.includes('--fix');
const bin = (name, file) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/** The code Prettier formats: TypeScript and JavaScript, fixtures and dist/ aside (.prettierignore). */
const CODE = ['**/*.{ts,js,cjs,mjs}'];

const checks = [
  // Each keeps a cache of the files it found clean in node_modules/.cache (a fresh clone has none: it checks everything).
  ['eslint', bin('eslint', 'bin/eslint.js'), ['.', '--cache', '--cache-location', 'node_modules/.cache/eslint/', ...(fix ? ['--fix'] : [])]],
  [
    'prettier',
    bin('prettier', 'bin/prettier.cjs'),
    [fix ? '--write' : '--check', '--log-level', 'warn', '--cache', '--cache-location', 'node_modules/.cache/prettier/cache.json', ...CODE],
  ],
];
let status = 0;
for (const [name, file, args] of checks) {
  const result = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${name} found problems${fix ? ' it could not fix' : ` (node scripts/lint.js --fix fixes what ${name} can)`}.`);
    status = 1;
  }
}
process.exit(status);
