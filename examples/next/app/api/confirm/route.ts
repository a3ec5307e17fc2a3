// POST /api/confirm: @kcheckout/server's createConfirmHandler as a route handler. The PortOne and
// iamport checkouts post here from onSuccess; it looks the payment up at the vendor and compares it
// with the order in the store.
import { shop } from '@/lib/shop';

export async function POST(request: Request): Promise<Response> {
  const { confirm } = await shop();
  return confirm(request);
}
