import { describe, expect, it } from 'vitest';
import { BodyStore } from './body-store';
import { createMask } from './mask';
import { prepareBody } from './response-body';

const SECRET = 'binary-canary-secret-77';
const mask = createMask({ key: { value: SECRET, secret: true }, flag: { value: 'true', secret: true } });

describe('response bodies are masked before they are shown', () => {
  it('masks a secret inside a binary body in the hex view and the image preview', async () => {
    const store = new BodyStore();
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(SECRET), Buffer.from([0, 1])]);
    const body = await prepareBody(bytes, 'image/png', mask, store);
    expect(body.kind).toBe('binary');
    expect(body.sizeBytes).toBe(bytes.length);
    const shown = JSON.stringify(body) + JSON.stringify(await store.page(body.bodyId!, 'hex', 0, 100));
    expect(shown).not.toContain('binary-canary');
    expect(shown).not.toContain(Buffer.from(SECRET).toString('hex').slice(0, 16).replace(/(..)/g, '$1 ').trim());
    expect(Buffer.from(body.imageDataUrl!.split(',')[1]!, 'base64').toString('latin1')).not.toContain(SECRET);
  });

  it('keeps a JSON body valid when a secret equals true', async () => {
    const body = await prepareBody(Buffer.from('{"ok":true,"key":"binary-canary-secret-77"}'), 'application/json', mask, new BodyStore());
    expect(body.kind).toBe('json');
    expect(body.note).toBeNull();
    expect(JSON.parse(body.raw!)).toEqual({ ok: true, key: '••••t-77' });
  });

  it('keeps the layout of JSON that masking as text leaves valid', async () => {
    const body = await prepareBody(Buffer.from('{ "key" : "binary-canary-secret-77" }'), 'application/json', mask, new BodyStore());
    expect(body.raw).toBe('{ "key" : "••••t-77" }');
  });
});
