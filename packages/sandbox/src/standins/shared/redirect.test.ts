import { describe, expect, it } from 'vitest';
import { isAbsoluteHttpUrl, withQuery } from './redirect.js';

describe('given withQuery', () => {
  it("appends after the merchant's own parameters and keeps the hash", () => {
    expect(withQuery('https://shop.test/fail?cart=7#top', { code: 'X', orderId: 'o_123456' })).toBe(
      'https://shop.test/fail?cart=7&code=X&orderId=o_123456#top',
    );
  });

  it("leaves the merchant's encoding alone and encodes ours like the vendor (%20, not +)", () => {
    expect(withQuery('https://shop.test/fail?q=a+b%2Fc', { message: '결제 취소' })).toBe(
      'https://shop.test/fail?q=a+b%2Fc&message=%EA%B2%B0%EC%A0%9C%20%EC%B7%A8%EC%86%8C',
    );
  });

  it('copes with no query, an empty query and a trailing &', () => {
    expect(withQuery('https://shop.test/ok', { a: '1' })).toBe('https://shop.test/ok?a=1');
    expect(withQuery('https://shop.test/ok?', { a: '1' })).toBe('https://shop.test/ok?a=1');
    expect(withQuery('https://shop.test/ok?x=1&', { a: '1' })).toBe('https://shop.test/ok?x=1&a=1');
  });
});

describe('given isAbsoluteHttpUrl', () => {
  it('accepts only absolute http and https URLs', () => {
    expect(isAbsoluteHttpUrl('https://shop.test/success')).toBe(true);
    expect(isAbsoluteHttpUrl('http://localhost:3000/success')).toBe(true);
    for (const bad of ['/success', 'shop.test/success', 'javascript:alert(1)', 'ftp://shop.test', '', null, 42]) {
      expect(isAbsoluteHttpUrl(bad)).toBe(false);
    }
  });
});
