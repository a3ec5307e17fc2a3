import type { SandboxDevice } from '../../types.js';
import { control } from './control.js';

// Phones and tablets by user agent, as PortOne's SDK decides between its `windowType.pc` and
// `windowType.mobile` (developers.portone.io); the width of the window plays no part, so a
// narrow desktop browser is still a PC. Which tokens the vendors match exactly is not published
// (README, "Assumed, not documented").
const MOBILE_USER_AGENT = /Android|iPhone|iPad|iPod|Mobile|Tablet/i;

/** The device a user agent names. An iPad asking for desktop sites reports a Mac, and counts as a PC (README). */
export function deviceFromUserAgent(userAgent: string): SandboxDevice {
  return MOBILE_USER_AGENT.test(userAgent) ? 'mobile' : 'pc';
}

/** The device every stand-in acts for: `kcheckoutSandbox.device` when set, else the user agent's. */
export function currentDevice(): SandboxDevice {
  const chosen = control().device;
  if (chosen === 'pc' || chosen === 'mobile') return chosen;
  return deviceFromUserAgent(navigator.userAgent);
}

/** Whether the stand-ins act as on a phone or tablet. */
export const isMobileDevice = (): boolean => currentDevice() === 'mobile';
