/**
 * Browser-side ids the stand-ins accept, shaped like the real ones so a library's own checks pass:
 * - `toss`: a 결제위젯 연동 키 (test widget client key, `test_gck_…`);
 * - `tossApi`: an API 개별 연동 키 (`test_ck_…`), for the payment window (`payment()`);
 * - `portone`: a V2 store id (`store-<uuid>`) and channel key (`channel-key-<uuid>`);
 * - `iamport`: a V1 가맹점 식별코드 (`imp` + digits) and a channel key.
 * The PortOne stand-ins accept any well-formed ids; these are simply ready-made ones.
 */
export const sandboxClientKeys = {
  toss: 'test_gck_kcheckout_sandbox',
  tossApi: 'test_ck_kcheckout_sandbox',
  portone: {
    storeId: 'store-6b636865-636b-4f75-8000-73616e64626f',
    channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f',
  },
  iamport: {
    impCode: 'imp00000000',
    channelKey: 'channel-key-6b636865-636b-4f75-8000-73616e64626f',
  },
} as const;
