// The GitHub Action's entry (action.yml runs.main). Built by scripts/bundle.js.
import { runAction } from './bundle/index.js';

await runAction();
// Flushed first: a pipe is asynchronous on Windows.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
