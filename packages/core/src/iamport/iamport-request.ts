import { CheckoutError } from '../errors.js';
import type { IamportPayMethod, IamportRequestPayParams } from './iamport-types.js';
import type { IamportPayOptions, IamportV1Config } from './iamport-v1.js';
import { type PortOneEasyPayProvider, type PortOneMethod, validatePortOneMethod } from '../payment-methods.js';
import { type PortOneMoney, validatePortOneMoney } from '../portone/portone-money.js';
import { refuseTossSecretsIn } from '../secrets.js';
import { validateRedirectUrl } from '../portone/portone-ids.js';
import type { PaymentOrder } from '../types.js';
import { type Money, validateSentOrder } from '../validation.js';

// Builds `IMP.request_pay`'s params from our checked order, amount and method: pure, so the rules are
// tested without a page.

const EASY_PAY_METHODS: Record<PortOneEasyPayProvider, IamportPayMethod> = {
  KAKAOPAY: 'kakaopay',
  NAVERPAY: 'naverpay',
  TOSSPAY: 'tosspay',
  PAYCO: 'payco',
  SAMSUNGPAY: 'samsungpay',
  APPLEPAY: 'applepay',
  SSGPAY: 'ssgpay',
  LPAY: 'lpay',
  KPAY: 'kpay',
  SKPAY: 'skpay',
  PINPAY: 'pinpay',
  TOSS_BRANDPAY: 'toss_brandpay',
};

/** The V1 `pay_method` (and `digital` for phone payments) for one of our methods. */
export function toIamportPayMethod(method: PortOneMethod): Pick<IamportRequestPayParams, 'pay_method' | 'digital'> {
  const checked = validatePortOneMethod(method, 'iamport');
  switch (checked.type) {
    case 'card':
      return { pay_method: 'card' };
    case 'transfer':
      return { pay_method: 'trans' };
    case 'virtualAccount':
      return { pay_method: 'vbank' };
    case 'easyPay':
      if (!checked.provider) {
        throw new CheckoutError(
          'INVALID_OPTION',
          __DEV__
            ? `V1(iamport)의 간편결제에는 provider가 필요합니다. { type: 'easyPay', provider: 'KAKAOPAY' }처럼 넘겨주세요. ` +
              `V1 (iamport) easy pay needs a provider: pass { type: 'easyPay', provider: 'KAKAOPAY' } or another one.`
            : '',
          { provider: 'iamport' },
        );
      }
      return { pay_method: EASY_PAY_METHODS[checked.provider] };
    case 'mobile':
      if (checked.digital === undefined) {
        throw new CheckoutError(
          'INVALID_OPTION',
          __DEV__
            ? `V1 휴대폰 소액결제에는 digital(디지털 콘텐츠 여부)이 필요합니다. { type: 'mobile', digital: true | false }로 넘겨주세요. ` +
              `V1 phone payments need digital (whether the goods are digital content): pass { type: 'mobile', digital: true | false }.`
            : '',
          { provider: 'iamport' },
        );
      }
      return { pay_method: 'phone', digital: checked.digital };
  }
}

/**
 * Validates everything and builds `IMP.request_pay`'s first argument; throws a `CheckoutError`
 * naming the fix on bad input, before any vendor call.
 */
export function buildIamportParams(
  config: IamportV1Config,
  order: PaymentOrder,
  money: PortOneMoney,
  method: PortOneMethod,
  options: Pick<IamportPayOptions, 'm_redirect_url'> = {},
): { params: IamportRequestPayParams; money: Money } {
  const merchantUid = validateSentOrder('iamport', order);
  const checked = validatePortOneMoney(money, 'iamport');
  const params: IamportRequestPayParams = {
    ...(config.channelKey ? { channelKey: config.channelKey } : config.pg ? { pg: config.pg } : {}),
    ...toIamportPayMethod(method),
    merchant_uid: merchantUid,
    name: order.orderName,
    amount: checked.value,
    currency: checked.currency,
    ...(order.customerName ? { buyer_name: order.customerName } : {}),
    ...(order.customerEmail ? { buyer_email: order.customerEmail } : {}),
    ...(order.customerMobilePhone ? { buyer_tel: order.customerMobilePhone } : {}),
    ...(options.m_redirect_url !== undefined
      ? { m_redirect_url: validateRedirectUrl(options.m_redirect_url, 'm_redirect_url', 'iamport') }
      : {}),
  };
  refuseTossSecretsIn(params, 'iamport');
  return { params, money: checked };
}
