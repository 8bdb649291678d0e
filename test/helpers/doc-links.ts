/**
 * The links of the project's Markdown pages, read as GitHub renders them: every relative link
 * and `#anchor` must land on a file of the repository and, for a page, on one of its headings.
 * Used by test/unit/docs.test.ts; the functions take the files as data, so that test can plant
 * a broken link and see it found.
 */
import path from 'node:path';

/** The files a check can look at, by path relative to the repository root (`/` separators). */
export interface Files {
  /** The text of a file, or undefined when there is none (a folder counts as existing, with no text). */
  read(file: string): string | undefined;
  exists(file: string): boolean;
}

/** `text` with every fenced code block blanked to spaces (every character keeps its place), so nothing in a block reads as a heading or a link. */
export function withoutFences(text: string): string {
  return text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
}

/** `text` without fenced blocks and inline code spans: what is left is prose, links and headings. */
export function prose(text: string): string {
  return withoutFences(text).replace(/`[^`]*`/g, (span) => span.replace(/[^\n]/g, ' '));
}

/**
 * The anchor GitHub gives a heading: its text as rendered (links as their text, markup gone), lower-cased,
 * every character that is not a letter, a digit, `_`, `-` or a space dropped, spaces to `-` (github-slugger).
 */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim();
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a page has: one per heading (a repeated one gets -1, -2... as on GitHub), and `<a id|name="...">`. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutFences(text).matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm)) {
    const base = slug(match[1] as string);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const match of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(match[1] as string);
  return found;
}

/** The targets of the links and images of a page, with their line: inline `[text](target)` and `[ref]: target` definitions. */
export function linkTargets(text: string): Array<{ line: number; target: string }> {
  const body = prose(text);
  const lineOf = (index: number) => body.slice(0, index).split('\n').length;
  const targets: Array<{ line: number; target: string }> = [];
  for (const match of body.matchAll(/!?\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
    targets.push({ line: lineOf(match.index), target: match[1] as string });
  }
  for (const match of body.matchAll(/^ {0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$/gm)) {
    targets.push({ line: lineOf(match.index), target: match[1] as string });
  }
  return targets;
}

/**
 * What is wrong with the links of `file`: a relative target that is no file or folder of the repository, an anchor that
 * is no heading of its page, an anchor on a file that is not a page. Links to other sites are not followed.
 */
export function brokenLinks(file: string, files: Files): string[] {
  const text = files.read(file);
  if (text === undefined) return [`${file}: no such file`];
  const problems: string[] = [];
  for (const { line, target } of linkTargets(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const hash = target.indexOf('#');
    const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const fragment = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const where = `${file}:${line}: (${target})`;
    const resolved = pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
    if (resolved.startsWith('../') || path.posix.isAbsolute(resolved)) {
      problems.push(`${where} leaves the repository`);
      continue;
    }
    if (!files.exists(resolved.replace(/\/$/, ''))) {
      problems.push(`${where} names ${resolved}, which does not exist`);
      continue;
    }
    if (fragment === undefined) continue;
    if (!resolved.endsWith('.md')) {
      if (!/^L\d+(-L\d+)?$/.test(fragment)) problems.push(`${where} has an anchor, but ${resolved} is not a Markdown page`);
      continue;
    }
    const page = files.read(resolved) ?? '';
    if (!anchors(page).has(fragment)) problems.push(`${where} names #${fragment}, which is no heading of ${resolved}`);
  }
  return problems;
}
