import { describe, expect, it } from 'vitest';
import { BodyStore } from './body-store';
import { createMask } from './mask';
import { INLINE_BODY_BYTES } from '../../../shared/runner/results';
import { bodyWithoutContent, prepareBody } from './response-body';

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

const bytes = (text: string) => Buffer.from(text);
const kindOf = async (data: Buffer, contentType: string) => (await prepareBody(data, contentType, mask, new BodyStore())).kind;

describe('how a body is shown', () => {
  it('describes an empty body without content, whatever its type', async () => {
    const empty = { kind: 'empty', contentType: 'application/json', sizeBytes: 0, bodyId: null, text: null, raw: null, firstLines: [], lineCount: 0, complete: true, imageDataUrl: null, note: null };
    expect(await prepareBody(Buffer.alloc(0), 'application/json', mask, new BodyStore())).toStrictEqual(empty);
    expect(bodyWithoutContent('text', 'text/plain', 12, 'not kept')).toStrictEqual({ ...empty, kind: 'text', contentType: 'text/plain', sizeBytes: 12, note: 'not kept' });
  });

  it('tells binary, JSON and text apart by type, by a NUL byte in the first 8 KiB, and by the first character', async () => {
    expect(await kindOf(bytes('hello'), 'application/octet-stream')).toBe('binary');
    expect(await kindOf(bytes('{"a":1}'), 'image/png')).toBe('binary');
    expect(await kindOf(Buffer.concat([bytes('hel'), Buffer.from([0]), bytes('lo')]), 'text/plain')).toBe('binary');
    expect(await kindOf(Buffer.concat([bytes('x'.repeat(9000)), Buffer.from([0])]), 'text/plain')).toBe('text');
    expect(await kindOf(bytes('{"a":1}'), 'application/problem+json')).toBe('json');
    expect(await kindOf(bytes(' \n [1,2]'), '')).toBe('json');
    expect(await kindOf(bytes('{"a":1}'), 'text/plain')).toBe('json');
    expect(await kindOf(bytes('hello'), 'text/plain')).toBe('text');
    expect(await kindOf(bytes('hello'), '')).toBe('text');
    expect(await kindOf(bytes('"a JSON string"'), 'application/json')).toBe('json');
  });

  it('sends a small text body whole, masked', async () => {
    const store = new BodyStore();
    const body = await prepareBody(bytes(`line 1\n${SECRET}`), 'text/plain', mask, store);
    expect(body).toStrictEqual({ ...bodyWithoutContent('text', 'text/plain', 30), bodyId: expect.any(String), text: 'line 1\n••••t-77' });
    expect((await store.page(body.bodyId!, 'raw', 0, 10)).lines).toEqual(['line 1', '••••t-77']);
  });

  it('masks a text body as text even when it parses as JSON (a secret equal to true is masked there)', async () => {
    const body = await prepareBody(bytes('true'), 'text/plain', mask, new BodyStore());
    expect(body.kind).toBe('text');
    expect(body.text).toBe('••••');
  });

  it('sends a small JSON body pretty-printed with its raw text, and says when it only looks like JSON', async () => {
    const body = await prepareBody(bytes('{"a":[1]}'), 'application/json', mask, new BodyStore());
    expect(body).toStrictEqual({ ...bodyWithoutContent('json', 'application/json', 9), bodyId: expect.any(String), text: '{\n  "a": [\n    1\n  ]\n}', raw: '{"a":[1]}' });
    const broken = await prepareBody(bytes('{"a":'), 'application/json', mask, new BodyStore());
    expect(broken.kind).toBe('text');
    expect(broken.text).toBe('{"a":');
    expect(broken.bodyId).toEqual(expect.any(String));
    expect(broken.note).toMatch(/^The body looks like JSON but is not valid JSON \(.+\); it is shown as text\.$/);
  });

  it('keeps a body of exactly the inline size whole, and pages a larger one from its first lines, masked', async () => {
    const line = `${SECRET} padding\n`;
    const exact = `${line.repeat(Math.floor(INLINE_BODY_BYTES / line.length))}`.padEnd(INLINE_BODY_BYTES, 'x');
    const whole = await prepareBody(bytes(exact), 'text/plain', mask, new BodyStore());
    expect(whole.text).not.toBeNull();
    const store = new BodyStore();
    const large = await prepareBody(bytes(`${exact}y`), 'text/plain', mask, store);
    expect(large).toMatchObject({ kind: 'text', text: null, raw: null, complete: true, note: null, lineCount: exact.split('\n').length });
    expect(large.firstLines).toHaveLength(200);
    expect(large.firstLines[0]).toBe('••••t-77 padding');
    expect((await store.page(large.bodyId!, 'raw', 0, 1)).lines).toEqual(['••••t-77 padding']);
  });

  it('pages a large JSON body in its pretty view, masked as text', async () => {
    const items = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i, key: SECRET })));
    const body = await prepareBody(bytes(items), 'application/json', mask, new BodyStore());
    expect(body.text).toBeNull();
    expect(body.firstLines.slice(0, 4)).toEqual(['[', '  {', '    "i": 0,', '    "key": "••••t-77"']);
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('previews only small images of a known kind, typed without parameters', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]);
    expect((await prepareBody(png, 'image/png; name=x', mask, new BodyStore())).imageDataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect((await prepareBody(png, 'image/tiff', mask, new BodyStore())).imageDataUrl).toBeNull();
    expect((await prepareBody(png, 'application/pdf', mask, new BodyStore())).imageDataUrl).toBeNull();
    const large = Buffer.concat([png, Buffer.alloc(INLINE_BODY_BYTES)]);
    const body = await prepareBody(large, 'image/png', mask, new BodyStore());
    expect(body.imageDataUrl).toBeNull();
    expect(body.firstLines.length).toBeGreaterThan(0);
  });
});
