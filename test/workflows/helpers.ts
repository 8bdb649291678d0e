/**
 * Runs pieces of the project's workflows the way GitHub would, for the tests
 * in this folder: evaluates `${{ }}` expressions against a context the test
 * builds for one event, fills in the defaults the runner fills in, and runs
 * `run:` steps with bash. What it does not do (checkout, setup-node,
 * artifacts) each test emulates in a line, and says so.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parseOutputFile, ROOT } from '../helpers/action.ts';

/** A workflow as parsed from YAML. The tests read what they need and fail loudly if it is missing. */
export type Workflow = Record<string, any>;

/** Expression contexts by name (`github`, `inputs`, `secrets`, `steps`, `needs`, `runner`, ...). */
export type Context = Record<string, unknown>;

/** Parses a workflow file given relative to the repository root. */
export async function readWorkflow(file: string): Promise<Workflow> {
  return parse(await readFile(path.join(ROOT, file), 'utf8'));
}

/** This product's action, as every workflow names it. */
export const OWN_ACTION = 'npm-totp-publish/npm-totp-publish';

/** The job's only step that uses this product's action. */
export function actionStep(job: Workflow): Workflow {
  const steps = (job.steps as Workflow[]).filter((step) => typeof step.uses === 'string' && step.uses.startsWith(`${OWN_ACTION}@`));
  if (steps.length !== 1) throw new Error(`expected one step using ${OWN_ACTION}, found ${steps.length}`);
  return steps[0] as Workflow;
}

/** The step with this id (or name). */
export function stepById(job: Workflow, id: string): Workflow {
  const step = (job.steps as Workflow[]).find((s) => s.id === id || s.name === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

/**
 * The inputs the runner hands the action for a step: its `with:` evaluated,
 * then every other input of action.yml at its default, as the runner sets
 * INPUT_<NAME> for each declared input.
 */
export async function actionInputs(step: Workflow, context: Context, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8'));
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs as Record<string, { default?: unknown }>)) {
    if (input.default !== undefined) inputs[name] = toText(input.default);
  }
  for (const [name, value] of Object.entries((step.with ?? {}) as Record<string, unknown>)) inputs[name] = interpolate(value, context);
  return { ...inputs, ...extra };
}

/**
 * The `inputs` context of a `workflow_dispatch` or `workflow_call`: what was
 * given, else each declared input's default; booleans stay booleans, as GitHub keeps them.
 */
export function declaredInputs(
  declared: Record<string, { type?: string; default?: unknown; required?: boolean }>,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const value = name in given ? given[name] : spec.default;
    if (value === undefined) {
      if (spec.required) throw new Error(`input ${name} is required and was not given`);
      inputs[name] = spec.type === 'boolean' ? false : spec.type === 'number' ? 0 : '';
    } else {
      inputs[name] = spec.type === 'boolean' ? value === true || value === 'true' : spec.type === 'number' ? Number(value) : toText(value);
    }
  }
  for (const name of Object.keys(given)) if (!(name in declared)) throw new Error(`input ${name} is not declared`);
  return inputs;
}

/** Evaluates every value of a mapping (`with:`, `env:`, `outputs:`, `secrets:`) to text. */
export function interpolateAll(values: Record<string, unknown> | undefined, context: Context): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, interpolate(value, context)]));
}

/**
 * A YAML value as the runner sees it: `${{ }}` parts replaced by their value
 * as text; a value that is one expression alone becomes that value's text.
 */
export function interpolate(value: unknown, context: Context): string {
  if (typeof value !== 'string') return toText(value);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => toText(evaluate(expression, context)));
}

/** GitHub's conversion to text: null is '', booleans true/false, objects JSON. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The value of an `if:` condition: an expression with or without `${{ }}`. */
export function condition(value: unknown, context: Context): boolean {
  if (value === undefined) return true;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim();
  const inner = /^\$\{\{([\s\S]*)\}\}$/.exec(text)?.[1] ?? text;
  return truthy(evaluate(inner, context));
}

// --- Expressions: the subset the workflows use, with GitHub's semantics ---

type Token = { kind: 'string' | 'number' | 'name' | 'op'; text: string; value?: unknown };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_-]*)|(==|!=|<=|>=|&&|\|\||[!<>()[\].,]))/y;
  let index = 0;
  while (index < expression.length) {
    if (/^\s*$/.test(expression.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(expression);
    if (!match) throw new Error(`cannot read the expression at "${expression.slice(index)}"`);
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1], value: match[1].slice(1, -1).replace(/''/g, "'") });
    else if (match[2] !== undefined) tokens.push({ kind: 'number', text: match[2], value: Number(match[2]) });
    else if (match[3] !== undefined) tokens.push({ kind: 'name', text: match[3] });
    else tokens.push({ kind: 'op', text: match[4] as string });
  }
  return tokens;
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  contains: (search, item) =>
    Array.isArray(search) ? search.some((element) => looseEquals(element, item)) : toText(search).toLowerCase().includes(toText(item).toLowerCase()),
  startswith: (text, prefix) => toText(text).toLowerCase().startsWith(toText(prefix).toLowerCase()),
  endswith: (text, suffix) => toText(text).toLowerCase().endsWith(toText(suffix).toLowerCase()),
  format: (template, ...args) => toText(template).replace(/\{(\d+)\}/g, (_, n: string) => toText(args[Number(n)])),
  tojson: (value) => JSON.stringify(value, null, 2),
  fromjson: (text) => JSON.parse(toText(text)),
};

/**
 * The status check functions of an `if:`, from the `job.status` the test puts
 * in the context ('success', 'failure' or 'cancelled': how the job stands when
 * the step is reached). A context without `job` fails the test, as any missing property does.
 */
const STATUS_FUNCTIONS: Record<string, (status: string) => boolean> = {
  success: (status) => status === 'success',
  failure: (status) => status === 'failure',
  cancelled: (status) => status === 'cancelled',
  always: () => true,
};

/**
 * Evaluates one expression (without `${{ }}`). A property the context does
 * not hold is an error, not null, so that a renamed output or input fails the test.
 */
export function evaluate(expression: string, context: Context): unknown {
  const tokens = tokenize(expression);
  let position = 0;
  const peek = () => tokens[position];
  const take = (text?: string) => {
    const token = tokens[position];
    if (!token || (text !== undefined && token.text !== text)) throw new Error(`expected ${text ?? 'a value'} in "${expression}"`);
    position += 1;
    return token;
  };
  // Both operands are always read (and evaluated): this evaluator has no side effects to skip.
  const binary = (next: () => unknown, operators: string[], apply: (op: string, left: unknown, right: unknown) => unknown) => () => {
    let left = next();
    while (peek()?.kind === 'op' && operators.includes(peek()!.text)) {
      const op = take().text;
      left = apply(op, left, next());
    }
    return left;
  };
  const primary = (): unknown => {
    const token = take();
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    if (token.kind === 'op' && token.text === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.kind === 'op' && token.text === '!') return !truthy(primary());
    if (token.kind !== 'name') throw new Error(`unexpected "${token.text}" in "${expression}"`);
    const name = token.text.toLowerCase();
    if (name === 'true' || name === 'false') return name === 'true';
    if (name === 'null') return null;
    if (peek()?.text === '(') {
      take('(');
      const args: unknown[] = [];
      while (peek()?.text !== ')') {
        args.push(or());
        if (peek()?.text === ',') take(',');
      }
      take(')');
      const status = STATUS_FUNCTIONS[name];
      if (status) return status(toText(lookup(lookup(context, 'job', 'job'), 'status', 'job.status')));
      const fn = FUNCTIONS[name];
      if (!fn) throw new Error(`function ${token.text} is not supported by the test evaluator`);
      return fn(...args);
    }
    let value: unknown = lookup(context, token.text, token.text);
    let where = token.text;
    while (peek()?.text === '.' || peek()?.text === '[') {
      if (take().text === '.') {
        const key = take().text;
        where += `.${key}`;
        value = lookup(value, key, where);
      } else {
        const key = toText(or());
        take(']');
        where += `['${key}']`;
        value = lookup(value, key, where);
      }
    }
    return value;
  };
  const comparison = binary(primary, ['==', '!=', '<', '<=', '>', '>='], (op, left, r) => {
    if (op === '==') return looseEquals(left, r);
    if (op === '!=') return !looseEquals(left, r);
    const [a, b] = [toNumber(left), toNumber(r)];
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  });
  const and = binary(comparison, ['&&'], (_, left, right) => (truthy(left) ? right : left));
  const or: () => unknown = binary(and, ['||'], (_, left, right) => (truthy(left) ? left : right));
  const value = or();
  if (position !== tokens.length) throw new Error(`unexpected "${tokens[position]?.text}" in "${expression}"`);
  return value;
}

function lookup(object: unknown, key: string, where: string): unknown {
  if (object === null || typeof object !== 'object') throw new Error(`${where}: not an object`);
  const found = Object.keys(object).find((name) => name.toLowerCase() === key.toLowerCase());
  if (found === undefined) throw new Error(`${where} is not in the test's context`);
  return (object as Record<string, unknown>)[found];
}

function truthy(value: unknown): boolean {
  return !(value === false || value === null || value === undefined || value === '' || value === 0 || Number.isNaN(value));
}

function toNumber(value: unknown): number {
  if (value === null || value === '') return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number(value);
}

function looseEquals(left: unknown, right: unknown): boolean {
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase() === right.toLowerCase();
  if (typeof left === typeof right || left === null || right === null) return left === right;
  return toNumber(left) === toNumber(right);
}

// --- run: steps ---

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What the step wrote to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
}

/**
 * Runs a `run:` step as the runner does on Linux (`bash --noprofile --norc
 * -eo pipefail`), in `workspace` or its `working-directory`, with the step's
 * `env:` evaluated, RUNNER_TEMP and GITHUB_OUTPUT, and the project's Node 24
 * and npm first on PATH (as setup-node would put them).
 */
export async function runStep(
  step: Workflow,
  context: Context,
  options: { workspace: string; runnerTemp: string; env?: Record<string, string> },
): Promise<StepRun> {
  if (typeof step.run !== 'string') throw new Error(`step ${step.id ?? step.name} has no run:`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'npm-totp-publish-step-'));
  try {
    const script = path.join(dir, 'script.sh');
    const outputFile = path.join(dir, 'output');
    await writeFile(script, interpolate(step.run, context));
    await writeFile(outputFile, '');
    const cwd = step['working-directory'] === undefined ? options.workspace : path.resolve(options.workspace, interpolate(step['working-directory'], context));
    const env: Record<string, string> = {
      PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: process.env.HOME ?? os.homedir(),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      RUNNER_TEMP: options.runnerTemp,
      GITHUB_OUTPUT: outputFile,
      ...options.env,
      ...interpolateAll(step.env, context),
    };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode ?? 1, stdout: out, stderr: err }));
    });
    return { code, stdout, stderr, outputs: parseStepOutputs(await readFile(outputFile, 'utf8')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** GITHUB_OUTPUT as the runner reads it: `name=value` lines and `name<<DELIMITER` blocks. */
function parseStepOutputs(text: string): Record<string, string> {
  const outputs = parseOutputFile(text);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const block = /^([^<=]+)<<(.+)$/.exec(line);
    if (block) {
      while (i + 1 < lines.length && lines[i + 1] !== block[2]) i += 1;
      i += 1;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** Whether a ref (`refs/tags/v1.2.3`) matches a workflow's `on.push.tags` filters (`*` stays within one path segment, `**` crosses them). */
export function tagFilterMatches(filters: string[], ref: string): boolean {
  const name = ref.replace(/^refs\/tags\//, '');
  const toRegExp = (filter: string) =>
    new RegExp(
      `^${filter
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*\*/g, '\uE000')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '.')
        .replace(/\uE000/g, '.*')}$`,
    );
  let matched = false;
  for (const filter of filters) {
    if (filter.startsWith('!')) {
      if (toRegExp(filter.slice(1)).test(name)) matched = false;
    } else if (toRegExp(filter).test(name)) {
      matched = true;
    }
  }
  return matched;
}

/** Whether a changed file (`packages/a/package.json`) matches a workflow's `on.push.paths` filters, with the same glob rules as tagFilterMatches. */
export function pathFilterMatches(filters: string[], file: string): boolean {
  if (file.startsWith('refs/')) throw new Error(`${file} is a ref, not a path`);
  return tagFilterMatches(filters, file);
}
