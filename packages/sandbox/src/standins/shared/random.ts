const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `prefix` plus `length` base62 characters from `crypto.getRandomValues`, like a vendor's payment id. */
export function randomToken(prefix: string, length: number): string {
  let out = prefix;
  while (out.length < prefix.length + length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    for (const byte of bytes) {
      // 248 = 4 × 62: dropping the bytes above it keeps every character equally likely.
      if (byte < 248 && out.length < prefix.length + length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** `length` random decimal digits, for vendor ids that are numeric (V1's `imp_uid`). */
export function randomDigits(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      // 250 = 25 × 10: dropping the bytes above it keeps every digit equally likely.
      if (byte < 250 && out.length < length) out += String(byte % 10);
    }
  }
  return out;
}

/**
 * A random RFC 4122 version-4 UUID. Built from `getRandomValues` rather than `crypto.randomUUID`,
 * which exists only in secure contexts: Storybook opened on a LAN address is not one.
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
