import { CheckoutError } from '../errors.js';
import { type Money, validateAmount } from '../validation.js';

/**
 * The class of the element PortOne renders the PayPal buttons into. `loadPaymentUI` takes no
 * selector: the SDK looks the element up by this class (PortOne's PayPal guide, paypal-v2.mdx, and
 * its React Native SDK, which also sets `data-portone-ui-type`).
 */
export const PAYPAL_UI_CONTAINER_CLASS = 'portone-ui-container';

/**
 * PayPal's amount rule on top of ours: USD only. PayPal does not settle in won (it is missing from
 * PayPal's REST "Currency codes" list), and kcheckout's currencies are KRW and USD. Whole cents, as
 * for any USD amount: PortOne takes `totalAmount` in minor units (`LoadPaymentUIRequest` JSDoc: USD × 100).
 */
export function validatePayPalAmount(value: unknown, currency: unknown): Money {
  if (currency !== 'USD' && currency !== 'CURRENCY_USD') {
    throw new CheckoutError(
      'INVALID_AMOUNT',
      __DEV__
        ? `PayPal은 ${JSON.stringify(currency)}로 결제할 수 없습니다. currency: 'USD'와 달러 금액(예: 12.5)을 넘겨주세요. ` +
          `PayPal does not settle in ${JSON.stringify(currency)}: pass currency: 'USD' and the amount in dollars (12.5 for $12.50).`
        : '',
      { provider: 'portone' },
    );
  }
  return validateAmount(value, 'USD', 'portone');
}

/**
 * The SDK renders into the first `.portone-ui-container` of the document, so the buttons' own
 * container must be that one: a second element with the class earlier in the page would receive
 * these buttons (or already hold another UI, which the vendor refuses).
 */
export function validatePayPalContainer(container: HTMLElement): void {
  const first = container.ownerDocument.querySelector(`.${PAYPAL_UI_CONTAINER_CLASS}`);
  if (first === container) return;
  throw new CheckoutError(
    'UI_CONTAINER_CONFLICT',
    __DEV__
      ? first
        ? `페이지에 다른 .${PAYPAL_UI_CONTAINER_CLASS} 요소가 먼저 있습니다. PortOne은 첫 번째 요소에 버튼을 그리므로, PayPal 버튼은 페이지에 하나만 두세요. ` +
          `Another .${PAYPAL_UI_CONTAINER_CLASS} comes first in the page, and PortOne renders into the first one: keep one PayPalButtons per page and remove the other element.`
        : `PayPal 버튼의 컨테이너에 ${PAYPAL_UI_CONTAINER_CLASS} 클래스가 없습니다. The buttons' container lacks the class "${PAYPAL_UI_CONTAINER_CLASS}", which PortOne looks for: render <PayPalButtons>, which adds it, or add it to the element you attach.`
      : '',
    { provider: 'portone' },
  );
}
