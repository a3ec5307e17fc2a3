import { useEffect, useRef } from 'react';

/** A ref that always holds the latest value: results arrive after an await, and must reach the handlers current then. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
