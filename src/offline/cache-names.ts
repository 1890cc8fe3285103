/**
 * One Cache API storage per installed build, named with its install time and build id, so that the
 * worker can tell its own build's storage from older ones without keeping any other state.
 */

const PREFIX = 'tf-facile-offline-';

export interface BuildCache {
  readonly name: string;
  readonly buildId: string;
  readonly installedAt: number;
}

export function buildCacheName(buildId: string, installedAt: number): string {
  return `${PREFIX}${installedAt.toString(36)}-${buildId}`;
}

/** The build caches among the origin's Cache API names (the MNIST data's storage is not one), newest first. */
export function buildCaches(names: readonly string[]): BuildCache[] {
  const caches: BuildCache[] = [];
  for (const name of names) {
    const match = /^tf-facile-offline-([0-9a-z]+)-([0-9a-z]+)$/.exec(name);
    if (match?.[1] !== undefined && match[2] !== undefined) caches.push({ name, installedAt: parseInt(match[1], 36), buildId: match[2] });
  }
  return caches.sort((a, b) => b.installedAt - a.installedAt);
}

/** Where to look for a stored response: the current build first, then older ones, newest first. */
export function lookupOrder(names: readonly string[], currentBuildId: string): string[] {
  const caches = buildCaches(names);
  return [...caches.filter((cache) => cache.buildId === currentBuildId), ...caches.filter((cache) => cache.buildId !== currentBuildId)].map(
    (cache) => cache.name,
  );
}

export interface CleanupPlan {
  /** The current build's storage. */
  readonly current: string | undefined;
  /**
   * The build that served the open pages until now: kept, because those pages may still load a
   * script lazily (the editor, the session worker, the WASM files) after the switch.
   */
  readonly previous: string | undefined;
  /** Everything older. */
  readonly remove: readonly string[];
}

/** What a newly activated build keeps of the stored builds. */
export function planCleanup(names: readonly string[], currentBuildId: string): CleanupPlan {
  const caches = buildCaches(names);
  const [current, ...staleCopies] = caches.filter((cache) => cache.buildId === currentBuildId);
  const [previous, ...older] = caches.filter((cache) => cache.buildId !== currentBuildId);
  return {
    current: current?.name,
    previous: previous?.name,
    remove: [...staleCopies, ...older].map((cache) => cache.name),
  };
}
