import {
  requestIssueBillingKey as vendorRequestIssueBillingKey,
  requestPayment as vendorRequestPayment,
} from '@portone/browser-sdk/v2';
import type { OptionsTable } from '../checkout/checkout-store.js';
import { CheckoutError } from '../errors.js';
import { loadScript } from '../loader.js';
import type { PortOneMethod } from '../payment-methods.js';
import type { PortOneMoney } from './portone-money.js';
import { refusePortOneSecret, refusePortOneSecretOptions } from '../secrets.js';
import { validatePortOneChannelKey, validatePortOneStoreId } from './portone-ids.js';
import { buildPortOneBillingKeyRequest, buildPortOnePaymentRequest } from './portone-v2-request.js';
import { portOneBillingKeyRejection, portOneBillingKeyResult, portOnePaymentRejection, portOnePaymentResult } from './portone-v2-result.js';
import { PORTONE_V2_SCRIPT } from '../sdk-urls.js';
import type { CheckoutResult, PaymentOrder, PortOneWindowTypes } from '../types.js';

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

