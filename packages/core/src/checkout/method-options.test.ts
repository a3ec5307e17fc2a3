import { describe, expect, it } from 'vitest';
import { toIamportPayMethod } from '../iamport/iamport-request.js';
import { toPortOnePayMethod } from '../portone/portone-v2-request.js';
import type { PortOneMethod } from '../payment-methods.js';
import { checkMethodOptions, methodKey } from './method-options.js';

describe('methodKey', () => {
  it('tells wallets apart and treats a method without a wallet by its type', () => {
    expect(methodKey({ type: 'easyPay', provider: 'KAKAOPAY' })).toBe('easyPay:KAKAOPAY');
    expect(methodKey({ type: 'easyPay' })).toBe('easyPay');
    expect(methodKey({ type: 'mobile', digital: true })).toBe(methodKey({ type: 'mobile' }));
  });
});

describe('given the methods a picker should offer', () => {
  it('keeps every method the provider can request, in order, with its label', () => {
    const methods = [{ type: 'card', label: '카드' }, { type: 'easyPay', provider: 'NAVERPAY' }, { type: 'transfer' }] as const;
    const { options, error } = checkMethodOptions('portone', methods, toPortOnePayMethod);
    expect(options).toEqual(methods);
    expect(error).toBeNull();
  });

  it('drops a repeated method instead of showing two radios for one choice', () => {
    const { options } = checkMethodOptions('portone', [{ type: 'card' }, { type: 'card', label: '또 카드' }], toPortOnePayMethod);
    expect(options).toEqual([{ type: 'card' }]);
  });

  it("keeps the good methods and reports the first one the provider refuses (iamport needs the wallet named)", () => {
    const methods: PortOneMethod[] = [{ type: 'card' }, { type: 'easyPay' }, { type: 'easyPay', provider: 'KAKAOPAY' }];
    const { options, error } = checkMethodOptions('iamport', methods, toIamportPayMethod);
    expect(options).toEqual([{ type: 'card' }, { type: 'easyPay', provider: 'KAKAOPAY' }]);
    expect(error?.code).toBe('INVALID_OPTION');
    expect(error?.provider).toBe('iamport');
  });

  it('reports a typo in the list (an unknown type) rather than dropping it silently', () => {
    const { options, error } = checkMethodOptions('portone', [{ type: 'crad' } as unknown as PortOneMethod], toPortOnePayMethod);
    expect(options).toEqual([]);
    expect(error?.code).toBe('INVALID_OPTION');
  });

  it.each([[[]], [undefined], ['card']])('reports an empty or non-list value (%j) as INVALID_OPTION naming <PaymentMethods methods>', (methods) => {
    const { options, error } = checkMethodOptions('portone', methods as never, toPortOnePayMethod);
    expect(options).toEqual([]);
    expect(error?.code).toBe('INVALID_OPTION');
    expect(error?.message).toContain('<PaymentMethods methods>');
  });
});
