/**
 * Currencies as PortOne spells them. V2 takes `'KRW'` and the older `'CURRENCY_KRW'` alike
 * (browser-sdk 0.1.x types accept both, docs still show the prefixed form); V1 takes plain ISO
 * codes. Returns the plain code, or null for anything else.
 */
export function readCurrency(value: unknown, { prefixed }: { prefixed: boolean }): string | null {
  if (typeof value !== 'string') return null;
  const match = (prefixed ? /^(?:CURRENCY_)?([A-Z]{3})$/ : /^([A-Z]{3})$/).exec(value);
  return match && isIsoCurrency(match[1]!) ? match[1]! : null;
}

let isoCurrencies: Set<string> | null | undefined;

/**
 * Whether `code` is an ISO 4217 currency, by the browser's own list where it has one, so a typo
 * such as 'WON' is refused like the vendor would; without the list, any three letters pass.
 */
function isIsoCurrency(code: string): boolean {
  if (isoCurrencies === undefined) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    isoCurrencies = typeof supported === 'function' ? new Set(supported('currency')) : null;
  }
  return isoCurrencies === null || isoCurrencies.has(code);
}

// ISO 4217 currencies without a minor unit among those PortOne's Korean PGs take.
const ZERO_DECIMAL = new Set(['KRW', 'JPY', 'VND']);

/** V2 amounts are in minor units (USD 1250 = $12.50); this gives the major-unit value to show. */
export function fromMinorUnits(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency) ? amount : amount / 100;
}

/** `50,000원` for KRW; `12.50 USD` otherwise. */
export function formatAmount(value: number, currency: string): string {
  if (currency === 'KRW') return `${value.toLocaleString('ko-KR')}원`;
  const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}
