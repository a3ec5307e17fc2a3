import { CheckoutError, type Provider } from './errors.js';

/** Currencies the Toss payment widget accepts (USD only for PayPal through the widget). */
export type Currency = 'KRW' | 'USD';

export interface Money {
  value: number;
  currency: Currency;
}

const CURRENCIES: readonly Currency[] = ['KRW', 'USD'];

// USD is capped at a trillion dollars: nobody charges more in one payment, and below the cap the
// amount in cents (value × 100, what PortOne V2 sends) stays far under 2**53, so rounding it to an
// integer and checking "at most two decimals" are both exact. KRW needs no such cap beyond being a
// safe integer, because won have no minor unit.
const MAX_USD = 1e12;

/**
 * Checks an amount before any vendor sees it. KRW must be a positive safe integer: it has no minor
 * unit, so a fractional won amount is always a bug (usually a discount computed in floating point),
 * and above `Number.MAX_SAFE_INTEGER` (2**53 − 1) two different totals can be the same number.
 * USD must be positive, finite, whole cents, and at most 1e12.
 */
export function validateAmount(value: unknown, currency: unknown = 'KRW', provider?: Provider): Money {
  const where = provider ? { provider } : {};
  if (!CURRENCIES.includes(currency as Currency)) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `지원하지 않는 통화입니다: ${JSON.stringify(currency)}. currency는 'KRW' 또는 'USD'여야 합니다. ` +
          `Unsupported currency ${JSON.stringify(currency)}: pass 'KRW' or 'USD'.`
        : '',
      where,
    );
  }
  // One rule, isValidAmount's; the diagnosis (development builds only) says which part failed.
  if (!isValidAmount(value, currency)) {
    throw new CheckoutError(
      'INVALID_AMOUNT',
      __DEV__
        ? typeof value !== 'number' || !Number.isFinite(value)
          ? `결제 금액이 숫자가 아닙니다 (${describeValue(value)}). amount에 유한한 숫자를 넘겨주세요. ` +
            `The amount is not a finite number (${describeValue(value)}): pass a number such as 50000.`
          : value <= 0
            ? `결제 금액은 0보다 커야 합니다 (${value}). 할인 후 금액이 0 이하인지 확인하세요. ` +
              `The amount must be greater than 0 (got ${value}); check the total after discounts.`
            : // KRW: one check for both bugs, a fraction (a discount in floating point) and a total
              // past 2**53 − 1, where two different totals can be the same number.
              currency === 'KRW'
              ? `원화(KRW) 금액은 ${Number.MAX_SAFE_INTEGER} 이하의 정수여야 합니다 (${value}). 합계를 반올림하고 단위를 확인하세요. ` +
                `KRW amounts must be whole won up to ${Number.MAX_SAFE_INTEGER} (got ${value}); round the total and check its unit.`
              : `USD 금액은 ${MAX_USD} 이하, 센트 단위까지만 넘길 수 있습니다 (${value}). ` +
                `USD amounts must be whole cents, at most ${MAX_USD} (got ${value}); round to two decimals and check the unit.`
        : '',
      where,
    );
  }
  return { value, currency: currency as Currency };
}

/**
 * `validateAmount`'s rule as a yes or no, for code that only needs to know (the result page reading
 * back a stored order): no `CheckoutError` and none of its prose in that page's bundle.
 */
export function isValidAmount(value: unknown, currency: unknown = 'KRW'): value is number {
  if (typeof value !== 'number' || !(value > 0) || !CURRENCIES.includes(currency as Currency)) return false;
  if (currency === 'KRW') return Number.isSafeInteger(value);
  const cents = value * 100;
  // The tolerance absorbs binary float error (0.29 × 100 = 28.999999999999996) without letting a third decimal through.
  return value <= MAX_USD && Math.abs(cents - Math.round(cents)) <= 1e-6;
}

/** Fits Toss (`[A-Za-z0-9_=-]{6,64}`, API text says `-` `_` only), PortOne paymentId and iamport merchant_uid. */
const ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;

export function validateOrderId(orderId: unknown, provider?: Provider): string {
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) {
    throw new CheckoutError(
      'INVALID_ORDER_ID',
      __DEV__
        ? `주문번호 형식이 올바르지 않습니다 (${describeValue(orderId)}). 영문 대소문자, 숫자, -, _ 로 6~64자여야 합니다. ` +
          `createOrderId()로 만들 수 있습니다. The order id must be 6–64 characters of A–Z, a–z, 0–9, - and _; ` +
          `createOrderId() makes one.`
        : '',
      provider ? { provider } : {},
    );
  }
  return orderId;
}

/** iamport (V1) takes a `merchant_uid` of at most 40 characters (PortOne's V1 request_pay reference). */
const MERCHANT_UID_MAX = 40;

/**
 * The order rules every vendor's request shares, in one place: the order id (when given; the
 * button makes one per press otherwise) and iamport's shorter `merchant_uid`, and an `orderName`
 * of 1–100 characters (Toss's documented limit, which the button has applied to every vendor).
 */
export function validateOrder(provider: Provider, order: { orderId?: unknown; orderName?: unknown }): void {
  const { orderId, orderName } = order ?? {};
  if (orderId !== undefined) {
    const id = validateOrderId(orderId, provider);
    if (provider === 'iamport' && id.length > MERCHANT_UID_MAX) {
      throw new CheckoutError(
        'INVALID_ORDER_ID',
        __DEV__
          ? `아임포트(V1) merchant_uid는 ${MERCHANT_UID_MAX}자 이하여야 합니다 (${id.length}자). createOrderId()의 기본값은 26자입니다. ` +
              `An iamport (V1) merchant_uid must be at most ${MERCHANT_UID_MAX} characters (got ${id.length}); ` +
              `createOrderId() makes 26 by default.`
          : '',
        { provider },
      );
    }
  }
  if (typeof orderName !== 'string' || orderName.trim() === '' || orderName.length > 100) {
    throw new CheckoutError(
      'INVALID_OPTION',
      __DEV__
        ? `orderName은 결제창에 보일 1~100자의 이름이어야 합니다 (예: '생수 외 1건'). ` +
            `orderName must be the 1–100 character name the payment window shows, e.g. '생수 외 1건'.`
        : '',
      { provider },
    );
  }
  // request_pay's `name` is at most 40 characters (PortOne's V1 `request_pay` parameter docs,
  // developers.portone.io). Development builds
  // only, to say so: in production iamport refuses it itself, a coded fail all the same.
  if (__DEV__ && provider === 'iamport' && orderName.length > 40) {
    throw new CheckoutError(
      'INVALID_OPTION',
      `아임포트(V1) 주문명(name)은 40자 이하여야 합니다 (${orderName.length}자). 예: '생수 외 1건'. ` +
        `An iamport (V1) order name must be at most 40 characters (got ${orderName.length}), e.g. '생수 외 1건'.`,
      { provider },
    );
  }
}

/**
 * `validateOrder` for an order on its way to the vendor: there its id must be present too (the
 * button fills one in per press; a hook or driver caller may not), so a payment can never be opened
 * without the merchant's order id. Returns the id.
 */
export function validateSentOrder(provider: Provider, order: { orderId?: unknown; orderName?: unknown }): string {
  validateOrder(provider, order);
  return validateOrderId(order?.orderId, provider);
}

/** `validateOrderId`'s rule as a yes or no, without the error and its prose. */
export function isOrderId(orderId: unknown): orderId is string {
  return typeof orderId === 'string' && ORDER_ID.test(orderId);
}

const SECRET_KEY = /^(test|live)_g?sk_/;

/**
 * The kinds of Toss client key. Widget SDKs (v1 `loadPaymentWidget`, v2 `widgets()`) need the
 * 결제위젯 연동 키 `*_gck_*`; `payment()` / `brandpay()` need the API 개별 연동 키 `*_ck_*`.
 */
export type TossKeyKind = 'widget' | 'api';

/** The key kind a message asks for, in both languages. */
function keyKindWanted(kind: TossKeyKind): { ko: string; en: string } {
  return kind === 'widget'
    ? { ko: '결제위젯 연동 키(test_gck_… / live_gck_…)', en: 'a widget client key (test_gck_… / live_gck_…)' }
    : { ko: 'API 개별 연동 키(test_ck_… / live_ck_…)', en: 'an API client key (test_ck_… / live_ck_…)' };
}

/**
 * Refuses secret keys outright (they would be readable by every visitor) and keys of the wrong
 * kind, before the vendor turns them into an opaque runtime error.
 */
export function validateTossClientKey(key: unknown, kind: TossKeyKind = 'widget'): string {
  // Only the messages name the key kinds (keyKindWanted, called from __DEV__ branches alone):
  // production builds keep the checks and drop the names.
  if (typeof key !== 'string' || key.length === 0) {
    throw new CheckoutError(
      'INVALID_KEY',
      __DEV__
        ? `clientKey가 없습니다. 토스페이먼츠 개발자센터의 ${keyKindWanted(kind).ko}를 넘겨주세요. ` +
          `clientKey is missing: pass ${keyKindWanted(kind).en} from the Toss developer center.`
        : '',
      { provider: 'toss' },
    );
  }
  if (SECRET_KEY.test(key)) {
    throw new CheckoutError(
      'SECRET_KEY_IN_BROWSER',
      __DEV__
        ? `브라우저 코드에 시크릿 키(${key.slice(0, key.indexOf('_', 5) + 1)}…)가 들어 있습니다. 시크릿 키는 서버에서만 ` +
          `결제 승인에 쓰고, 노출된 키는 개발자센터에서 재발급하세요. 여기에는 ${keyKindWanted(kind).ko}를 넘겨주세요. ` +
          `A secret key reached browser code: keep it on the server for the confirm call, rotate the exposed ` +
          `key, and pass ${keyKindWanted(kind).en} here.`
        : '',
      { provider: 'toss' },
    );
  }
  const expected = kind === 'widget' ? /^(test|live)_gck_/ : /^(test|live)_ck_/;
  if (!expected.test(key)) {
    throw new CheckoutError(
      'INVALID_KEY',
      __DEV__
        ? `이 SDK에는 ${keyKindWanted(kind).ko}가 필요합니다. 받은 키의 종류가 다릅니다 (${keyKind(key)}). ` +
          `This SDK needs ${keyKindWanted(kind).en}; the key given is ${keyKind(key)}.`
        : '',
      { provider: 'toss' },
    );
  }
  return key;
}

const CUSTOMER_KEY = /^[A-Za-z0-9\-_=.@]{2,50}$/;

/** `@@ANONYMOUS` is Toss's guest customer key (both SDK generations export it as `ANONYMOUS`). */
export const TOSS_ANONYMOUS = '@@ANONYMOUS';

export function validateTossCustomerKey(key: unknown): string {
  if (typeof key === 'string' && SECRET_KEY.test(key)) {
    // Toss itself answers INSECURE_KEY_USAGE here; the key is already exposed, so say so plainly.
    return validateTossClientKey(key);
  }
  if (key === TOSS_ANONYMOUS || (typeof key === 'string' && CUSTOMER_KEY.test(key))) return key;
  throw new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? `customerKey 형식이 올바르지 않습니다 (${describeValue(key)}). 영문, 숫자, - _ = . @ 로 2~50자인 구매자 식별값을 ` +
        `넘기고, 비회원은 ANONYMOUS('@@ANONYMOUS')를 쓰세요. 이메일·전화번호·순번은 쓰지 마세요. ` +
        `customerKey must be 2–50 characters of letters, digits and - _ = . @ (use '@@ANONYMOUS' for guests; ` +
        `never an email, phone number or sequential id).`
      : '',
    { provider: 'toss' },
  );
}

function keyKind(key: string): string {
  const match = /^(test|live)_([a-z]+)_/.exec(key);
  return match ? `${match[1]}_${match[2]}_…` : 'an unrecognised format';
}

/** Describes a bad value for a message without echoing long or secret-looking input. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 24 ? `"${value.slice(0, 12)}…" (${value.length} chars)` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}
