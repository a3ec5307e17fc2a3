import { renderToString } from 'react-dom/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as iamport from './iamport.js';
import * as root from './index.js';
import * as portone from './portone.js';
import * as toss from './toss.js';

// Each entry binds <RedirectResult> and useRedirectResult to its own parser, the way it binds its own
// <Checkout>: the root reads every vendor, /toss only Toss, and so on. Rendered on the server, where
// the `search` prop alone decides the state.

const queries = {
  toss: '?paymentType=NORMAL&orderId=order_ssr_0001&paymentKey=tviva20240101&amount=50000',
  portone: '?paymentId=payment-39ecfa97&transactionType=PAYMENT&txId=0190e6a1-1b2c-7d3e-8f40-5a6b7c8d9e0f',
  iamport: '?imp_uid=imp_123456789012&merchant_uid=mid_123467890',
} as const;
type Vendor = keyof typeof queries;
const vendors = Object.keys(queries) as Vendor[];
const entries = { toss, portone, iamport };

function stateOf(RedirectResult: typeof root.RedirectResult, search: string): string | undefined {
  return /data-state="([a-z]+)"/.exec(renderToString(<RedirectResult search={search} confirm={() => undefined} />))?.[1];
}

describe.each(vendors)('given <RedirectResult> from @kcheckout/react/%s', (vendor) => {
  const { RedirectResult, useRedirectResult } = entries[vendor];

  it(`reads a ${vendor} success (pending until the browser checks it)`, () => {
    expect(stateOf(RedirectResult as typeof root.RedirectResult, queries[vendor])).toBe('pending');
  });

  for (const other of vendors.filter((v) => v !== vendor)) {
    it(`shows ${other}'s redirect as no payment result (idle), where the root entry reads it`, () => {
      expect(stateOf(RedirectResult as typeof root.RedirectResult, queries[other])).toBe('idle');
      expect(stateOf(root.RedirectResult, queries[other])).toBe('pending');
    });

    it(`refuses its own redirect mixed with ${other}'s keys as invalid (AMBIGUOUS_PROVIDER)`, () => {
      const html = renderToString(<RedirectResult search={`${queries[vendor]}&${queries[other].slice(1)}`} confirm={() => undefined} />);
      expect(html).toContain('data-state="invalid"');
      expect(html).toContain('data-code="AMBIGUOUS_PROVIDER"');
    });
  }

  it('gives useRedirectResult the same parser', () => {
    function Status({ search }: { search: string }) {
      const { state, result } = useRedirectResult({ search, confirm: () => undefined });
      return <p>{`${state}:${result?.provider ?? '-'}`}</p>;
    }
    for (const other of vendors) {
      expect(renderToString(<Status search={queries[other]} />)).toContain(other === vendor ? `pending:${vendor}` : 'idle:-');
    }
  });
});

describe('given the per-entry types', () => {
  it("keeps the root's props, with provider narrowed to the entry's vendor", () => {
    expectTypeOf<Omit<toss.RedirectResultProps, 'provider'>>().toEqualTypeOf<Omit<root.RedirectResultProps, 'provider'>>();
    expectTypeOf<Omit<iamport.UseRedirectResultOptions, 'provider'>>().toEqualTypeOf<Omit<root.UseRedirectResultOptions, 'provider'>>();
    expectTypeOf<toss.RedirectResultProps['provider']>().toEqualTypeOf<'toss' | undefined>();
    expectTypeOf<portone.UseRedirectResultOptions['provider']>().toEqualTypeOf<'portone' | undefined>();
    expectTypeOf<iamport.RedirectResultProps['provider']>().toEqualTypeOf<'iamport' | undefined>();
    expectTypeOf<root.RedirectResultProps['provider']>().toEqualTypeOf<root.Provider | undefined>();
  });

  it('exports each entry parser as its vendor', () => {
    expect(toss.parseTossRedirect(queries.toss)?.provider).toBe('toss');
    expect(portone.parsePortOneRedirect(queries.portone)?.provider).toBe('portone');
    expect(iamport.parseIamportRedirect(queries.iamport)?.provider).toBe('iamport');
  });
});
