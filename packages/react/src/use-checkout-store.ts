import { useEffect, useState, useSyncExternalStore } from 'react';

/** What every core checkout store offers a binding (`TossCheckout`, `DriverSession`, `MethodCheckout`). */
interface CheckoutStoreLike<Options, State> {
  update(options: Options): void;
  mount(): () => void;
  subscribe(listener: () => void): () => void;
  getState(): State;
}

/**
 * The one binding of a core store, as TanStack Form's `useForm` binds `FormApi`: created once (its
 * constructor has no side effects, so StrictMode's second render can build and drop one), options
 * passed after commit so a discarded render sends nothing to the vendor, mounted in an effect, and
 * read through `useSyncExternalStore`, which also gives the server the constructor's state.
 */
export function useCheckoutStore<Store extends CheckoutStoreLike<never, unknown>>(
  create: () => Store,
  options: Parameters<Store['update']>[0],
): [Store, ReturnType<Store['getState']>] {
  const [store] = useState(create);
  useEffect(() => store.update(options));
  useEffect(store.mount, [store]);
  return [store, useSyncExternalStore(store.subscribe, store.getState, store.getState) as ReturnType<Store['getState']>];
}
