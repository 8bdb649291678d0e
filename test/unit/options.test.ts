import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/foundation/errors.ts';
import { DEFAULT_REGISTRY, normalizeOptions, otpPacing, type RawOptions } from '../../src/grammar/options.ts';
import { NAMES } from '../helpers/core.ts';

const TOKEN = 'npm_abcdefghijklmnopqrstuvwxyz0123456789';
/** 160 bits, as npmjs enrols. */
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** normalizeOptions with a valid token and secret unless overridden. */
const normalize = (raw: RawOptions) => normalizeOptions({ token: TOKEN, otpSecret: SECRET, ...raw }, NAMES);

/**
 * The InputError for `raw`: it names `input`, its message starts with the
 * input's name, has no stack-trace-like text, and never contains the token
 * or the secret (in any case, with or without spaces).
 */
function refusal(raw: RawOptions, input: string): string {
  let caught: unknown;
  try {
    normalize(raw);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`);
  assert.equal(caught.input, input);
  assert.equal(caught.code, 'EINPUT');
  assert.ok(caught.message.startsWith(`${input}: `) || caught.message.startsWith(`${input} `), caught.message);
  assert.doesNotMatch(caught.message, /\n\s+at /);
  const secrets = [TOKEN, SECRET, ...[raw.token, raw.otpSecret].filter((value): value is string => typeof value === 'string' && value.trim().length >= 8)];
  for (const secret of secrets) {
    for (const form of [secret.trim(), secret.trim().toLowerCase(), secret.replace(/\s/g, '')]) {
      assert.ok(!caught.message.includes(form), 'the message repeats a secret');
      assert.ok(!JSON.stringify(caught.received ?? null).includes(form), 'the error carries a secret as received value');
    }
  }
  return caught.message;
}

describe('normalizeOptions: the token', () => {
  it('refuses a missing token, saying what to set', () => {
    assert.match(refusal({ token: undefined }, 'token'), /^token: no registry token was given\. Set token to an npm access token/);
    assert.match(refusal({ token: '   \n' }, 'token'), /no registry token was given/);
  });

  it('allows no token on a dry run', () => {
    assert.equal(normalize({ token: undefined, dryRun: 'true' }).token, undefined);
  });

  it('trims surrounding whitespace and a trailing newline from the token, and masks the trimmed form', () => {
    for (const raw of [`${TOKEN}\n`, `  ${TOKEN}  `, `\t${TOKEN}\r\n`]) {
      const options = normalize({ token: raw });
      assert.equal(options.token, TOKEN);
      assert.ok(options.secrets.includes(TOKEN));
    }
  });

  it('refuses a token with a space or line break inside it, without repeating it', () => {
    assert.match(
      refusal({ token: `${TOKEN.slice(0, 10)} ${TOKEN.slice(10)}` }, 'token'),
      /^token: the token has a space or line break inside it\. Give the token alone/,
    );
    assert.match(refusal({ token: `${TOKEN}\n${TOKEN}` }, 'token'), /space or line break/);
  });
});

describe('normalizeOptions: the TOTP secret', () => {
  it('refuses a secret that is not base32, never echoing it', () => {
    assert.match(
      refusal({ otpSecret: 'JBSWY3DPEHPK3PXP0189JBSWY3DP' }, 'otp-secret'),
      /^otp-secret: the secret is not base32 text.*Expected base32 letters A-Z and digits 2-7, or an otpauth:\/\/totp\/ URI/,
    );
  });

  it('refuses a secret under 80 bits', () => {
    assert.match(refusal({ otpSecret: 'JBSWY3DPEHPK3PX' }, 'otp-secret'), /^otp-secret: the secret is 72 bits long; a TOTP secret needs at least 80 bits/);
  });

  it('refuses an otpauth URI of type hotp', () => {
    assert.match(
      refusal({ otpSecret: `otpauth://hotp/npm:me?secret=${SECRET}&counter=1` }, 'otp-secret'),
      /^otp-secret: an otpauth:\/\/hotp\/ URI describes counter-based one-time passwords/,
    );
  });

  it('refuses an otpauth URI with an unsupported algorithm, digits or period, saying what is supported', () => {
    const uri = (query: string) => `otpauth://totp/npm:me?secret=${SECRET}&${query}`;
    assert.match(refusal({ otpSecret: uri('algorithm=MD5') }, 'otp-secret'), /algorithm=MD5 is not supported; use SHA1, SHA256 or SHA512\.$/);
    assert.match(refusal({ otpSecret: uri('digits=7') }, 'otp-secret'), /digits=7 is not supported; use 6 or 8\.$/);
    assert.match(refusal({ otpSecret: uri('period=5') }, 'otp-secret'), /period=5 is not supported; use a whole number of seconds from 10 to 300/);
  });

  it('does not echo a secret pasted into the wrong URI parameter', () => {
    const message = refusal({ otpSecret: `otpauth://totp/npm:me?secret=${SECRET}&digits=${SECRET}` }, 'otp-secret');
    assert.match(message, /digits parameter is not supported/);
  });

  it('accepts a valid secret and a valid URI, trimmed, and lists every form to mask', () => {
    const options = normalize({ otpSecret: `  ${SECRET.toLowerCase()}\n` });
    assert.equal(options.secret?.bytes.length, 20);
    assert.ok(options.secrets.includes(SECRET));
    assert.equal(normalize({ otpSecret: `otpauth://totp/npm:me?secret=${SECRET}&digits=8&algorithm=SHA256` }).secret?.digits, 8);
  });
});

describe('normalizeOptions: the registry', () => {
  it('defaults to npmjs and normalises the URL with a trailing slash', () => {
    assert.equal(normalize({}).registry, DEFAULT_REGISTRY);
    assert.equal(normalize({ registry: 'https://npm.example.com/api/npm?x=1#y' }).registry, 'https://npm.example.com/api/npm/');
  });

  it('refuses a registry URL that is not http(s), with an example of one that is', () => {
    for (const registry of ['ftp://registry.example.com/', 'file:///tmp/registry', 'localhost:4873']) {
      assert.match(
        refusal({ registry }, 'registry'),
        /^registry: ".+" is not an http:\/\/ or https:\/\/ URL\. Give the registry's http\(s\) address, for example https:\/\/registry\.npmjs\.org\/\.$/,
      );
    }
    assert.match(refusal({ registry: 'not a url' }, 'registry'), /^registry: "not a url" is not a URL\. Give the registry's http\(s\) address/);
  });

  it('refuses plain http to a host other than loopback unless allow-insecure-registry is true', () => {
    assert.match(
      refusal({ registry: 'http://registry.example.com/' }, 'registry'),
      /^registry: "http:\/\/registry\.example\.com\/" is plain http to a host other than this machine: the token would cross the network in clear\. Use https, or set allow-insecure-registry to true/,
    );
    assert.equal(normalize({ registry: 'http://registry.example.com/', allowInsecureRegistry: 'true' }).registry, 'http://registry.example.com/');
    assert.match(refusal({ registry: 'http://registry.example.com/', allowInsecureRegistry: 'yes' }, 'allow-insecure-registry'), /is not a boolean/);
  });

  it('allows plain http to this machine (a local test registry)', () => {
    for (const registry of ['http://localhost:4873', 'http://127.0.0.1:4873/', 'http://[::1]:4873/']) {
      assert.ok(normalize({ registry }).registry.startsWith('http://'));
    }
  });

  it('refuses a registry URL carrying credentials, never repeating them', () => {
    const message = refusal({ registry: 'https://me:hunter22@registry.example.com/' }, 'registry');
    assert.match(message, /carries credentials.*Give the URL without them, and the token through token\.$/);
    assert.doesNotMatch(message, /hunter22/);
    assert.doesNotMatch(refusal({ registry: 'https://me:hunter 22@registry.example.com/' }, 'registry'), /hunter/);
  });

  it('names the opt-in as the adapter calls it', () => {
    const names = { ...NAMES, registry: '--registry', allowInsecureRegistry: '--allow-insecure-registry' };
    assert.throws(
      () => normalizeOptions({ token: TOKEN, registry: 'http://example.com/' }, names),
      /^InputError: --registry: .* set --allow-insecure-registry to true/,
    );
  });
});

describe('normalizeOptions: tag, access and booleans', () => {
  it('refuses a tag that is a semver range, as npm does', () => {
    for (const tag of ['1.x', 'v2', '^1.0.0', '>=2', '1.2.3']) {
      assert.match(refusal({ tag }, 'tag'), /^tag: ".+" is a valid semver range, which npm refuses as a tag name .*Use a name such as latest, next or beta\.$/);
    }
  });

  it('refuses a tag that is not URL-safe and accepts an ordinary one', () => {
    assert.match(refusal({ tag: 'my tag' }, 'tag'), /^tag: "my tag" is not URL-safe\./);
    assert.equal(normalize({ tag: ' next ' }).tag, 'next');
    assert.equal(normalize({ tag: '' }).tag, undefined);
  });

  it('refuses an access value other than public or restricted', () => {
    assert.match(refusal({ access: 'private' }, 'access'), /^access: "private" is not an access level\. Use public or restricted, or leave it empty/);
    assert.equal(normalize({ access: 'restricted' }).access, 'restricted');
    assert.equal(normalize({ access: '' }).access, undefined);
  });

  it('refuses a dry-run that is not a boolean, and accepts true/false in any case', () => {
    assert.match(refusal({ dryRun: 'yes' }, 'dry-run'), /^dry-run: "yes" is not a boolean\. Use true or false\.$/);
    assert.match(refusal({ dryRun: '1' }, 'dry-run'), /not a boolean/);
    assert.equal(normalize({ dryRun: 'TRUE' }).dryRun, true);
    assert.equal(normalize({ dryRun: ' false ' }).dryRun, false);
    assert.equal(normalize({ dryRun: undefined }).dryRun, false);
    assert.match(refusal({ ignoreScripts: 'maybe' }, 'ignore-scripts'), /^ignore-scripts: "maybe" is not a boolean/);
  });

  it('refuses an expect-version that is not a version and accepts a release tag', () => {
    assert.match(refusal({ expectVersion: 'release-1' }, 'expect-version'), /^expect-version: "release-1" is not a version/);
    assert.equal(normalize({ expectVersion: 'refs/tags/v1.2.3' }).expectVersion, '1.2.3');
  });

  it("treats actions/setup-node's placeholder token as no token at all", () => {
    assert.throws(() => normalizeOptions({ token: 'XXXXX-XXXXX-XXXXX-XXXXX' }, NAMES), /no registry token was given/);
  });
});

describe('monorepo settings', () => {
  it('reads workspaces as nothing, true, or a list (lines or commas), and the counts with their defaults', () => {
    assert.equal(normalize({}).workspaces, undefined);
    assert.equal(normalize({ workspaces: 'false' }).workspaces, undefined);
    assert.equal(normalize({ workspaces: 'TRUE' }).workspaces, true);
    assert.deepEqual(normalize({ workspaces: '@scope/a\n packages/b ,tools/*\n' }).workspaces, ['@scope/a', 'packages/b', 'tools/*']);
    assert.deepEqual(
      { concurrency: normalize({}).concurrency, otpUses: normalize({}).otpUses, root: normalize({}).includeWorkspaceRoot },
      { concurrency: 4, otpUses: 'auto', root: false },
    );
    assert.deepEqual(
      { concurrency: normalize({ concurrency: '16' }).concurrency, otpUses: normalize({ otpUses: ' 1 ' }).otpUses },
      { concurrency: 16, otpUses: 1 },
    );
    assert.equal(normalize({ otpUses: 'AUTO' }).otpUses, 'auto');
  });

  it('paces codes to the registry with otp-uses auto: 3 on registry.npmjs.org, no limit elsewhere; a number keeps its meaning, and the log says why', () => {
    const npmjs = otpPacing('auto', 'https://registry.npmjs.org/', 'otp-uses');
    assert.equal(npmjs.uses, 3);
    assert.match(npmjs.why, /^at most 3 writes per one-time password \(otp-uses auto: registry\.npmjs\.org answers 429 "rate limited otp"/);
    const local = otpPacing('auto', 'http://127.0.0.1:4873/', 'otp-uses');
    assert.equal(local.uses, Number.POSITIVE_INFINITY);
    assert.match(
      local.why,
      /^as many writes per one-time password as its window allows \(otp-uses auto: 127\.0\.0\.1 is not known to limit reuse; a 429 "rate limited otp" or a refused reuse lowers it\)$/,
    );
    assert.deepEqual(otpPacing(5, 'https://npm.pkg.github.com/', '--otp-uses'), { uses: 5, why: 'at most 5 writes per one-time password (--otp-uses 5)' });
    assert.equal(otpPacing(1000, 'https://registry.npmjs.org/', 'otp-uses').uses, 1000, 'a number keeps its meaning on npmjs too');
  });

  it('refuses a count that is not a whole number in range, naming the input and the range', () => {
    assert.throws(
      () => normalize({ concurrency: '0' }),
      (error: unknown) =>
        error instanceof InputError &&
        error.input === 'concurrency' &&
        /^concurrency: "0" is not a count of packages packed and uploaded at once; give a whole number from 1 to 32 \(default 4\)\.$/.test(error.message),
    );
    assert.throws(
      () => normalize({ otpUses: '2.5' }),
      /^InputError: otp-uses: "2\.5" is not a count of writes sent with one code; give auto \(the default\) or a whole number from 1 to 1000\.$/,
    );
    assert.throws(() => normalize({ workspaces: 'a, true' }), /^InputError: workspaces: "true" in a list of workspaces/);
  });
});

describe('no token, with trusted publishing', () => {
  it('accepts a run without a token when the job can have an OIDC ID token and trusted publishing is on', () => {
    const options = normalizeOptions({ otpSecret: SECRET }, NAMES, { idTokenAvailable: true });
    assert.equal(options.token, undefined);
    assert.throws(
      () => normalizeOptions({ otpSecret: SECRET, trustedPublishing: 'off' }, NAMES, { idTokenAvailable: true }),
      /^InputError: token: no registry token was given\./,
    );
    assert.throws(
      () => normalizeOptions({ otpSecret: SECRET }, NAMES, { idTokenAvailable: false }),
      /give the job an OIDC ID token \(GitHub: permissions id-token: write; elsewhere NPM_ID_TOKEN\)/,
    );
  });
});
