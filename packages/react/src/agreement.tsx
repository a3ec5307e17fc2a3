import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useCheckoutContext } from './checkout-context.js';
import { messages } from './messages.js';

export type AgreementProps = ComponentPropsWithoutRef<'div'>;

/**
 * Where the vendor's terms-agreement UI appears. Until the buyer agrees to the required terms,
 * <CheckoutButton> stays disabled.
 *
 * `data-state`: `loading | ready | error`; `data-agreed` is present once the required terms are agreed.
 * Errors are shown once, by <PaymentMethods>.
 */
export const Agreement = forwardRef<HTMLDivElement, AgreementProps>(function Agreement(props, ref) {
  const { widget, locale } = useCheckoutContext('Agreement');
  const state = widget.error ? 'error' : widget.agreementReady ? 'ready' : 'loading';
  return (
    <div data-kcheckout="agreement" data-state={state} data-agreed={widget.agreed ? '' : undefined} {...props} ref={ref}>
      <div ref={widget.agreementRef} />
      {state === 'loading' && (
        <p role="status" data-kcheckout="loading">
          {messages[locale].loadingAgreement}
        </p>
      )}
    </div>
  );
});
