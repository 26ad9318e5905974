/**
 * Lets the worker's event loop run: a check that reads page after page
 * synchronously would, on a loaded machine, starve vitest's RPC (it times out
 * after a minute). Awaited between pages.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
