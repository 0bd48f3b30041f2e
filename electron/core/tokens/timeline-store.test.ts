/** The persisted auth timeline: newest first, filtered, bounded, and readable after a cut-off line. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOAuth2ClientCredentials } from '../../../testing/emulators';
import { credential, environment, presetOf } from '../../../testing/engine';
import { createManualClock } from '../clock';
import { createTokenEngine, MemoryTokenCache } from '../engine';
import { timelineEntry } from '../engine/timeline';
import { tempDir } from '../../../testing/vault';
import { createTimelineStore } from './timeline-store';

function entry(i: number, environmentId = 'env-a') {
  const request = { method: 'POST', url: `https://auth.example/token?n=${i}`, headers: [{ name: 'Authorization', value: 'Basic ••••' }] };
  return timelineEntry(
    {
      id: `entry-${i}`,
      at: i,
      environmentId,
      environmentName: environmentId,
      credentialId: 'cred',
      credentialName: 'Cred',
      purpose: 'token',
      method: 'POST',
      url: request.url,
      status: 200,
      durationMs: 1,
      outcome: 'success',
      request,
      warnings: [],
    },
    { ...request, headers: [{ name: 'Authorization', value: 'Basic c2VjcmV0' }] },
    false,
  );
}

describe('timeline store', () => {
  it('lists newest first, filters, and keeps the file bounded', () => {
    const dataDir = tempDir();
    const store = createTimelineStore({ dataDir, capacity: 10 });
    for (let i = 0; i < 45; i++) store.record(entry(i, i % 2 ? 'env-b' : 'env-a'));
    const lines = fs.readFileSync(path.join(dataDir, 'timeline.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(store.list().map((e) => e.id).slice(0, 2)).toEqual(['entry-44', 'entry-43']);
    expect(store.list({ environmentId: 'env-b', limit: 3 }).map((e) => e.id)).toEqual(['entry-43', 'entry-41', 'entry-39']);
    expect(fs.statSync(path.join(dataDir, 'timeline.jsonl')).mode & 0o777).toBe(0o600);
  });

  it('reveals secrets in cURL only for requests this process sent', () => {
    const dataDir = tempDir();
    createTimelineStore({ dataDir }).record(entry(1));
    const other = createTimelineStore({ dataDir });
    expect(other.curl('entry-1', false)).toContain('Basic ••••');
    expect(() => other.curl('entry-1', true)).toThrow(/only kept in memory/);
  });

  it('skips a line cut short by a crash, and says so in the log', () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    const store = createTimelineStore({ dataDir, log: (m) => logged.push(m) });
    store.record(entry(1));
    fs.appendFileSync(path.join(dataDir, 'timeline.jsonl'), '{"id":"entry-2","at":');
    expect(store.list().map((e) => e.id)).toEqual(['entry-1']);
    expect(logged[0]).toMatch(/1 unreadable line/);
  });

  it('keeps an entry it cannot save in memory, with a warning saying so, and never throws', () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    // The file cannot be appended to (as on a full disk).
    fs.mkdirSync(path.join(dataDir, 'timeline.jsonl'));
    const store = createTimelineStore({ dataDir, log: (m) => logged.push(m) });
    const seen: string[][] = [];
    store.subscribe((view) => seen.push(view.warnings));
    expect(() => store.record(entry(1))).not.toThrow();
    expect(seen[0]![0]).toMatch(/could not be saved to timeline\.jsonl .* The token itself was kept\./);
    expect(logged[0]).toMatch(/^The auth timeline could not be saved: .* The token was kept\.$/);
  });

  it('gives two processes appending to one file different entry ids, even within one millisecond', async () => {
    const preset = presetOf('oauth2-client-credentials-basic');
    const server = await startOAuth2ClientCredentials({ clientId: 'bench-client', clientSecret: 'timeline-secret-0123', lifetimeSeconds: 3600 });
    const dataDir = tempDir();
    // Two processes (an engine and a timeline store each) whose clocks read the same millisecond.
    const clock = createManualClock(Date.UTC(2025, 0, 1));
    const engines = [0, 1].map(() => createTokenEngine({ cache: new MemoryTokenCache(), clock, timeline: createTimelineStore({ dataDir }) }));
    try {
      const env = environment(preset, { tokenUrl: `${server.url}/oauth/v2/token`, clientId: 'bench-client', clientSecret: 'timeline-secret-0123' });
      await Promise.all(engines.map((engine) => engine.getToken(env, credential(preset))));
      const ids = createTimelineStore({ dataDir }).list().map((e) => e.id);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
    } finally {
      for (const engine of engines) engine.dispose();
      await server.close();
    }
  });
});
