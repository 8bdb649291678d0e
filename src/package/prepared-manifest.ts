import PackageJson from '@npmcli/package-json';

/**
 * The manifest npm publishes for a folder: package.json fixed and prepared by @npmcli/package-json (`_id`,
 * readme, bin and man paths, gitHead...), as `npm publish` does it; for a workspace package whose ranges were
 * resolved, the same steps over the text that is packed in place of the file.
 */
export async function readPublishManifest(dir: string, manifestText: string | undefined): Promise<Record<string, unknown>> {
  if (manifestText === undefined) {
    const pkg = await PackageJson.fix(dir, { changes: [] });
    return (await pkg.prepare()).content;
  }
  const pkg = new PackageJson().create(dir).fromJSON(manifestText);
  await pkg.fix({ changes: [] });
  return (await pkg.prepare()).content;
}
