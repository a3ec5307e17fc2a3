import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClientKeys, type SandboxPortOnePayment } from '../index.js';
import { answerWindow, loadStandin, loggedMethods, rejection, resetSandbox, sandbox, sleep, useDevice } from '../test-utils/sandbox.js';
import { portOne } from '../test-utils/vendor-types.js';

interface UIError extends Error {
  code: string;
  __portOneErrorType: string;
  transactionType: string;
}

const { storeId, channelKey } = sandboxClientKeys.portone;
const ui = (overrides: Record<string, unknown> = {}) => ({
  uiType: 'PAYPAL_SPB',
  storeId,
  channelKey,
  paymentId: 'paypal-0001',
  orderName: 'Green tea',
  totalAmount: 1250,
  currency: 'USD',
  ...overrides,
});
const without = (field: string) => {
  const copy: Record<string, unknown> = ui();
  delete copy[field];
  return copy;
};

interface Outcomes {
  successes: Array<Record<string, unknown>>;
  failures: Array<Record<string, unknown>>;
}
function callbacks(): Outcomes & { onPaymentSuccess: (r: unknown) => void; onPaymentFail: (e: unknown) => void } {
  const outcomes: Outcomes = { successes: [], failures: [] };
  return {
    ...outcomes,
    onPaymentSuccess: (response) => outcomes.successes.push(response as Record<string, unknown>),
    onPaymentFail: (error) => outcomes.failures.push(error as Record<string, unknown>),
  };
}

function uiContainer(): HTMLDivElement {
  const element = document.createElement('div');
  element.className = 'portone-ui-container';
  document.body.append(element);
  return element;
}
const payPalButton = () => document.querySelector<HTMLButtonElement>('[data-kcheckout-sandbox="paypal-buttons"] button');
const uiError = async (promise: Promise<unknown>) => (await rejection(promise)) as unknown as UIError;
const payments = () => sandbox().payments as SandboxPortOnePayment[];
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await sleep(5);
};

beforeAll(async () => {
  await loadStandin('portone-v2');
});

beforeEach(async () => {
  resetSandbox();
  await useDevice('pc');
});

describe('given PortOne.loadPaymentUI with uiType PAYPAL_SPB', () => {
  it('renders one PayPal button into the .portone-ui-container and resolves once it is shown', async () => {
    const container = uiContainer();
    await portOne().loadPaymentUI(ui(), callbacks());
    expect(container.querySelectorAll('button')).toHaveLength(1);
    expect(payPalButton()?.textContent).toBe('PayPal');
    expect(loggedMethods()).toEqual(['loadPaymentUI']);
  });

  it.each(['uiType', 'storeId', 'channelKey', 'paymentId', 'orderName', 'totalAmount', 'currency'])(
    'rejects a request without %s with a LoadPaymentUIError InvalidArgument naming it',
    async (field) => {
      uiContainer();
      const error = await uiError(portOne().loadPaymentUI(without(field), callbacks()));
      expect(error).toMatchObject({ code: 'InvalidArgument', __portOneErrorType: 'LoadPaymentUIError', transactionType: 'PAYMENT' });
      expect(error.message).toContain(field);
      expect(payPalButton()).toBeNull();
    },
  );

  it('takes only PAYPAL_SPB as uiType', async () => {
    uiContainer();
    expect(await uiError(portOne().loadPaymentUI(ui({ uiType: 'PAYPAL_RT' }), callbacks()))).toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses a totalAmount that is not a positive whole number of minor units (12.5 for 12.50 USD)', async () => {
    uiContainer();
    for (const totalAmount of [12.5, 0, -100, '1250', Number.NaN]) {
      const error = await uiError(portOne().loadPaymentUI(ui({ totalAmount }), callbacks()));
      expect(error.message).toMatch(/totalAmount/);
    }
  });

  it('refuses KRW and other currencies PayPal does not settle in, and takes CURRENCY_USD', async () => {
    uiContainer();
    expect((await uiError(portOne().loadPaymentUI(ui({ currency: 'KRW', totalAmount: 50000 }), callbacks()))).message).toMatch(/PayPal does not settle in KRW/);
    expect((await uiError(portOne().loadPaymentUI(ui({ currency: 'WON' }), callbacks()))).message).toMatch(/ISO 4217/);
    await portOne().loadPaymentUI(ui({ currency: 'CURRENCY_USD' }), callbacks());
    expect(payPalButton()).not.toBeNull();
  });

  it('refuses a server secret as storeId or channelKey', async () => {
    uiContainer();
    const secret = 'A'.repeat(64);
    expect((await uiError(portOne().loadPaymentUI(ui({ channelKey: secret }), callbacks()))).message).toMatch(/secret/);
  });

  it('needs both callbacks', async () => {
    uiContainer();
    expect(await uiError(portOne().loadPaymentUI(ui(), undefined))).toMatchObject({ code: 'InvalidArgument' });
    expect(await uiError(portOne().loadPaymentUI(ui(), { onPaymentSuccess() {} }))).toMatchObject({ code: 'InvalidArgument' });
  });

  it('needs a .portone-ui-container in the page', async () => {
    const error = await uiError(portOne().loadPaymentUI(ui(), callbacks()));
    expect(error).toMatchObject({ code: 'FailedPrecondition' });
    expect(error.message).toContain('portone-ui-container');
  });

  it('renders one UI per container: a second load into it is refused until the UI leaves the page', async () => {
    const first = uiContainer();
    await portOne().loadPaymentUI(ui(), callbacks());
    expect(await uiError(portOne().loadPaymentUI(ui(), callbacks()))).toMatchObject({ code: 'FailedPrecondition' });
    // The SDK takes the first .portone-ui-container: a second one in the page is not a way around it.
    uiContainer();
    expect(await uiError(portOne().loadPaymentUI(ui(), callbacks()))).toMatchObject({ code: 'FailedPrecondition' });
    first.remove();
    await portOne().loadPaymentUI(ui(), callbacks());
    expect(document.querySelectorAll('[data-kcheckout-sandbox="paypal-buttons"]')).toHaveLength(1);
  });

  it('renders nowhere when the container left the page while the UI loaded', async () => {
    sandbox().latencyMs = 20;
    const container = uiContainer();
    const loading = portOne().loadPaymentUI(ui(), callbacks());
    container.remove();
    await loading;
    expect(container.childElementCount).toBe(0);
    expect(payPalButton()).toBeNull();
  });
});

describe('given PortOne.updateLoadPaymentUIRequest', () => {
  it('is refused before a load has resolved, and after its UI left the page', async () => {
    sandbox().latencyMs = 20;
    const container = uiContainer();
    expect(await uiError(portOne().updateLoadPaymentUIRequest(ui()))).toMatchObject({ code: 'FailedPrecondition' });
    const loading = portOne().loadPaymentUI(ui(), callbacks());
    expect(await uiError(portOne().updateLoadPaymentUIRequest(ui()))).toMatchObject({ code: 'FailedPrecondition' });
    await loading;
    await portOne().updateLoadPaymentUIRequest(ui({ totalAmount: 1300 }));
    container.remove();
    expect(await uiError(portOne().updateLoadPaymentUIRequest(ui()))).toMatchObject({ code: 'FailedPrecondition' });
  });

  it('checks the request by the same rules as the load', async () => {
    uiContainer();
    await portOne().loadPaymentUI(ui(), callbacks());
    expect(await uiError(portOne().updateLoadPaymentUIRequest(ui({ totalAmount: 12.99 })))).toMatchObject({ code: 'InvalidArgument' });
    expect(await uiError(portOne().updateLoadPaymentUIRequest(ui({ currency: 'KRW' })))).toMatchObject({ code: 'InvalidArgument' });
  });

  it('changes what the button charges without rendering it again', async () => {
    uiContainer();
    await portOne().loadPaymentUI(ui(), callbacks());
    const button = payPalButton();
    await portOne().updateLoadPaymentUIRequest(ui({ totalAmount: 4999 }));
    expect(payPalButton()).toBe(button);
    sandbox().nextOutcome = 'approve';
    button!.click();
    await until(() => payments().length === 1);
    expect(payments()[0]).toMatchObject({ amount: 4999, currency: 'USD', method: 'PAYPAL', paymentId: 'paypal-0001', status: 'approved' });
  });
});

describe('given the buyer presses the PayPal button', () => {
  it('calls onPaymentSuccess with the PaymentResponse when PayPal approves', async () => {
    uiContainer();
    const outcome = callbacks();
    await portOne().loadPaymentUI(ui(), outcome);
    payPalButton()!.click();
    await answerWindow('approve');
    await until(() => outcome.successes.length === 1);
    expect(outcome.successes[0]).toMatchObject({ transactionType: 'PAYMENT', paymentId: 'paypal-0001', txId: expect.any(String) });
    expect(outcome.failures).toEqual([]);
  });

  it('calls onPaymentFail with a PaymentError for a decline and for a cancel', async () => {
    uiContainer();
    const outcome = callbacks();
    await portOne().loadPaymentUI(ui(), outcome);
    payPalButton()!.click();
    await answerWindow('decline');
    await until(() => outcome.failures.length === 1);
    payPalButton()!.click();
    await answerWindow('cancel');
    await until(() => outcome.failures.length === 2);
    expect(outcome.failures[0]).toMatchObject({ __portOneErrorType: 'PaymentError', code: 'FAILURE_TYPE_PG', pgCode: 'SANDBOX_DECLINED', paymentId: 'paypal-0001' });
    expect(outcome.failures[1]).toMatchObject({ __portOneErrorType: 'PaymentError', code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' });
    expect(outcome.failures[1]).toBeInstanceOf(Error);
    expect(outcome.successes).toEqual([]);
  });

  it('refuses a paymentId that is already paid, without a window', async () => {
    uiContainer();
    const outcome = callbacks();
    await portOne().loadPaymentUI(ui(), outcome);
    sandbox().nextOutcome = 'approve';
    payPalButton()!.click();
    await until(() => outcome.successes.length === 1);
    payPalButton()!.click();
    await until(() => outcome.failures.length === 1);
    expect(outcome.failures[0]).toMatchObject({ code: 'PaymentAlreadyPaid' });
    expect(payments()).toHaveLength(1);
  });

  it('refuses a second window while one PortOne window is open', async () => {
    uiContainer();
    const outcome = callbacks();
    await portOne().loadPaymentUI(ui(), outcome);
    payPalButton()!.click();
    payPalButton()!.click();
    await until(() => outcome.failures.length === 1);
    expect(outcome.failures[0]).toMatchObject({ code: 'FailedPrecondition' });
    await answerWindow('approve');
    await until(() => outcome.successes.length === 1);
  });
});
