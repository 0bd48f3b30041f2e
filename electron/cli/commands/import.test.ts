/** `tokenbench import`: `--dry-run` shows the preview and writes nothing; the import then adds what it showed. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIXTURES } from '../../../testing/import-files';
import { createMainServices } from '../../core/services';
import { TEST_SCRYPT, tempDir } from '../../../testing/vault';
import { runCli } from '../../../testing/cli';

const PASSPHRASE = 'import command passphrase';
const cli = (argv: string[]) => runCli(argv, { env: { TOKENBENCH_PASSPHRASE: PASSPHRASE } });

describe('tokenbench import', () => {
  it('previews a Bruno folder with --dry-run, writing nothing, then imports it', async () => {
    const folder = path.join(IMPORT_FIXTURES, 'bruno-collection');
    const empty = tempDir();
    const dry = await cli(['import', folder, '--dry-run', '--data-dir', empty]);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('bruno-collection/bruno.json is a Bruno collection. Nothing was written (--dry-run).');
    expect(dry.stdout).toContain('collection Storefront API: 7 saved request(s)');
    expect(dry.stdout).toContain('auth of Account / Signed call: its awsv4 auth has no Tokenbench recipe.');
    expect(fs.readdirSync(empty)).toEqual([]);

    const dataDir = tempDir();
    const app = await createMainServices({ dataDir, scryptCost: TEST_SCRYPT, log: () => {} });
    await app.handlers['vault:setup']({ passphrase: PASSPHRASE });
    await app.dispose();
    const done = await cli(['import', folder, '--data-dir', dataDir]);
    expect(done).toMatchObject({ code: 0 });
    expect(done.stdout).toContain('Imported Storefront API.');
    expect(done.stdout).toContain('Added 7 saved request(s).');
    expect(fs.readFileSync(path.join(dataDir, 'requests.json'), 'utf8')).toContain('Open return');
    expect(fs.readFileSync(path.join(dataDir, 'workspace.json'), 'utf8')).not.toContain('CANARY');
  }, 120_000);
});
