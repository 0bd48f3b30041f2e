// A stand-in for the system browser in tests: follows the authorization link with plain HTTP
// (cookies kept, redirects followed by hand) and fills in oidc-provider's sign-in and consent
// forms, until the authorization server sends it to the app's loopback redirect. It approves a
// device code sign-in (RFC 8628) the same way: the code typed, or already in the link.
import type { UserAgentPort } from '../../electron/core/engine';

export interface BrowserLogin extends UserAgentPort {
  /** Every page the stand-in loaded, in order (for assertions). */
  readonly visited: string[];
  /** The last page's text: the app's loopback page once the flow came back. */
  readonly lastPage: () => string;
}

const FORM = /<form([^>]*\bmethod="post"[^>]*)>([\s\S]*?)<\/form>/i;
const INPUT = /<input[^>]*name="([^"]+)"[^>]*>/gi;

/** Signs in as `login` wherever a form asks, and approves whatever consent page follows. */
export function browserLogin(login: string, options: { password?: string; maxSteps?: number; userCode?: string; declineDevice?: boolean } = {}): BrowserLogin {
  const visited: string[] = [];
  let last = '';
  const cookies = new Map<string, string>();

  async function load(url: URL, init: { method: string; body?: string }): Promise<Response> {
    visited.push(`${init.method} ${url.origin}${url.pathname}`);
    const headers: Record<string, string> = {};
    if (cookies.size) headers['cookie'] = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: init.method, headers, redirect: 'manual', ...(init.body !== undefined ? { body: init.body } : {}) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    return response;
  }

  return {
    visited,
    lastPage: () => last,
    async openAuthorization({ url }) {
      let next = new URL(url);
      let init: { method: string; body?: string } = { method: 'GET' };
      for (let step = 0; step < (options.maxSteps ?? 20); step += 1) {
        const response = await load(next, init);
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          next = new URL(location, next);
          init = { method: 'GET' };
          continue;
        }
        last = await response.text();
        const form = FORM.exec(last);
        if (!form) return; // the app's own page (or an error page): the flow is back with the app
        if (/<p class="red">/.test(last)) return; // oidc-provider's device pages showing an error (a declined sign-in)
        const fields = new URLSearchParams();
        for (const input of form[2]!.matchAll(INPUT)) {
          const name = input[1]!;
          const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
          const typed = name === 'login' ? login : name === 'password' ? (options.password ?? 'any') : name === 'user_code' && !value ? options.userCode : undefined;
          fields.set(name, typed ?? value);
        }
        // The device confirmation page's "[ Abort ]" button declines the sign-in.
        if (options.declineDevice && form[1]!.includes('op.deviceConfirmForm')) fields.set('abort', 'yes');
        next = new URL(/action="([^"]+)"/.exec(form[1]!)?.[1] ?? next.href, next);
        init = { method: 'POST', body: fields.toString() };
      }
      throw new Error(`the sign-in did not come back within ${options.maxSteps ?? 20} pages: ${visited.join(' -> ')}`);
    },
  };
}
