import {
  requestIssueBillingKey as vendorRequestIssueBillingKey,
  requestPayment as vendorRequestPayment,
  type IssueBillingKeyRequest,
  type IssueBillingKeyResponse,
  type PaymentRequest,
  type PaymentResponse,
} from '@portone/browser-sdk/v2';
import type { OptionsTable } from '../checkout/checkout-store.js';
import { CheckoutError, readVendorError, vendorError } from '../errors.js';
import { vendorFailResult } from '../fail-result.js';
import { loadScript } from '../loader.js';
import {
  isPortOneCancel,
  type PortOneMethod,
  type PortOneMoney,
  refusePortOneSecret,
  refusePortOneSecretOptions,
  refuseTossSecretsIn,
  toPortOneMinorUnits,
  validatePortOneChannelKey,
  validatePortOneMethod,
  validatePortOneMoney,
  validatePortOneStoreId,
  validateRedirectUrl,
} from './portone-validation.js';
import { PORTONE_V2_SCRIPT } from '../sdk-urls.js';
import type { CheckoutResult, PaymentOrder, PortOneBillingKeyMethodFields, PortOnePayMethodFields, PortOneWindowTypes } from '../types.js';
import { type Money, validateSentOrder, validateOrderId } from '../validation.js';

export interface PortOneV2Options {
  /** 상점 아이디, `store-…` (관리자 콘솔 › 연동 정보). Never the V2 API secret. */
  storeId: string;
  /** 채널 키, `channel-key-…`: picks the PG contract the payment goes through. */
  channelKey: string;
  /** Where to load the SDK from; `https://cdn.portone.io/v2/browser-sdk.js` by default, the sandbox in tests. */
  scriptSrc?: string | undefined;
  nonce?: string | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
}

/**
 * Redirect mode. PortOne's server sends the buyer to `redirectUrl` with `paymentId`, `txId`,
 * `transactionType` and, on failure, `code` / `message` / `pgCode` / `pgMessage` in the query.
 * Without `forceRedirect`, the environment decides (PC: the promise resolves; mobile: redirect),
 * so a page must handle both.
 */
export interface PortOneRedirect {
  /** An absolute `http(s)://` URL. */
  redirectUrl: string;
  /** Per-environment window: `{ pc?: 'IFRAME' | 'POPUP' | 'REDIRECTION' | 'UI', mobile?: … }`. PG-specific. */
  windowType?: PortOneWindowTypes | undefined;
  /** Redirect even where the promise would have resolved: one flow for PC and mobile. */
  forceRedirect?: boolean | undefined;
}

/** What a billing key (빌링키) is issued for. */
export interface PortOneBillingKeyIssue {
  /** Shown in the issue window, e.g. `월간 구독`. Some PGs require it. */
  issueName?: string;
  /** Your id for this issue attempt: 6–64 of `A–Z a–z 0–9 - _`. */
  issueId?: string;
  /** The buyer's id in your system; many PGs tie the billing key to it. */
  customerId?: string;
  customerName?: string;
  customerEmail?: string;
  customerMobilePhone?: string;
  /** Only displayed in the window; nothing is charged. */
  displayAmount?: PortOneMoney;
}

/** The methods a billing key can be issued with (V2 `billingKeyMethod`). */
export type PortOneBillingKeyMethod = Extract<PortOneMethod, { type: 'card' | 'easyPay' | 'mobile' }>;

interface BillingKeyBase {
  provider: 'portone';
  /** The `issueId` you passed, if any. */
  issueId?: string;
}

/**
 * What `requestIssueBillingKey` settles to. `success` means PortOne issued the key; store it on
 * your server only after looking it up there (`GET /billing-keys/{billingKey}`).
 */
export type BillingKeyResult =
  | (BillingKeyBase & {
      status: 'success';
      /** `'NEEDS_CONFIRMATION'` when the store confirms issues manually; then `billingIssueToken` is set. */
      billingKey: string;
      billingIssueToken?: string;
      raw: unknown;
    })
  /** PortOne is taking the buyer to `redirectUrl`; the result arrives on that page. */
  | (BillingKeyBase & { status: 'redirecting' })
  | (BillingKeyBase & { status: 'cancel'; code: string; message: string; raw: unknown })
  | (BillingKeyBase & { status: 'fail'; code: string; message: string; raw: unknown; error?: CheckoutError });

/** The calls kcheckout makes to the PortOne V2 browser SDK. */
export interface PortOneV2Driver {
  readonly sdk: 'portone-v2';
  /**
   * `PortOne.requestPayment`. Resolves with `success`, `cancel` or `fail`; never rejects for what
   * the vendor answers. When the SDK redirects, the page is leaving and the promise normally never
   * settles (the sandbox behaves so); should the SDK resolve `undefined` instead, that is `redirecting`. A vendor rejection (bad parameters,
   * unknown channel) is a `fail` whose `error` is a `CheckoutError` `VENDOR_ERROR` with the vendor's
   * code. Bad input rejects with a `CheckoutError` before the vendor is called.
   */
  requestPayment(order: PaymentOrder, money: PortOneMoney, method: PortOneMethod, redirect?: PortOneRedirect): Promise<CheckoutResult>;
  /** `PortOne.requestIssueBillingKey`, with the same settling rules as `requestPayment`. */
  requestIssueBillingKey(
    issue: PortOneBillingKeyIssue,
    method: PortOneBillingKeyMethod,
    redirect?: PortOneRedirect,
  ): Promise<BillingKeyResult>;
}

/**
 * The billing-key method for the method the buyer picked: card when none is picked, `null` for a
 * transfer or virtual account, which PortOne cannot issue a billing key for (`billingKeyMethod`).
 */
export function billingKeyMethodOf(selected: PortOneMethod | null): PortOneBillingKeyMethod | null {
  if (!selected) return { type: 'card' };
  return selected.type === 'card' || selected.type === 'easyPay' || selected.type === 'mobile' ? selected : null;
}

/** The validated ids every V2 request carries. */
export interface PortOneV2Config {
  storeId: string;
  channelKey: string;
}

/** What a change to each option does after mount (see `OptionsTable`): the ids and the script load again. */
export const PORTONE_V2_OPTIONS: OptionsTable<PortOneV2Options> = {
  storeId: 'remount',
  channelKey: 'remount',
  scriptSrc: 'remount',
  nonce: 'fixed',
  timeoutMs: 'fixed',
  retries: 'fixed',
};

/** Checks `createPortOneV2`'s options without loading anything. */
export function validatePortOneV2Options(options: unknown): PortOneV2Config {
  if (!options || typeof options !== 'object') {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__ ? `createPortOneV2에 { storeId, channelKey }를 넘겨주세요. Pass { storeId, channelKey } to createPortOneV2.` : '',
      { provider: 'portone' },
    );
  }
  refusePortOneSecretOptions(options, 'portone');
  const { storeId, channelKey, scriptSrc } = options as Partial<PortOneV2Options>;
  refusePortOneSecret(scriptSrc, 'scriptSrc', 'portone');
  return { storeId: validatePortOneStoreId(storeId), channelKey: validatePortOneChannelKey(channelKey) };
}

/**
 * PortOne V2 browser SDK (`@portone/browser-sdk/v2`).
 *
 * Our loader installs `window.PortOne` first (one tag, retries, timeout, nonce). The package's own
 * functions then find that global and only forward the call, so its types stay the source of
 * truth, and its loader, which caches a failed load for good, never runs.
 */
export async function createPortOneV2(options: PortOneV2Options): Promise<PortOneV2Driver> {
  const config = validatePortOneV2Options(options);
  const { src, globalName } = { ...PORTONE_V2_SCRIPT, ...(options.scriptSrc ? { src: options.scriptSrc } : {}) };
  await loadScript(src, { globalName, provider: 'portone', nonce: options.nonce, timeoutMs: options.timeoutMs, retries: options.retries });

  return {
    sdk: 'portone-v2',
    // No await before the vendor call (the npm package itself adds one microtask): a PG that opens a
    // popup needs the click's user activation, which a long await would lose.
    async requestPayment(order, money, method, redirect) {
      const { request, money: checked } = buildPortOnePaymentRequest(config, order, money, method, redirect);
      ensureGlobal(src);
      return vendorRequestPayment(request).then(
        (response) => portOnePaymentResult(response, order.orderId, checked),
        (error: unknown) => portOnePaymentRejection(error, order.orderId, checked),
      );
    },
    async requestIssueBillingKey(issue, method, redirect) {
      const request = buildPortOneBillingKeyRequest(config, issue, method, redirect);
      ensureGlobal(src);
      return vendorRequestIssueBillingKey(request).then(
        (response) => portOneBillingKeyResult(response, request.issueId),
        (error: unknown) => portOneBillingKeyRejection(error, request.issueId),
      );
    },
  };
}

// The package's loader injects its own CDN tag when `window.PortOne` is missing at its first call.
// That would be a second tag, and a network fetch under the offline sandbox, so refuse instead.
function ensureGlobal(src: string): void {
  if (typeof window !== 'undefined' && window.PortOne) return;
  throw new CheckoutError(
    'SDK_MISSING',
    __DEV__
      ? `window.PortOne이 없습니다. ${src}를 불러온 뒤에 결제를 요청하세요. ` +
        `window.PortOne is gone: request payment only after ${src} has loaded (createPortOneV2 waits for it).`
      : '',
    { provider: 'portone' },
  );
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

/**
 * Maps what `PortOne.requestPayment` resolved with. `undefined` means the SDK redirected; a
 * response with `code` is a failure (or a cancel); any other response is an authorised payment.
 * @internal
 */
export function portOnePaymentResult(response: PaymentResponse | undefined, orderId: string, money: Money): CheckoutResult {
  const base = { provider: 'portone' as const, orderId, amount: money.value, currency: money.currency };
  if (response === undefined || response === null) return { status: 'redirecting', ...base };
  const failure = readFailure(response);
  if (failure) return { status: isPortOneCancel(failure) ? 'cancel' : 'fail', ...base, code: failure.code, message: failure.message, raw: response };
  return {
    status: 'success',
    ...base,
    ...(typeof response.paymentId === 'string' ? { paymentId: response.paymentId } : {}),
    ...(typeof response.txId === 'string' ? { txId: response.txId } : {}),
    raw: response,
  };
}

/** A rejected `requestPayment` is a setup error: a `fail` carrying a `VENDOR_ERROR` with the vendor's code. */
export function portOnePaymentRejection(error: unknown, orderId: string, money: Money): CheckoutResult {
  return vendorFailResult('portone', error, orderId, money);
}

/** Maps what `PortOne.requestIssueBillingKey` resolved with, by the same rules as payments. @internal */
export function portOneBillingKeyResult(response: IssueBillingKeyResponse | undefined, issueId?: string): BillingKeyResult {
  const base = { provider: 'portone' as const, ...(issueId ? { issueId } : {}) };
  if (response === undefined || response === null) return { status: 'redirecting', ...base };
  const failure = readFailure(response);
  if (failure) return { status: isPortOneCancel(failure) ? 'cancel' : 'fail', ...base, code: failure.code, message: failure.message, raw: response };
  if (typeof response.billingKey !== 'string' || response.billingKey === '') {
    return { status: 'fail', ...base, code: 'MISSING_BILLING_KEY', message: 'PortOne answered without a billingKey.', raw: response };
  }
  return {
    status: 'success',
    ...base,
    billingKey: response.billingKey,
    ...(typeof response.billingIssueToken === 'string' ? { billingIssueToken: response.billingIssueToken } : {}),
    raw: response,
  };
}

/** A rejected `requestIssueBillingKey`, like `portOnePaymentRejection`. */
export function portOneBillingKeyRejection(error: unknown, issueId?: string): BillingKeyResult {
  const { code, message } = readVendorError(error);
  return {
    status: 'fail',
    provider: 'portone',
    ...(issueId ? { issueId } : {}),
    code,
    message,
    raw: error,
    error: vendorError('portone', error),
  };
}

// The docs' test is `response.code !== undefined`; `null` is treated the same, as the official
// Next.js sample does (`payment.code != null`).
function readFailure(response: { code?: unknown; message?: unknown; pgCode?: unknown }): { code: string; message: string; pgCode?: string } | null {
  if (response.code === undefined || response.code === null) return null;
  const code = typeof response.code === 'string' && response.code !== '' ? response.code : 'UNKNOWN';
  const message = typeof response.message === 'string' && response.message !== '' ? response.message : code;
  return { code, message, ...(typeof response.pgCode === 'string' ? { pgCode: response.pgCode } : {}) };
}
