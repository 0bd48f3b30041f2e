// Token-request examples as the vendors' docs (../shared/providers/*.txt) and textbook OAuth2 print
// them, for the "from example" tests: each pasted as is, with the values a user would then type.
// Where a doc prints no complete request (Lengow shows only `POST /access/get_token` and names its
// fields in prose; the generic OAuth2 doc gives tables), the example is written from the doc's words.

export interface VendorExample {
  id: string;
  example: string;
  sampleResponse?: string;
}

export const LEMONWAY_DOC_KEY = 'da012c0f-b1a7-4f86-8279-3cd69b9185e2';

export const lemonway: VendorExample = {
  id: 'lemonway',
  example: `curl -X POST "https://sandbox-api.lemonway.fr/oauth/api/v1/oauth/token" -H "accept: application/json;charset=UTF-8" -H "Authorization: basic ${LEMONWAY_DOC_KEY}" -H "Content-Type: application/x-www-form-urlencoded" -d "Grant_type=client_credentials"`,
  sampleResponse: `{
  "token_Type": "Bearer",
  "access_token": "e0cbc05f-8379-410f-9bx2x-68c94f1536e2",
  "expires_in": 7776000
}`,
};

export const liveDataServiceAccount: VendorExample = {
  id: 'livedata-service-account',
  example: `curl -X 'POST' \\
'https://gotlivedata.io/api/identity/v1/session' \\
-H 'accept: application/json' \\
-H 'Content-Type: application/json' \\
-d '{
"grantType": "clientCredentials",
"clientId": "<your service account/client id>",
"clientSecret": "<your client secret>"
}'`,
  sampleResponse: '{"accessToken": "eyJ0eXAiOiJKV1Qi.eyJ0eXAiOiJKV1Qi.4K20wYgWlrQ9y58-nBJU8", "expiresAt": "2021-11-19T23:36:09.092720"}',
};

export const liveDataUser: VendorExample = {
  id: 'livedata-user',
  example: `curl -X POST https://gotlivedata.io/api/identity/v1/session \\
-d "username=<username>&password=<password>"`,
  // The doc describes this answer in words: "an access_token field in the body, along with the expiration time".
  sampleResponse: '{"access_token": "eyJ0eXAiOiJKV1Qi.eyJ0eXAiOiJKV1Qi.4K20wYgWlrQ9y58-nBJU8", "expiresAt": "2021-11-19T23:36:09.092720"}',
};

export const liveDataPython: VendorExample = {
  id: 'livedata-python',
  example: `import requests
import time
LOGIN_URL = "https://gotlivedata.io/api/identity/v1/session"
class LiveDataServiceAccount:
    def __init__(self, client_id: str, client_secret: str) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self._access_token = None
    def login(self) -> str:
        self._is_logging_in = True
        payload = {
            "clientId": self.client_id,
            "clientSecret": self.client_secret,
            "grantType": "clientCredentials"
        }
        resp = requests.post(url=LOGIN_URL, json=payload)
        if resp.status_code != 200:
            raise Exception("Login failed")
        body = resp.json()
        self._access_token = body.get("accessToken")`,
  sampleResponse: liveDataServiceAccount.sampleResponse,
};

export const landax: VendorExample = {
  id: 'landax',
  example: `POST /authenticate/token?grant_type=password HTTP/1.1
Host: company.landax.no
Content-Type: application/json
Content-Length: ###

{
  "client_id": "application key",
  "client_secret": "client key",
  "username": "username",
  "password": "password"
}

will lead to the following response.

HTTP/1.1 200 OK
Content-Type: application/json
..headers..

{ "access_token": "string", "expires_in": 123, "token_type": "string", "scope": "api", "refresh_token": "string" }`,
};

export const lengow: VendorExample = {
  id: 'lengow',
  example: `POST /access/get_token HTTP/1.1
Host: api.lengow.io
Content-Type: application/x-www-form-urlencoded

access_token=<access token>&secret=<secret>`,
  sampleResponse: `{
"token": "1895caa9-94d3-4ff6-ac9a-5b74a0e5a1b7",
"account_id": 1
}
Each token has a lifetime of 3600 seconds.
Please do not request a new token for each request to the Lengow API! Not doing so will lead to an IP ban when request limits are exceeded.`,
};

export const oauth2ClientCredentials: VendorExample = {
  id: 'oauth2-client-credentials',
  example: `curl -X POST https://api.example.com/oauth/v2/token \\
  -H "Authorization: Basic <base64 encoded client_id:client_secret>" \\
  -H "Content-Type: application/x-www-form-urlencoded" \\
  -d grant_type=client_credentials`,
  sampleResponse: `{
    "token_type": "Bearer",
    "expires_in": 3600,
    "access_token": "NgXCXRKc...Mz0Yjw="
}`,
};

/** RFC 6749 section 4.4.2, verbatim: its Basic value is `s6BhdRkqt3:gX1fBat3bV`. */
export const rfc6749ClientCredentials: VendorExample = {
  id: 'rfc6749-client-credentials',
  example: `POST /token HTTP/1.1
Host: server.example.com
Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials`,
  sampleResponse: `HTTP/1.1 200 OK
Content-Type: application/json;charset=UTF-8
Cache-Control: no-store
Pragma: no-cache

{
  "access_token":"2YotnFZFEjr1zCsicMWpAA",
  "token_type":"example",
  "expires_in":3600,
  "example_parameter":"example_value"
}`,
};

/** RFC 6749 section 4.3.2 (password grant), verbatim. */
export const rfc6749Password: VendorExample = {
  id: 'rfc6749-password',
  example: `POST /token HTTP/1.1
Host: server.example.com
Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW
Content-Type: application/x-www-form-urlencoded

grant_type=password&username=johndoe&password=A3ddj3w`,
  sampleResponse: `{
  "access_token":"2YotnFZFEjr1zCsicMWpAA",
  "token_type":"example",
  "expires_in":3600,
  "refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA",
  "example_parameter":"example_value"
}`,
};

export const fetchClientSecretPost: VendorExample = {
  id: 'fetch-client-secret-post',
  example: `const response = await fetch("https://auth.example.com/token", {
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({
    grant_type: "client_credentials",
    client_id: process.env.CLIENT_ID,
    client_secret: process.env.CLIENT_SECRET,
  }),
});
const { access_token } = await response.json();`,
  sampleResponse: '{"access_token": "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "token_type": "Bearer", "expires_in": 300}',
};

export const axiosBasic: VendorExample = {
  id: 'axios-basic',
  example: `const { data } = await axios.post(
  'https://auth.example.com/token',
  qs.stringify({ grant_type: 'client_credentials' }),
  { auth: { username: clientId, password: clientSecret }, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
);`,
  sampleResponse: '{"access_token": "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "token_type": "Bearer", "expires_in": 300}',
};
