// The real PortOne V2 and iamport drivers against the sandbox stand-ins, scripted to answer with
// each failure and cancel shape the vendors are seen to send (research/portone.md §1.5, §3.2):
// the driver's result mapping and cancel detection must hold for every one.
import { sandboxClientKeys, sandboxScriptUrl, type SandboxFailureScript } from '@kcheckout/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIamportV1 } from './iamport/iamport-v1.js';
import { createPortOneV2 } from './portone/portone-v2.js';
import type { PaymentOrder } from './types.js';
import { sandbox } from '../../sandbox/src/test-utils/sandbox.js';
import { resetSandboxPage, useDevice } from '../../../test/sandbox-page.js';

const won = { value: 1000, currency: 'KRW' } as const;
const card = { type: 'card' } as const;
let count = 0;
const order = (extra: Partial<PaymentOrder> = {}): PaymentOrder => ({ orderId: `order-results-${++count}`, orderName: '생수 외 1건', ...extra });

async function portone() {
  const { storeId, channelKey } = sandboxClientKeys.portone;
  const driver = await createPortOneV2({ storeId, channelKey, scriptSrc: sandboxScriptUrl('portone-v2') });
  sandbox().latencyMs = 0;
  return driver;
}

async function iamport() {
  const { impCode, channelKey } = sandboxClientKeys.iamport;
  const driver = await createIamportV1({ impCode, channelKey, scriptSrc: sandboxScriptUrl('iamport-v1') });
  sandbox().latencyMs = 0;
  return driver;
}

/** The next window declines (or cancels) and answers with `script`. */
function script(outcome: 'decline' | 'cancel', nextFailure: SandboxFailureScript) {
  sandbox().nextOutcome = outcome;
  sandbox().nextFailure = nextFailure;
}

beforeEach(async () => {
  await resetSandboxPage();
  await useDevice('pc');
});
afterEach(resetSandboxPage);

describe('given PortOne V2 payment failures', () => {
  it.each<[string, 'decline' | 'cancel', Record<string, string>, 'fail' | 'cancel', string]>([
    ['PG_PROVIDER_ERROR with pgCode and pgMessage', 'decline', { code: 'PG_PROVIDER_ERROR', message: '[E005] 한도 초과', pgCode: 'E005', pgMessage: '한도 초과' }, 'fail', 'PG_PROVIDER_ERROR'],
    ['PORTONE_ERROR with no pgCode or pgMessage', 'decline', { code: 'PORTONE_ERROR', message: '결제 요청 중 오류가 발생했습니다.' }, 'fail', 'PORTONE_ERROR'],
    ['UnknownError', 'decline', { code: 'UnknownError', message: 'Unknown error' }, 'fail', 'UnknownError'],
    ['a code with no message at all', 'decline', { code: 'PG_PROVIDER_ERROR' }, 'fail', 'PG_PROVIDER_ERROR'],
    ['a server code with "사용자가 결제를 취소하였습니다."', 'cancel', { code: 'PG_PROVIDER_ERROR', message: '사용자가 결제를 취소하였습니다.' }, 'cancel', 'PG_PROVIDER_ERROR'],
    ['FAILURE_TYPE_PG with the cancel text', 'cancel', { code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' }, 'cancel', 'FAILURE_TYPE_PG'],
    ['PORTONE_ERROR with the cancel text', 'cancel', { code: 'PORTONE_ERROR', message: '사용자가 결제를 취소하였습니다.' }, 'cancel', 'PORTONE_ERROR'],
    ['USER_CANCEL', 'cancel', { code: 'USER_CANCEL', message: '결제를 취소했습니다.' }, 'cancel', 'USER_CANCEL'],
  ])('maps %s to %s', async (_shape, outcome, fields, status, code) => {
    const driver = await portone();
    script(outcome, { fields });
    const result = await driver.requestPayment(order(), won, card);
    expect(result).toMatchObject({ status, code, provider: 'portone' });
    if (result.status === 'fail' || result.status === 'cancel') expect(result.message).toBe(fields.message ?? code);
  });

  it('maps a paymentId already paid to a fail, never a success', async () => {
    const driver = await portone();
    const paid = order();
    sandbox().nextOutcome = 'approve';
    expect((await driver.requestPayment(paid, won, card)).status).toBe('success');
    expect(await driver.requestPayment(paid, won, card)).toMatchObject({ status: 'fail', code: 'PaymentAlreadyPaid' });
  });
});

describe('given PortOne V2 billing-key failures that still carry a billingKey', () => {
  const issue = { issueId: 'issue-results-1', issueName: '구독' };

  it('maps a failed issue with a billingKey to a fail, never a success', async () => {
    const driver = await portone();
    script('decline', { fields: { code: 'PG_PROVIDER_ERROR', message: '카드 인증 실패' }, withBillingKey: true });
    expect(await driver.requestIssueBillingKey(issue, card)).toMatchObject({ status: 'fail', code: 'PG_PROVIDER_ERROR' });
  });

  it('maps a cancelled issue with a billingKey to a cancel', async () => {
    const driver = await portone();
    script('cancel', { fields: { code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다.' }, withBillingKey: true });
    expect(await driver.requestIssueBillingKey(issue, card)).toMatchObject({ status: 'cancel' });
  });
});

describe('given iamport failures', () => {
  it.each<[string, 'decline' | 'cancel', SandboxFailureScript, 'fail' | 'cancel', string]>([
    ['the four-field callback with a PG’s raw code', 'decline', { bare: true, fields: { error_code: 'CD_LIMIT_EXCEEDED', error_msg: '카드 한도가 초과되었습니다.' } }, 'fail', 'CD_LIMIT_EXCEEDED'],
    ['the four-field callback with the cancel text and no "[결제포기]"', 'cancel', { bare: true, fields: { error_code: 'F1001', error_msg: '사용자가 결제를 취소하셨습니다' } }, 'cancel', 'F1001'],
    ['the four-field callback with PAY_PROCESS_CANCELED', 'cancel', { bare: true, fields: { error_code: 'PAY_PROCESS_CANCELED', error_msg: '사용자에 의해 결제가 취소되었습니다.' } }, 'cancel', 'PAY_PROCESS_CANCELED'],
    ['"사용자가 결제를 취소하였습니다." with status failed', 'cancel', { fields: { error_code: 'F400', error_msg: '사용자가 결제를 취소하였습니다.' } }, 'cancel', 'F400'],
    ['"[결제포기]"', 'cancel', { fields: { error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' } }, 'cancel', 'F400'],
  ])('maps %s to %s', async (_shape, outcome, failure, status, code) => {
    const driver = await iamport();
    script(outcome, failure);
    expect(await driver.requestPay(order(), won, card)).toMatchObject({ status, code, provider: 'iamport' });
  });

  it('refuses an order name over 40 characters before request_pay', async () => {
    const driver = await iamport();
    await expect(driver.requestPay(order({ orderName: '가'.repeat(41) }), won, card)).rejects.toMatchObject({ code: 'INVALID_OPTION', provider: 'iamport' });
    expect(sandbox().log.filter((entry) => entry.method === 'request_pay')).toHaveLength(0);
  });

  it('maps a merchant_uid already paid to a fail, never a success', async () => {
    const driver = await iamport();
    const paid = order();
    sandbox().nextOutcome = 'approve';
    expect((await driver.requestPay(paid, won, card)).status).toBe('success');
    expect(await driver.requestPay(paid, won, card)).toMatchObject({ status: 'fail', code: 'ALREADY_PAID' });
  });
});
