import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dependencyOrder, type OrderablePackage } from '../../src/plan/dependency-order.ts';

type Fields = Partial<Record<'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies', Record<string, string>>>;

/** A package at /repo/packages/<name> with version 1.0.0 unless given. */
const pkg = (name: string, fields: Fields = {}, version = '1.0.0'): OrderablePackage => ({
  name,
  manifest: { name, version, ...fields },
  dir: path.resolve('/repo/packages', name),
  relativeDir: `packages/${name}`,
});

const order = (packages: OrderablePackage[]) => dependencyOrder(packages);

describe('dependencyOrder', () => {
  it('orders a chain dependencies first, one level each', () => {
    const result = order([pkg('app', { dependencies: { mid: '^1.0.0' } }), pkg('mid', { dependencies: { base: 'workspace:*' } }), pkg('base')]);
    assert.deepEqual(result.levels, [['base'], ['mid'], ['app']]);
    assert.deepEqual(
      [...result.dependsOn],
      [
        ['app', ['mid']],
        ['base', []],
        ['mid', ['base']],
      ],
    );
    assert.deepEqual(result.cycles, []);
  });

  it('puts independent packages in one level so they can go concurrently (fan-out and diamond)', () => {
    const result = order([
      pkg('core'),
      pkg('z-plugin', { dependencies: { core: '^1.0.0' } }),
      pkg('a-plugin', { optionalDependencies: { core: '1.x' } }),
      pkg('m-plugin', { peerDependencies: { core: '>=1' } }),
      pkg('bundle', { dependencies: { 'a-plugin': '*', 'z-plugin': '' } }),
      pkg('standalone'),
    ]);
    assert.deepEqual(result.levels, [['core', 'standalone'], ['a-plugin', 'm-plugin', 'z-plugin'], ['bundle']]);
    assert.deepEqual(result.dependsOn.get('bundle'), ['a-plugin', 'z-plugin']);
  });

  it('counts peerDependencies and optionalDependencies but never devDependencies', () => {
    const result = order([
      pkg('a', { peerDependencies: { b: '^1.0.0' }, devDependencies: { c: 'workspace:*' } }),
      pkg('b', { optionalDependencies: { c: '^1.0.0' } }),
      pkg('c', { devDependencies: { a: 'workspace:*' } }),
    ]);
    assert.deepEqual(result.levels, [['c'], ['b'], ['a']]);
    assert.deepEqual(result.cycles, []);
  });

  it('ignores a range the workspace version does not satisfy (the registry provides it), but always follows workspace:', () => {
    const result = order([pkg('a', { dependencies: { b: '^2.0.0', c: 'workspace:^9.0.0' } }), pkg('b'), pkg('c')]);
    assert.deepEqual(result.dependsOn.get('a'), ['c']);
    assert.deepEqual(result.levels, [['b', 'c'], ['a']]);
  });

  it('accepts prerelease versions, loose ranges and the version in the package over the manifest', () => {
    const result = order([
      pkg('a', { dependencies: { b: '^2.0.0-0', c: '=v1.0.0', d: '^3.0.0' } }),
      pkg('b', {}, '2.0.0-beta.1'),
      pkg('c'),
      { ...pkg('d', {}, 'v3.0.0'), version: '3.0.0' },
    ]);
    assert.deepEqual(result.dependsOn.get('a'), ['b', 'c', 'd']);
  });

  it('follows npm: aliases, workspace: aliases and folders (workspace:, file:, link:, yarn root-relative)', () => {
    const result = order([
      pkg('a', {
        dependencies: {
          x: 'npm:b@^1.0.0',
          y: 'workspace:c@*',
          z: 'workspace:../d',
          w: 'file:../e',
          v: 'workspace:packages/f',
          u: 'link:../g',
          t: 'npm:b@^5.0.0',
        },
      }),
      pkg('b'),
      pkg('c'),
      pkg('d'),
      pkg('e'),
      pkg('f'),
      pkg('g'),
    ]);
    assert.deepEqual(result.dependsOn.get('a'), ['b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('follows the workspace: part of a peer range such as "^1.0.0 || workspace:^"', () => {
    assert.deepEqual(order([pkg('a', { peerDependencies: { b: '^0.1.0 || workspace:^' } }), pkg('b')]).dependsOn.get('a'), ['b']);
  });

  it('ignores dependencies outside the list and a package naming itself', () => {
    const result = order([pkg('a', { dependencies: { a: 'workspace:*', react: '^18.0.0' }, peerDependencies: { a: '*' } })]);
    assert.deepEqual(result.levels, [['a']]);
    assert.deepEqual(result.dependsOn.get('a'), []);
    assert.deepEqual(result.cycles, []);
  });

  it('reports a cycle with its members in name order, puts them in successive levels, and its dependents after all of them', () => {
    const result = order([
      pkg('c', { dependencies: { b: '^1.0.0', base: '^1.0.0' } }),
      pkg('b', { dependencies: { a: '^1.0.0' } }),
      pkg('a', { peerDependencies: { c: '^1.0.0' } }),
      pkg('base'),
      pkg('user', { dependencies: { b: 'workspace:*' } }),
      pkg('x', { dependencies: { y: '*' } }),
      pkg('y', { dependencies: { x: '*' } }),
    ]);
    assert.deepEqual(result.cycles, [
      ['a', 'b', 'c'],
      ['x', 'y'],
    ]);
    assert.deepEqual(result.levels, [['base', 'x'], ['a', 'y'], ['b'], ['c'], ['user']]);
    assert.deepEqual(result.dependsOn.get('a'), ['c']);
  });

  it('gives the same result whatever the input order', () => {
    const packages = [
      pkg('a', { dependencies: { b: '^1.0.0' } }),
      pkg('b', { dependencies: { a: '^1.0.0', c: 'workspace:*' } }),
      pkg('c'),
      pkg('d', { peerDependencies: { c: '^1.0.0' } }),
      pkg('e'),
    ];
    const expected = order(packages);
    for (const shuffled of [[...packages].reverse(), [packages[2]!, packages[4]!, packages[0]!, packages[3]!, packages[1]!]]) {
      const result = order(shuffled);
      assert.deepEqual(result.levels, expected.levels);
      assert.deepEqual([...result.dependsOn], [...expected.dependsOn]);
      assert.deepEqual(result.cycles, expected.cycles);
    }
    assert.deepEqual(expected.levels, [['c', 'e'], ['a', 'd'], ['b']]);
  });

  it('orders a chain of 10000 packages without exhausting the stack', () => {
    const packages = Array.from({ length: 10000 }, (_, index) =>
      pkg(`p${String(index).padStart(5, '0')}`, index === 0 ? {} : { dependencies: { [`p${String(index - 1).padStart(5, '0')}`]: '*' } }),
    );
    const result = order(packages.reverse());
    assert.equal(result.levels.length, 10000);
    assert.deepEqual(result.levels[0], ['p00000']);
    assert.deepEqual(result.levels[9999], ['p09999']);
  });

  it('orders an empty list as no levels', () => {
    assert.deepEqual(order([]), { levels: [], dependsOn: new Map(), cycles: [] });
  });
});
