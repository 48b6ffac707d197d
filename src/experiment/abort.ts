// Stopping a run from outside: an AbortSignal looked at between replications, and the error an
// aborted run rejects with, a DOMException named AbortError as Node's own APIs give.
/** The error of an aborted run; its `cause` is the signal's reason. */
export function abortError(signal: AbortSignal): DOMException {
  // The options form of the constructor (with `cause`) is missing from TypeScript's types.
  return Object.assign(new DOMException('The run was aborted', 'AbortError'), { cause: signal.reason as unknown });
}

/** @throws the AbortError of `signal` when it has been aborted */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal);
}

/**
 * A promise that rejects with the AbortError once `signal` aborts (never, without a signal),
 * to race against work in flight; `dispose` drops its listener when the work is over.
 */
export function whenAborted(signal: AbortSignal | undefined): { readonly promise: Promise<never>; dispose(): void } {
  if (signal === undefined) return { promise: new Promise<never>(() => {}), dispose: () => {} };
  let onAbort = (): void => {};
  const promise = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(abortError(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  // Raced only while work is in flight: an abort after that is no one's error.
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}
