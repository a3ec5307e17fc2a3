import { describe, expect, it } from 'vitest';
import { randomToken } from './random.js';

describe('given randomToken', () => {
  it('gives the prefix and exactly the requested number of base62 characters, different each time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => randomToken('tsbx', 24)));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^tsbx[0-9A-Za-z]{24}$/);
  });
});
