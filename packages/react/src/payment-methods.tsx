import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useCheckoutContext } from './checkout-context.js';
import { CheckoutErrorNotice } from './checkout-error-notice.js';
import { messages } from './messages.js';

export type PaymentMethodsProps = ComponentPropsWithoutRef<'div'>;

/**
 * Where the vendor's payment-methods UI appears. Shows a loading line until the widget is ready and
 * an error with a retry button when the SDK could not load or refused the options.
 *
 * `data-state`: `loading | ready | error | pending`. Render one per page: Toss allows one.
 */
export const PaymentMethods = forwardRef<HTMLDivElement, PaymentMethodsProps>(function PaymentMethods(props, ref) {
  const { widget, locale } = useCheckoutContext('PaymentMethods');
  const text = messages[locale];
  const state = widget.error ? 'error' : widget.paying ? 'pending' : widget.methodsReady ? 'ready' : 'loading';
  return (
    <div data-kcheckout="payment-methods" data-state={state} {...props} ref={ref}>
      {/* The vendor owns this element's children; React never renders into it, so it never resets them. */}
      <div ref={widget.methodsRef} />
      {state === 'loading' && (
        <p role="status" data-kcheckout="loading">
          {text.loadingMethods}
        </p>
      )}
      {widget.error && <CheckoutErrorNotice error={widget.error} locale={locale} onRetry={widget.retry} />}
    </div>
  );
});
