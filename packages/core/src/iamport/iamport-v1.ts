import type { OptionsTable } from '../checkout/checkout-store.js';
import { CheckoutError, vendorError } from '../errors.js';
import type { Iamport, IamportRequestPayParams, IamportRequestPayResponse } from './iamport-types.js';
import { buildIamportParams } from './iamport-request.js';
import { iamportRejection, iamportResult } from './iamport-result.js';
import { loadScript } from '../loader.js';
import type { PortOneMethod } from '../payment-methods.js';
import type { PortOneMoney } from '../portone/portone-money.js';
import { refusePortOneSecret, refusePortOneSecretOptions } from '../secrets.js';
import { validateIamportCode, validateIamportPg, validatePortOneChannelKey } from '../portone/portone-ids.js';
import { IAMPORT_V1_SCRIPT } from '../sdk-urls.js';
import type { CheckoutResult, PaymentOrder } from '../types.js';

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
