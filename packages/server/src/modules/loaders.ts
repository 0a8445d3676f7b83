/**
 * Every feature's per-request DataLoaders, by name. Each feature adds its own in its `index.ts` (declaration merging:
 * `declare module '../loaders' { interface Loaders extends ReturnType<typeof createXLoaders> {} }`), next to the
 * factory it contributes, so this list is never written twice.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}
