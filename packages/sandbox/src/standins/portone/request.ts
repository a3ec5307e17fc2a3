import { isMobileDevice } from '../shared/device.js';
import { isAbsoluteHttpUrl } from '../shared/redirect.js';
import { portOneError, type PortOneTransactionType } from './errors.js';
import { BILLING_KEY_METHODS, methodLabel, PAY_METHODS, readEasyPayProvider } from './methods.js';
import { readCurrency } from './money.js';
import { looksLikeSecret, secretHint } from './secrets.js';

/** A checked V2 request, reduced to what the payment window and its answer need. */
export interface PortOneWindowRequest {
  transactionType: Exclude<PortOneTransactionType, 'IDENTITY_VERIFICATION'>;
  storeId: string;
  channelKey?: string;
  channelGroupId?: string;
  /** Payments: the merchant's paymentId. Billing keys: the optional `issueId`. */
  paymentId?: string;
  /** Payments: orderName. Billing keys: issueName, or a generic title. */
  title: string;
  /** Minor units; absent for a billing key without `displayAmount`. */
  amount?: number;
  currency?: string;
  method: string;
  easyPayProvider?: string;
  label: string;
  /** The `redirectUrl` when this device redirects (see redirectTarget), else null: the promise answers. */
  redirectUrl: string | null;
  customData?: string;
}

const WINDOW_TYPES = ['IFRAME', 'POPUP', 'REDIRECTION', 'UI'];

type Fields = Record<string, unknown>;

/** The checks `PortOne.requestPayment` makes before a window opens (PaymentRequest, research/portone.md §1.4). */
export function readPaymentRequest(request: unknown): PortOneWindowRequest {
  const type = 'PAYMENT';
  const fields = readObject(type, request, 'requestPayment({ storeId, channelKey, paymentId, orderName, totalAmount, currency, payMethod, … })');
  const paymentId = typeof fields.paymentId === 'string' ? fields.paymentId : undefined;
  const fail = (field: string, korean: string, hint: string) => portOneError(type, 'InvalidArgument', korean.replace('%s', field), hint, paymentId);

  const ids = readIds(type, fields, paymentId);
  if (ids.channelKey === undefined && ids.channelGroupId === undefined) {
    throw fail('channelKey', '%s 또는 channelGroupId는 필수 입력값입니다.', 'pass the channelKey (channel-key-…) of a channel from the PortOne console, or a channelGroupId');
  }
  requireText(fail, fields, 'paymentId', 'a fresh id per checkout attempt, e.g. payment-<uuid>');
  requireText(fail, fields, 'orderName', 'the order name the buyer sees, e.g. "생수 외 1건"');
  const { totalAmount } = fields;
  if (totalAmount === undefined || totalAmount === null) throw fail('totalAmount', '%s는 필수 입력값입니다.', 'the amount in minor units, e.g. 50000 for ₩50,000');
  if (typeof totalAmount !== 'number' || !Number.isSafeInteger(totalAmount) || totalAmount < 0) {
    throw fail('totalAmount', '%s는 0 이상의 정수여야 합니다.', `totalAmount must be a whole number ≥ 0 in minor units (₩ as is, USD × 100), got ${String(totalAmount)}`);
  }
  if (fields.currency === undefined || fields.currency === null) throw fail('currency', '%s는 필수 입력값입니다.', "pass currency: 'KRW' (or 'CURRENCY_KRW')");
  const currency = readCurrency(fields.currency, { prefixed: true });
  if (!currency) throw fail('currency', '%s 값이 올바르지 않습니다.', `expected an ISO 4217 code such as 'KRW' or 'CURRENCY_KRW', got ${JSON.stringify(fields.currency)}`);
  const { payMethod } = fields;
  if (payMethod === undefined || payMethod === null) throw fail('payMethod', '%s는 필수 입력값입니다.', `pass one of ${Object.keys(PAY_METHODS).join(', ')}`);
  if (typeof payMethod !== 'string' || !(payMethod in PAY_METHODS)) {
    throw fail('payMethod', '지원하지 않는 %s입니다.', `unknown payMethod ${JSON.stringify(payMethod)}; use one of ${Object.keys(PAY_METHODS).join(', ')}`);
  }
  const easyPayProvider = payMethod === 'EASY_PAY' ? readProvider(fail, fields) : undefined;

  return {
    transactionType: type,
    ...ids,
    paymentId: fields.paymentId as string,
    title: fields.orderName as string,
    amount: totalAmount,
    currency,
    method: payMethod,
    ...(easyPayProvider ? { easyPayProvider } : {}),
    label: methodLabel(PAY_METHODS, payMethod, easyPayProvider),
    redirectUrl: redirectTarget(fail, fields),
    ...customData(fields.customData),
  };
}

/** The checks `PortOne.requestIssueBillingKey` makes before a window opens (IssueBillingKeyRequest). */
export function readIssueBillingKeyRequest(request: unknown): PortOneWindowRequest {
  const type = 'ISSUE_BILLING_KEY';
  const fields = readObject(type, request, 'requestIssueBillingKey({ storeId, channelKey, billingKeyMethod, … })');
  const fail = (field: string, korean: string, hint: string) => portOneError(type, 'InvalidArgument', korean.replace('%s', field), hint);

  const ids = readIds(type, fields);
  if (ids.channelKey === undefined) {
    throw fail('channelKey', '%s는 필수 입력값입니다.', 'pass the channelKey (channel-key-…) of a billing channel from the PortOne console');
  }
  const { billingKeyMethod } = fields;
  if (billingKeyMethod === undefined || billingKeyMethod === null) {
    throw fail('billingKeyMethod', '%s는 필수 입력값입니다.', `pass one of ${Object.keys(BILLING_KEY_METHODS).join(', ')}`);
  }
  if (typeof billingKeyMethod !== 'string' || !(billingKeyMethod in BILLING_KEY_METHODS)) {
    throw fail('billingKeyMethod', '지원하지 않는 %s입니다.', `unknown billingKeyMethod ${JSON.stringify(billingKeyMethod)}; use one of ${Object.keys(BILLING_KEY_METHODS).join(', ')}`);
  }
  const easyPayProvider = billingKeyMethod === 'EASY_PAY' ? readProvider(fail, fields) : undefined;
  const { displayAmount, issueName, issueId } = fields;
  if (displayAmount !== undefined && (typeof displayAmount !== 'number' || !Number.isSafeInteger(displayAmount) || displayAmount < 0)) {
    throw fail('displayAmount', '%s는 0 이상의 정수여야 합니다.', `displayAmount must be a whole number ≥ 0 in minor units, got ${String(displayAmount)}`);
  }
  const currency = fields.currency === undefined ? undefined : readCurrency(fields.currency, { prefixed: true });
  if (currency === null) throw fail('currency', '%s 값이 올바르지 않습니다.', `expected an ISO 4217 code such as 'KRW', got ${JSON.stringify(fields.currency)}`);
  if (issueName !== undefined && typeof issueName !== 'string') throw fail('issueName', '%s 값이 올바르지 않습니다.', 'issueName must be a string');
  if (issueId !== undefined && typeof issueId !== 'string') throw fail('issueId', '%s 값이 올바르지 않습니다.', 'issueId must be a string');

  return {
    transactionType: type,
    ...ids,
    ...(issueId ? { paymentId: issueId } : {}),
    title: issueName || '빌링키 발급',
    ...(displayAmount !== undefined ? { amount: displayAmount, currency: currency ?? 'KRW' } : {}),
    method: billingKeyMethod,
    ...(easyPayProvider ? { easyPayProvider } : {}),
    label: methodLabel(BILLING_KEY_METHODS, billingKeyMethod, easyPayProvider),
    redirectUrl: redirectTarget(fail, fields),
    ...customData(fields.customData),
  };
}

export type Fail = (field: string, korean: string, hint: string) => Error;

export function readObject(type: PortOneTransactionType, request: unknown, usage: string): Fields {
  if (!request || typeof request !== 'object') throw portOneError(type, 'InvalidArgument', '요청 객체가 올바르지 않습니다.', `call ${usage}`);
  return request as Fields;
}

/** storeId (required) and the channel, refusing server secrets where browser ids belong. */
export function readIds(type: PortOneTransactionType, fields: Fields, paymentId?: string) {
  for (const field of ['storeId', 'channelKey', 'channelGroupId']) {
    const value = fields[field];
    if (looksLikeSecret(value)) {
      throw portOneError(type, 'InvalidArgument', `${field}에 API 시크릿을 넣으면 안 됩니다.`, secretHint(field, value), paymentId);
    }
  }
  const { storeId, channelKey, channelGroupId } = fields;
  const fail: Fail = (field, korean, hint) => portOneError(type, 'InvalidArgument', korean.replace('%s', field), hint, paymentId);
  requireText(fail, fields, 'storeId', 'the store id (store-…) from the PortOne console, Integration › top right');
  for (const [field, value] of [['channelKey', channelKey], ['channelGroupId', channelGroupId]] as const) {
    if (value !== undefined && value !== null && (typeof value !== 'string' || value === '')) {
      throw fail(field, '%s 값이 올바르지 않습니다.', `${field} must be a non-empty string`);
    }
  }
  return {
    storeId: storeId as string,
    ...(typeof channelKey === 'string' ? { channelKey } : {}),
    ...(typeof channelGroupId === 'string' ? { channelGroupId } : {}),
  };
}

export function requireText(fail: Fail, fields: Fields, field: string, example: string): void {
  const value = fields[field];
  if (value === undefined || value === null) throw fail(field, '%s는 필수 입력값입니다.', `pass ${field}: ${example}`);
  if (typeof value !== 'string' || value.trim() === '') throw fail(field, '%s 값이 올바르지 않습니다.', `${field} must be a non-empty string: ${example}`);
}

/**
 * `easyPay.easyPayProvider`. The SDK types it as optional: without it the channel's PG shows its
 * own wallet choice, so the sandbox accepts that and its window says "간편결제".
 */
function readProvider(fail: Fail, fields: Fields): string | undefined {
  const easyPay = fields.easyPay as { easyPayProvider?: unknown } | undefined;
  const value = easyPay && typeof easyPay === 'object' ? easyPay.easyPayProvider : undefined;
  if (value === undefined || value === null) return undefined;
  const provider = readEasyPayProvider(value);
  if (!provider) throw fail('easyPay.easyPayProvider', '지원하지 않는 %s입니다.', `unknown easy-pay provider ${JSON.stringify(value)}, e.g. 'KAKAOPAY'`);
  return provider;
}

/**
 * Where this request's answer goes (research/portone.md §1.6): to `redirectUrl` when
 * `forceRedirect` is set, when this device's `windowType` is REDIRECTION, or on a mobile device
 * unless `windowType.mobile` names a non-redirect window; otherwise the promise answers (null).
 */
export function redirectTarget(fail: Fail, fields: Fields): string | null {
  const { redirectUrl, windowType, forceRedirect } = fields;
  if (redirectUrl !== undefined && redirectUrl !== null && !isAbsoluteHttpUrl(redirectUrl)) {
    throw fail('redirectUrl', '%s는 http:// 또는 https://로 시작해야 합니다.', `redirectUrl must be an absolute http(s) URL, got ${JSON.stringify(redirectUrl)}`);
  }
  let device: string | undefined;
  if (windowType !== undefined && windowType !== null) {
    if (typeof windowType !== 'object') throw fail('windowType', '%s 값이 올바르지 않습니다.', "windowType is an object: { pc?: 'IFRAME' | 'POPUP' | 'REDIRECTION' | 'UI', mobile?: … }");
    for (const key of ['pc', 'mobile'] as const) {
      const value = (windowType as Record<string, unknown>)[key];
      if (value !== undefined && !WINDOW_TYPES.includes(value as string)) {
        throw fail(`windowType.${key}`, '%s 값이 올바르지 않습니다.', `use one of ${WINDOW_TYPES.join(', ')}, got ${JSON.stringify(value)}`);
      }
    }
    device = (windowType as Record<string, string | undefined>)[isMobileDevice() ? 'mobile' : 'pc'];
  }
  if (device === 'REDIRECTION' && typeof redirectUrl !== 'string') {
    throw fail('redirectUrl', 'REDIRECTION 방식에는 %s가 필요합니다.', 'windowType REDIRECTION sends the buyer to redirectUrl: pass one');
  }
  if (typeof redirectUrl !== 'string') return null;
  if (forceRedirect === true || device === 'REDIRECTION') return redirectUrl;
  return isMobileDevice() && device === undefined ? redirectUrl : null;
}

/** `customData` is stored and returned by the REST API as a JSON string. */
function customData(value: unknown): { customData?: string } {
  if (value === undefined || value === null) return {};
  return { customData: typeof value === 'string' ? value : JSON.stringify(value) };
}

// For requestIssueBillingKeyAndPay (billing-key-and-pay.ts), which shares these checks with the
// identity-verification request (readIds, requireText and redirectTarget are exported above).
export { customData };
