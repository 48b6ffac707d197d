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
 * A race of work in flight against `signal`: `race(promises)` settles as the first of them
 * does, or rejects with the AbortError once the signal aborts. Each race takes a fresh abort
 * promise, and none without a signal, so a long run piles no reactions on a promise that
 * never settles; `dispose` drops the listener when the work is over.
 */
export function abortableRace(signal: AbortSignal | undefined): {
  race<T>(promises: Iterable<Promise<T>>): Promise<T>;
  dispose(): void;
} {
  if (signal === undefined) return { race: (promises) => Promise.race(promises), dispose: () => {} };
  let rejectCurrent = (): void => {};
  const onAbort = (): void => rejectCurrent();
  signal.addEventListener('abort', onAbort, { once: true });
  return {
    race: (promises) => {
      const aborted = new Promise<never>((_resolve, reject) => {
        rejectCurrent = () => reject(abortError(signal));
        if (signal.aborted) rejectCurrent();
      });
      return Promise.race([...promises, aborted]);
    },
    dispose: () => signal.removeEventListener('abort', onAbort),
  };
}
