// A script URL that never finishes loading, for the stories that show a checkout still loading
// (a slow phone network). Storybook's dev server and the e2e static server both mount it.

export const STALLED_SCRIPT_PATH = '/__kcheckout/stalled-sdk.js';

/** Connect-style middleware: answers the headers, then holds the body until the browser gives up. */
export function stalledScript(req, res, next) {
  if (!req.url || new URL(req.url, 'http://localhost').pathname !== STALLED_SCRIPT_PATH) {
    next?.();
    return false;
  }
  res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
  res.write('// kcheckout: this script never finishes loading\n');
  req.on('close', () => res.end());
  return true;
}
