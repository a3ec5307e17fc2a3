// Server Components for the pages a redirect returns to. `searchParams` is request-time data, so it
// is awaited inside <Suspense>: the shell prerenders, the result streams. `<RedirectResult>` is a
// Client Component; its `confirm` is a Server Action, so the secret key never leaves the server.
import { Suspense, type ReactNode } from 'react';
import { RedirectResult } from '@kcheckout/react';
import { confirmRedirect } from './actions';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function Result({ searchParams }: { searchParams: SearchParams }) {
  return <RedirectResult search={await searchParams} confirm={confirmRedirect} />;
}

export function RedirectPage({ title, searchParams, children }: { title: string; searchParams: SearchParams; children?: ReactNode }) {
  return (
    <main>
      <h1>{title}</h1>
      <Suspense fallback={<p>결제 결과를 확인하는 중…</p>}>
        <Result searchParams={searchParams} />
      </Suspense>
      {children}
      <p>
        <a href="/">처음으로</a>
      </p>
    </main>
  );
}
