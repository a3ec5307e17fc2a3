const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Makes an order id that every supported vendor accepts (`[A-Za-z0-9_-]{6,64}`): the prefix, an
 * underscore and 20 random base62 characters from `crypto.getRandomValues` (about 119 bits).
 *
 * Prefer an id your server created with the order; this is for demos and for orders created lazily.
 */
export function createOrderId(prefix = 'order'): string {
  const cleanPrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40);
  let random = '';
  while (random.length < 20) {
    const bytes = new Uint8Array(32);
    globalThis.crypto.getRandomValues(bytes);
    // 256 is not a multiple of 62: dropping bytes >= 248 keeps every character equally likely.
    for (const byte of bytes) if (byte < 248 && random.length < 20) random += ALPHABET[byte % 62];
  }
  return cleanPrefix ? `${cleanPrefix}_${random}` : random;
}
