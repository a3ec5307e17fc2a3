import { CheckoutError, type Provider } from '../errors.js';
import type { PortOneRedirect } from '../portone/portone-v2.js';

/**
 * Where the vendor sends the buyer back, as <CheckoutButton> and <BillingKeyButton> take it. Toss
 * uses `successUrl` / `failUrl`; PortOne and iamport use `redirectUrl`.
 */
export interface CheckoutRedirect {
  successUrl?: string | undefined;
  failUrl?: string | undefined;
  redirectUrl?: string | undefined;
  /** PortOne V2 only. */
  windowType?: PortOneRedirect['windowType'] | undefined;
  /** PortOne V2 only. */
  forceRedirect?: boolean | undefined;
}

// The redirect rules, one per vendor family, checked at render so the server and the client show
// the same error. Each React root hands its own to the button (CheckoutContextValue.checkRequest),
// so a Toss bundle carries no PortOne rule and the reverse; the prose sits behind __DEV__.

const invalid = (provider: Provider, message: string) => new CheckoutError('INVALID_OPTION', message, { provider });

/** Toss: `successUrl` and `failUrl` together, or one `redirectUrl`; no PortOne window options. */
export function checkTossRedirect({ successUrl, failUrl, redirectUrl, windowType, forceRedirect }: CheckoutRedirect): void {
  if (Boolean(successUrl) !== Boolean(failUrl)) {
    throw invalid(
      'toss',
      __DEV__
        ? 'successUrl과 failUrl은 함께 넘기거나 둘 다 생략하세요. ' +
            'Pass both successUrl and failUrl (redirect mode) or neither (promise mode).'
        : '',
    );
  }
  if (redirectUrl && successUrl) {
    throw invalid(
      'toss',
      __DEV__ ? 'redirectUrl과 successUrl/failUrl 중 하나만 넘기세요. ' + 'Pass either redirectUrl or successUrl and failUrl, not both.' : '',
    );
  }
  if (windowType || forceRedirect !== undefined) {
    throw invalid(
      'toss',
      __DEV__
        ? 'windowType과 forceRedirect는 포트원 V2(provider="portone")에서만 쓸 수 있습니다. ' +
            'windowType and forceRedirect exist only for PortOne V2 (provider="portone").'
        : '',
    );
  }
}

/** PortOne V2 and iamport: one `redirectUrl`; `windowType` / `forceRedirect` for PortOne only, and with `redirectUrl`. */
export function checkMethodRedirect(provider: Provider, { successUrl, failUrl, redirectUrl, windowType, forceRedirect }: CheckoutRedirect): void {
  if (successUrl || failUrl) {
    throw invalid(
      provider,
      __DEV__
        ? '포트원은 결과 주소 하나(redirectUrl)로 성공과 실패를 모두 돌려보냅니다. successUrl/failUrl 대신 redirectUrl을 넘기세요. ' +
            'PortOne returns every outcome to one address: pass redirectUrl instead of successUrl / failUrl.'
        : '',
    );
  }
  if (provider !== 'portone' && (windowType || forceRedirect !== undefined)) {
    throw invalid(
      provider,
      __DEV__
        ? 'windowType과 forceRedirect는 포트원 V2(provider="portone")에서만 쓸 수 있습니다. ' +
            'windowType and forceRedirect exist only for PortOne V2 (provider="portone").'
        : '',
    );
  }
  if ((windowType || forceRedirect) && !redirectUrl) {
    throw invalid(
      provider,
      __DEV__
        ? 'windowType이나 forceRedirect를 쓰려면 돌아올 주소 redirectUrl도 넘기세요. ' +
            'windowType and forceRedirect need redirectUrl: the address the buyer comes back to.'
        : '',
    );
  }
}

