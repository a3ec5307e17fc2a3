import { describe, expect, it } from 'vitest';
import { Transactions } from './transactions.js';

describe('given the per-instance transaction rule', () => {
  it('blocks a method while its own previous call runs, but lets other methods overlap', () => {
    const transactions = new Transactions();
    const end = transactions.begin('renderPaymentMethods');
    expect(transactions.blocker('renderPaymentMethods')).toBe('renderPaymentMethods');
    expect(transactions.blocker('renderAgreement')).toBeNull();
    end();
    expect(transactions.blocker('renderPaymentMethods')).toBeNull();
  });

  it('runs a payment request alone, in both directions', () => {
    const transactions = new Transactions();
    const endRender = transactions.begin('renderAgreement');
    expect(transactions.blocker('requestPayment', { exclusive: true })).toBe('renderAgreement');
    endRender();
    const endPayment = transactions.begin('requestPayment', { exclusive: true });
    expect(transactions.blocker('setAmount')).toBe('requestPayment');
    expect(transactions.busy).toBe(true);
    endPayment();
    endPayment();
    expect(transactions.busy).toBe(false);
  });
});
