import { CheckoutError } from '@kcheckout/core';
import { IamportCheckoutRoot, type IamportCheckoutProps } from './iamport-checkout-root.js';
import { PortOneCheckoutRoot, type PortOneCheckoutProps } from './portone-checkout-root.js';
import { TossCheckoutRoot, type TossCheckoutProps } from './toss-checkout-root.js';

/** One of the three providers' options, told apart by `provider`. */
export type CheckoutProps = TossCheckoutProps | PortOneCheckoutProps | IamportCheckoutProps;

/**
 * Holds one checkout: the vendor SDK, the amount and the state that <PaymentMethods>, <Agreement>
 * and <CheckoutButton> share. Renders no element of its own. The same children work for every
 * provider.
 *
 * ```tsx
 * <Checkout provider="toss" clientKey="test_gck_…" customerKey={userId} amount={50000}>
 *   <PaymentMethods />
 *   <Agreement />
 *   <CheckoutButton order={{ orderName: '생수 외 1건' }} successUrl="/success" failUrl="/fail" />
 * </Checkout>
 * ```
 */
export function Checkout(props: CheckoutProps) {
  // `provider` picks a component rather than a branch of hooks: switching it remounts the
  // checkout, so the old vendor's session never talks to the new one.
  switch (props.provider) {
    case 'toss':
      return <TossCheckoutRoot {...props} />;
    case 'portone':
      return <PortOneCheckoutRoot {...props} />;
    case 'iamport':
      return <IamportCheckoutRoot {...props} />;
    default:
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `<Checkout provider>는 "toss", "portone", "iamport" 중 하나여야 합니다 (${JSON.stringify((props as { provider?: unknown }).provider)}). ` +
            `<Checkout provider> must be "toss", "portone" or "iamport".`
          : '',
      );
  }
}
