import type { CheckoutError, CheckoutStatus } from '@kcheckout/core';
import { type ComponentPropsWithoutRef, forwardRef, type MouseEvent, type ReactNode, useId, useRef } from 'react';
import { useDevReport } from './checkout-error-notice.js';
import { composeEventHandlers, Slot } from './slot.js';

export interface ActionButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /** `data-kcheckout` value: `checkout-button` or `billing-key-button`. */
  part: string;
  state: CheckoutStatus;
  /** Set when the button's own props are invalid: the buyer reads `errorLead`, the developer the console. */
  propError: CheckoutError | null;
  /** What the buyer reads next to the button then, e.g. "주문 정보가 올바르지 않아…". */
  errorLead: string;
  /** Whether the checkout lets the buyer press it now (ready, agreed, a method picked). */
  allowed: boolean;
  /** The request; it runs at most once at a time. */
  onAction: () => Promise<void>;
  asChild?: boolean | undefined;
  children: ReactNode;
}

/**
 * The button both <CheckoutButton> and <BillingKeyButton> render: our state as data attributes,
 * `asChild`, and one request per press however fast the buyer double-clicks.
 */
export const ActionButton = forwardRef<HTMLButtonElement, ActionButtonProps>(function ActionButton(
  { part, state: checkoutState, propError, errorLead, allowed, onAction, asChild, children, onClick, disabled, ...rest },
  ref,
) {
  const errorId = useId();
  if (__DEV__) useDevReport(propError, propError?.message);
  const state = propError ? 'error' : checkoutState;
  const isDisabled = Boolean(disabled) || state !== 'ready' || !allowed;
  // Set synchronously on press: React has not re-rendered yet when a double click's second event lands.
  const inFlight = useRef(false);
  const press = async () => {
    if (isDisabled || inFlight.current) return;
    inFlight.current = true;
    try {
      await onAction();
    } finally {
      inFlight.current = false;
    }
  };

  const Component = asChild ? Slot : 'button';
  return (
    <>
      <Component
        type="button"
        data-kcheckout={part}
        data-state={state}
        data-disabled={isDisabled ? '' : undefined}
        // For styles.css: a design-system button that takes our place keeps its own look and width.
        data-as-child={asChild ? '' : undefined}
        disabled={isDisabled}
        aria-busy={state === 'pending' || undefined}
        aria-describedby={propError ? errorId : undefined}
        {...rest}
        ref={ref}
        onClick={composeEventHandlers(onClick, (_event: MouseEvent<HTMLButtonElement>) => void press())}
      >
        {children}
      </Component>
      {propError && (
        <span role="alert" id={errorId} data-kcheckout="error" data-code={propError.code}>
          {errorLead}
        </span>
      )}
    </>
  );
});

/** Runs a call that should report its failure as a result, never as a rejection. */
export async function settle<T>(call: () => Promise<T>, onError: (error: unknown) => T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return onError(error);
  }
}
