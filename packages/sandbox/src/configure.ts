/**
 * `configureSandbox(options)`: the typed way to set `window.kcheckoutSandbox`, before or after a
 * stand-in has loaded. The stand-ins keep what is already on the object and add only what is
 * missing (`standins/shared/control.ts`), so settings made first survive the first script.
 */
import type { SandboxControl, SandboxOptions } from './types.js';

type Checks = { [K in keyof Required<SandboxOptions>]: [test: (value: unknown) => boolean, expected: string] };

const oneOf = (...values: string[]) => (value: unknown) => typeof value === 'string' && values.includes(value);
const isBoolean = (value: unknown) => typeof value === 'boolean';

const CHECKS: Checks = {
  apiBase: [(value) => typeof value === 'string' && /^https?:\/\/[^/]/.test(value), "an absolute http(s) URL such as 'http://127.0.0.1:8787' (the REST stand-ins')"],
  nextOutcome: [oneOf('approve', 'decline', 'cancel'), "'approve', 'decline' or 'cancel'"],
  nextFailure: [(value) => typeof value === 'object' && value !== null && typeof (value as { fields?: unknown }).fields === 'object', '{ fields: { code, message, … } } (see SandboxFailureScript)'],
  latencyMs: [(value) => typeof value === 'number' && Number.isFinite(value) && value >= 0, 'a number of milliseconds ≥ 0'],
  device: [oneOf('pc', 'mobile'), "'pc' or 'mobile'"],
  locale: [oneOf('ko', 'en'), "'ko' or 'en'"],
  navigate: [(value) => typeof value === 'function', 'a function (url: string) => void'],
  agreementEmitsAtRender: [isBoolean, 'true or false'],
  agreementStartsTicked: [isBoolean, 'true or false'],
  variantKeys: [(value) => Array.isArray(value) && value.every((key) => typeof key === 'string'), 'an array of strings'],
  portoneOverlap: [oneOf('refuse', 'abandon-first'), "'refuse' or 'abandon-first'"],
};

/**
 * Checks `options` and splits them into values to set and keys to clear (`undefined` clears a
 * setting, so `exactOptionalPropertyTypes` code can pass a possibly-undefined value).
 * @throws Error naming the option and what it takes.
 */
export function checkSandboxOptions(options: SandboxOptions, caller: string): { set: Record<string, unknown>; unset: string[] } {
  if (typeof options !== 'object' || options === null) throw new Error(`${caller} takes an object, e.g. { apiBase: 'http://127.0.0.1:8787', latencyMs: 0 }.`);
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    const check = (CHECKS as Record<string, Checks[keyof Checks] | undefined>)[key];
    if (!Object.prototype.hasOwnProperty.call(CHECKS, key) || !check) {
      throw new Error(`${caller}: unknown option ${JSON.stringify(key)}. It takes ${Object.keys(CHECKS).join(', ')}.`);
    }
    if (value === undefined) unset.push(key);
    else if (!check[0](value)) throw new Error(`${caller}: ${key} must be ${check[1]}, got ${typeof value === 'string' ? JSON.stringify(value) : typeof value}.`);
    else set[key] = value;
  }
  return { set, unset };
}

/**
 * Sets the sandbox's options on `window.kcheckoutSandbox`, creating the object if no stand-in has
 * loaded yet; the first stand-in then keeps them. Call it at a client module's top level or in an
 * effect, before or after `<Checkout>` mounts. `undefined` clears an option (back to its default).
 *
 * Without a `window` (server rendering, a route handler) it does nothing and returns `undefined`:
 * a page module that configures the sandbox is evaluated on the server too, and there is no sandbox
 * there to configure. The REST stand-ins are configured with `createSandboxApi` instead.
 *
 * @returns the control object in a browser (its `log` and `payments` exist once a stand-in has run).
 * @throws Error for an unknown option or a value of the wrong kind, naming what it takes.
 */
export function configureSandbox(options: SandboxOptions): Partial<SandboxControl> | undefined {
  const { set, unset } = checkSandboxOptions(options, 'configureSandbox()');
  if (typeof window === 'undefined') return undefined;
  const host = window as unknown as { kcheckoutSandbox?: Record<string, unknown> };
  const existing = host.kcheckoutSandbox;
  const control = existing && typeof existing === 'object' ? existing : {};
  for (const key of unset) delete control[key];
  Object.assign(control, set);
  host.kcheckoutSandbox = control;
  return control as Partial<SandboxControl>;
}

/**
 * The sandbox's control object (`window.kcheckoutSandbox`) once a stand-in script has run, else
 * `undefined` (also on the server). Settings made by `configureSandbox` before that do not count:
 * the object has no `log` or `payments` until a stand-in completes it.
 */
export function getSandbox(): SandboxControl | undefined {
  if (typeof window === 'undefined') return undefined;
  const control = window.kcheckoutSandbox;
  return control && Array.isArray(control.log) ? control : undefined;
}
