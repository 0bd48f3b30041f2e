import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { tempDir } from '../../../testing/vault';
import { openDataFile } from './data-file';
import { checkIntegrity, withChecksum } from './integrity';

// Numbers, names and sealed-looking values: what one flipped bit can change and still parse.
const schema = z.object({ schemaVersion: z.literal(1), count: z.number(), names: z.array(z.string()), sealed: z.record(z.string(), z.string()) });
type Content = z.infer<typeof schema>;

function open(dataDir: string) {
  const problems: StoreProblem[] = [];
  const file = openDataFile<Content>({ dataDir, name: 'items', schema, problems, initial: () => ({ schemaVersion: 1, count: 0, names: [], sealed: {} }) });
  return { file, problems };
}

async function folderWithTwoSaves() {
  const dir = tempDir();
  const { file } = open(dir);
  await file.update((c) => ({ ...c, count: 41, names: ['Sandbox'], sealed: { 'env/a/apiKey': 'v1:QUJDREVGR0hJSktMTU5PUA==' } }));
  await file.update((c) => ({ ...c, count: 42, names: ['Sandbox', 'Production'] }));
  return { dir, file: path.join(dir, 'items.json'), saved: JSON.parse(JSON.stringify(file.read())) as Content };
}

describe('data file checksums', () => {
  it('carries a checksum of its content and the number of saves so far', async () => {
    const { file } = await folderWithTwoSaves();
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(raw.integrity).toEqual({ generation: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse(fs.readFileSync(`${file}.bak`, 'utf8')).integrity.generation).toBe(1);
    expect(checkIntegrity(raw)).toEqual({ content: { schemaVersion: 1, count: 42, names: ['Sandbox', 'Production'], sealed: expect.any(Object) }, generation: 2 });
  });

  it('catches a changed digit that still reads as valid JSON of the right shape, and works from the verified backup', async () => {
    const { dir, file } = await folderWithTwoSaves();
    const damaged = fs.readFileSync(file, 'utf8').replace('"count": 42', '"count": 43');
    fs.writeFileSync(file, damaged);
    const { file: reopened, problems } = open(dir);
    expect(reopened.read().count).toBe(41);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^items\.json is damaged: its content does not match its checksum .* recovered it from its last good copy \(items\.json\.bak, save 1 of items\.json, made at .*\); the last change saved to items\.json after that \(save 2 of items\.json, at .*\) is lost and must be made again\. The damaged file will be kept as items\.unreadable-.*\.json\.$/,
    );
    await reopened.update((c) => ({ ...c, names: [...c.names, 'Again'] }));
    expect(fs.readFileSync(problems[0]!.keptAs!, 'utf8')).toBe(damaged);
  });

  it('does not take a damaged backup for a good one', async () => {
    const { dir, file } = await folderWithTwoSaves();
    fs.writeFileSync(file, 'not json');
    fs.writeFileSync(`${file}.bak`, fs.readFileSync(`${file}.bak`, 'utf8').replace('"count": 41', '"count": 40'));
    const { file: reopened, problems } = open(dir);
    expect(reopened.read().count).toBe(0);
    expect(problems[0]!.message).toMatch(/^items\.json is damaged: it is not valid JSON\. It will be kept as .* put your own backup of items\.json in its place\.$/);
  });

  it('at every byte of the file, two of its bits in turn: reads exactly what was saved, or says the file is damaged, never something else', async () => {
    const { dir, file, saved } = await folderWithTwoSaves();
    const good = fs.readFileSync(file);
    const backup = fs.readFileSync(`${file}.bak`);
    const tally = { intact: 0, reported: 0, refused: 0, silent: [] as string[] };
    for (let at = 0; at < good.length; at++) {
      // Two bits a byte, a different pair at each byte: every bit position is flipped across the file.
      for (const bit of [at % 8, (at + 4) % 8]) {
        const bytes = Buffer.from(good);
        bytes[at]! ^= 1 << bit;
        fs.writeFileSync(file, bytes);
        try {
          const { file: reopened, problems } = open(dir);
          const seen = reopened.read();
          if (problems.some((p) => p.message.startsWith('items.json'))) tally.reported++;
          else if (JSON.stringify(seen) === JSON.stringify(saved)) tally.intact++;
          else tally.silent.push(`byte ${at} bit ${bit}: ${JSON.stringify(seen)}`);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).message).toMatch(/^items\.json /);
          tally.refused++;
        }
      }
    }
    fs.writeFileSync(file, good);
    expect(fs.readFileSync(`${file}.bak`).equals(backup)).toBe(true);
    expect(tally.silent).toEqual([]);
    expect(tally.reported + tally.refused).toBeGreaterThan(good.length * 1.5);
  });

  it('says a flipped format number may be damage rather than a newer Tokenbench', async () => {
    const { dir, file } = await folderWithTwoSaves();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"schemaVersion": 1', '"schemaVersion": 9'));
    expect(() => open(dir)).toThrowError(/^items\.json was written by a newer version of Tokenbench \(file format 9.*\)\. Nothing was changed\. But its content does not match its checksum/);
  });

  it('opens a file saved before checksums as it is, and gives it one at the next save', async () => {
    const dir = tempDir();
    const legacy = { schemaVersion: 1, count: 7, names: ['Old'], sealed: {} };
    fs.writeFileSync(path.join(dir, 'items.json'), JSON.stringify(legacy, undefined, '\t'));
    const { file, problems } = open(dir);
    expect(file.read()).toEqual(legacy);
    expect(problems).toEqual([]);
    await file.update((c) => ({ ...c, count: 8 }));
    expect(JSON.parse(fs.readFileSync(file.path, 'utf8')).integrity.generation).toBe(1);
    expect(fs.readFileSync(`${file.path}.bak`, 'utf8')).toBe(JSON.stringify(legacy, undefined, '\t'));
  });

  it('leaves a file edited with its checksum computed again as it is (a checksum finds accidents, not attacks)', () => {
    const content = { schemaVersion: 1, count: 1 };
    const sealed = withChecksum(content, 3);
    expect(checkIntegrity(JSON.parse(JSON.stringify(withChecksum({ ...content, count: 2 }, 3))))).toEqual({ content: { ...content, count: 2 }, generation: 3 });
    expect(checkIntegrity({ ...sealed, count: 2 })).toEqual({ damage: expect.stringContaining('does not match its checksum') });
  });
});
