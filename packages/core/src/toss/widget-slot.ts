import type { RenderedWidget } from './toss-widget-driver.js';
import type { Money } from '../validation.js';

// Where a Toss checkout keeps its rendered widgets, and the page-wide rule about them: Toss allows
// one payment-methods UI and one agreement UI per page, so a checkout that unmounts while another
// mounts (a route change, a key change) must finish destroying before the next renders.

/** A rendered widget and the container it was rendered into. */
export interface Slot {
  element: HTMLElement;
  widget: RenderedWidget;
}

const teardowns = new Set<Promise<unknown>>();

/** Resolves when every widget being destroyed on this page is gone. */
export function pageTeardowns(): Promise<unknown> {
  return Promise.all(teardowns);
}

/** Destroys a widget, and holds back every render on the page until it is gone. */
export async function destroyWidget(widget: RenderedWidget): Promise<void> {
  const destroyed = widget.destroy().catch(() => {
    // A widget the vendor already removed cannot be destroyed twice; nothing is left to free.
  });
  teardowns.add(destroyed);
  await destroyed;
  teardowns.delete(destroyed);
}

export function sameMoney(a: Money | null, b: Money): boolean {
  return a !== null && a.value === b.value && a.currency === b.currency;
}

let nextContainerId = 0;

/** Toss takes CSS selectors, not elements; give the container an id when it has none. */
export function selectorFor(element: HTMLElement): string {
  if (!element.id) element.id = `kcheckout-widget-${++nextContainerId}`;
  const escape = globalThis.CSS?.escape ?? ((value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`));
  return `#${escape(element.id)}`;
}
