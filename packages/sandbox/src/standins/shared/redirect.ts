/**
 * The merchant's URL with the vendor's result parameters appended. The merchant's own query and
 * hash survive (vendors append; samples smuggle e.g. `customerKey` through `successUrl` this way).
 */
export function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  // Appended as text rather than through url.searchParams, which would re-encode the merchant's own
  // parameters; encodeURIComponent gives `%20` for spaces, as in the vendors' real redirects.
  const ours = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  const theirs = url.search.replace(/^\?/, '');
  url.search = theirs === '' ? ours : theirs.endsWith('&') ? theirs + ours : `${theirs}&${ours}`;
  return url.href;
}

/** An absolute http(s) URL, which is what vendors require of success and fail URLs. */
export function isAbsoluteHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
