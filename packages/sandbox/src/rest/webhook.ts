/**
 * Standard Webhooks signing (standardwebhooks.com), as PortOne V2 webhooks use it
 * (developers.portone.io): HMAC-SHA256 over `${id}.${timestamp}.${body}` with the base64-decoded
 * secret (`whsec_` prefix optional), sent as `webhook-signature: v1,<base64>`.
 */

/** The three Standard Webhooks headers for `body`. `timestamp` is in Unix seconds. */
export async function signStandardWebhook(
  secret: string,
  message: { id: string; timestamp: number; body: string },
): Promise<{ 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string }> {
  const keyBytes = base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signed = new TextEncoder().encode(`${message.id}.${message.timestamp}.${message.body}`);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, signed));
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': `v1,${bytesToBase64(signature)}`,
  };
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
