/**
 * The test registry of one describe block (or of a whole file, called at its
 * top level): started before the block's first test, closed after its last.
 *
 *   describe('publishing', () => {
 *     const registry = suiteRegistry(() => ({ clockOffsetMs: midWindowOffset() }));
 *     let alice: CreatedUser;
 *     before(async () => { alice = await registry.addUser('alice'); });
 *     ...
 *   });
 *
 * Call it before the block's own `before` hooks: node:test runs a describe
 * block's hooks one after the other in the order they were registered, so the
 * registry has started when they run. A file's top-level `before` hooks run at
 * the same time (Node 24), so at the top level no other `before` may use it.
 */
import { after, before } from 'node:test';
import { startRegistry, type RegistryOptions, type TestRegistry } from '../registry/index.ts';

/**
 * Registers the block's `before` (startRegistry) and `after` (close) and returns
 * the registry they start. Options given as a function are read when the
 * registry starts, not when the file loads (a clock offset that places the
 * registry in its window must be computed then). What is returned stands for
 * the started registry (a Proxy that forwards to it): a block's describe body
 * runs before its hooks, so no registry exists yet to return; using it outside
 * the block's hooks and tests throws.
 */
export function suiteRegistry(options: RegistryOptions | (() => RegistryOptions) = {}): TestRegistry {
  let started: TestRegistry | undefined;
  before(async () => {
    started = await startRegistry(typeof options === 'function' ? options() : options);
  });
  after(async () => {
    const registry = started;
    started = undefined;
    await registry?.close();
  });
  return new Proxy({} as TestRegistry, {
    get(_target, property) {
      if (started === undefined) throw new Error(`registry.${String(property)}: the suite's test registry is used outside its block's hooks and tests`);
      const value: unknown = Reflect.get(started, property, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
