import { tossError } from './errors.js';

/**
 * Checks an `on(eventName, callback)` call. `fired` names the events the sandbox emits; `accepted`
 * ones are valid for the vendor but never happen here (Pro-plan custom methods). Anything else is
 * refused as the vendor does (`INVALID_PARAMETER`, "허용하지 않는 이벤트입니다").
 */
export function checkListener(
  eventName: unknown,
  callback: unknown,
  fired: readonly string[],
  accepted: readonly string[] = [],
): asserts callback is (...args: never[]) => unknown {
  if (typeof eventName !== 'string' || (!fired.includes(eventName) && !accepted.includes(eventName))) {
    throw tossError('INVALID_PARAMETER', `unknown event ${JSON.stringify(eventName)}; this widget emits ${fired.map((name) => `'${name}'`).join(', ')}`);
  }
  if (typeof callback !== 'function') {
    throw tossError('INVALID_PARAMETER', 'the second argument of on() must be a function', '콜백 함수가 올바르지 않습니다.');
  }
}

/** Pro-plan custom payment-method events: valid names, never emitted by the sandbox. */
export const CUSTOM_METHOD_EVENTS = ['customRequest', 'customPaymentMethodSelect', 'customPaymentMethodUnselect'] as const;
