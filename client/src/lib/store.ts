// The client's one store primitive: state that outlives a component lives in a zustand vanilla
// store owned by a class or module; components read it only through `useStore(store, selector)`.
import type { StoreApi } from 'zustand/vanilla';

export { createStore } from 'zustand/vanilla';
export type { StoreApi } from 'zustand/vanilla';
export { useStore } from 'zustand';
export { useShallow } from 'zustand/react/shallow';

/**
 * A store as its readers see it: they may read and listen, never write. The owner keeps the full
 * `StoreApi` and hands this out, so every change goes through the owner's actions.
 */
export type ReadStore<T> = Pick<StoreApi<T>, 'getState' | 'getInitialState' | 'subscribe'>;
