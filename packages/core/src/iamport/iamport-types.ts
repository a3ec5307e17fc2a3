// Our own types for PortOne V1 `iamport.js` (`window.IMP`), which has no official npm package.
// They follow the V1 docs (`payrq.mdx`, `payrt.mdx`, `v1-sdk/javascript-sdk`) and fill the gaps of
// the community `iamport-typings`: `channelKey`, an optional `buyer_tel`, the `'cancelled'` status,
// `certification` / `agency` / `close`, and the `m_redirect_url` query contract. `Window.IMP` is
// deliberately not declared: a global declaration here would clash with an app's own (or with
// `iamport-typings`'), and the loader hands the global over typed anyway.

/** `pay_method` values from the V1 docs. Which ones work depends on the PG contract. */
export type IamportPayMethod =
  | 'card'
  | 'trans'
  | 'vbank'
  | 'phone'
  | 'applepay'
  | 'naverpay'
  | 'samsungpay'
  | 'kpay'
  | 'kakaopay'
  | 'payco'
  | 'lpay'
  | 'ssgpay'
  | 'tosspay'
  | 'cultureland'
  | 'smartculture'
  | 'culturegift'
  | 'booknlife'
  | 'point'
  | 'wechat'
  | 'alipay'
  | 'unionpay'
  | 'pinpay'
  | 'ssgpay_bank'
  | 'skpay'
  | 'naverpay_card'
  | 'naverpay_point'
  | 'paypal'
  | 'toss_brandpay'
  | 'tosspay_card'
  | 'tosspay_money'
  /** @deprecated use `'samsungpay'`. */
  | 'samsung';

/** KRW by default; PayPal takes USD, in major units (`14.20`). */
export type IamportCurrency = 'KRW' | 'USD' | 'EUR' | 'JPY' | (string & {});

export type IamportLanguage = 'ko' | 'en' | 'zh';

/** A V1 payment's state. The callback carries `ready` / `paid` / `failed`; the REST API adds `cancelled`. */
export type IamportPaymentStatus = 'ready' | 'paid' | 'failed' | 'cancelled';

/** The first argument of `IMP.request_pay`. */
export interface IamportRequestPayParams {
  /** 채널 키 (`channel-key-…`): picks the PG contract. Replaces `pg`. */
  channelKey?: string;
  /** @deprecated `'{pg}'` or `'{pg}.{MID}'`; pass `channelKey` instead. Without either, the default PG is used. */
  pg?: string;
  pay_method?: IamportPayMethod;
  /** Your order id: unique, at most 40 characters. Re-using a paid one fails. */
  merchant_uid: string;
  /** The order name shown in the window (PGs may cut it at 40 characters). */
  name?: string;
  /** KRW in won; USD in dollars (`14.20`). */
  amount: number;
  currency?: IamportCurrency;
  tax_free?: number;
  vat_amount?: number | null;
  language?: IamportLanguage;
  buyer_name?: string;
  /** Optional in the docs (some PGs require it); `iamport-typings` wrongly makes it required. */
  buyer_tel?: string;
  buyer_email?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  /** Stored with the payment; the REST API returns it as a JSON string. */
  custom_data?: Record<string, unknown>;
  escrow?: boolean;
  confirm_url?: string;
  notice_url?: string | string[];
  /** For billing keys (정기결제): the customer's billing-key id. */
  customer_uid?: string;
  /** Required for `pay_method: 'phone'`: whether the goods are digital content. */
  digital?: boolean;
  /** Virtual-account deadline, `YYYYMMDD` or `YYYYMMDDhhmm`. */
  vbank_due?: string;
  /**
   * Where the buyer returns in redirect flows: an absolute URL that receives
   * {@link IamportRedirectQuery}. Mobile browsers redirect (the callback may never run); PC
   * ignores it and calls the callback, except PayPal, which always redirects. On mobile, failures
   * before the window opens (a paid `merchant_uid`, bad parameters) also redirect.
   */
  m_redirect_url?: string;
  /** The app's URL scheme, for returning from card apps inside a WebView. */
  app_scheme?: string;
  biz_num?: string;
  display?: { card_quota?: number[] };
  card?: {
    direct?: { code: string; quota: number };
    detail?: { card_code: string; enabled: boolean }[];
  };
}

/**
 * What the `request_pay` callback receives. With `v1/iamport.js` and the newer PG modules (new
 * Toss Payments, Smartro, NICE, PayPal, KSNET, Welcome) only `imp_uid`, `merchant_uid`,
 * `error_code` and `error_msg` arrive: read the rest from your server's payment lookup.
 */
export interface IamportRequestPayResponse {
  /** `null` when the request failed before a payment was created. */
  imp_uid: string | null;
  merchant_uid: string;
  /** Present on failure, and the only reliable failure signal. */
  error_code?: string;
  error_msg?: string;
  /**
   * @deprecated Meant "the internal transaction ended", not "paid"; can be `false` for a paid
   * payment and is gone from `v1/iamport.js`. Read `error_code` instead.
   */
  success?: boolean;
  /** @deprecated Same as `success`, from some PGs. */
  imp_success?: boolean;
  status?: IamportPaymentStatus;
  pay_method?: IamportPayMethod;
  paid_amount?: number;
  currency?: IamportCurrency;
  name?: string;
  pg_provider?: string;
  emb_pg_provider?: string;
  pg_tid?: string;
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  custom_data?: unknown;
  /** Unix seconds. */
  paid_at?: number;
  receipt_url?: string;
  apply_num?: string;
  vbank_num?: string;
  vbank_name?: string;
  vbank_holder?: string | null;
  /** Unix seconds. */
  vbank_date?: number;
}

export type IamportRequestPayCallback = (response: IamportRequestPayResponse) => void;

/**
 * The query string the buyer returns to `m_redirect_url` with. Values are strings. Current docs
 * list `imp_uid`, `merchant_uid`, `error_code`, `error_msg`; older PG modules add the deprecated
 * `imp_success` (`'true' | 'false'`), and `IMP.certification` sends `success`. Neither flag is
 * proof of payment: verify `imp_uid` on your server.
 */
export interface IamportRedirectQuery {
  imp_uid?: string;
  merchant_uid?: string;
  error_code?: string;
  error_msg?: string;
  /** @deprecated can be `'false'` for a paid payment. */
  imp_success?: 'true' | 'false';
  /** @deprecated as `imp_success`. */
  success?: 'true' | 'false';
}

/** `IMP.certification`'s parameters: only the ones kcheckout relies on are spelled out. */
export interface IamportCertificationParams {
  channelKey?: string;
  pg?: string;
  merchant_uid?: string;
  /** Receives `imp_uid`, `merchant_uid` and `success` (not `imp_success`). */
  m_redirect_url?: string;
  [parameter: string]: unknown;
}

export interface IamportCertificationResponse {
  imp_uid: string | null;
  merchant_uid?: string;
  error_code?: string;
  error_msg?: string;
  /** @deprecated */
  success?: boolean;
}

/** `window.IMP` as `https://cdn.iamport.kr/v1/iamport.js` installs it. */
export interface Iamport {
  /** Binds the page to a merchant code (`imp…`). The docs warn against calling it twice. */
  init(impCode: string): void;
  /** For sub-merchants (tier codes) instead of `init`. */
  agency(impCode: string, tierCode: string): void;
  /** Opens the payment window; the result goes to `callback` (PC) or to `m_redirect_url` (mobile). */
  request_pay(params: IamportRequestPayParams, callback?: IamportRequestPayCallback): void;
  certification(params: IamportCertificationParams, callback?: (response: IamportCertificationResponse) => void): void;
  /** Closes an open payment window. */
  close(): void;
}
