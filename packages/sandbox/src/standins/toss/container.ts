import { findElement } from '../shared/dom.js';
import { ALLOWED, checkAllowed, checkVariantKeyKnown } from './allow-lists.js';
import { tossError } from './errors.js';

/** The element a render `selector` names; the vendor refuses a selector that matches nothing. */
export function findContainer(selector: unknown): HTMLElement {
  const element = findElement(selector);
  if (!element) {
    throw tossError('INVALID_SELECTOR', `no element matches selector ${JSON.stringify(selector)}; render after the container is in the page`);
  }
  return element;
}

/**
 * Render options: only the keys `which` defines, and a `variantKey` the console knows (the sandbox
 * has one look whichever it is).
 */
export function checkVariantKey(options: unknown, which: keyof typeof ALLOWED = 'v1.renderOptions'): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object') throw tossError('INVALID_PARAMETERS', 'render options must be an object: { variantKey?: string }');
  checkAllowed(which, options);
  checkVariantKeyKnown((options as { variantKey?: unknown }).variantKey);
}
