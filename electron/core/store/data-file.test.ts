import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { hashDir, tempDir } from '../../../testing/vault';
import { openDataFile } from './data-file';
import { openWorkspace } from './workspace';

const schema = z.object({ schemaVersion: z.literal(2), items: z.array(z.string()) });
type Items = z.infer<typeof schema>;

function open(dataDir: string, extra: { whenUnreadable?: 'start-empty' | 'refuse'; copyFirstWrite?: boolean } = {}) {
  const problems: StoreProblem[] = [];
  const file = openDataFile<Items>({
    dataDir,
    name: 'items',
    schema,
    problems,
    ...extra,
    initial: () => ({ schemaVersion: 2, items: [] }),
    version: {
      current: 2,
      // Format 1 kept a comma-separated string.
      migrations: [{ from: 1, migrate: (data) => ({ items: String(data.list).split(',') }) }],
    },
  });
  return { file, problems };
}

const add = (file: ReturnType<typeof open>['file'], item: string) => file.update((c) => ({ ...c, items: [...c.items, item] }));
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('data files', () => {
  it('keeps the previous good content as FILE.bak on every write', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    expect(fs.existsSync(`${file.path}.bak`)).toBe(false);
    await add(file, 'b');
    expect(readJson(`${file.path}.bak`).items).toEqual(['a']);
    expect(readJson(file.path).items).toEqual(['a', 'b']);
    expect(fs.statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('keeps the permission bits of a file that already exists, on the file and on its backup', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    fs.chmodSync(file.path, 0o644);
    await add(file, 'b');
    await add(file, 'c');
    expect(fs.statSync(file.path).mode & 0o777).toBe(0o644);
    expect(fs.statSync(`${file.path}.bak`).mode & 0o777).toBe(0o644);
  });

  it('keeps the backup as a real copy: changing the file in place leaves the backup as it was', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    await add(file, 'b');
    expect(fs.statSync(`${file.path}.bak`).ino).not.toBe(fs.statSync(file.path).ino);
    fs.writeFileSync(file.path, 'overwritten in place');
    expect(readJson(`${file.path}.bak`).items).toEqual(['a']);
  });

  it('keeps a verified copy from the first write on, when asked (vault.json)', async () => {
    const dir = tempDir();
    const { file } = open(dir, { copyFirstWrite: true });
    await add(file, 'a');
    expect(readJson(`${file.path}.bak`).items).toEqual(['a']);
    await add(file, 'b');
    expect(readJson(`${file.path}.bak`).items).toEqual(['a']);
  });

  it('recovers a missing file from its backup, and reports it', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    await add(file, 'b');
    fs.rmSync(file.path);
    const reopened = open(dir);
    expect(reopened.file.read().items).toEqual(['a']);
    expect(reopened.problems[0]!.message).toContain('items.json was missing');
    await add(reopened.file, 'c');
    expect(readJson(file.path).items).toEqual(['a', 'c']);
  });

  it('sets a damaged file aside at the next save, never overwriting it, and works from the backup meanwhile', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    await add(file, 'b');
    fs.writeFileSync(file.path, '{"schemaVersion":2,"items":["a","b"');
    const before = hashDir(dir);
    const reopened = open(dir);
    expect(hashDir(dir)).toBe(before);
    expect(reopened.problems[0]!.message).toMatch(/items\.json is damaged: it ends early .* recovered it from its last good copy \(items\.json\.bak, save 1 of items\.json, made at .*\); the last change saved to items\.json after that \(save 2 of items\.json, at .*\) is lost/);
    expect(reopened.file.read().items).toEqual(['a']);
    await add(reopened.file, 'c');
    const keptAs = reopened.problems[0]!.keptAs!;
    expect(fs.readFileSync(keptAs, 'utf8')).toBe('{"schemaVersion":2,"items":["a","b"');
    expect(readJson(file.path).items).toEqual(['a', 'c']);
  });

  it('starts empty when there is no good backup, or refuses when told to', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'items.json'), 'not json');
    const started = open(dir);
    expect(started.file.read().items).toEqual([]);
    expect(started.problems[0]!.message).toContain('it is not valid JSON');
    const refused = () => open(dir, { whenUnreadable: 'refuse' });
    expect(refused).toThrowError(/items\.json is damaged: it is not valid JSON\. Nothing was changed\./);
  });

  it('migrates older formats in memory and writes the current one at the next save', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'items.json'), JSON.stringify({ schemaVersion: 1, list: 'x,y' }));
    const { file } = open(dir);
    expect(file.read()).toEqual({ schemaVersion: 2, items: ['x', 'y'] });
    await add(file, 'z');
    expect(readJson(file.path)).toEqual({ schemaVersion: 2, items: ['x', 'y', 'z'], integrity: { generation: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(readJson(`${file.path}.bak`)).toEqual({ schemaVersion: 1, list: 'x,y' });
  });

  it('refuses a file from a newer Tokenbench and leaves it untouched', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'items.json'), JSON.stringify({ schemaVersion: 3, items: [], more: true }));
    const before = hashDir(dir);
    let error: unknown;
    try {
      open(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('store-too-new');
    expect((error as AppError).message).toContain('newer version of Tokenbench (file format 3; this version understands up to 2)');
    expect(hashDir(dir)).toBe(before);
  });

  it('parses a file only when it changed on disk', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    const first = file.read();
    expect(file.read()).toBe(first);
    expect(Object.isFrozen(first.items)).toBe(true);
    // Another process writes (same size, so only inode and mtime tell).
    const other = open(dir).file;
    await other.update((c) => ({ ...c, items: ['b'] }));
    expect(file.read().items).toEqual(['b']);
  });

  it('serialises concurrent updates in one process without losing any', async () => {
    const dir = tempDir();
    const a = open(dir).file;
    const b = open(dir).file;
    await Promise.all(Array.from({ length: 20 }, (_, i) => add(i % 2 ? a : b, `item-${i}`)));
    expect([...a.read().items].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `item-${i}`).sort());
  });

  it('removes temporary files a killed writer left behind', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    fs.writeFileSync(`${file.path}.tmp-12345abcdef`, 'half');
    fs.writeFileSync(`${file.path}.bak.tmp`, 'half');
    await add(file, 'a');
    expect(fs.readdirSync(dir).sort()).toEqual(['items.json']);
  });

  it('keeps a corrupt workspace aside and reports it instead of wiping it', async () => {
    const dir = tempDir();
    const garbage = '{"schemaVersion": 1, "environments": [ {"id": "a", ';
    fs.writeFileSync(path.join(dir, 'workspace.json'), garbage);
    const problems: StoreProblem[] = [];
    const workspace = openWorkspace({ dataDir: dir, problems });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('workspace.json is damaged: it ends early');
    expect(workspace.read().environments).toEqual([]);
    await workspace.update((w) => w);
    expect(fs.readFileSync(problems[0]!.keptAs!, 'utf8')).toBe(garbage);
    expect(workspace.read().environments).toEqual([]);
  });

  it('keeps a workspace of the wrong shape aside too', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify({ schemaVersion: 1, environments: [{ name: 42 }] }));
    const problems: StoreProblem[] = [];
    const workspace = openWorkspace({ dataDir: dir, problems });
    expect(problems[0]!.message).toContain('does not have the expected shape');
    await workspace.update((w) => w);
    expect(fs.existsSync(problems[0]!.keptAs!)).toBe(true);
  });
});
