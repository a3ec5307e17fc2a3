/**
 * Server-only PortOne credentials, recognised by shape (research/portone.md §4): V2 API secrets and
 * V1 `imp_secret`s are long opaque tokens without hyphens, webhook secrets are Standard Webhooks
 * keys (`whsec_…`), access tokens are JWTs. Browser ids never look like this: store ids
 * (`store-<uuid>`), channel keys (`channel-key-<uuid>`) and merchant codes (`imp` + digits) are
 * short or hyphenated, so refusing these shapes cannot break a correct integration.
 */
const OPAQUE_TOKEN = /^[A-Za-z0-9+/=_]{40,}$/;
const WEBHOOK_SECRET = /^whsec_/;
const JWT = /^eyJ[\w-]*\.[\w-]+\./;

export function looksLikeSecret(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return OPAQUE_TOKEN.test(trimmed) || WEBHOOK_SECRET.test(trimmed) || JWT.test(trimmed);
}

/** The developer hint for a secret found in `field`; it names the length, never the characters. */
export function secretHint(field: string, value: string): string {
  return (
    `${field} looks like a server secret (${value.length} characters): never put API secrets in browser code. ` +
    `Rotate it in the PortOne console if it was published, and pass the store id / channel key / merchant code here.`
  );
}
