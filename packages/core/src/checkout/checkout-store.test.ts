import { afterEach, describe, expect, it, vi } from 'vitest';
import { diffOptions, type OptionsTable } from './checkout-store.js';
import { TOSS_CHECKOUT_OPTIONS } from '../toss/toss-checkout-options.js';
import { PORTONE_V2_OPTIONS } from '../portone/portone-v2.js';
import { IAMPORT_V1_OPTIONS } from '../iamport/iamport-v1.js';

interface Options {
  key: string;
  amount: number;
  nonce?: string;
}
const table: OptionsTable<Options> = { key: 'remount', amount: 'live', nonce: 'fixed' };
const base: Options = { key: 'a', amount: 1000, nonce: 'n1' };

afterEach(() => vi.restoreAllMocks());

describe('given the options table', () => {
  it('reports no change for a new object with the same values (options are rebuilt on every render)', () => {
    expect(diffOptions(table, base, { ...base })).toBeNull();
  });

  it('counts an amount of NaN as unchanged, so an invalid amount does not loop', () => {
    expect(diffOptions(table, { ...base, amount: Number.NaN }, { ...base, amount: Number.NaN })).toBeNull();
  });

  it('says live for a live key and remount for a remount key, and remount wins when both change', () => {
    expect(diffOptions(table, base, { ...base, amount: 2000 })).toBe('live');
    expect(diffOptions(table, base, { ...base, key: 'b' })).toBe('remount');
    expect(diffOptions(table, base, { ...base, amount: 2000, key: 'b' })).toBe('remount');
  });

  it('warns once in development for a changed fixed key, naming it, and does not remount for it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(diffOptions(table, base, { ...base, nonce: 'n2' })).toBe('live');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('"nonce"');
    diffOptions(table, base, { ...base, amount: 5 });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('without a table, remounts for any key that changed, known or not (the old whole-object compare)', () => {
    expect(diffOptions<Record<string, unknown>>(null, { a: 1 }, { a: 1 })).toBeNull();
    expect(diffOptions<Record<string, unknown>>(null, { a: 1 }, { a: 1, b: 2 })).toBe('remount');
  });

  it("classifies each vendor's keys: ids and script remount, the amount is live, load settings are fixed", () => {
    expect(TOSS_CHECKOUT_OPTIONS).toMatchObject({ clientKey: 'remount', customerKey: 'remount', sdk: 'remount', amount: 'live', variantKey: 'fixed', nonce: 'fixed' });
    expect(PORTONE_V2_OPTIONS).toMatchObject({ storeId: 'remount', channelKey: 'remount', nonce: 'fixed', timeoutMs: 'fixed' });
    expect(IAMPORT_V1_OPTIONS).toMatchObject({ impCode: 'remount', channelKey: 'remount', pg: 'remount', retries: 'fixed' });
  });
});
