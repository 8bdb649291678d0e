import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { COMMANDS } from '../../src/commands/index.ts';
import { ROOT } from '../helpers/action.ts';

/**
 * A command is known only to its descriptor (src/commands/): no other file of src/ names one in a string, so
 * adding or renaming a command touches its own file. Words that are not commands there are listed with why.
 */
const NOT_A_COMMAND: Record<string, string> = {
  'src/plan/publish-plan.ts:publish': "npm's publish lifecycle script (PUBLISH_SCRIPTS)",
  'src/action/inputs.ts:doctor': 'the doctor input (doctor: true), named after the command it adds',
  'src/action/main.ts:doctor': 'the line the doctor input adds to the run',
  'src/foundation/refusals.ts:publish': "the npm-command header's value of a direct publish, which a stage-only credential may not send",
  'src/registry/account.ts:trust': "the npm-command header doctor's 2FA probe carries, as npm 11 sends its trust reads",
  'src/grammar/options.ts:access': 'the access setting (input and flag names, SETTING_NAMES)',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') && !file.endsWith('.d.ts') ? [file] : [];
  });
}

/** Every run-time string in `text` (string literals, and the fixed text of template literals), with its line; types are not looked at. */
export function runtimeStrings(file: string, text: string): Array<{ line: number; text: string }> {
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    const line = () => tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push({ line: line(), text: node.text });
    if (ts.isTemplateExpression(node))
      for (const part of [node.head, ...node.templateSpans.map((span) => span.literal)]) found.push({ line: line(), text: part.text });
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The command `text` names, when it names one: a command's first word alone, or its words as a phrase beginning the text. */
export function namedCommand(text: string, commands: ReadonlyArray<{ words: readonly string[] }>): string | undefined {
  const trimmed = text.trim();
  for (const { words } of commands) {
    if (trimmed === words[0]) return words[0];
    const phrase = words.length > 1 ? words.join(' ') : `${words[0]} `;
    if (
      words.length > 1
        ? trimmed === phrase || trimmed.startsWith(`${phrase} `)
        : trimmed.startsWith(phrase) && trimmed.length > phrase.length && !/^\w+ (a|an|the|of|to|for|and|or|is|was|by|from)\b/i.test(trimmed)
    )
      return words.join(' ');
  }
  return undefined;
}

describe('command names live in their descriptors', () => {
  it('finds no command named in a string of src/ outside src/commands/', () => {
    const found = sourceFiles('src')
      .filter((file) => !file.startsWith('src/commands/'))
      .flatMap((file) =>
        runtimeStrings(file, readFileSync(path.join(ROOT, file), 'utf8')).flatMap(({ line, text }) => {
          const command = namedCommand(text, COMMANDS);
          return command === undefined || `${file}:${command}` in NOT_A_COMMAND ? [] : [`${file}:${line} ${JSON.stringify(text)} names ${command}`];
        }),
      );
    assert.deepEqual(found, [], 'name the command through its descriptor (its words), or pass what is needed in from src/commands/');
  });

  it('sees a command named anywhere (the check is not vacuous)', () => {
    const strings = (code: string) => runtimeStrings('x.ts', code).map(({ text }) => namedCommand(text, COMMANDS));
    assert.deepEqual(strings("const a = 'dist-tag'; const b = `trust ${p} --file x`; const c = `stage ${action} ${id}`; const d = 'stage publish';"), [
      'dist-tag',
      'trust',
      undefined,
      'stage',
      undefined,
      undefined,
      'stage publish',
    ]);
    assert.deepEqual(strings("type T = 'publish' | 'owner'; const e = 'publishing x'; const f = 'owner add bob';"), [undefined, 'owner add']);
    assert.deepEqual(
      runtimeStrings('x.ts', 'const b = `trust ${p} --file x`;').map(({ text }) => text),
      ['trust ', ' --file x'],
    );
  });
});
