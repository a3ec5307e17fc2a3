// PortOne's redirectUrl and iamport's m_redirect_url, used where the vendor leaves the page (phones).
import { RedirectPage, type SearchParams } from '../../redirect-page';

export default function PaymentResultPage({ searchParams }: { searchParams: SearchParams }) {
  return <RedirectPage title="결제 결과" searchParams={searchParams} />;
}
