import path from 'node:path';
import semver from 'semver';
import { codeUnitOrder } from '../foundation/code-unit-order.ts';
import { isRecord } from '../foundation/is-record.ts';

/** What dependencyOrder needs of a package: a WorkspacePackage fits. */
export interface OrderablePackage {
  name: string;
  manifest: Record<string, unknown>;
  /** Defaults to the manifest's version. */
  version?: string;
  /** Absolute folder: lets `workspace:../a`, `file:../a` and `link:../a` name a sibling. */
  dir?: string;
  /** Folder relative to the monorepo root: lets yarn's `workspace:packages/a` name a sibling. */
  relativeDir?: string;
}

/** The order in which to publish packages so that each one's workspace dependencies are on the registry first. */
export interface DependencyOrder {
  /**
   * Every package once: a package's dependencies are in earlier levels, except
   * inside a cycle; the packages of one level are independent of each other,
   * so they can be published concurrently. Levels and names within a level are
   * in a deterministic order (level by level, names in code-unit order).
   */
  levels: string[][];
  /** Every package (in name order) and the other packages it depends on (in name order, cycle members included). */
  dependsOn: Map<string, string[]>;
  /**
   * Each set of packages that depend on each other, its members in name order
   * (cycles ordered by their first member). The members of a cycle are put in
   * successive levels in name order, one per level.
   */
  cycles: string[][];
}

/** Fields a consumer installs: devDependencies never order a publish. */
const RUNTIME_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * Orders `packages` (unique names) by their dependencies on each other. A
 * package depends on another one named in dependencies, optionalDependencies
 * or peerDependencies when the range accepts the other's version (as npm links
 * it), when it uses `workspace:` (pnpm, yarn), or when it points at its folder
 * (`file:`/`link:`). `npm:` aliases count under their real name. `catalog:`
 * ranges are not read here: pass manifests from publishManifest to count them.
 */
export function dependencyOrder(packages: readonly OrderablePackage[]): DependencyOrder {
  const sorted = [...packages].sort((a, b) => codeUnitOrder(a.name, b.name));
  const byName = new Map(sorted.map((pkg) => [pkg.name, pkg]));
  const dependsOn = new Map<string, string[]>();
  for (const pkg of sorted) {
    const targets = new Set<string>();
    for (const field of RUNTIME_FIELDS) {
      const dependencies = pkg.manifest[field];
      if (!isRecord(dependencies)) continue;
      for (const [name, spec] of Object.entries(dependencies)) {
        if (typeof spec !== 'string') continue;
        const target = workspaceTarget(pkg, name, spec, sorted, byName);
        // A package naming itself is fine, and no reason to wait.
        if (target !== undefined && target !== pkg.name) targets.add(target);
      }
    }
    dependsOn.set(pkg.name, [...targets].sort(codeUnitOrder));
  }

  const components = stronglyConnected(
    sorted.map((pkg) => pkg.name),
    dependsOn,
  );
  const componentOf = new Map<string, number>();
  components.forEach((members, index) => {
    for (const member of members) componentOf.set(member, index);
  });
  // Components come dependencies first, so each one's level follows from those already placed.
  const lastLevel: number[] = [];
  const levelOf = new Map<string, number>();
  components.forEach((members, index) => {
    let base = 0;
    for (const member of members) {
      for (const dependency of dependsOn.get(member) ?? []) {
        const other = componentOf.get(dependency) ?? index;
        if (other !== index) base = Math.max(base, (lastLevel[other] ?? 0) + 1);
      }
    }
    members.forEach((member, offset) => levelOf.set(member, base + offset));
    lastLevel[index] = base + members.length - 1;
  });

  const levels: string[][] = [];
  for (const pkg of sorted) {
    const level = levelOf.get(pkg.name) ?? 0;
    (levels[level] ??= []).push(pkg.name);
  }
  const cycles = components.filter((members) => members.length > 1).sort((a, b) => codeUnitOrder(a[0] ?? '', b[0] ?? ''));
  return { levels: levels.filter((level) => level !== undefined), dependsOn, cycles };
}

function workspaceTarget(
  pkg: OrderablePackage,
  name: string,
  spec: string,
  packages: readonly OrderablePackage[],
  byName: Map<string, OrderablePackage>,
): string | undefined {
  const at = spec.indexOf('workspace:');
  if (at >= 0) {
    const rest = spec.slice(at + 'workspace:'.length).split(/\s/)[0] ?? '';
    const byPath = folderTarget(pkg, rest, packages);
    if (byPath !== undefined) return byPath;
    // workspace:<real-name>@<range or * ^ ~>
    const alias = /^(.+)@[^@]*$/.exec(rest)?.[1];
    return byName.has(alias ?? name) ? (alias ?? name) : undefined;
  }
  const local = /^(?:file|link):(.+)$/.exec(spec)?.[1];
  if (local !== undefined) return folderTarget(pkg, local.startsWith('.') ? local : `./${local}`, packages);
  let target = name;
  let range = spec;
  const alias = /^npm:((?:@[^/@]+\/)?[^@]+)(?:@(.*))?$/.exec(spec);
  if (alias !== null) {
    target = alias[1] ?? name;
    range = alias[2] ?? '';
  }
  const other = byName.get(target);
  if (other === undefined) return undefined;
  // As npm's dep-valid: '' is '*', and '*' accepts any version.
  if (range === '' || range === '*') return target;
  const version = other.version ?? (typeof other.manifest.version === 'string' ? (semver.clean(other.manifest.version) ?? '') : '');
  if (semver.valid(version) === null || semver.validRange(range, { loose: true }) === null) return undefined;
  // Lenient on prereleases: an edge too many only orders more, one too few publishes a dependent first.
  return semver.satisfies(version, range, { loose: true, includePrerelease: true }) ? target : undefined;
}

/** The package in the folder a `workspace:`/`file:`/`link:` path names: relative to the package (pnpm, npm) or to the root (yarn). */
function folderTarget(pkg: OrderablePackage, rest: string, packages: readonly OrderablePackage[]): string | undefined {
  if (!/[\\/]/.test(rest) || rest.startsWith('@')) return undefined;
  if (pkg.dir !== undefined && rest.startsWith('.')) {
    const dir = path.resolve(pkg.dir, rest);
    const found = packages.find((other) => other.dir === dir);
    if (found) return found.name;
  }
  const relative = path.posix.normalize(rest.replace(/\\/g, '/')).replace(/\/+$/, '');
  return packages.find((other) => other.relativeDir !== undefined && other.relativeDir === relative)?.name;
}

/**
 * Tarjan's strongly connected components, iteratively (no recursion depth
 * limit), visiting names and edges in the given order. Components come out
 * with every component they depend on before them; members in name order.
 */
function stronglyConnected(names: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of names) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.node);
        components.push(members.sort(codeUnitOrder));
      }
    }
  }
  return components;
}
