import { isMobileDevice } from '../shared/device.js';
import { isAbsoluteHttpUrl } from '../shared/redirect.js';
import { readCurrency } from '../portone/money.js';
import { looksLikeSecret, secretHint } from '../portone/secrets.js';
import { iamportFailure, type IamportFailure } from './errors.js';
import { PAY_METHODS } from './methods.js';

/** A checked `request_pay` call, reduced to what the window and its answer need. */
export interface IamportRequest {
  merchantUid: string;
  name: string;
  amount: number;
  currency: string;
  payMethod: string;
  pg?: string;
  channelKey?: string;
  /** `m_redirect_url` when this call redirects (mobile, or PayPal anywhere), else null: the callback answers. */
  redirectUrl: string | null;
  customData?: string;
  /** Buyer fields echoed in a successful response, as iamport.js does. */
  buyer: Record<string, string>;
}

// The docs' limit for merchant_uid (payrq.mdx).
const MERCHANT_UID_MAX = 40;
// "name (≤40)" in the request_pay parameter table (developers.portone.io); PGs cut or refuse longer ones.
const NAME_MAX = 40;
const BUYER_FIELDS = ['buyer_name', 'buyer_email', 'buyer_tel', 'buyer_addr', 'buyer_postcode'];

/** The merchant_uid to echo in a failure, when the caller gave a usable one. */
export function merchantUidOf(params: unknown): string {
  const value = params && typeof params === 'object' ? (params as { merchant_uid?: unknown }).merchant_uid : undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * Where a pre-start failure goes when there is no callback: iamport.js (1.1.5+) redirects it to
 * `m_redirect_url` on mobile. Null when the call gave no usable URL.
 */
export function failureRedirect(params: unknown): string | null {
  const value = params && typeof params === 'object' ? (params as { m_redirect_url?: unknown }).m_redirect_url : undefined;
  return isAbsoluteHttpUrl(value) && isMobileDevice() ? value : null;
}

/**
 * The checks `IMP.request_pay` makes before a window opens (developers.portone.io): a channel
 * (`channelKey`, or the deprecated `pg`), `pay_method`, `merchant_uid`, `name` and `amount`,
 * plus `digital` for phone payments. Returns the request, or the failure to answer with.
 */
export function readRequestPay(params: unknown): IamportRequest | IamportFailure {
  if (!params || typeof params !== 'object') {
    return iamportFailure('INVALID_PARAMETER', 'call IMP.request_pay({ channelKey, pay_method, merchant_uid, name, amount, … }, callback)');
  }
  const fields = params as Record<string, unknown>;
  const bad = (field: string, hint: string) => iamportFailure('INVALID_PARAMETER', hint, `${field} 파라미터가 올바르지 않습니다.`);
  const missing = (field: string, hint: string) => iamportFailure('INVALID_PARAMETER', hint, `필수 파라미터 ${field}가 누락되었습니다.`);

  const { channelKey, pg, pay_method: payMethod, merchant_uid: merchantUid, name, amount, m_redirect_url: redirectUrl } = fields;
  if (looksLikeSecret(channelKey)) return iamportFailure('INVALID_PARAMETER', secretHint('channelKey', channelKey), 'channelKey에 API 시크릿을 넣으면 안 됩니다.');
  if (looksLikeSecret(pg)) return iamportFailure('INVALID_PARAMETER', secretHint('pg', pg), 'pg에 API 시크릿을 넣으면 안 됩니다.');
  if ((channelKey === undefined || channelKey === null) && (pg === undefined || pg === null)) {
    return missing('channelKey', "pass channelKey (channel-key-…) from the PortOne console, or the deprecated pg ('{pg}.{MID}')");
  }
  if (channelKey !== undefined && channelKey !== null && (typeof channelKey !== 'string' || channelKey === '')) return bad('channelKey', 'channelKey must be a non-empty string');
  if (pg !== undefined && pg !== null && (typeof pg !== 'string' || pg === '')) return bad('pg', "pg must be a non-empty string such as 'html5_inicis.MID'");
  if (payMethod === undefined || payMethod === null) return missing('pay_method', `pass one of ${Object.keys(PAY_METHODS).join(', ')}`);
  if (typeof payMethod !== 'string' || !(payMethod in PAY_METHODS)) {
    return bad('pay_method', `unknown pay_method ${JSON.stringify(payMethod)}; use one of ${Object.keys(PAY_METHODS).join(', ')}`);
  }
  if (merchantUid === undefined || merchantUid === null) return missing('merchant_uid', 'pass a fresh order id per attempt, e.g. order-<uuid>');
  if (typeof merchantUid !== 'string' || merchantUid.trim() === '' || merchantUid.length > MERCHANT_UID_MAX) {
    return bad('merchant_uid', `merchant_uid must be a non-empty string of at most ${MERCHANT_UID_MAX} characters`);
  }
  if (name === undefined || name === null) return missing('name', 'pass the order name the buyer sees, e.g. "생수 외 1건"');
  if (typeof name !== 'string' || name.trim() === '' || name.length > NAME_MAX) return bad('name', `name must be a non-empty string of at most ${NAME_MAX} characters`);
  if (amount === undefined || amount === null) return missing('amount', 'pass the amount in won (a number)');
  const currency = fields.currency === undefined ? 'KRW' : readCurrency(fields.currency, { prefixed: false });
  if (!currency) return bad('currency', `expected an ISO 4217 code such as 'KRW' or 'USD', got ${JSON.stringify(fields.currency)}`);
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || (currency === 'KRW' && !Number.isInteger(amount))) {
    return bad('amount', `amount must be a number ≥ 0 (whole won for KRW), got ${String(amount)}`);
  }
  if (payMethod === 'phone' && typeof fields.digital !== 'boolean') {
    return missing('digital', 'phone payments need digital: true for digital content, false for goods');
  }
  if (redirectUrl !== undefined && redirectUrl !== null && !isAbsoluteHttpUrl(redirectUrl)) {
    return bad('m_redirect_url', `m_redirect_url must be an absolute http(s) URL, got ${JSON.stringify(redirectUrl)}`);
  }

  const buyer: Record<string, string> = {};
  for (const field of BUYER_FIELDS) if (typeof fields[field] === 'string') buyer[field] = fields[field] as string;
  const custom = fields.custom_data;
  return {
    merchantUid,
    name,
    amount,
    currency,
    payMethod,
    ...(typeof pg === 'string' ? { pg } : {}),
    ...(typeof channelKey === 'string' ? { channelKey } : {}),
    // PC ignores m_redirect_url, except PayPal, which always redirects (iamport-manual#21).
    redirectUrl: typeof redirectUrl === 'string' && (isMobileDevice() || payMethod === 'paypal') ? redirectUrl : null,
    ...(custom !== undefined && custom !== null ? { customData: typeof custom === 'string' ? custom : JSON.stringify(custom) } : {}),
    buyer,
  };
}

/** A merchant code as the docs show it: `imp` followed by digits (`imp00000000`). */
export function checkImpCode(code: unknown): IamportFailure | null {
  if (looksLikeSecret(code)) return iamportFailure('INVALID_USER_CODE', secretHint('IMP.init', code), '가맹점 식별코드 대신 API 시크릿이 전달되었습니다.');
  if (typeof code !== 'string' || !/^imp\d+$/.test(code)) {
    return iamportFailure('INVALID_USER_CODE', `IMP.init takes the merchant code (imp + digits, e.g. imp12345678) from the PortOne console, got ${typeof code === 'string' ? `${code.length} characters` : typeof code}`);
  }
  return null;
}
