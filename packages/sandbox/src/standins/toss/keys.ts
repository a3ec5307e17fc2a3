import { tossError } from './errors.js';

const SECRET_PREFIXES = ['test_sk_', 'live_sk_', 'test_gsk_', 'live_gsk_'];
const CUSTOMER_KEY = /^[A-Za-z0-9\-_=.@]{2,50}$/;

export const ANONYMOUS = '@@ANONYMOUS';

function isSecretKey(value: string): boolean {
  return SECRET_PREFIXES.some((prefix) => value.startsWith(prefix));
}

/**
 * The constructor's check. Secret keys are refused outright (they must never reach a browser), and
 * so is every live key: the sandbox is never a place for real credentials. Test widget keys
 * (`test_gck_`) and test API-individual keys (`test_ck_`) pass; the product methods check the kind.
 */
export function checkClientKey(clientKey: unknown): asserts clientKey is string {
  if (typeof clientKey !== 'string' || clientKey === '') {
    throw tossError('INVALID_CLIENT_KEY', 'pass your client key as a string, e.g. test_gck_…');
  }
  if (isSecretKey(clientKey)) {
    throw tossError(
      'INVALID_CLIENT_KEY',
      'this is a secret key, which must never be in browser code: use the client key test_gck_… here, keep the secret key on your server and rotate it if it was published',
      '시크릿 키는 브라우저 코드에 넣으면 안 됩니다. 클라이언트 키를 사용하세요.',
    );
  }
  if (clientKey.startsWith('live_')) {
    throw tossError(
      'INVALID_CLIENT_KEY',
      'the kcheckout sandbox never handles live keys: use a test key (test_gck_…) with the sandbox, or load the real Toss SDK',
      '샌드박스에서는 라이브 키를 사용할 수 없습니다. 테스트 키를 사용하세요.',
    );
  }
  if (!/^test_g?ck_\S+$/.test(clientKey)) {
    throw tossError('INVALID_CLIENT_KEY', 'expected a test client key such as test_gck_… (widget) or test_ck_… (API individual)');
  }
}

/** `widgets()` / `PaymentWidget()` need a 결제위젯 연동 키; an API-individual key is for `payment()` / `brandpay()`. */
export function checkWidgetKey(clientKey: string): void {
  if (clientKey.startsWith('test_ck_')) {
    throw tossError(
      'NOT_SUPPORTED_API_INDIVIDUAL_KEY',
      'the payment widget needs a widget client key (test_gck_…), not an API individual key (test_ck_…)',
    );
  }
}

/** 2–50 of `A–Z a–z 0–9 - _ = . @`, or `@@ANONYMOUS`; a secret key here would leak it. */
export function checkCustomerKey(customerKey: unknown): void {
  if (typeof customerKey === 'string' && isSecretKey(customerKey)) {
    throw tossError('INSECURE_KEY_USAGE', 'a secret key was passed as customerKey: never put it in browser code; use a random id per buyer');
  }
  if (customerKey === ANONYMOUS) return;
  if (typeof customerKey !== 'string' || !CUSTOMER_KEY.test(customerKey)) {
    throw tossError('INVALID_CUSTOMER_KEY', `use 2–50 of A–Z a–z 0–9 - _ = . @, or ANONYMOUS ('${ANONYMOUS}') for guests`);
  }
}
