import { useEffect } from 'react';
import type { MethodChoice } from './checkout-context.js';
import type { CheckoutMessages } from './messages.js';

/**
 * PortOne's and iamport's agreement: a checkbox <Agreement> renders. The root provides it in
 * `MethodChoice`, so a Toss bundle, whose widget draws its own terms, carries none of it.
 */
export function AgreementCheckbox({ choice, text, label, disabled }: { choice: MethodChoice; text: CheckoutMessages; label?: string; disabled: boolean }) {
  const { setAgreementShown } = choice;
  // While the checkbox is on the page the button waits for it; a page without <Agreement> pays
  // without one, as with Toss.
  useEffect(() => {
    setAgreementShown(true);
    return () => setAgreementShown(false);
  }, [setAgreementShown]);
  return (
    <label data-kcheckout="agreement-checkbox">
      <input
        type="checkbox"
        required
        checked={choice.agreed}
        disabled={disabled}
        onChange={(event) => choice.setAgreed(event.currentTarget.checked)}
      />{' '}
      {label ?? text.agreeToPay}
    </label>
  );
}
