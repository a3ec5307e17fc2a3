import { CheckoutError, type Provider } from '../errors.js';
import { refusePortOneSecret } from '../secrets.js';
import { describeValue as describe } from '../validation.js';

// PortOne's ids and URLs: the V2 store id and channel key, the V1 merchant code and pg, and the
// redirect URL both generations send the buyer back to. Shared by the V2 and V1 drivers; nothing
// here imports a vendor package.

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
