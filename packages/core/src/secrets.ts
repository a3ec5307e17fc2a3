import { CheckoutError, type Provider } from './errors.js';

// Secrets in browser code, refused before any vendor call: Toss keys (in PortOne options too, since a
// shop with both vendors keeps them side by side) and PortOne's API, webhook and access secrets.

// What is known about PortOne secrets (PortOne's REST API docs, developers.portone.io, and public
// sample configs; the shapes are not specified):
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
