/**
 * Calls a merchant's event callback. A throwing callback is reported (as an uncaught error would
 * be) without stopping the other callbacks or the stand-in's own bookkeeping.
 */
export function notify<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): void {
  try {
    callback(...args);
  } catch (error) {
    if (typeof reportError === 'function') reportError(error);
    else setTimeout(() => {
      throw error;
    }, 0);
  }
}
