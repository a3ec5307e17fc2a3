import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useCheckoutContext } from './checkout-context.js';
import { CheckoutErrorNotice } from './checkout-error-notice.js';
import type { MethodOption } from './payment-method-picker.js';

export interface PaymentMethodsProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * PortOne and iamport: the methods to offer, in order, e.g.
   * `[{ type: 'card' }, { type: 'easyPay', provider: 'KAKAOPAY', label: '카카오페이 (5% 적립)' }]`.
   * Defaults to card, KakaoPay, Naver Pay, Toss Pay, transfer, virtual account and phone. Ignored for
   * Toss, whose widget lists the methods set in its console.
   */
  methods?: readonly MethodOption[] | undefined;
}

/**
 * The payment methods. For Toss, the element the vendor's widget renders into; for PortOne and
 * iamport, a radio group whose choice <CheckoutButton> uses. Shows a loading line until the SDK
 * is ready and an error with a retry button when it could not load or refused the options.
 *
 * `data-state`: `loading | ready | error | pending`. Render one per page: Toss allows one.
 */
export const PaymentMethods = forwardRef<HTMLDivElement, PaymentMethodsProps>(function PaymentMethods({ methods, ...props }, ref) {
  const { state, error, retry, messages: text, toss, choice } = useCheckoutContext('PaymentMethods');
  return (
    <div data-kcheckout="payment-methods" data-state={state} {...props} ref={ref}>
      {/* The vendor owns this element's children; React never renders into it, so it never resets them. */}
      {toss && <div ref={toss.methodsRef} />}
      {choice && (
        <choice.Picker provider={choice.provider} choice={choice} methods={methods} text={text} disabled={state === 'pending'} />
      )}
      {state === 'loading' && (
        <p role="status" data-kcheckout="loading">
          {toss ? text.loadingMethods : text.loadingSdk}
        </p>
      )}
      {error && <CheckoutErrorNotice error={error} text={text} onRetry={retry} />}
    </div>
  );
});
