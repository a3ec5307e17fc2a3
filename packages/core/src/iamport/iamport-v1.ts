import type { OptionsTable } from '../checkout/checkout-store.js';
import { CheckoutError, vendorError } from '../errors.js';
import type { Iamport, IamportPayMethod, IamportRequestPayParams, IamportRequestPayResponse } from './iamport-types.js';
import { vendorFailResult } from '../fail-result.js';
import { loadScript } from '../loader.js';
import {
  isPortOneCancel,
  type PortOneEasyPayProvider,
  type PortOneMethod,
  type PortOneMoney,
  refusePortOneSecret,
  refusePortOneSecretOptions,
  refuseTossSecretsIn,
  validateIamportCode,
  validateIamportPg,
  validatePortOneChannelKey,
  validatePortOneMethod,
  validatePortOneMoney,
  validateRedirectUrl,
} from '../portone/portone-validation.js';
import { IAMPORT_V1_SCRIPT } from '../sdk-urls.js';
import type { CheckoutResult, PaymentOrder } from '../types.js';
import { type Money, validateSentOrder } from '../validation.js';

export interface IamportV1Options {
  /** 가맹점 식별코드, `imp` + digits (관리자 콘솔 › 상점・계정 관리). Never the REST API key or secret. */
  impCode: string;
  /** 채널 키 (`channel-key-…`). Wins over `pg` when both are given. One of `channelKey` and `pg` is required. */
  channelKey?: string | undefined;
  /** @deprecated `'{pg}'` or `'{pg}.{MID}'`; prefer `channelKey`. One of `channelKey` and `pg` is required. */
  pg?: string | undefined;
  /** Where to load the SDK from; `https://cdn.iamport.kr/v1/iamport.js` by default, the sandbox in tests. */
  scriptSrc?: string | undefined;
  nonce?: string | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
}

export interface IamportPayOptions {
  /**
   * Redirect mode: an absolute URL that receives `imp_uid`, `merchant_uid` and, on failure,
   * `error_code` / `error_msg`. Mobile browsers leave the page, so the promise may never settle
   * there; PC ignores it (except PayPal) and the promise settles as usual.
   */
  m_redirect_url?: string;
  /** Stops waiting: the promise rejects with the signal's reason, and a late callback is ignored. */
  signal?: AbortSignal;
}

/** The calls kcheckout makes to `window.IMP`. */
export interface IamportV1Driver {
  readonly sdk: 'iamport-v1';
  /**
   * `IMP.request_pay` as a promise. Resolves with `success`, `cancel` or `fail`; never rejects for
   * what the vendor answers (a synchronous throw from `request_pay` is a `fail` with a
   * `VENDOR_ERROR`). Rejects on bad input, before the vendor is called, and when `signal` aborts.
   */
  requestPay(order: PaymentOrder, money: PortOneMoney, method: PortOneMethod, options?: IamportPayOptions): Promise<CheckoutResult>;
}

export interface IamportV1Config {
  impCode: string;
  channelKey?: string | undefined;
  pg?: string | undefined;
}

/** What a change to each option does after mount (see `OptionsTable`): the codes and the script load again. */
export const IAMPORT_V1_OPTIONS: OptionsTable<IamportV1Options> = {
  impCode: 'remount',
  channelKey: 'remount',
  pg: 'remount',
  scriptSrc: 'remount',
  nonce: 'fixed',
  timeoutMs: 'fixed',
  retries: 'fixed',
};

/** Checks `createIamportV1`'s options without loading anything. */
export function validateIamportV1Options(options: unknown): IamportV1Config {
  if (!options || typeof options !== 'object') {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__ ? `createIamportV1에 { impCode, channelKey }를 넘겨주세요. Pass { impCode, channelKey } (or { impCode, pg }) to createIamportV1.` : '',
      { provider: 'iamport' },
    );
  }
  refusePortOneSecretOptions(options, 'iamport');
  const { impCode, channelKey, pg, scriptSrc } = options as Partial<IamportV1Options>;
  refusePortOneSecret(scriptSrc, 'scriptSrc', 'iamport');
  const code = validateIamportCode(impCode);
  if ((channelKey === undefined || channelKey === null) && (pg === undefined || pg === null)) {
    // iamport.js needs a channel for every request_pay; the store's "default PG" is gone from the
    // current docs, so fail here, before loading anything, rather than in the payment window.
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `createIamportV1에 channelKey(관리자 콘솔 › 연동 정보 › 채널의 채널 키, channel-key-…) 또는 pg('PG사코드.상점아이디')를 ` +
          `넘겨주세요. Pass channelKey (channel-key-…, from the PortOne console, Integration › Channels) or the deprecated ` +
          `pg ('{pg}.{MID}') to createIamportV1: IMP.request_pay needs one of them.`
        : '',
      { provider: 'iamport' },
    );
  }
  return {
    impCode: code,
    ...(channelKey !== undefined ? { channelKey: validatePortOneChannelKey(channelKey, 'iamport') } : {}),
    ...(pg !== undefined ? { pg: validateIamportPg(pg) } : {}),
  };
}

/**
 * PortOne V1 (`iamport.js`, `window.IMP`). There is no official npm package, so the loader is ours
 * and so are the types (`iamport-types.ts`).
 */
export async function createIamportV1(options: IamportV1Options): Promise<IamportV1Driver> {
  const config = validateIamportV1Options(options);
  const { src, globalName } = { ...IAMPORT_V1_SCRIPT, ...(options.scriptSrc ? { src: options.scriptSrc } : {}) };
  const imp = await loadScript<Iamport>(src, {
    globalName,
    provider: 'iamport',
    nonce: options.nonce,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
  });
  try {
    ensureIamportInit(imp, config.impCode);
  } catch (error) {
    throw vendorError('iamport', error);
  }

  return {
    sdk: 'iamport-v1',
    // Synchronous up to `request_pay`: a PG that opens a popup needs the click's user activation.
    async requestPay(order, money, method, payOptions = {}) {
      const { params, money: checked } = buildIamportParams(config, order, money, method, payOptions);
      const signal = payOptions.signal;
      try {
        // Another driver on the page may have bound IMP to a different code since.
        ensureIamportInit(imp, config.impCode);
      } catch (error) {
        return iamportRejection(error, order.orderId, checked);
      }
      return requestPayPromise(imp, params, signal).then(
        (response) => iamportResult(response, order.orderId, checked),
        (error: unknown) => {
          if (signal?.aborted) throw signal.reason;
          return iamportRejection(error, order.orderId, checked);
        },
      );
    },
  };
}

// The code each IMP object was last bound to. Keyed by the object, so a fresh copy of the script
// (a new global) is initialised again.
const initialised = new WeakMap<object, string>();

/**
 * Calls `IMP.init(impCode)` unless this IMP object is already bound to that code: the docs warn
 * against calling it twice. A different code re-initialises. Returns whether `init` ran.
 */
export function ensureIamportInit(imp: Pick<Iamport, 'init'>, impCode: string): boolean {
  if (initialised.get(imp) === impCode) return false;
  imp.init(impCode);
  initialised.set(imp, impCode);
  return true;
}

/**
 * `IMP.request_pay(params, callback)` as a promise that settles once. A second callback, or one
 * after `signal` aborted, is ignored. A synchronous throw from `request_pay` rejects.
 */
export function requestPayPromise(
  imp: Pick<Iamport, 'request_pay'>,
  params: IamportRequestPayParams,
  signal?: AbortSignal,
): Promise<IamportRequestPayResponse> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<IamportRequestPayResponse>((resolve, reject) => {
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = () => {
      if (settle()) reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      imp.request_pay(params, (response) => {
        if (settle()) resolve(response);
      });
    } catch (error) {
      if (settle()) reject(error);
    }
  });
}

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

/**
 * Maps a `request_pay` callback response. `error_code` / `error_msg` decide failure; the
 * deprecated `success` / `imp_success` flags are ignored both ways (they can be `false` for a paid
 * payment, and `v1/iamport.js` no longer sends them). Success needs an `imp_uid`, which your server
 * then looks up: that lookup, not this result, says whether the order is paid.
 */
export function iamportResult(response: unknown, orderId: string, money: Money): CheckoutResult {
  const base = { provider: 'iamport' as const, orderId, amount: money.value, currency: money.currency };
  if (!response || typeof response !== 'object') {
    return {
      status: 'fail',
      ...base,
      code: 'INVALID_RESPONSE',
      message: '아임포트가 결제 결과 없이 응답했습니다. iamport called back without a payment result.',
      raw: response,
    };
  }
  const r = response as Partial<IamportRequestPayResponse>;
  const errorCode = text(r.error_code);
  const errorMsg = text(r.error_msg);
  if (errorCode || errorMsg) {
    const code = errorCode ?? 'UNKNOWN';
    const message = errorMsg ?? code;
    const cancelled = r.status === 'cancelled' || isPortOneCancel({ code, message });
    return { status: cancelled ? 'cancel' : 'fail', ...base, code, message, raw: response };
  }
  if (r.status === 'cancelled') {
    return { status: 'cancel', ...base, code: 'CANCELLED', message: '결제가 취소되었습니다. The payment was cancelled.', raw: response };
  }
  if (r.status === 'failed') {
    return { status: 'fail', ...base, code: 'FAILED', message: '결제에 실패했습니다. The payment failed.', raw: response };
  }
  const impUid = text(r.imp_uid);
  if (!impUid) {
    return {
      status: 'fail',
      ...base,
      code: 'MISSING_IMP_UID',
      message: '결제 결과에 imp_uid가 없습니다. The result carries no imp_uid, so there is no payment to verify.',
      raw: response,
    };
  }
  return { status: 'success', ...base, impUid, raw: response };
}

/** A throw from `IMP.init` or `IMP.request_pay` is a setup error: a `fail` carrying a `VENDOR_ERROR`. */
export function iamportRejection(error: unknown, orderId: string, money: Money): CheckoutResult {
  return vendorFailResult('iamport', error, orderId, money);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
