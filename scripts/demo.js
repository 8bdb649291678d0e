// `npm run demo`: the product doing its main job with no account and no network.
// Starts the embedded registry (Verdaccio on 127.0.0.1 with npm's OTP gate), makes a
// throwaway user with a TOTP secret, then runs dist/index.js exactly as a workflow step:
//   1. without otp-secret: the registry asks for a one-time password and the step fails;
//   2. with otp-secret: the code is made just in time and the package is published;
//   3. the same step again: already published, identical -> success, nothing written;
//   4. the registry's clock 90 s ahead of the runner's: codes are computed on the registry's clock (from its Date header);
//   5. a commands block: a dist-tag and a new owner, each write with its own just-in-time code.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runAction, visibleLog } from '../test/helpers/action.ts';
import { startRegistry } from '../test/registry/index.ts';

const registry = await startRegistry();
const work = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-demo-'));
try {
  const user = await registry.addUser('demo-user');
  console.log(`Embedded registry at ${registry.url} (writes need a TOTP code: user "${user.name}", 2FA on).`);
  const pkg = path.join(work, 'hello-totp');
  await import('node:fs/promises').then((fs) => fs.mkdir(pkg));
  await writeFile(
    path.join(pkg, 'package.json'),
    `${JSON.stringify({ name: 'hello-totp', version: '1.0.0', description: 'Published by npm-totp-publish', main: 'index.js', license: 'MIT', scripts: { prepack: 'node -e "console.log(\'prepack ran\')"' } }, null, 2)}\n`,
  );
  await writeFile(path.join(pkg, 'index.js'), "module.exports = () => 'hello from a 2FA-protected publish';\n");

  const inputs = { token: user.token, registry: registry.url, package: pkg };
  const step = async (title, extra) => {
    console.log(`\n=== ${title}`);
    registry.clearRequests();
    const run = await runAction({ inputs: { ...inputs, ...extra } });
    const log = visibleLog(run.stdout).trim();
    console.log(
      log
        .split('\n')
        .map((line) => `  | ${line}`)
        .join('\n'),
    );
    console.log(
      `  exit code ${run.code}; outputs: published=${run.outputs.published} name=${run.outputs.name} version=${run.outputs.version} tag=${run.outputs.tag}`,
    );
    if (run.outputs.results) console.log(`  results: ${run.outputs.results}`);
    for (const request of registry.requests) {
      const otp = request.otpSent ? `npm-otp sent, ${request.otpAccepted ? 'accepted' : 'refused'}` : 'no npm-otp';
      console.log(`  registry saw: ${request.method} ${request.path} -> ${request.status} (${otp})`);
    }
    return run;
  };

  const first = await step('1. publish without otp-secret (the registry demands a one-time password)', {});
  const second = await step('2. publish with otp-secret (code made just in time)', { 'otp-secret': user.secret });
  const third = await step('3. the same step again (a re-run is harmless)', { 'otp-secret': user.secret });
  registry.configure({ clockOffsetMs: 90_000 });
  await writeFile(
    path.join(pkg, 'package.json'),
    `${JSON.stringify({ name: 'hello-totp', version: '1.1.0', description: 'Published by npm-totp-publish', main: 'index.js', license: 'MIT' }, null, 2)}\n`,
  );
  const fourth = await step("4. publish 1.1.0 while the registry's clock is 90 s ahead of this machine's", { 'otp-secret': user.secret });
  registry.configure({ clockOffsetMs: 0 });
  await registry.addUser('second-maintainer');
  const fifth = await step('5. a commands block: tag 1.0.0 as stable and add a second owner', {
    'otp-secret': user.secret,
    commands: '# one just-in-time code per write\ndist-tag add hello-totp@1.0.0 stable\nowner add second-maintainer',
  });
  const packument = await registry.packument('hello-totp');
  console.log(
    `\nThe registry now holds hello-totp versions: ${Object.keys(packument?.versions ?? {}).join(', ')} (dist-tags: ${JSON.stringify(packument?.['dist-tags'])}; owners: ${(packument?.maintainers ?? []).map((m) => m.name).join(', ')}).`,
  );
  const ok =
    first.code === 1 &&
    second.code === 0 &&
    second.outputs.published === 'true' &&
    third.code === 0 &&
    third.outputs.published === 'false' &&
    fourth.code === 0 &&
    fourth.outputs.published === 'true' &&
    fifth.code === 0;
  console.log(ok ? '\nDemo finished: as expected.' : '\nDemo finished: something did not go as expected (see above).');
  process.exitCode = ok ? 0 : 1;
} finally {
  await registry.close();
  await rm(work, { recursive: true, force: true });
}
