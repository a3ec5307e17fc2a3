import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useCheckoutContext } from './checkout-context.js';

export interface AgreementProps extends ComponentPropsWithoutRef<'div'> {
  /** PortOne and iamport: the checkbox's text. Toss shows the terms set in its console. */
  label?: string | undefined;
}

/**
 * The terms the buyer agrees to before paying; until then <CheckoutButton> stays disabled. For
 * Toss, the element the vendor's terms widget renders into. PortOne and iamport have no terms
 * widget (their PGs show terms in the payment window), so this renders one required checkbox.
 *
 * `data-state`: `loading | ready | error`; `data-agreed` is present once the required terms are agreed.
 * Errors are shown once, by <PaymentMethods>.
 */
export const Agreement = forwardRef<HTMLDivElement, AgreementProps>(function Agreement({ label, ...props }, ref) {
  const { state: checkoutState, messages: text, toss, choice } = useCheckoutContext('Agreement');
  const state = checkoutState === 'error' ? 'error' : toss ? (toss.agreementReady ? 'ready' : 'loading') : 'ready';
  const agreed = toss ? toss.agreed === true : Boolean(choice?.agreed);
  return (
    <div data-kcheckout="agreement" data-state={state} data-agreed={agreed ? '' : undefined} {...props} ref={ref}>
      {toss && <div ref={toss.agreementRef} />}
      {toss && state === 'loading' && (
        <p role="status" data-kcheckout="loading">
          {text.loadingAgreement}
        </p>
      )}
      {choice && <choice.Checkbox choice={choice} text={text} label={label} disabled={checkoutState === 'pending'} />}
    </div>
  );
});
