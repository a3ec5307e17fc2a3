import { describe, expect, it } from 'vitest';
import { randomDigits, randomToken, randomUuid } from './random.js';

describe('given randomToken', () => {
  it('gives the prefix and exactly the requested number of base62 characters, different each time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => randomToken('tsbx', 24)));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^tsbx[0-9A-Za-z]{24}$/);
  });
});

describe('given randomDigits', () => {
  it('gives exactly the requested number of decimal digits, different each time', () => {
    const values = new Set(Array.from({ length: 200 }, () => randomDigits(12)));
    expect(values.size).toBe(200);
    for (const value of values) expect(value).toMatch(/^[0-9]{12}$/);
  });
});

describe('given randomUuid', () => {
  it('gives version-4 UUIDs, different each time', () => {
    const values = new Set(Array.from({ length: 200 }, () => randomUuid()));
    expect(values.size).toBe(200);
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
