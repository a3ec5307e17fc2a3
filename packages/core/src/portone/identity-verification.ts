import {
  requestIdentityVerification as vendorRequestIdentityVerification,
  type IdentityVerificationRequest,
  type IdentityVerificationResponse,
} from '@portone/browser-sdk/v2';
import { DriverSession, type SessionFacts } from '../checkout/driver-session.js';
import type { CheckoutStatus } from '../checkout/checkout-store.js';
import { CheckoutError, readVendorError, vendorError } from '../errors.js';
import { loadScript } from '../loader.js';
import { PORTONE_V2_SCRIPT } from '../sdk-urls.js';
import { validateOrderId } from '../validation.js';
import { PORTONE_V2_OPTIONS, type PortOneRedirect, type PortOneV2Config, type PortOneV2Options, validatePortOneV2Options } from './portone-v2.js';
import { isIdentityVerificationCancel } from './identity-verification-cancel.js';
import { refuseTossSecretsIn } from '../secrets.js';
import { validateRedirectUrl } from './portone-ids.js';

// PortOne V2 identity verification (본인인증): `PortOne.requestIdentityVerification`, one flow per
// file as issue 13 puts it. Request and response fields follow @portone/browser-sdk 0.1.x
// (`IdentityVerificationRequest`, `IdentityVerificationResponse`); the result is only a claim until
// the server fetches `GET /identity-verifications/{id}` (@kcheckout/server `verifyPortOneIdentity`).

/** Who is being verified, as far as the shop already knows: the window fills these in. All optional. */
export interface IdentityVerificationCustomer {
  /** The buyer's id in your system. */
  customerId?: string | undefined;
  fullName?: string | undefined;
  /** Digits, e.g. `01012345678`. */
  phoneNumber?: string | undefined;
  /** `YYYY`, e.g. `1990`. */
  birthYear?: string | undefined;
  /** `MM`, e.g. `07`. */
  birthMonth?: string | undefined;
  /** `DD`, e.g. `08`. */
  birthDay?: string | undefined;
}

/** One identity verification attempt. */
export interface IdentityVerificationInput {
  /**
   * Your id for this verification, 6–64 of `A–Z a–z 0–9 - _`: a fresh one per attempt
   * (`createOrderId('identity')`). PortOne refuses an id that was verified already.
   */
  identityVerificationId: string;
  customer?: IdentityVerificationCustomer | undefined;
  /** Kept with the verification and returned by the API; PortOne types it as a string, so objects are sent as JSON. */
  customData?: string | Record<string, unknown> | undefined;
}

interface ResultBase {
  provider: 'portone';
  identityVerificationId: string;
}

/**
 * What `requestIdentityVerification` settles to. `success` means the window finished; it proves
 * nothing until your server looks the verification up and finds it `VERIFIED`.
 */
export type IdentityVerificationResult =
  | (ResultBase & { status: 'success'; identityVerificationTxId?: string; raw: unknown })
  /** PortOne is taking the buyer to `redirectUrl`; the result arrives on that page's query. */
  | (ResultBase & { status: 'redirecting' })
  | (ResultBase & { status: 'cancel'; code: string; message: string; raw: unknown })
  | (ResultBase & { status: 'fail'; code: string; message: string; raw: unknown; error?: CheckoutError });

/** The call kcheckout makes for this flow. */
export interface IdentityVerificationDriver {
  requestIdentityVerification(input: IdentityVerificationInput, redirect?: PortOneRedirect): Promise<IdentityVerificationResult>;
}

const BIRTH: Record<'birthYear' | 'birthMonth' | 'birthDay', RegExp> = { birthYear: /^\d{4}$/, birthMonth: /^(0[1-9]|1[0-2])$/, birthDay: /^(0[1-9]|[12]\d|3[01])$/ };

/**
 * Validates the input and builds the `PortOne.requestIdentityVerification` argument; throws a
 * `CheckoutError` naming the fix before any vendor call. @internal
 */
export function buildIdentityVerificationRequest(config: PortOneV2Config, input: IdentityVerificationInput, redirect?: PortOneRedirect): IdentityVerificationRequest {
  if (!input || typeof input !== 'object') throw option(__DEV__ ? '본인인증 요청에는 객체를 넘겨주세요: requestIdentityVerification({ identityVerificationId }). Pass requestIdentityVerification an object: { identityVerificationId, customer? }.' : '');
  const identityVerificationId = validateOrderId(input.identityVerificationId, 'portone');
  const request: IdentityVerificationRequest = {
    storeId: config.storeId,
    channelKey: config.channelKey,
    identityVerificationId,
    ...customerOf(input.customer),
    ...customDataOf(input.customData),
    ...(redirect === undefined ? {} : redirectOf(redirect)),
  };
  refuseTossSecretsIn(request, 'portone');
  return request;
}

/**
 * The input's own mistakes, without the store's ids, for a component to show before the press
 * (the id may be left out: the press makes one). `null` when the input can be sent.
 */
export function checkIdentityVerificationInput(input: Partial<IdentityVerificationInput>, redirect?: PortOneRedirect): CheckoutError | null {
  try {
    buildIdentityVerificationRequest({ storeId: 'store-check', channelKey: 'channel-key-check' }, { identityVerificationId: 'identity-check', ...input }, redirect);
    return null;
  } catch (error) {
    return vendorError('portone', error);
  }
}

function customerOf(customer: IdentityVerificationCustomer | undefined): Pick<IdentityVerificationRequest, 'customer'> {
  if (customer === undefined) return {};
  if (!customer || typeof customer !== 'object') throw option(__DEV__ ? 'customer는 객체여야 합니다. customer must be an object: { fullName?, phoneNumber?, birthYear?, … }.' : '');
  const fields: Record<string, string> = {};
  for (const key of ['customerId', 'fullName', 'phoneNumber', 'birthYear', 'birthMonth', 'birthDay'] as const) {
    const value = customer[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw option(__DEV__ ? `customer.${key}는 문자열이어야 합니다. customer.${key} must be a string.` : '');
    if (key in BIRTH && !BIRTH[key as keyof typeof BIRTH].test(value)) {
      // PortOne's Customer type documents them as "1990", "07", "08": zero-padded strings.
      throw option(__DEV__ ? `customer.${key} 형식이 올바르지 않습니다 (예: 1990, 07, 08). customer.${key} must be zero-padded digits, e.g. birthYear '1990', birthMonth '07', birthDay '08'.` : '');
    }
    if (key === 'phoneNumber' && !/^\d{9,11}$/.test(value)) throw option(__DEV__ ? `customer.phoneNumber는 숫자만 9~11자리로 넘겨주세요. customer.phoneNumber must be 9–11 digits without hyphens, e.g. '01012345678'.` : '');
    fields[key] = value;
  }
  return Object.keys(fields).length > 0 ? { customer: fields } : {};
}

function customDataOf(data: IdentityVerificationInput['customData']): Pick<IdentityVerificationRequest, 'customData'> {
  if (data === undefined) return {};
  if (typeof data === 'string') return { customData: data };
  if (data && typeof data === 'object') return { customData: JSON.stringify(data) };
  throw option(__DEV__ ? 'customData는 문자열이나 객체여야 합니다. customData must be a string or a JSON-serialisable object.' : '');
}

function redirectOf(redirect: PortOneRedirect): Pick<IdentityVerificationRequest, 'redirectUrl' | 'windowType' | 'forceRedirect'> {
  return {
    redirectUrl: validateRedirectUrl(redirect?.redirectUrl, 'redirectUrl', 'portone'),
    ...(redirect.windowType ? { windowType: redirect.windowType } : {}),
    ...(redirect.forceRedirect !== undefined ? { forceRedirect: redirect.forceRedirect } : {}),
  };
}

// The message is built at each call behind __DEV__, so production builds drop the prose.
function option(message: string): CheckoutError {
  return new CheckoutError('INVALID_OPTION', message, { provider: 'portone' });
}

/**
 * Maps what `PortOne.requestIdentityVerification` resolved with: `undefined` is the redirect, a
 * `code` is a failure (or the buyer's cancel), anything else finished the window. @internal
 */
export function identityVerificationResult(response: IdentityVerificationResponse | undefined, identityVerificationId: string): IdentityVerificationResult {
  const base = { provider: 'portone' as const, identityVerificationId };
  if (response === undefined || response === null) return { status: 'redirecting', ...base };
  // The docs' test is `code !== undefined`; null counts too, as for payments (portone-v2.ts).
  if (response.code !== undefined && response.code !== null) {
    const code = typeof response.code === 'string' && response.code !== '' ? response.code : 'UNKNOWN';
    const message = typeof response.message === 'string' && response.message !== '' ? response.message : code;
    const cancelled = isIdentityVerificationCancel({ code, message, pgCode: response.pgCode, pgMessage: response.pgMessage });
    return { status: cancelled ? 'cancel' : 'fail', ...base, code, message, raw: response };
  }
  const txId = response.identityVerificationTxId;
  return { status: 'success', ...base, ...(typeof txId === 'string' && txId ? { identityVerificationTxId: txId } : {}), raw: response };
}

/** A rejected request is a setup error: a `fail` carrying a `VENDOR_ERROR` with the vendor's code. @internal */
export function identityVerificationRejection(error: unknown, identityVerificationId: string): IdentityVerificationResult {
  const { code, message } = readVendorError(error);
  return { status: 'fail', provider: 'portone', identityVerificationId, code, message, raw: error, error: vendorError('portone', error) };
}

/**
 * Loads PortOne's V2 SDK (the same one script `usePortOne` loads) and returns the identity
 * verification call. The npm package's function forwards to `window.PortOne`, which our loader
 * installed, so its own loader (which caches a failed load for good) never runs.
 */
export async function createIdentityVerificationDriver(options: PortOneV2Options): Promise<IdentityVerificationDriver> {
  const config = validatePortOneV2Options(options);
  const src = options.scriptSrc || PORTONE_V2_SCRIPT.src;
  await loadScript(src, { globalName: PORTONE_V2_SCRIPT.globalName, provider: 'portone', nonce: options.nonce, timeoutMs: options.timeoutMs, retries: options.retries });
  return {
    // No await before the vendor call: a PG that opens a popup needs the click's user activation.
    async requestIdentityVerification(input, redirect) {
      const request = buildIdentityVerificationRequest(config, input, redirect);
      if (typeof window === 'undefined' || !window.PortOne) {
        throw new CheckoutError('SDK_MISSING', __DEV__ ? `window.PortOne이 없습니다. ${src}를 불러온 뒤에 요청하세요. window.PortOne is gone: request only after ${src} has loaded.` : '', { provider: 'portone' });
      }
      const id = request.identityVerificationId;
      return vendorRequestIdentityVerification(request).then(
        (response) => identityVerificationResult(response, id),
        (error: unknown) => identityVerificationRejection(error, id),
      );
    },
  };
}

/** What a page shows for the flow: the session's status, and how the last attempt ended. */
export interface IdentityVerificationState {
  status: CheckoutStatus;
  error: CheckoutError | null;
  pending: boolean;
  /** The last attempt's result, `null` before the first; `success` still needs the server's lookup. */
  result: IdentityVerificationResult | null;
  /** Ready and not already verified in this session: what a verify button needs. */
  canVerify: boolean;
}

interface IdentityFacts extends SessionFacts {
  result: IdentityVerificationResult | null;
}

/**
 * The identity verification flow as a framework-free store (issue 13): the SDK loads once per
 * page after mount, one request at a time (a double click shares the first request), and the
 * status, the last result and `canVerify` are derived here and nowhere else.
 */
export class IdentityVerificationSession extends DriverSession<PortOneV2Options, IdentityVerificationDriver, IdentityVerificationState, IdentityFacts> {
  constructor(options: PortOneV2Options, create: (options: PortOneV2Options) => Promise<IdentityVerificationDriver> = createIdentityVerificationDriver) {
    super(options, 'portone', create, validatePortOneV2Options, PORTONE_V2_OPTIONS);
    this.set({ result: null });
  }

  /**
   * Opens the verification window; failures are results, never rejections. A setup mistake in
   * `input` (a bad id) is a `fail` result whose `error` names the fix; no window opened.
   */
  verify = (input: IdentityVerificationInput, redirect?: PortOneRedirect): Promise<IdentityVerificationResult> => {
    const id = typeof input?.identityVerificationId === 'string' ? input.identityVerificationId : '';
    let request: Promise<IdentityVerificationResult>;
    try {
      request = this.run((driver) => driver.requestIdentityVerification(input, redirect));
    } catch (error) {
      // Not ready (or an error state): `run` throws before any vendor call.
      request = Promise.reject(error);
    }
    return request.catch((error: unknown) => identityVerificationRejection(error, id)).then((result) => {
      this.set({ result });
      return result;
    });
  };

  protected override derive(facts: IdentityFacts): IdentityVerificationState {
    const { status, error, pending } = super.derive(facts) as unknown as { status: CheckoutStatus; error: CheckoutError | null; pending: boolean };
    const result = facts.result ?? null;
    return { status, error, pending, result, canVerify: status === 'ready' && result?.status !== 'success' && result?.status !== 'redirecting' };
  }
}
