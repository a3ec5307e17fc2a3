// A Server Component with nothing dynamic: prerendered at build time.
export default function Home() {
  return (
    <main>
      <h1>kcheckout × Next.js App Router</h1>
      <p>세 결제 서비스의 결제 화면입니다. 주문과 금액은 서버가 만들고, 승인도 서버가 합니다.</p>
      <ul>
        <li><a href="/toss">토스페이먼츠 결제위젯 v2</a>: 리디렉트 뒤 결과 페이지의 Server Action이 승인</li>
        <li><a href="/portone">포트원 V2</a>: 결제창의 결과를 route handler(<code>/api/confirm</code>)가 조회·확인</li>
        <li><a href="/iamport">포트원 V1 (아임포트)</a>: 같은 route handler</li>
      </ul>
    </main>
  );
}
