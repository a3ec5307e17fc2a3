import { CheckoutError, type Provider } from '../errors.js';
import { type Currency, type Money, validateAmount } from '../validation.js';

// Shared by the V2 (`portone-v2`) and V1 (`iamport-v1`) drivers. It imports nothing from either
// vendor package, so an iamport-only bundle never pulls in `@portone/browser-sdk`.

/**
 * The currency spellings PortOne accepts. `@portone/browser-sdk` 0.1.x types both `'KRW'` and the
 * older `'CURRENCY_KRW'` (0.0.x, still in the docs' examples); kcheckout results always carry the
 * ISO form.
 */
export type PortOneCurrency = Currency | `CURRENCY_${Currency}`;

/** An amount for a PortOne or iamport request, in major units (12.5 means 12.50 USD). */
export interface PortOneMoney {
  value: number;
  currency: PortOneCurrency;
}

/** Accepts `'KRW' | 'CURRENCY_KRW' | 'USD' | 'CURRENCY_USD'` and returns the ISO code. */
export function normalizePortOneCurrency(currency: unknown, provider: Provider = 'portone'): Currency {
  if (currency === 'KRW' || currency === 'CURRENCY_KRW') return 'KRW';
  if (currency === 'USD' || currency === 'CURRENCY_USD') return 'USD';
  throw new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? `지원하지 않는 통화입니다: ${describe(currency)}. currency는 'KRW'(또는 'CURRENCY_KRW'), 'USD'(또는 'CURRENCY_USD')여야 ` +
        `합니다. Unsupported currency ${describe(currency)}: pass 'KRW' or 'USD' ('CURRENCY_KRW' / 'CURRENCY_USD' also work).`
      : '',
    { provider },
  );
}

/**
 * Checks an amount for PortOne and returns it with the ISO currency. `validateAmount` already
 * insists on whole cents for USD, which matters here: V2 sends `totalAmount` in minor units, and
 * rounding a price silently would charge something other than what the page shows.
 */
export function validatePortOneMoney(money: unknown, provider: Provider = 'portone'): Money {
  if (!money || typeof money !== 'object') {
    throw new CheckoutError(
      'INVALID_AMOUNT',
      __DEV__
        ? `결제 금액이 없습니다. { value: 50000, currency: 'KRW' } 형태로 넘겨주세요. ` +
          `The amount is missing: pass { value: 50000, currency: 'KRW' }.`
        : '',
      { provider },
    );
  }
  const { value, currency } = money as { value?: unknown; currency?: unknown };
  return validateAmount(value, normalizePortOneCurrency(currency ?? 'KRW', provider), provider);
}

/** V2 `totalAmount` is in the currency's minor unit: won for KRW, cents for USD. */
export function toPortOneMinorUnits(money: Money): number {
  return money.currency === 'USD' ? Math.round(money.value * 100) : money.value;
}

// --- Secrets -------------------------------------------------------------------------------------

// What the research could establish about PortOne secrets (shared/research/portone.md §4):
// - V2 API secrets go in `Authorization: PortOne …` on the server; their exact shape is not
//   documented. Observed ones are long opaque tokens without hyphens.
// - V1 `imp_secret` is a long opaque token (80 characters in every sample seen).
// - Webhook secrets are Standard Webhooks keys, optionally `whsec_`-prefixed.
// - V2 access tokens are JWTs.
// Store ids (`store-<uuid>`), channel keys (`channel-key-<uuid>`) and imp codes (`imp` + digits)
// never match these shapes, so refusing them cannot break a correct setup.
const OPAQUE_TOKEN = /^[A-Za-z0-9+/=_]{40,}$/;
const WEBHOOK_SECRET = /^whsec_/;
const JWT = /^eyJ[\w-]*\.[\w-]+\./;

/** Option names under which people pass a server secret to browser code. */
const SECRET_OPTION_NAMES = [
  'apiSecret',
  'secret',
  'v2ApiSecret',
  'imp_secret',
  'impSecret',
  'apiSecretKey',
  'webhookSecret',
  'accessToken',
] as const;

// Toss secret keys have a documented prefix, so unlike PortOne's opaque secrets they can be refused
// in any field without risking a false alarm: people switching from Toss paste them into PortOne
// options, and a shop with both vendors keeps them side by side in one .env file.
const TOSS_SECRET = /^(test|live)_g?sk_/;

/** Whether a string is a Toss Payments secret key (`test_sk_…`, `live_sk_…`, `test_gsk_…`, `live_gsk_…`). */
export function looksLikeTossSecret(value: unknown): boolean {
  return typeof value === 'string' && TOSS_SECRET.test(value.trim());
}

/** Whether a string looks like a PortOne API secret, webhook secret or access token. */
export function looksLikePortOneSecret(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return WEBHOOK_SECRET.test(trimmed) || JWT.test(trimmed) || OPAQUE_TOKEN.test(trimmed);
}

/**
 * Throws `SECRET_KEY_IN_BROWSER` when `value` looks like a PortOne secret. `field` names the option
 * that held it; the message gives the secret's length, never its characters.
 */
export function refusePortOneSecret(value: unknown, field: string, provider: Provider = 'portone'): void {
  if (looksLikeTossSecret(value)) throw tossSecretError(field, value as string, provider);
  if (!looksLikePortOneSecret(value)) return;
  throw secretError(field, (value as string).length, provider);
}

/** Refuses an options object that carries a secret under a known name (`apiSecret`, `imp_secret`, …). */
export function refusePortOneSecretOptions(options: object, provider: Provider = 'portone'): void {
  const record = options as Record<string, unknown>;
  for (const name of SECRET_OPTION_NAMES) {
    const value = record[name];
    if (typeof value === 'string' && value !== '') throw secretError(name, value.length, provider);
  }
}

/**
 * Refuses a Toss secret key in any string of a browser SDK request (`PortOne.requestPayment`'s
 * argument, `IMP.request_pay`'s params), nested objects included. The error names the field
 * (`customer.fullName`), never the key. PortOne's own secret shapes are not checked here: they are
 * too loose for free-text fields such as a customer id.
 */
export function refuseTossSecretsIn(request: object, provider: Provider = 'portone', path = ''): void {
  for (const [name, value] of Object.entries(request)) {
    const field = path ? `${path}.${name}` : name;
    if (looksLikeTossSecret(value)) throw tossSecretError(field, value as string, provider);
    if (value && typeof value === 'object') refuseTossSecretsIn(value, provider, field);
  }
}

function tossSecretError(field: string, value: string, provider: Provider): CheckoutError {
  const kind = __DEV__ ? tossSecretPrefix(value) : '';
  return new CheckoutError(
    'SECRET_KEY_IN_BROWSER',
    __DEV__
      ? `${field}에 토스페이먼츠 시크릿 키(${kind}…)가 있습니다. 서버에만 두고 즉시 재발급하세요. ` +
        `${field} holds a Toss Payments secret key (${kind}…): keep it on the server and rotate it now.`
      : '',
    { provider },
  );
}

/** `test_sk_`, `live_gsk_`, …: the part of a Toss secret the diagnosis may quote. */
function tossSecretPrefix(value: string): string {
  return TOSS_SECRET.exec(value.trim())?.[0] ?? 'test_sk_';
}

function secretError(field: string, length: number, provider: Provider): CheckoutError {
  const where = __DEV__ ? (provider === 'iamport' ? '관리자 콘솔의 V1 API 시크릿(imp_secret)' : '관리자 콘솔의 V2 API 시크릿') : '';
  return new CheckoutError(
    'SECRET_KEY_IN_BROWSER',
    __DEV__
      ? `${field}에 포트원 시크릿으로 보이는 값(${length}자)이 들어 있습니다. 시크릿은 서버에서 결제 조회에만 쓰고, ` +
        `브라우저에 노출된 ${where}은 즉시 재발급하세요. 브라우저에는 storeId(store-…), channelKey(channel-key-…), ` +
        `가맹점 식별코드(imp…)만 넘깁니다. ` +
        `${field} holds what looks like a PortOne secret (${length} characters): keep secrets on the server for the ` +
        `payment lookup, rotate this one in the PortOne console, and give browser code only the storeId (store-…), ` +
        `the channelKey (channel-key-…) or the merchant code (imp…).`
      : '',
    { provider },
  );
}

// --- Ids -----------------------------------------------------------------------------------------

const WHITESPACE = /\s/;
const STORE_ID_PREFIX = 'store-';
const CHANNEL_KEY_PREFIX = 'channel-key-';
const CHANNEL_ID_PREFIX = 'channel-id-';
const IMP_CODE = /^imp\d+$/;
const IMP_UID = /^imp_\d+$/;
const REST_API_KEY = /^\d{10,}$/;

/**
 * Checks the V2 store id (관리자 콘솔 › 연동 정보, top right). Every documented and observed one is
 * `store-<uuid>`, but the format is not specified, so only values that are clearly something else
 * are refused: empty, whitespace, a secret, a channel key or id, or a V1 merchant code.
 */
export function validatePortOneStoreId(storeId: unknown): string {
  const want = __DEV__
    ? {
        ko: '관리자 콘솔 › 연동 정보 우측 상단의 상점 아이디(store-…)',
        en: 'the store id (store-…) from the PortOne console, Integration › top right',
      }
    : UNSAID;
  const value = requireId(storeId, 'storeId', want, 'portone');
  const wrong = wrongKind(value, 'storeId');
  if (wrong) throw invalidKey('storeId', want, wrong, 'portone');
  return value;
}

/**
 * Checks the V2 channel key (관리자 콘솔 › 연동 정보 › 채널). Documented ones are
 * `channel-key-<uuid>`; as with the store id, only clearly wrong values are refused. A channel
 * *id* (`channel-id-…`) is refused: the SDK wants the key.
 */
export function validatePortOneChannelKey(channelKey: unknown, provider: Provider = 'portone'): string {
  const want = __DEV__
    ? {
        ko: '관리자 콘솔 › 연동 정보 › 채널의 채널 키(channel-key-…)',
        en: 'a channel key (channel-key-…) from the PortOne console, Integration › Channels',
      }
    : UNSAID;
  const value = requireId(channelKey, 'channelKey', want, provider);
  const wrong = wrongKind(value, 'channelKey');
  if (wrong) throw invalidKey('channelKey', want, wrong, provider);
  return value;
}

/**
 * Checks the V1 merchant code (가맹점 식별코드, `IMP.init`'s argument): `imp` followed by digits,
 * as in the docs' `imp00000000`. The REST API key (digits only), an `imp_uid` (`imp_…`) and V2 ids
 * are named as such in the error.
 */
export function validateIamportCode(impCode: unknown): string {
  const want = __DEV__
    ? {
        ko: '관리자 콘솔 › 상점・계정 관리의 가맹점 식별코드(imp + 숫자, 예: imp12345678)',
        en: 'the merchant code (imp + digits, e.g. imp12345678) from the PortOne console, Merchant › My codes',
      }
    : UNSAID;
  const value = requireId(impCode, 'impCode', want, 'iamport');
  const wrong = wrongKind(value, 'impCode');
  if (wrong) throw invalidKey('impCode', want, wrong, 'iamport');
  if (!IMP_CODE.test(value)) {
    throw invalidKey('impCode', want, __DEV__ ? { ko: `형식을 알 수 없는 값(${describe(value)})`, en: `an unrecognised value (${describe(value)})` } : UNSAID, 'iamport');
  }
  return value;
}

/**
 * Checks the deprecated V1 `pg` option (`'{pg}'` or `'{pg}.{MID}'`, e.g. `'html5_inicis.INIpayTest'`).
 * Its values are PG-specific, so only blank, whitespace and secrets are refused.
 */
export function validateIamportPg(pg: unknown): string {
  refusePortOneSecret(pg, 'pg', 'iamport');
  if (typeof pg !== 'string' || pg === '' || WHITESPACE.test(pg)) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `pg 값이 올바르지 않습니다 (${describe(pg)}). 'PG사코드' 또는 'PG사코드.상점아이디'(예: 'html5_inicis.INIpayTest') ` +
          `형식이며, 새 연동에는 pg 대신 channelKey를 쓰세요. pg must look like 'pgcode' or 'pgcode.MID' ` +
          `(e.g. 'html5_inicis.INIpayTest'); new integrations should pass channelKey instead.`
        : '',
      { provider: 'iamport' },
    );
  }
  return pg;
}

interface Wanted {
  ko: string;
  en: string;
}

// What a production build passes instead of the descriptions above: truthy, so a wrong-kind check
// still fails, with no text, since production messages carry only the code.
const UNSAID: Wanted = { ko: '', en: '' };

function requireId(value: unknown, field: string, want: Wanted, provider: Provider): string {
  if (typeof value !== 'string' || value === '') {
    throw new CheckoutError(
      'INVALID_KEY',
      __DEV__ ? `${field}가 없습니다 (${describe(value)}). ${want.ko}를 넘겨주세요. ${field} is missing (${describe(value)}): pass ${want.en}.` : '',
      { provider },
    );
  }
  refusePortOneSecret(value, field, provider);
  if (WHITESPACE.test(value)) {
    // Usually a trailing newline from an .env file; trimming it here would hide the bad config.
    throw new CheckoutError(
      'INVALID_KEY',
      __DEV__
        ? `${field}에 공백이나 줄바꿈이 들어 있습니다. 환경 변수 값을 확인하고 앞뒤 공백을 지우세요. ` +
          `${field} contains whitespace (often a trailing newline from an .env file): remove it.`
        : '',
      { provider },
    );
  }
  return value;
}

/** Names the kind of a value that belongs in another PortOne option. */
function wrongKind(value: string, field: 'storeId' | 'channelKey' | 'impCode'): Wanted | null {
  if (field !== 'storeId' && value.startsWith(STORE_ID_PREFIX)) {
    return __DEV__ ? { ko: 'V2 상점 아이디(store-…)', en: 'a V2 store id (store-…)' } : UNSAID;
  }
  if (field !== 'channelKey' && value.startsWith(CHANNEL_KEY_PREFIX)) {
    return __DEV__ ? { ko: '채널 키(channel-key-…)', en: 'a channel key (channel-key-…)' } : UNSAID;
  }
  if (value.startsWith(CHANNEL_ID_PREFIX)) {
    return __DEV__ ? { ko: '채널 아이디(channel-id-…, 채널 키가 아님)', en: 'a channel id (channel-id-…), not the channel key' } : UNSAID;
  }
  if (IMP_UID.test(value)) {
    return __DEV__ ? { ko: '결제 고유번호 imp_uid(imp_…)', en: 'a payment id imp_uid (imp_…)' } : UNSAID;
  }
  if (field !== 'impCode' && IMP_CODE.test(value)) {
    return __DEV__
      ? {
          ko: 'V1 가맹점 식별코드(imp…, V1은 createIamportV1을 쓰세요)',
          en: 'a V1 merchant code (imp…; use createIamportV1 for V1)',
        }
      : UNSAID;
  }
  if (REST_API_KEY.test(value)) {
    return __DEV__ ? { ko: 'V1 REST API 키(숫자만, 서버에서 쓰는 값)', en: 'a V1 REST API key (digits only; it belongs on the server)' } : UNSAID;
  }
  return null;
}

function invalidKey(field: string, want: Wanted, got: Wanted, provider: Provider): CheckoutError {
  return new CheckoutError(
    'INVALID_KEY',
    __DEV__ ? `${field}에 ${got.ko}가 들어 있습니다. ${want.ko}를 넘겨주세요. ${field} holds ${got.en}: pass ${want.en}.` : '',
    { provider },
  );
}

// --- Redirect URLs -------------------------------------------------------------------------------

/**
 * PortOne's server (V2 `redirectUrl`) or the PG (V1 `m_redirect_url`) sends the buyer back, so a
 * relative URL would resolve against their host, not the shop's. V2 documents `http(s)://` only.
 */
export function validateRedirectUrl(url: unknown, field: string, provider: Provider = 'portone'): string {
  let parsed: URL | null = null;
  if (typeof url === 'string') {
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `${field}는 http(s)://로 시작하는 절대 주소여야 합니다 (${describe(url)}). 상대 경로는 ` +
          `new URL('/payment/redirect', location.origin).href 처럼 바꿔 넘기세요. ${field} must be an absolute http(s) URL ` +
          `(got ${describe(url)}); turn a path into one with new URL('/payment/redirect', location.origin).href.`
        : '',
      { provider },
    );
  }
  return url as string;
}

// --- Payment methods -----------------------------------------------------------------------------

/** Easy-pay wallets both PortOne generations can open directly (V2 `easyPayProvider`, V1 `pay_method`). */
export type PortOneEasyPayProvider =
  | 'KAKAOPAY'
  | 'NAVERPAY'
  | 'TOSSPAY'
  | 'PAYCO'
  | 'SAMSUNGPAY'
  | 'APPLEPAY'
  | 'SSGPAY'
  | 'LPAY'
  | 'KPAY'
  | 'SKPAY'
  | 'PINPAY'
  | 'TOSS_BRANDPAY';

export const PORTONE_EASY_PAY_PROVIDERS: readonly PortOneEasyPayProvider[] = [
  'KAKAOPAY',
  'NAVERPAY',
  'TOSSPAY',
  'PAYCO',
  'SAMSUNGPAY',
  'APPLEPAY',
  'SSGPAY',
  'LPAY',
  'KPAY',
  'SKPAY',
  'PINPAY',
  'TOSS_BRANDPAY',
];

/**
 * The payment method the buyer picked, the same for V2 and V1. Which ones work depends on the
 * channel's PG contract.
 */
export type PortOneMethod =
  | { type: 'card' }
  /** Without `provider`, V2 lets the channel's PG show its own wallet choice; V1 needs a provider. */
  | { type: 'easyPay'; provider?: PortOneEasyPayProvider }
  | { type: 'transfer' }
  | { type: 'virtualAccount' }
  /**
   * 휴대폰 소액결제. `digital` says whether the goods are digital content: V1 requires it
   * (`digital`), V2 sends it as `productType`.
   */
  | { type: 'mobile'; digital?: boolean };

export type PortOneMethodType = PortOneMethod['type'];

const METHOD_TYPES: readonly PortOneMethodType[] = ['card', 'easyPay', 'transfer', 'virtualAccount', 'mobile'];

/** Checks a method object from untyped callers (a radio group's value, JSON). */
export function validatePortOneMethod(method: unknown, provider: Provider = 'portone'): PortOneMethod {
  const type = method && typeof method === 'object' ? (method as { type?: unknown }).type : undefined;
  if (!METHOD_TYPES.includes(type as PortOneMethodType)) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `결제수단이 올바르지 않습니다 (${describe(type ?? method)}). type은 ${METHOD_TYPES.map((t) => `'${t}'`).join(', ')} 중 ` +
          `하나여야 합니다. The payment method must be { type } with type one of ${METHOD_TYPES.join(', ')}.`
        : '',
      { provider },
    );
  }
  if (type === 'easyPay') {
    const easyPayProvider = (method as { provider?: unknown }).provider;
    if (easyPayProvider !== undefined && !PORTONE_EASY_PAY_PROVIDERS.includes(easyPayProvider as PortOneEasyPayProvider)) {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `지원하지 않는 간편결제입니다 (${describe(easyPayProvider)}). provider는 ${PORTONE_EASY_PAY_PROVIDERS.join(', ')} 중 ` +
            `하나여야 합니다. Unknown easy-pay provider ${describe(easyPayProvider)}: use one of ` +
            `${PORTONE_EASY_PAY_PROVIDERS.join(', ')}.`
          : '',
        { provider },
      );
    }
  }
  if (type === 'mobile') {
    const digital = (method as { digital?: unknown }).digital;
    if (digital !== undefined && typeof digital !== 'boolean') {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `mobile 결제수단의 digital은 true 또는 false여야 합니다 (${describe(digital)}). ` +
            `digital on a mobile method must be true or false (got ${describe(digital)}).`
          : '',
        { provider },
      );
    }
  }
  return method as PortOneMethod;
}

// --- Results -------------------------------------------------------------------------------------

/**
 * Vendor codes that mean the buyer closed or cancelled the window. `USER_CANCEL` is PortOne's;
 * `PAY_PROCESS_CANCELED` is what a Toss Payments channel passes through.
 */
export const PORTONE_CANCEL_CODES: ReadonlySet<string> = new Set(['USER_CANCEL', 'PAY_PROCESS_CANCELED']);

// PortOne reports a buyer's cancel under generic codes (`FAILURE_TYPE_PG`, `PG_PROVIDER_ERROR`)
// with a message such as "사용자가 결제를 취소하였습니다." or V1's "[결제포기] …". None of this is
// documented (research: community code and a copy of the CDN bundle), so the message is read as a
// hint: a misread only changes whether the page shows an error, never whether an order is paid.
const CANCEL_MESSAGE = /결제\s*포기|(사용자|고객|구매자)[가이]?\s*(결제를?\s*)?취소|user\s*cancel|cancell?ed\s+by\s+(the\s+)?(user|buyer|customer)/i;

/** Whether a PortOne or iamport failure is the buyer cancelling rather than a payment failing. */
export function isPortOneCancel(failure: { code?: unknown; message?: unknown; pgCode?: unknown }): boolean {
  for (const code of [failure.code, failure.pgCode]) {
    if (typeof code === 'string' && PORTONE_CANCEL_CODES.has(code)) return true;
  }
  return typeof failure.message === 'string' && CANCEL_MESSAGE.test(failure.message);
}

/** Describes a bad value for a message without echoing long input. */
function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 24 ? `"${value.slice(0, 12)}…" (${value.length} chars)` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}
