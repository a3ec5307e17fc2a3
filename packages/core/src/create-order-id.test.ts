import { describe, expect, it } from 'vitest';
import { createOrderId } from './create-order-id.js';
import { validateOrderId } from './validation.js';

const SAMPLES = 1000;
const sample = (prefix?: string) => Array.from({ length: SAMPLES }, () => createOrderId(prefix));

describe('given no prefix', () => {
  it(`makes ids that every vendor accepts (${SAMPLES} samples pass validateOrderId)`, () => {
    for (const id of sample()) expect(validateOrderId(id)).toBe(id);
  });

  it('starts each id with "order_" followed by 20 random letters and digits', () => {
    for (const id of sample()) expect(id).toMatch(/^order_[A-Za-z0-9]{20}$/);
  });

  it(`never repeats an id across ${SAMPLES} samples`, () => {
    expect(new Set(sample()).size).toBe(SAMPLES);
  });

  it('differs in its random part, not only somewhere', () => {
    const tails = new Set(sample().map((id) => id.slice(-20)));
    expect(tails.size).toBe(SAMPLES);
  });
});

describe('given a custom prefix', () => {
  it('keeps a legal prefix as is, joined by an underscore', () => {
    const id = createOrderId('shop-42');
    expect(id).toMatch(/^shop-42_[A-Za-z0-9]{20}$/);
    expect(validateOrderId(id)).toBe(id);
  });

  it('removes characters vendors refuse from the prefix, so the id still validates', () => {
    for (const id of sample('my shop/주문#1.2')) {
      expect(id).toMatch(/^myshop12_[A-Za-z0-9]{20}$/);
      expect(validateOrderId(id)).toBe(id);
    }
  });

  it('shortens a long prefix so the id stays within 64 characters', () => {
    const id = createOrderId('p'.repeat(200));
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id.startsWith('p'.repeat(40))).toBe(true);
    expect(validateOrderId(id)).toBe(id);
  });

  it('uses the random part alone for an empty prefix, still a valid id', () => {
    const id = createOrderId('');
    expect(id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(validateOrderId(id)).toBe(id);
  });

  it('uses the random part alone when every prefix character is illegal, with no leading underscore', () => {
    const id = createOrderId('주문 #');
    expect(id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(validateOrderId(id)).toBe(id);
  });

  it(`never repeats an id with the same prefix across ${SAMPLES} samples`, () => {
    expect(new Set(sample('cart')).size).toBe(SAMPLES);
  });
});
