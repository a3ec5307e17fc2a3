import { findElement } from '../shared/dom.js';
import { tossError } from './errors.js';

/** The element a render `selector` names; the vendor refuses a selector that matches nothing. */
export function findContainer(selector: unknown): HTMLElement {
  const element = findElement(selector);
  if (!element) {
    throw tossError('INVALID_SELECTOR', `no element matches selector ${JSON.stringify(selector)}; render after the container is in the page`);
  }
  return element;
}

/** An optional `variantKey` must be a string. The sandbox has one look, so any string is accepted. */
export function checkVariantKey(options: unknown): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object') throw tossError('INVALID_PARAMETERS', 'render options must be an object: { variantKey?: string }');
  const { variantKey } = options as { variantKey?: unknown };
  if (variantKey !== undefined && typeof variantKey !== 'string') {
    throw tossError('INVALID_PARAMETERS', `variantKey must be a string, got ${typeof variantKey}`);
  }
}
