/**
 * Guard: no write in `src/` reaches the registry except through the one OTP
 * wrapper. A static check on the TypeScript syntax tree of every file, in
 * two steps that follow the house's layers:
 *
 * 1. Raw writes live in src/registry/ only, each inside a function that
 *    takes an `npmHeaders` parameter (the `NpmHeaders` carrying the code):
 *    that function is a write primitive. Raw writes it recognises:
 *    - `publish`/`unpublish` of libnpmpublish (default or named import);
 *    - any function of libnpmaccess except the `get...` reads;
 *    - an npm-registry-fetch call (`npmFetch(...)`, `npmFetch.json(...)`, ...)
 *      whose options object literal has a `method` that is not GET/HEAD, or a
 *      `method` that is not a string literal (it cannot be proven a read);
 *    - a global `fetch(...)` with such a `method`;
 *    - any use of node:http/node:https/undici `request` (src has no reason to).
 * 2. Every call of a write primitive, anywhere else, is wrapped: one of the
 *    functions around it is the `send` of an object literal passed to
 *    `withOtp`, or the callback handed to a wrapper (a function that calls
 *    one of its own parameters inside such a `send`: `otpWrite` in
 *    src/commands/command.ts; the guard finds it by that shape).
 *
 * Limits: options built elsewhere and passed as a variable are taken as
 * reads; an aliased function (`const p = libnpmpublish.publish`) or a
 * dynamic import escapes it; a function defined inside `send` but called
 * after `withOtp` returned would pass. The runtime check in
 * test/integration/otp-engine.test.ts covers what this cannot: there, every
 * write the registry sees must carry `npm-otp`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../helpers/action.ts';

interface Finding {
  file: string;
  line: number;
  what: string;
  wrapped: boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Every `.ts` file under `dir`, relative to ROOT. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function calleeName(call: ts.CallExpression): string | undefined {
  return ts.isIdentifier(call.expression) ? call.expression.text : undefined;
}

/** The function `send` of `{ send: ... }` / `{ send(...) {...} }` in `withOtp(context, {...})` calls. */
function isWithOtpSend(fn: ts.Node): boolean {
  let holder: ts.Node;
  if (ts.isMethodDeclaration(fn)) holder = fn;
  else if (ts.isPropertyAssignment(fn.parent)) holder = fn.parent;
  else return false;
  const name = (holder as ts.PropertyAssignment | ts.MethodDeclaration).name;
  if (!ts.isIdentifier(name) || name.text !== 'send') return false;
  const object = holder.parent;
  return ts.isObjectLiteralExpression(object) && ts.isCallExpression(object.parent) && calleeName(object.parent) === 'withOtp';
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
}

/**
 * Wrappers: function declarations (or `const f = (...) =>`) that call one of
 * their own parameters inside a withOtp `send`. Returns name -> parameter index.
 */
function findWrappers(files: Array<{ file: string; tree: ts.SourceFile }>): Map<string, number> {
  const wrappers = new Map<string, number>();
  for (const { tree } of files) {
    walk(tree, (node) => {
      let name: string | undefined;
      let fn: ts.FunctionLikeDeclaration | undefined;
      if (ts.isFunctionDeclaration(node) && node.name) [name, fn] = [node.name.text, node];
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isFunctionLike(node.initializer))
        [name, fn] = [node.name.text, node.initializer];
      if (!name || !fn) return;
      const params = fn.parameters.map((param) => (ts.isIdentifier(param.name) ? param.name.text : ''));
      walk(fn, (inner) => {
        if (!ts.isCallExpression(inner) || !ts.isIdentifier(inner.expression)) return;
        const index = params.indexOf(inner.expression.text);
        if (index >= 0 && enclosingFunctions(inner).some(isWithOtpSend)) wrappers.set(name as string, index);
      });
    });
  }
  return wrappers;
}

function enclosingFunctions(node: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) if (isFunctionLike(at)) out.push(at);
  return out;
}

function isWrapped(node: ts.Node, wrappers: Map<string, number>): boolean {
  return enclosingFunctions(node).some((fn) => {
    if (isWithOtpSend(fn)) return true;
    const call = fn.parent;
    if (!ts.isCallExpression(call)) return false;
    const name = calleeName(call);
    return name !== undefined && wrappers.get(name) === call.arguments.indexOf(fn as ts.Expression);
  });
}

/** The `method` of an options object literal: 'read', 'write', or undefined when there is no literal `method`. */
function methodKind(options: ts.Expression | undefined): 'read' | 'write' | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const property of options.properties) {
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'method') return 'write';
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || property.name.text !== 'method') continue;
    const value = property.initializer;
    if (ts.isStringLiteralLike(value)) return READ_METHODS.has(value.text.toUpperCase()) ? 'read' : 'write';
    return 'write';
  }
  return undefined;
}

/** The outermost named function around `node` (a declaration, or `const f = (...) =>`). */
function outerFunction(node: ts.Node): { name: string; fn: ts.FunctionLikeDeclaration } | undefined {
  let found: { name: string; fn: ts.FunctionLikeDeclaration } | undefined;
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isFunctionDeclaration(at) && at.name) found = { name: at.name.text, fn: at };
    if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name) && at.initializer && isFunctionLike(at.initializer))
      found = { name: at.name.text, fn: at.initializer };
  }
  return found;
}

function takesNpmHeaders(fn: ts.FunctionLikeDeclaration): boolean {
  return fn.parameters.some((param) => ts.isIdentifier(param.name) && param.name.text === 'npmHeaders');
}

/**
 * Step 1: raw writes, each marked allowed when it sits in src/registry/ inside a function taking `npmHeaders` (a
 * write primitive, whose name is returned), plus step 2: calls of those primitives elsewhere, each marked
 * wrapped or not.
 */
export function findWrites(files: Array<{ file: string; text: string }>): Finding[] {
  const trees = files.map(({ file, text }) => ({ file, tree: parse(file, text) }));
  const wrappers = findWrappers(trees);
  const raw = findRawWrites(trees);
  const primitives = new Set(raw.filter((finding) => finding.primitive).map((finding) => finding.primitive as string));
  const findings: Finding[] = raw.map(({ primitive, ...finding }) => ({ ...finding, wrapped: primitive !== undefined }));
  for (const { file, tree } of trees) {
    if (file.includes('registry/')) continue;
    walk(tree, (node) => {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || !primitives.has(node.expression.text)) return;
      findings.push({
        file,
        line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        what: `registry ${node.expression.text}`,
        wrapped: isWrapped(node, wrappers),
      });
    });
  }
  return findings;
}

function findRawWrites(trees: Array<{ file: string; tree: ts.SourceFile }>): Array<Omit<Finding, 'wrapped'> & { primitive: string | undefined }> {
  const findings: Array<Omit<Finding, 'wrapped'> & { primitive: string | undefined }> = [];
  for (const { file, tree } of trees) {
    const defaults = new Map<string, string>(); // local name -> module, for default/namespace imports
    const named = new Map<string, string>(); // local name -> `module:export`
    for (const statement of tree.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.importClause?.isTypeOnly) continue;
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause?.name) defaults.set(clause.name.text, module);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) defaults.set(bindings.name.text, module);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements)
          if (!element.isTypeOnly) named.set(element.name.text, `${module}:${(element.propertyName ?? element.name).text}`);
      }
    }
    walk(tree, (node) => {
      if (!ts.isCallExpression(node)) return;
      const what = writeOf(node, defaults, named);
      if (!what) return;
      const outer = outerFunction(node);
      const primitive = file.includes('registry/') && outer && takesNpmHeaders(outer.fn) ? outer.name : undefined;
      findings.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, what, primitive });
    });
  }
  return findings;
}

/** Names the write `call` makes, or undefined for anything else. */
function writeOf(call: ts.CallExpression, defaults: Map<string, string>, named: Map<string, string>): string | undefined {
  const callee = call.expression;
  // A callee: `x(...)`, `x.f(...)` or `x.f.g(...)`; `root` is the leftmost identifier.
  const chain: string[] = [];
  let at: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(at)) {
    chain.unshift(at.name.text);
    at = at.expression;
  }
  if (!ts.isIdentifier(at)) return undefined;
  const root = at.text;
  const module = defaults.get(root);
  const imported = named.get(root);
  if (
    (module === 'libnpmpublish' && ['publish', 'unpublish'].includes(chain[0] ?? '')) ||
    imported === 'libnpmpublish:publish' ||
    imported === 'libnpmpublish:unpublish'
  ) {
    return `libnpmpublish ${chain[0] ?? imported?.split(':')[1]}`;
  }
  if (module === 'libnpmaccess' && chain.length > 0 && !chain[0]?.startsWith('get')) return `libnpmaccess ${chain[0]}`;
  if (imported?.startsWith('libnpmaccess:') && !imported.split(':')[1]?.startsWith('get')) return `libnpmaccess ${imported.split(':')[1]}`;
  if (module === 'npm-registry-fetch' && methodKind(call.arguments[1]) === 'write') return `npm-registry-fetch ${[root, ...chain].join('.')}`;
  if (root === 'fetch' && chain.length === 0 && !defaults.has('fetch') && !named.has('fetch') && methodKind(call.arguments[1]) === 'write') return 'fetch';
  if (['node:http', 'node:https', 'http', 'https', 'undici'].includes(module ?? imported?.split(':')[0] ?? '')) return `${module ?? imported} request`;
  return undefined;
}

/** Writes to somewhere other than the registry, each with where it goes: no one-time password belongs there. */
const NOT_THE_REGISTRY: Record<string, string> = {
  'src/run/approval-webhook.ts': "a chat webhook (approval-webhook) told that a web approval waits; a URL of the user's, never the registry",
};

describe('every registry write goes through the one OTP wrapper', () => {
  const files = sourceFiles(path.join(ROOT, 'src')).map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }));
  const all = findWrites(files);
  const findings = all.filter((finding) => !(finding.file in NOT_THE_REGISTRY));

  it('knows each write that goes elsewhere than the registry by its file, and no such file is left over', () => {
    assert.deepEqual(
      [...new Set(all.filter((finding) => finding.file in NOT_THE_REGISTRY).map((finding) => finding.file))].sort(),
      Object.keys(NOT_THE_REGISTRY).sort(),
    );
  });

  it('finds no write in src/ outside a withOtp send (static check)', () => {
    const loose = findings.filter((finding) => !finding.wrapped).map((finding) => `${finding.file}:${finding.line} ${finding.what}`);
    assert.deepEqual(
      loose,
      [],
      'these writes bypass withOtp: raw writes belong in a src/registry/ function taking `npmHeaders`, called from the `send` of withOtp (or through otpWrite)',
    );
  });

  it('sees the writes it guards (the check is not vacuous)', () => {
    const where = new Set(findings.map((finding) => finding.file));
    for (const file of [
      'src/registry/publish.ts',
      'src/registry/dist-tags.ts',
      'src/registry/owners.ts',
      'src/registry/packument.ts',
      'src/registry/unpublish.ts',
      'src/registry/access.ts',
      'src/registry/oidc.ts',
    ]) {
      assert.ok(where.has(file), `no write found in ${file}`);
    }
    for (const file of [
      'src/commands/publish.ts',
      'src/commands/dist-tag.ts',
      'src/commands/owner.ts',
      'src/commands/deprecate.ts',
      'src/commands/unpublish.ts',
      'src/commands/access.ts',
      'src/run/trusted-publishing.ts',
    ]) {
      assert.ok(where.has(file), `no call of a registry write found in ${file}`);
    }
    const kinds = new Set(findings.map((finding) => finding.what.split(' ')[0]));
    assert.deepEqual([...kinds].sort(), ['libnpmaccess', 'libnpmpublish', 'npm-registry-fetch', 'registry']);
  });

  it('flags writes that bypass the wrapper, and accepts the shapes the codebase uses', () => {
    const sample = `
      import libnpmpublish from 'libnpmpublish';
      import { setAccess, getVisibility } from 'libnpmaccess';
      import npmFetch from 'npm-registry-fetch';
      import { withOtp } from '../otp/with-otp.ts';
      function otpWrite(context, label, send) {
        return withOtp(context.otp, { label, send: (otp) => context.client.timed(0, () => send({ otp })) });
      }
      export async function bad(options, method) {
        await libnpmpublish.publish({}, Buffer.alloc(0), options);                  // 10: bare publish
        await npmFetch('/x', { ...options, method: 'DELETE' });                     // 11: bare DELETE
        await npmFetch.json('/x', { method });                                      // 12: method not provably a read
        await setAccess('x', 'public', options);                                    // 13: bare libnpmaccess write
        await fetch('https://registry.test/x', { method: 'PUT' });                  // 14: global fetch write
        const later = () => npmFetch('/x', { method: 'PUT' });                      // 15: a function that is not a send
        await withOtp(ctx, { label: 'x', other: () => npmFetch('/x', { method: 'POST' }) }); // 16: not the send
      }
      export async function good(ctx, options) {
        await npmFetch('/x', { ...options, method: 'GET' });
        await npmFetch('/x', options);
        await getVisibility('x', options);
        await withOtp(ctx, { label: 'x', send: (otp) => ctx.client.timed(0, () => libnpmpublish.unpublish('x', { otp })) });
        await withOtp(ctx, { label: 'x', async send(otp) { return npmFetch('/x', { otp, method: 'PUT' }); } });
        await otpWrite(ctx, 'x', (options) => npmFetch('/x', { ...options, method: 'POST' }));
      }
    `;
    const primitives = `
      import npmFetch from 'npm-registry-fetch';
      export async function setTag(client, pkg, npmHeaders) {
        await client.write(npmHeaders, 0, (options) => npmFetch('/x', { ...options, method: 'PUT' }));
      }
      export async function loose(client, pkg) {
        await npmFetch('/x', { method: 'DELETE' });                                 // 7: a raw write without NpmHeaders
      }
    `;
    const callers = `
      import { setTag } from '../registry/tags.ts';
      import { withOtp } from '../otp/with-otp.ts';
      export async function a(context) {
        await setTag(context.client, 'x', { otp: undefined });                      // 5: a primitive called bare
        await otpWrite(context, 'x', (npmHeaders) => setTag(context.client, 'x', npmHeaders));
        await withOtp(context.otp, { label: 'x', send: (otp) => setTag(context.client, 'x', { otp }) });
        await withOtp(context.otp, { label: 'x', async send(otp) { return setTag(context.client, 'x', { otp }); } });
        await withOtp(context.otp, { label: 'x', other: () => setTag(context.client, 'x', {}) }); // 9: not the send
      }
    `;
    const found = findWrites([
      { file: 'src/commands/sample.ts', text: sample },
      { file: 'src/registry/tags.ts', text: primitives },
      { file: 'src/commands/callers.ts', text: callers },
    ]);
    const loose = (file: string) => found.filter((finding) => finding.file === file && !finding.wrapped).map((finding) => finding.line);
    assert.deepEqual(
      loose('src/commands/sample.ts'),
      [10, 11, 12, 13, 14, 15, 16, 22, 23, 24],
      'outside src/registry/ every raw write is loose, wrapped or not',
    );
    assert.deepEqual(loose('src/registry/tags.ts'), [7]);
    assert.deepEqual(loose('src/commands/callers.ts'), [5, 9]);
    assert.equal(found.filter((finding) => finding.file === 'src/commands/callers.ts' && finding.wrapped).length, 3);
  });
});
