/**
 * Checks one allowed-hosts entry the way the main process will (same schema), and keeps the
 * list free of repeats, so the editor can say what is wrong before anything is saved.
 */
import { allowedHostSchema } from '../../../../shared/domain/environment';

export type HostCheck = { ok: true; host: string } | { ok: false; problem: string };

export function checkAllowedHost(input: string, existing: readonly string[]): HostCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, problem: 'Type a host first, e.g. api.example.com.' };
  // People paste URLs: say what to keep instead of a bare "invalid".
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return { ok: false, problem: 'Leave out the scheme and path: for https://api.example.com/v1 type api.example.com.' };
  }
  const parsed = allowedHostSchema.safeParse(trimmed);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? 'Not a valid host.' };
  const port = /:(\d+)$/.exec(parsed.data)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { ok: false, problem: `Port ${port} is out of range (1-65535).` };
  if (existing.includes(parsed.data)) return { ok: false, problem: `${parsed.data} is already in the list.` };
  return { ok: true, host: parsed.data };
}
