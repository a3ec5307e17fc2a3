import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@kcheckout/react/styles.css';
import './globals.css';
import { SandboxSetup } from './sandbox-setup';

export const metadata: Metadata = { title: 'kcheckout × Next.js', description: 'kcheckout on the Next.js App Router, offline on the sandbox' };

// A Server Component: the shell every page shares. No checkout code runs here; <SandboxSetup> is the
// one client line that puts the payment windows on this app's sandbox route.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body>
        <header>
          <a href="/">kcheckout × Next.js</a>
          <nav aria-label="결제 예제">
            <a href="/toss">토스페이먼츠</a> <a href="/portone">포트원 V2</a> <a href="/iamport">아임포트 V1</a>
          </nav>
        </header>
        <SandboxSetup />
        {children}
        <footer>오프라인 샌드박스: 결제창에서 승인·거절·취소를 고를 수 있고, 실제 돈은 움직이지 않습니다.</footer>
      </body>
    </html>
  );
}
