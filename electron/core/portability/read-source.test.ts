import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../testing/vault';
import { readImportSource } from './read-source';

function brunoFolder(): string {
  const dir = tempDir('tokenbench-bruno-');
  fs.writeFileSync(path.join(dir, 'bruno.json'), JSON.stringify({ version: '1', name: 'B', type: 'collection' }));
  fs.writeFileSync(path.join(dir, 'Get.bru'), 'meta {\n  name: Get\n}\n');
  return dir;
}

describe('reading what the user chose', () => {
  it('takes a Bruno folder, or its bruno.json, with the .bru files in it and nothing else', () => {
    const dir = brunoFolder();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a request');
    const fromFolder = readImportSource(dir);
    expect(fromFolder.fileName).toBe(`${path.basename(dir)}/bruno.json`);
    expect(Object.keys(fromFolder.folder!)).toEqual(['Get.bru']);
    expect(readImportSource(path.join(dir, 'bruno.json')).folder).toEqual(fromFolder.folder);
  });

  it('does not follow symbolic links out of the folder', () => {
    const dir = brunoFolder();
    const outside = tempDir('tokenbench-outside-');
    fs.writeFileSync(path.join(outside, 'secret.bru'), 'meta {\n  name: Outside\n}\n');
    fs.symlinkSync(path.join(outside, 'secret.bru'), path.join(dir, 'linked.bru'));
    fs.symlinkSync(outside, path.join(dir, 'linked-folder'));
    expect(Object.keys(readImportSource(dir).folder!)).toEqual(['Get.bru']);
  });

  it('refuses a folder nested too deep, and a folder that is no Bruno collection', () => {
    const dir = brunoFolder();
    const deep = path.join(dir, ...Array.from({ length: 18 }, (_, i) => `d${i}`));
    fs.mkdirSync(deep, { recursive: true });
    expect(() => readImportSource(dir)).toThrow(/nest more than 16 levels deep. Nothing was imported/);
    expect(() => readImportSource(tempDir('tokenbench-empty-'))).toThrow(/is not a Bruno collection: it has no bruno.json/);
  });
});
