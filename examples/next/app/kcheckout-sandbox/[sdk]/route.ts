// GET /kcheckout-sandbox/<sdk>.js: the sandbox's stand-in for a vendor SDK script (lib/sandbox.ts).
import { sandboxScriptResponse } from '@/lib/sandbox';

export async function GET(_request: Request, { params }: { params: Promise<{ sdk: string }> }): Promise<Response> {
  return sandboxScriptResponse((await params).sdk);
}
