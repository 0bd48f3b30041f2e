// "Copy as cURL" with variables filled in: secrets masked, unless the user explicitly asked to
// reveal them. A credential's token is never in it (it is attached only when Tokenbench sends).
import { toCurl } from '../../../shared/runner/curl-export';
import type { RequestDraft } from '../../../shared/runner/draft';
import type { RunnerDeps } from './deps';
import { maskHeaders } from './mask';
import { prepareRequest } from './prepare';

export async function exportCurl(deps: RunnerDeps, draft: RequestDraft, reveal: boolean): Promise<{ command: string; revealed: boolean; note: string | null }> {
  const { composed, credential, mask } = await prepareRequest(deps, draft);
  const headers = composed.headers.map((h) => [h.name, h.value] as [string, string]);
  const command = reveal
    ? toCurl({ method: composed.method, url: composed.url.value, headers: headers.map(([name, value]) => ({ name, value })), body: composed.body?.value })
    : toCurl({
        method: composed.method,
        url: mask(composed.url.value),
        headers: maskHeaders(headers, mask).map(([name, value]) => ({ name, value })),
        body: composed.body === undefined ? undefined : mask(composed.body.value),
      });
  const note = credential ? `The token of credential "${credential.name}" is attached only when Tokenbench sends the request; it is not in this command.` : null;
  return { command, revealed: reveal, note };
}
