/** Small Web-standard response helpers shared by the REST stand-ins. */

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** The request's JSON body, or `undefined` when it is missing or not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** The body of a form or JSON request as a flat record (V1's getToken takes either). */
export async function readFields(request: Request): Promise<Record<string, unknown> | undefined> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(await request.text()));
  }
  const body = await readJson(request);
  return isRecord(body) ? body : undefined;
}

/**
 * A path segment decoded, or `undefined` when its %-encoding is malformed (`%E0%A4%A`), which
 * `decodeURIComponent` throws for: the caller answers 400 in its vendor's error shape.
 */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** A whole number of won (or minor units) that JSON and every vendor can carry exactly. */
export function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An ISO 8601 time in Korea Standard Time with its offset, as Toss writes them: `2024-02-13T12:18:14+09:00`. */
export function kstIso(ms: number): string {
  return `${new Date(ms + 9 * 3600_000).toISOString().slice(0, 19)}+09:00`;
}

/** Decodes `Basic base64(user:password)`; `null` when the header is not Basic or not base64 with a colon. */
export function basicUser(header: string | null): { user: string } | 'missing' | 'malformed' {
  if (!header) return 'missing';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return 'malformed';
  let decoded: string;
  try {
    decoded = atob(match[1]!);
  } catch {
    return 'malformed';
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? 'malformed' : { user: decoded.slice(0, colon) };
}
