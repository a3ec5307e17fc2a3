// /kcheckout-sandbox/api/*: the sandbox's REST stand-ins, where the payment windows record their
// payments (lib/sandbox.ts).
import { sandboxApiResponse } from '@/lib/sandbox';

type Context = { params: Promise<{ path: string[] }> };
const handle = async (request: Request, { params }: Context) => sandboxApiResponse(request, (await params).path);

export const GET = handle;
export const POST = handle;
