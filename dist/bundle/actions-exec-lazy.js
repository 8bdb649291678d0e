// Stands in for `@actions/exec` in dist/ (scripts/bundle.js maps it here):
// @actions/core imports it at its top for platform.getDetails() (the runner's
// OS name and version), which this product never calls. The real one
// (dist/bundle/actions-exec/, with @actions/io and child_process) loads on
// first call, not at start.
let real;
const load = () => (real ??= import('./actions-exec/index.js'));

export const exec = async (...args) => (await load()).exec(...args);
export const getExecOutput = async (...args) => (await load()).getExecOutput(...args);
