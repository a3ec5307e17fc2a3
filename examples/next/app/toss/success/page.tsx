// Toss's successUrl: a Server Component (see ../../redirect-page.tsx).
import { RedirectPage, type SearchParams } from '../../redirect-page';

export default function TossSuccessPage({ searchParams }: { searchParams: SearchParams }) {
  return <RedirectPage title="결제 결과" searchParams={searchParams} />;
}
