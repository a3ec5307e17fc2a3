import type { IssueBillingKeyRequest, PaymentRequest } from '@portone/browser-sdk/v2';
import { CheckoutError } from '../errors.js';
import { type PortOneMethod, validatePortOneMethod } from '../payment-methods.js';
import { type PortOneMoney, toPortOneMinorUnits, validatePortOneMoney } from './portone-money.js';
import { refuseTossSecretsIn } from '../secrets.js';
import { validateRedirectUrl } from './portone-ids.js';
import type { PortOneBillingKeyIssue, PortOneBillingKeyMethod, PortOneRedirect, PortOneV2Config } from './portone-v2.js';
import type { PaymentOrder, PortOneBillingKeyMethodFields, PortOnePayMethodFields } from '../types.js';
import { type Money, validateOrderId, validateSentOrder } from '../validation.js';

// Builds what kcheckout sends to `PortOne.requestPayment` and `requestIssueBillingKey`: our checked
// order, amount and method in V2's field names. Pure functions, so the rules are tested without a page.

/**
 * The billing-key method for the method the buyer picked: card when none is picked, `null` for a
 * transfer or virtual account, which PortOne cannot issue a billing key for (`billingKeyMethod`).
 */
export function billingKeyMethodOf(selected: PortOneMethod | null): PortOneBillingKeyMethod | null {
  if (!selected) return { type: 'card' };
  return selected.type === 'card' || selected.type === 'easyPay' || selected.type === 'mobile' ? selected : null;
}


/** The V2 `payMethod` and its sub-object for one of our methods. */
export function toPortOnePayMethod(method: PortOneMethod): PortOnePayMethodFields {
  const checked = validatePortOneMethod(method, 'portone');
  switch (checked.type) {
    case 'card':
      return { payMethod: 'CARD' };
    case 'easyPay':
      return { payMethod: 'EASY_PAY', ...(checked.provider ? { easyPay: { easyPayProvider: checked.provider } } : {}) };
    case 'transfer':
      return { payMethod: 'TRANSFER' };
    case 'virtualAccount':
      return { payMethod: 'VIRTUAL_ACCOUNT' };
    case 'mobile':
      return { payMethod: 'MOBILE', ...productType(checked.digital) };
  }
}

/** The V2 `billingKeyMethod` and its sub-object; transfers and virtual accounts cannot issue one. */
export function toPortOneBillingKeyMethod(
  method: PortOneBillingKeyMethod,
): PortOneBillingKeyMethodFields {
  const checked = validatePortOneMethod(method, 'portone');
  switch (checked.type) {
    case 'card':
      return { billingKeyMethod: 'CARD' };
    case 'easyPay':
      return { billingKeyMethod: 'EASY_PAY', ...(checked.provider ? { easyPay: { easyPayProvider: checked.provider } } : {}) };
    case 'mobile':
      return { billingKeyMethod: 'MOBILE', ...productType(checked.digital) };
    default:
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `빌링키는 card, easyPay, mobile로만 발급할 수 있습니다 ('${checked.type}'). ` +
            `A billing key can be issued with card, easyPay or mobile, not '${checked.type}'.`
          : '',
        { provider: 'portone' },
      );
  }
}

function productType(digital: boolean | undefined): Pick<PortOnePayMethodFields, 'productType'> {
  return digital === undefined ? {} : { productType: digital ? 'DIGITAL' : 'REAL' };
}

/**
 * Validates everything and builds the `PortOne.requestPayment` argument; throws a `CheckoutError`
 * naming the fix on bad input, before any vendor call. `totalAmount` is in minor units.
 * @internal
 */
export function buildPortOnePaymentRequest(
  config: PortOneV2Config,
  order: PaymentOrder,
  money: PortOneMoney,
  method: PortOneMethod,
  redirect?: PortOneRedirect,
): { request: PaymentRequest; money: Money } {
  const paymentId = validateSentOrder('portone', order);
  const { orderName } = order;
  const checked = validatePortOneMoney(money, 'portone');
  const request: PaymentRequest = {
    storeId: config.storeId,
    channelKey: config.channelKey,
    paymentId,
    orderName,
    totalAmount: toPortOneMinorUnits(checked),
    currency: checked.currency,
    ...toPortOnePayMethod(method),
    ...customer(order),
    ...redirectFields(redirect),
  };
  refuseTossSecretsIn(request, 'portone');
  return { request, money: checked };
}

/** Like `buildPortOnePaymentRequest`, for `PortOne.requestIssueBillingKey`. @internal */
export function buildPortOneBillingKeyRequest(
  config: PortOneV2Config,
  issue: PortOneBillingKeyIssue,
  method: PortOneBillingKeyMethod,
  redirect?: PortOneRedirect,
): IssueBillingKeyRequest {
  const given = issue ?? {};
  const issueId = given.issueId === undefined ? undefined : validateOrderId(given.issueId, 'portone');
  const issueName = given.issueName === undefined ? undefined : validateOrderName(given.issueName, 'issueName');
  const display = given.displayAmount === undefined ? undefined : validatePortOneMoney(given.displayAmount, 'portone');
  const request: IssueBillingKeyRequest = {
    storeId: config.storeId,
    channelKey: config.channelKey,
    ...toPortOneBillingKeyMethod(method),
    ...(issueId ? { issueId } : {}),
    ...(issueName ? { issueName } : {}),
    ...(display ? { displayAmount: toPortOneMinorUnits(display), currency: display.currency } : {}),
    ...customer(given),
    ...redirectFields(redirect),
  };
  refuseTossSecretsIn(request, 'portone');
  return request;
}

function validateOrderName(name: unknown, field = 'orderName'): string {
  if (typeof name === 'string' && name.trim() !== '') return name;
  throw new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? `${field}이(가) 비어 있습니다. 결제창에 보일 이름(예: '생수 외 1건')을 넘겨주세요. ` +
        `${field} is empty: pass the name the payment window shows, e.g. '생수 외 1건'.`
      : '',
    { provider: 'portone' },
  );
}

function customer(source: {
  customerId?: string;
  customerName?: string;
  customerEmail?: string;
  customerMobilePhone?: string;
}): Pick<PaymentRequest, 'customer'> {
  const fields = {
    ...(source.customerId ? { customerId: source.customerId } : {}),
    ...(source.customerName ? { fullName: source.customerName } : {}),
    ...(source.customerEmail ? { email: source.customerEmail } : {}),
    ...(source.customerMobilePhone ? { phoneNumber: source.customerMobilePhone } : {}),
  };
  return Object.keys(fields).length > 0 ? { customer: fields } : {};
}

function redirectFields(redirect: PortOneRedirect | undefined): Pick<PaymentRequest, 'redirectUrl' | 'windowType' | 'forceRedirect'> {
  if (redirect === undefined) return {};
  return {
    redirectUrl: validateRedirectUrl(redirect?.redirectUrl, 'redirectUrl', 'portone'),
    ...(redirect.windowType ? { windowType: redirect.windowType } : {}),
    ...(redirect.forceRedirect !== undefined ? { forceRedirect: redirect.forceRedirect } : {}),
  };
}

