/**
 * The secrets the REST stand-ins accept. They are made up, shaped only loosely like the vendors' (a
 * real Toss secret key has 20+ random characters after `test_sk_` / `test_gsk_`; ours say FAKE), so
 * a secret scanner never mistakes them for real ones and a real key never works against the sandbox.
 */
export const sandboxSecrets = {
  /** Toss secret keys: the 결제위젯 연동 키 (`…_gsk_…`) and the API 개별 연동 키 (`…_sk_…`); both are accepted. */
  toss: { widgetSecretKey: 'test_gsk_FAKE_kcheckout_sandbox', apiSecretKey: 'test_sk_FAKE_kcheckout_sandbox' },
  /** PortOne V2 API secret (`Authorization: PortOne <apiSecret>`) and the webhook secret (`whsec_` + base64). */
  portone: {
    apiSecret: 'sandbox_portone_api_secret_FAKE_kcheckout',
    // base64 of the 32 bytes "kcheckout-sandbox-webhook-secret".
    webhookSecret: 'whsec_a2NoZWNrb3V0LXNhbmRib3gtd2ViaG9vay1zZWNyZXQ=',
  },
  /** PortOne V1 REST API key and secret (`POST /users/getToken`). */
  iamport: { impKey: 'sandbox_imp_key_FAKE', impSecret: 'sandbox_imp_secret_FAKE_kcheckout' },
} as const;
