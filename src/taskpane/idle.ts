/**
 * Runs `fn` when the page has nothing else to do (requestIdleCallback, at the latest after
 * `timeout` ms), or after `fallback` ms where the browser has no idle callback (Safari: Excel
 * on Mac's webview). Returns how to cancel it.
 */
export function whenIdle(fn: () => void, timeout: number, fallback: number): () => void {
  const g = globalThis as { requestIdleCallback?: (fn: () => void, opts?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (typeof g.requestIdleCallback === 'function' && typeof g.cancelIdleCallback === 'function') {
    const id = g.requestIdleCallback(fn, { timeout });
    return () => g.cancelIdleCallback!(id);
  }
  const id = setTimeout(fn, fallback);
  return () => clearTimeout(id);
}
