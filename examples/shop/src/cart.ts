import { useSyncExternalStore } from 'react';
import { type CartLine, MAX_QUANTITY } from '../shared/catalog.js';

// The cart lives in the browser until the buyer orders; the server prices it then.

const KEY = 'shop.cart';
const listeners = new Set<() => void>();
let cached: { text: string | null; lines: CartLine[] } = { text: null, lines: [] };

function read(): CartLine[] {
  const text = localStorage.getItem(KEY);
  if (text !== cached.text) {
    let lines: CartLine[] = [];
    try {
      const parsed: unknown = JSON.parse(text ?? '[]');
      if (Array.isArray(parsed)) lines = parsed.filter((line) => typeof line?.sku === 'string' && Number.isInteger(line?.quantity));
    } catch {
      // an edited value: start over
    }
    cached = { text, lines };
  }
  return cached.lines;
}

function write(lines: CartLine[]): void {
  localStorage.setItem(KEY, JSON.stringify(lines.filter((line) => line.quantity > 0)));
  listeners.forEach((listener) => listener());
}

export const cart = {
  add(sku: string) {
    const lines = read();
    const line = lines.find((candidate) => candidate.sku === sku);
    write(line ? lines.map((l) => (l === line ? { sku, quantity: Math.min(MAX_QUANTITY, l.quantity + 1) } : l)) : [...lines, { sku, quantity: 1 }]);
  },
  remove(sku: string) {
    write(read().map((line) => (line.sku === sku ? { sku, quantity: line.quantity - 1 } : line)));
  },
  clear() {
    write([]);
  },
};

export function useCart(): CartLine[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => event.key === KEY && listener();
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
    read,
  );
}
