import type { PortOneMethod } from '@kcheckout/core';

// Kept apart from the picker (a Client Component) so that a Server Component or a route handler can
// read the list as data: under React's `react-server` build, a 'use client' module's exports are
// client references, not values (https://react.dev/reference/rsc/use-client).

/** A method the picker offers, optionally with your own label. */
export type MethodOption = PortOneMethod & { label?: string };

const COMMON_METHODS: readonly MethodOption[] = [
  { type: 'card' },
  { type: 'easyPay', provider: 'KAKAOPAY' },
  { type: 'easyPay', provider: 'NAVERPAY' },
  { type: 'easyPay', provider: 'TOSSPAY' },
  { type: 'transfer' },
  { type: 'virtualAccount' },
  { type: 'mobile' },
];

/** What PortOne and iamport shops offer most often; every PG contract supports a different subset. */
export const DEFAULT_METHODS: Record<'portone' | 'iamport', readonly MethodOption[]> = {
  portone: COMMON_METHODS,
  // V1 needs `digital` on phone payments; physical goods are the common case. Pass your own list
  // with `{ type: 'mobile', digital: true }` for digital content.
  iamport: COMMON_METHODS.map((method) => (method.type === 'mobile' ? { type: 'mobile', digital: false } : method)),
};
