import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { emptyDraft } from '../../../shared/runner/draft';
import { HistoryStore, type HistoryRecord } from './history';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokenbench-history-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function record(n: number): HistoryRecord {
  const id = randomUUID();
  const url = `https://api.example.com/items/${n}`;
  return {
    summary: { id, at: n, method: 'GET', url, status: 200, durationMs: 5, sizeBytes: 2, environmentName: null, credentialName: null, error: null },
    draft: emptyDraft({ url }),
    request: { method: 'GET', url, headers: [], body: null, bodyBytes: 0, credentialName: null, environmentName: null },
    response: null,
    body: null,
    error: null,
  };
}

it('keeps the most recent entries only, and removes the files of the others', async () => {
  const history = new HistoryStore(dataDir, 3);
  const records = Array.from({ length: 5 }, (_, i) => record(i));
  for (const r of records) await history.add(r);
  expect(history.list().entries.map((e) => e.at)).toEqual([4, 3, 2]);
  expect(fs.readdirSync(path.join(history.dir, 'entries')).sort()).toEqual(records.slice(2).map((r) => `${r.summary.id}.json`).sort());
  expect(() => history.get(records[0]!.summary.id)).toThrow(/history entry is gone/);
});

it('skips unreadable index lines without touching them, and reports how many', async () => {
  const history = new HistoryStore(dataDir);
  await history.add(record(1));
  fs.appendFileSync(path.join(history.dir, 'index.jsonl'), '{"half": \n');
  await history.add(record(2));
  expect(history.list()).toMatchObject({ entries: [{ at: 2 }, { at: 1 }], unreadable: 1 });
  expect(fs.readFileSync(path.join(history.dir, 'index.jsonl'), 'utf8')).toContain('{"half": ');
});

it('says so when an entry file is damaged', async () => {
  const history = new HistoryStore(dataDir);
  const r = record(1);
  await history.add(r);
  fs.writeFileSync(path.join(history.dir, 'entries', `${r.summary.id}.json`), '{not json');
  expect(() => history.get(r.summary.id)).toThrow(/is damaged and cannot be reopened/);
});
