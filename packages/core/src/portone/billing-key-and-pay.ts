import { requestIssueBillingKeyAndPay as vendorRequestIssueBillingKeyAndPay } from '@portone/browser-sdk/v2';
import type { IssueBillingKeyAndPayRequest } from '@portone/browser-sdk/v2';
import { DriverSession } from '../checkout/driver-session.js';
import { CheckoutError, readVendorError, vendorError } from '../errors.js';
import { loadScript } from '../loader.js';
import { refuseTossSecretsIn } from '../secrets.js';
import { PORTONE_V2_SCRIPT } from '../sdk-urls.js';
import type { PaymentOrder } from '../types.js';
import { type Currency, type Money, validateSentOrder } from '../validation.js';
import { isPortOneCancel } from './portone-cancel.js';
import { validateRedirectUrl } from './portone-ids.js';
import { type PortOneMoney, toPortOneMinorUnits, validatePortOneMoney } from './portone-money.js';
import { PORTONE_V2_OPTIONS, type PortOneRedirect, type PortOneV2Config, type PortOneV2Options, validatePortOneV2Options } from './portone-v2.js';

// PortOne V2 `requestIssueBillingKeyAndPay` (빌링키 발급 + 초회 결제): one window issues a billing key
// and pays the first charge with it. The SDK offers one method for it, `billingKeyAndPayMethod:
// 'MOBILE'` (휴대전화 결제), so there is no method to pick. Later charges are the server's
// (`payWithPortOneBillingKey` in @kcheckout/server).
// https://developers.portone.io/sdk/ko/v2-sdk/billing-key-and-pay-request

/** The carriers the SDK names (`Carrier`), to preselect the buyer's in the phone window. */
export type PortOneCarrier = 'SKT' | 'KT' | 'LGU' | 'HELLO' | 'KCT' | 'SK7';
const CARRIERS: readonly PortOneCarrier[] = ['SKT', 'KT', 'LGU', 'HELLO', 'KCT', 'SK7'];

/** The first charge: `orderId` becomes the payment's `paymentId`; create it on your server with the order. */
export interface BillingKeyAndPayOrder extends PaymentOrder {
  /** The buyer's id in your system; PortOne ties the billing key to it. */
  customerId?: string;
  /** Preselects the buyer's carrier in the phone window. */
  carrier?: PortOneCarrier;
}

interface BillingKeyAndPayBase {
  provider: 'portone';
  /** The `orderId` you passed, which is PortOne's `paymentId` of the first charge. */
  orderId: string;
  amount: number;
  currency: Currency;
}

/**
 * What `requestIssueBillingKeyAndPay` settles to. `success` means PortOne issued the key and
 * authorised the first charge: your server verifies `paymentId` (as for any payment) and stores
 * `billingKey` for later charges; the browser never charges.
 */
export type BillingKeyAndPayResult =
  | (BillingKeyAndPayBase & {
      status: 'success';
      paymentId: string;
      txId: string;
      /** `'NEEDS_CONFIRMATION'` when the store confirms issues manually; then `billingIssueToken` is set. */
      billingKey: string;
      billingIssueToken?: string;
      raw: unknown;
    })
  /** PortOne is taking the buyer to `redirectUrl`; the result arrives on that page's query. */
  | (BillingKeyAndPayBase & { status: 'redirecting' })
  | (BillingKeyAndPayBase & { status: 'cancel'; code: string; message: string; raw: unknown })
  | (BillingKeyAndPayBase & { status: 'fail'; code: string; message: string; raw: unknown; error?: CheckoutError });

/** The one vendor call of this flow. */
export interface BillingKeyAndPayDriver {
  readonly sdk: 'portone-v2';
  /** Never rejects for what the vendor answers; bad input rejects with a `CheckoutError` before the vendor is called. */
  requestIssueBillingKeyAndPay(order: BillingKeyAndPayOrder, money: PortOneMoney, redirect?: PortOneRedirect): Promise<BillingKeyAndPayResult>;
}

/**
 * Validates everything and builds the `PortOne.requestIssueBillingKeyAndPay` argument; throws a
 * `CheckoutError` naming the fix, before any vendor call. `totalAmount` is in minor units.
 * @internal
 */
export function buildBillingKeyAndPayRequest(
  config: PortOneV2Config,
  order: BillingKeyAndPayOrder,
  money: PortOneMoney,
  redirect?: PortOneRedirect,
): { request: IssueBillingKeyAndPayRequest; money: Money } {
  const paymentId = validateSentOrder('portone', order);
  const checked = validatePortOneMoney(money, 'portone');
  const carrier = order.carrier === undefined ? undefined : validateCarrier(order.carrier);
  const customer = {
    ...(order.customerId ? { customerId: order.customerId } : {}),
    ...(order.customerName ? { fullName: order.customerName } : {}),
    ...(order.customerEmail ? { email: order.customerEmail } : {}),
    ...(order.customerMobilePhone ? { phoneNumber: order.customerMobilePhone } : {}),
  };
  const request: IssueBillingKeyAndPayRequest = {
    storeId: config.storeId,
    channelKey: config.channelKey,
    paymentId,
    orderName: order.orderName,
    totalAmount: toPortOneMinorUnits(checked),
    currency: checked.currency,
    billingKeyAndPayMethod: 'MOBILE',
    ...(carrier ? { mobile: { carrier } } : {}),
    ...(Object.keys(customer).length > 0 ? { customer } : {}),
    ...(redirect
      ? {
          redirectUrl: validateRedirectUrl(redirect.redirectUrl, 'redirectUrl', 'portone'),
          ...(redirect.windowType ? { windowType: redirect.windowType } : {}),
          ...(redirect.forceRedirect !== undefined ? { forceRedirect: redirect.forceRedirect } : {}),
        }
      : {}),
  };
  refuseTossSecretsIn(request, 'portone');
  return { request, money: checked };
}

/**
 * The order's problem, as the `CheckoutError` the request would throw, or `null`: what a button
 * shows before the buyer presses it. The same rules as `buildBillingKeyAndPayRequest`.
 */
export function billingKeyAndPayProblem(order: BillingKeyAndPayOrder, money: PortOneMoney, redirect?: PortOneRedirect): CheckoutError | null {
  try {
    buildBillingKeyAndPayRequest({ storeId: 'store-check', channelKey: 'channel-key-check' }, order, money, redirect);
    return null;
  } catch (error) {
    return vendorError('portone', error);
  }
}

function validateCarrier(carrier: unknown): PortOneCarrier {
  if (CARRIERS.includes(carrier as PortOneCarrier)) return carrier as PortOneCarrier;
  throw new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? `carrier는 ${CARRIERS.join(', ')} 중 하나여야 합니다 (${JSON.stringify(carrier)}). ` +
        `carrier must be one of ${CARRIERS.join(', ')} (got ${JSON.stringify(carrier)}); leave it out to let the buyer pick.`
      : '',
    { provider: 'portone' },
  );
}

/**
 * Maps what the SDK answered: `undefined` means it redirected; a response with `code` is a failure
 * (a cancel when `isPortOneCancel` says so); a success without `billingKey` or `paymentId` is a
 * failure too, since the server could neither verify nor charge it.
 * @internal
 */
export function billingKeyAndPayResult(response: unknown, orderId: string, money: Money): BillingKeyAndPayResult {
  const base = { provider: 'portone' as const, orderId, amount: money.value, currency: money.currency };
  if (response === undefined || response === null) return { status: 'redirecting', ...base };
  const fields = response as { code?: unknown; message?: unknown; pgCode?: unknown; billingKey?: unknown; billingIssueToken?: unknown; paymentId?: unknown; txId?: unknown };
  if (fields.code !== undefined && fields.code !== null) {
    const code = typeof fields.code === 'string' && fields.code !== '' ? fields.code : 'UNKNOWN';
    const message = typeof fields.message === 'string' && fields.message !== '' ? fields.message : code;
    const pgCode = typeof fields.pgCode === 'string' ? fields.pgCode : undefined;
    return { status: isPortOneCancel({ code, message, ...(pgCode ? { pgCode } : {}) }) ? 'cancel' : 'fail', ...base, code, message, raw: response };
  }
  if (typeof fields.billingKey !== 'string' || fields.billingKey === '') {
    return { status: 'fail', ...base, code: 'MISSING_BILLING_KEY', message: 'PortOne answered without a billingKey.', raw: response };
  }
  return {
    status: 'success',
    ...base,
    paymentId: typeof fields.paymentId === 'string' ? fields.paymentId : orderId,
    txId: typeof fields.txId === 'string' ? fields.txId : '',
    billingKey: fields.billingKey,
    ...(typeof fields.billingIssueToken === 'string' ? { billingIssueToken: fields.billingIssueToken } : {}),
    raw: response,
  };
}

/** A rejected call is a setup error: a `fail` carrying a `VENDOR_ERROR` with the vendor's code. */
function rejection(error: unknown, orderId: string, money: Money): BillingKeyAndPayResult {
  const { code, message } = readVendorError(error);
  return { status: 'fail', provider: 'portone', orderId, amount: money.value, currency: money.currency, code, message, raw: error, error: vendorError('portone', error) };
}

/**
 * Loads the PortOne V2 SDK through our loader (one tag, retries, timeout, nonce), then returns the
 * driver. The npm package's function finds `window.PortOne` and forwards the call.
 */
export async function createBillingKeyAndPay(options: PortOneV2Options): Promise<BillingKeyAndPayDriver> {
  const config = validatePortOneV2Options(options);
  const src = options.scriptSrc || PORTONE_V2_SCRIPT.src;
  await loadScript(src, { globalName: PORTONE_V2_SCRIPT.globalName, provider: 'portone', nonce: options.nonce, timeoutMs: options.timeoutMs, retries: options.retries });
  return {
    sdk: 'portone-v2',
    // No await before the vendor call: a popup needs the click's user activation.
    async requestIssueBillingKeyAndPay(order, money, redirect) {
      const { request, money: checked } = buildBillingKeyAndPayRequest(config, order, money, redirect);
      if (typeof window !== 'undefined' && !window.PortOne) {
        throw new CheckoutError(
          'SDK_MISSING',
          __DEV__ ? `window.PortOne이 없습니다. ${src}를 불러온 뒤에 요청하세요. window.PortOne is gone: request only after ${src} has loaded.` : '',
          { provider: 'portone' },
        );
      }
      return vendorRequestIssueBillingKeyAndPay(request).then(
        (response) => billingKeyAndPayResult(response, request.paymentId, checked),
        (error: unknown) => rejection(error, request.paymentId, checked),
      );
    },
  };
}

/**
 * The flow's store: loads the SDK once the page mounts (StrictMode's double mount loads once) and
 * runs one request at a time (`run`: a double click gets the same promise). React binds it with
 * `useBillingKeyAndPay`.
 */
export class BillingKeyAndPaySession extends DriverSession<PortOneV2Options, BillingKeyAndPayDriver> {
  constructor(options: PortOneV2Options, create: (options: PortOneV2Options) => Promise<BillingKeyAndPayDriver> = createBillingKeyAndPay) {
    super(options, 'portone', create, validatePortOneV2Options, PORTONE_V2_OPTIONS);
  }

  /** `PortOne.requestIssueBillingKeyAndPay` through the session; see `BillingKeyAndPayDriver`. */
  request = (order: BillingKeyAndPayOrder, money: PortOneMoney, redirect?: PortOneRedirect): Promise<BillingKeyAndPayResult> =>
    this.run((driver) => driver.requestIssueBillingKeyAndPay(order, money, redirect));
}
