// The files `npm pack` puts in a tarball: npm-packlist 10.0.4 itself, the version npm 11.21 runs, on the
// tree pack-tree.ts builds in place of Arborist's.
import packlist, { type Options, type Tree } from 'npm-packlist';
import { basename, extname } from 'node:path';
import { ProductError } from '../foundation/errors.ts';
import { compareEn } from './collate.ts';

/** npm-packlist's walker for the package being packed, with the same list in the end. */
class Walker extends packlist.Walker {
  // npm-packlist's sort, with compareEn for localeCompare(…, 'en'): the same order without ICU's collator (collate.ts).
  override sort(a: string, b: string): number {
    const [exta, extb] = [extname(a).toLowerCase(), extname(b).toLowerCase()];
    return compareEn(exta, extb) || compareEn(basename(a).toLowerCase(), basename(b).toLowerCase()) || compareEn(a, b);
  }

  // npm-packlist emits 'done' once this settles and never catches it: a bundled dependency that cannot be walked
  // would be an unhandled rejection. The dependencies a bundled one brings are walked by npm-packlist's own walker:
  // a failure there stays unhandled, as in npm.
  override async gatherBundles(): Promise<void> {
    try {
      await super.gatherBundles();
    } catch (error) {
      this.emit('error', error);
    }
  }
}

/**
 * The files of `tree` that `npm pack` would put in its tarball (paths relative to the package folder,
 * in npm's order), bundled dependencies included. Reads the disk; runs nothing.
 */
export function packList(tree: Tree, options: Omit<Options, 'isPackage'> = {}): Promise<string[]> {
  checkFiles(tree);
  return new Promise((done, fail) => {
    new Walker(tree, { ...options, isPackage: true }).on('done', done).on('error', fail).start();
  });
}

/**
 * npm-packlist walks `files` with `for...of` and calls `startsWith` on each entry, inside a callback of the file
 * system: anything but a list of strings (or a string, walked as its characters) would crash the process.
 */
function checkFiles(tree: Tree, seen = new Set<Tree>()): void {
  if (seen.has(tree)) return;
  seen.add(tree);
  const { files } = tree.package;
  if (files) {
    if (!Array.isArray(files) && typeof files !== 'string') {
      throw new ProductError('EPACKFILES', `"files" in the package.json of ${tree.path} must be an array of paths; it is ${JSON.stringify(files)}.`, {
        received: files,
      });
    }
    for (const entry of files) {
      if (typeof entry !== 'string') {
        throw new ProductError('EPACKFILES', `"files" in the package.json of ${tree.path} must list strings; it holds ${JSON.stringify(entry)}.`, {
          received: entry,
        });
      }
    }
  }
  for (const edge of tree.edgesOut.values()) if (edge.to) checkFiles(edge.to.target, seen);
}
