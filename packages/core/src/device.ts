import { CheckoutError } from './errors.js';
import type { RedirectUrls } from './types.js';

/** The two kinds of device the vendors tell apart: a PC, or a phone or tablet. */
export type Device = 'pc' | 'mobile';

// Phones and tablets by user agent, the way PortOne picks `windowType.mobile` over `.pc`
// (PortOne's V2 checkout docs on `windowType`, developers.portone.io): a narrow desktop window is still a PC. The vendors do not publish
// their exact tokens (sandbox README, "Assumed"); `Mobile` alone covers most phones, the names the
// tablets that lack it.
const MOBILE_USER_AGENT = /Android|iPhone|iPad|iPod|Mobile|Tablet/i;

/**
 * The device a browser is, from its user agent. Without a `navigator` (server rendering) the answer
 * is `pc`. An iPad asking for desktop sites (iPadOS 13+ default) reports a Mac user agent and counts
 * as a PC, as a user-agent check at the vendor would see it too (unverified, sandbox README).
 */
export function detectDevice(userAgent = globalThis.navigator?.userAgent ?? ''): Device {
  return MOBILE_USER_AGENT.test(userAgent) ? 'mobile' : 'pc';
}

/**
 * Toss opens a full-page window on a phone, so its promise mode cannot answer there: the SDK throws
 * `NOT_SUPPORTED_PROMISE` ("Promise 방식은 모바일 환경에서 사용할 수 없어요", SDK v2 docs). We refuse
 * first, with our code and the fix, before any vendor call. Not silently the current page instead:
 * a checkout page that does not read the result would leave the buyer's payment unconfirmed.
 */
export function checkTossResultUrls(urls: RedirectUrls | undefined, device: Device = detectDevice()): void {
  if (urls || device !== 'mobile') return;
  throw new CheckoutError(
    'REDIRECT_URL_REQUIRED',
    __DEV__
      ? `모바일 기기에서 토스페이먼츠는 Promise 방식을 지원하지 않습니다. <CheckoutButton>에 successUrl과 failUrl(또는 redirectUrl)을 넘기세요. ` +
          `On a phone or tablet Toss Payments has no promise mode: pass successUrl and failUrl (or redirectUrl) to <CheckoutButton>, ` +
          `and confirm the payment on that page.`
      : '',
    { provider: 'toss' },
  );
}
