// Toss's failUrl: the same result view; the query says declined or cancelled, and nothing is confirmed.
import { RedirectPage, type SearchParams } from '../../redirect-page';

export default function TossFailPage({ searchParams }: { searchParams: SearchParams }) {
  return <RedirectPage title="결제하지 못했습니다" searchParams={searchParams} />;
}
