import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { StoreProblem } from '../../../shared/ipc/contract';
import { hashDir, tempDir } from '../../../testing/vault';
import { openDataFile } from './data-file';
import type { FileLayer } from './durable-write';
import { faultyDisk } from '../../../testing/fixtures/faulty-disk.fixture';

const schema = z.object({ schemaVersion: z.literal(1), items: z.array(z.string()) });

function open(dataDir: string, name = 'items', fileLayer?: FileLayer) {
  const problems: StoreProblem[] = [];
  const file = openDataFile({ dataDir, name, schema, problems, ...(fileLayer ? { fileLayer } : {}), initial: () => ({ schemaVersion: 1 as const, items: [] as string[] }) });
  return { file, problems };
}

const add = (file: ReturnType<typeof open>['file'], item: string) => file.update((c) => ({ ...c, items: [...c.items, item] }));
const listed = (dir: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).files).sort();

describe('the manifest of data files', () => {
  it('notices a data file deleted together with its backup, and names it', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    await add(file, 'b');
    expect(listed(dir)).toEqual(['items.json']);
    fs.rmSync(file.path);
    fs.rmSync(`${file.path}.bak`);

    const { file: reopened, problems } = open(dir);
    expect(reopened.read().items).toEqual([]);
    expect(problems).toEqual([
      {
        file: file.path,
        message: expect.stringMatching(
          /^items\.json is missing, and so is its backup items\.json\.bak, though Tokenbench saved it in this folder before \(manifest\.json lists it since .*\)\. What it held is lost to Tokenbench: put your own backup of items\.json back in .*, or carry on, and a new, empty items\.json is started at the next save\.$/,
        ),
      },
    ]);
  });

  it('says nothing about a file that was never written', async () => {
    const dir = tempDir();
    const { file: other } = open(dir, 'other');
    await add(other, 'a');
    await add(other, 'b');
    const { file, problems } = open(dir);
    expect(file.read().items).toEqual([]);
    expect(problems).toEqual([]);
    await add(file, 'first');
    expect(problems).toEqual([]);
  });

  it('lists a file at the first save after it exists, with every other data file opened beside it', async () => {
    const dir = tempDir();
    const { file: one } = open(dir, 'one');
    const { file: two } = open(dir, 'two');
    await add(one, 'a');
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(false);
    await add(two, 'a');
    expect(listed(dir)).toEqual(['one.json']);
    await add(one, 'b');
    expect(listed(dir)).toEqual(['one.json', 'two.json']);
  });

  it('reports a damaged manifest, keeps it aside, and writes it again at the next save; the data files are untouched', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    await add(file, 'b');
    const manifest = path.join(dir, 'manifest.json');
    const damaged = fs.readFileSync(manifest, 'utf8').replace('items.json', 'itens.json');
    fs.writeFileSync(manifest, damaged);

    const { file: reopened, problems } = open(dir);
    expect(reopened.read().items).toEqual(['a', 'b']);
    expect(problems).toEqual([
      {
        file: manifest,
        keptAs: expect.stringMatching(/manifest\.unreadable-.*\.json$/),
        message: expect.stringMatching(/^manifest\.json is damaged: its content does not match its checksum .* it will be kept as manifest\.unreadable-.*\.json and written again at the next save\./),
      },
    ]);
    await add(reopened, 'c');
    expect(fs.readFileSync(problems[0]!.keptAs!, 'utf8')).toBe(damaged);
    expect(listed(dir)).toEqual(['items.json']);
  });

  it('stops a save with nothing changed when the manifest cannot be written', async () => {
    const dir = tempDir();
    const { file } = open(dir);
    await add(file, 'a');
    const before = hashDir(dir);
    const { file: onFullDisk } = open(dir, 'items', faultyDisk({ chunk: 64, free: 0 }));
    const error = await add(onFullDisk, 'b').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('manifest.json could not be saved: the disk is full. The previous manifest.json is unchanged, and this change was not saved.');
    expect(hashDir(dir)).toBe(before);
  });
});
