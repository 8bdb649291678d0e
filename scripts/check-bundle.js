// Refuses a bundle that can load a module from outside itself. `uses:` checks out action.yml
// and dist/ with no node_modules anywhere: every module a file of dist/ loads must be a Node
// built-in or a file of dist/. Inside the repository a missing one would still be found in the
// project's node_modules, so only this check (and the tests, which run a copy laid out as users
// get it) sees it.
// Usage: node scripts/check-bundle.js [dist]   (default dist; exit 1 naming each file and specifier)
//
// Every JavaScript file is parsed (acorn) and every way of loading a module is read: static
// `import`/`export ... from`, `import()`, `require()`, `require.resolve()`, a require made by
// `createRequire(...)` and called at once, and `eval("require")(...)`, the form ncc writes for a
// module it could not resolve. A specifier that is not a literal cannot be checked, so it is
// refused too, except where a table below says why that one is safe.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';

/**
 * Loads with a computed specifier that are safe, each with why: the code loading them, and the files
 * (by path within the bundle) it may stand in.
 */
export const COMPUTED = [
  // webpack's chunk loader (ESM and CommonJS forms): a chunk file of the same build, named by its id.
  { code: /^"\.\/" ?\+ ?__nccwpck_require__\.u\(\w+\)$/, files: /(^|\/)index\.js$/ },
];

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The problems of one file: `{ file, specifier, why }` for each load that may leave dist/. */
export function checkFile(file, dist) {
  const text = readFileSync(file, 'utf8');
  const sourceType = isModule(file, dist) ? 'module' : 'script';
  let ast;
  try {
    ast = acorn.parse(text, { ecmaVersion: 'latest', sourceType, allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true });
  } catch (error) {
    return [{ file, specifier: '', why: `cannot be parsed as ${sourceType}: ${error.message}` }];
  }
  const problems = [];
  const check = (node, how) => {
    if (node?.type === 'Literal' && typeof node.value === 'string') {
      const problem = specifierProblem(node.value, file, dist);
      if (problem) problems.push({ file, specifier: node.value, why: `${how}: ${problem}` });
      return;
    }
    if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return check({ type: 'Literal', value: node.quasis[0].value.cooked }, how);
    const code = text.slice(node?.start ?? 0, node?.end ?? 0);
    if (COMPUTED.some((entry) => entry.code.test(code) && entry.files.test(path.relative(dist, file).split(path.sep).join('/')))) return;
    problems.push({ file, specifier: code, why: `${how} with a computed specifier, which cannot be checked` });
  };
  // The names a require goes by: `require`, and any variable made by createRequire (under any name it was imported as).
  const creators = new Set(['createRequire']);
  walk(ast, (node) => {
    if (node.type === 'ImportSpecifier' && /^(node:)?module$/.test(String(node.parent?.source?.value ?? '')) && importedName(node) === 'createRequire')
      creators.add(node.local.name);
    if (node.type === 'Property' && node.key && propertyKey(node) === 'createRequire' && node.value.type === 'Identifier') creators.add(node.value.name);
  });
  const requires = new Set(['require']);
  walk(ast, (node) => {
    if (
      node.type === 'VariableDeclarator' &&
      node.id.type === 'Identifier' &&
      node.init?.type === 'CallExpression' &&
      isCreateRequire(node.init.callee, creators)
    )
      requires.add(node.id.name);
    if (
      node.type === 'AssignmentExpression' &&
      node.left.type === 'Identifier' &&
      node.right.type === 'CallExpression' &&
      isCreateRequire(node.right.callee, creators)
    )
      requires.add(node.left.name);
  });
  walk(ast, (node) => {
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source)
      check(node.source, 'import');
    else if (node.type === 'ImportExpression') check(node.source, 'import()');
    else if (node.type === 'CallExpression') {
      const callee = node.callee;
      const arg = node.arguments[0];
      if (callee.type === 'Identifier' && requires.has(callee.name) && node.arguments.length > 0) check(arg, `${callee.name}()`);
      else if (
        callee.type === 'MemberExpression' &&
        callee.object.type === 'Identifier' &&
        requires.has(callee.object.name) &&
        propertyName(callee) === 'resolve'
      )
        check(arg, `${callee.object.name}.resolve()`);
      else if (callee.type === 'CallExpression' && isCreateRequire(callee.callee, creators)) check(arg, 'createRequire()()');
      else if (callee.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'eval') check(arg, 'eval("require")()');
    }
  });
  return problems;
}

/** Every problem in the bundle at `dist`. */
export function checkBundle(dist) {
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return files.flatMap((file) => checkFile(file, dist));
}

function specifierProblem(specifier, file, dist) {
  if (builtins.has(specifier)) return undefined;
  if (specifier.startsWith('node:')) return `${specifier} is not a Node built-in`;
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && !specifier.startsWith('/') && !specifier.startsWith('file:'))
    return 'a package, which Node would look for in node_modules';
  const target = specifier.startsWith('file:') ? fileURLToPath(specifier) : path.resolve(path.dirname(file), specifier);
  const inside = path.relative(dist, target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return 'a file outside the bundle';
  if (!existsSync(target) || !statSync(target).isFile()) return 'no such file in the bundle';
  return undefined;
}

/** Whether Node loads `file` as an ES module: .mjs, or .js under a package.json with "type": "module". */
function isModule(file, dist) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
    if (dir === dist || path.dirname(dir) === dir) return false;
  }
}

/** A call of createRequire: by one of its local names, or as a property (`module.createRequire`, webpack's `__WEBPACK_EXTERNAL_createRequire`). */
function isCreateRequire(node, creators) {
  if (node.type === 'Identifier') return creators.has(node.name) || /createRequire$/.test(node.name);
  return node.type === 'MemberExpression' && propertyName(node) === 'createRequire';
}

function importedName(specifier) {
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
}

function propertyKey(property) {
  return property.key.type === 'Identifier' ? property.key.name : property.key.value;
}

function propertyName(member) {
  return member.computed ? member.property.value : member.property.name;
}

/** Visits every node, each with `parent` set. */
function walk(node, visit, parent = undefined) {
  if (node === null || typeof node !== 'object') return;
  if (typeof node.type === 'string') {
    if (parent !== undefined && node.parent === undefined) Object.defineProperty(node, 'parent', { value: parent, enumerable: false });
    visit(node);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'start' || key === 'end') continue;
    if (Array.isArray(value)) for (const child of value) walk(child, visit, typeof node.type === 'string' ? node : parent);
    else if (value !== null && typeof value === 'object') walk(value, visit, typeof node.type === 'string' ? node : parent);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const problems = checkBundle(dist);
  for (const { file, specifier, why } of problems) console.error(`${path.relative(process.cwd(), file)}: ${specifier} (${why})`);
  if (problems.length > 0) {
    console.error(
      `\n${problems.length} load${problems.length === 1 ? '' : 's'} in ${dist} may reach outside the bundle: users run dist/ with no node_modules, where each of these fails.`,
    );
    process.exit(1);
  }
  console.log(`${dist}: every module a file loads is a Node built-in or a file of the bundle.`);
}
