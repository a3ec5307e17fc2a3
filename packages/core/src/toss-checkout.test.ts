import { describe, expect, it } from 'vitest';
import { TossCheckout, type TossCheckoutOptions } from './toss-checkout.js';
import { createTossWidgetV1, tossV1 } from './index.js';

const base: TossCheckoutOptions = { clientKey: 'test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm', customerKey: 'buyer_1', amount: 50000 };

describe('given the SDK generation a Toss checkout is asked for', () => {
  it("refuses sdk: 'v1' with INVALID_OPTION, and the message says to pass sdk={tossV1} and where it comes from", () => {
    const { error } = new TossCheckout({ ...base, sdk: 'v1' }).getState();
    expect(error?.code).toBe('INVALID_OPTION');
    expect(error?.message).toContain('sdk={tossV1}');
    expect(error?.message).toContain("'@kcheckout/react/toss'");
  });

  it('accepts the v1 driver passed in (tossV1, the same function as createTossWidgetV1), v2 by name, and no sdk at all', () => {
    expect(tossV1).toBe(createTossWidgetV1);
    for (const sdk of [tossV1, 'v2', undefined] as const) {
      expect(new TossCheckout({ ...base, sdk }).getState().error).toBeNull();
    }
  });

  it('refuses anything else with INVALID_OPTION', () => {
    expect(new TossCheckout({ ...base, sdk: 'v3' as 'v2' }).getState().error?.code).toBe('INVALID_OPTION');
  });
});
