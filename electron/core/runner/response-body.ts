// Decides how a response body is shown (JSON, text, binary, empty) and prepares it for the
// renderer: small bodies go whole, large ones stay in the BodyStore and only the first page goes.
import { FIRST_PAGE_LINES, INLINE_BODY_BYTES, type BodyKind, type ResponseBody } from '../../../shared/runner/results';
import type { BodyStore } from './body-store';
import { maskValue } from '../engine/redact';
import type { Mask } from './mask';

const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-tar|x-7z|vnd\.ms-|vnd\.openxmlformats|wasm|x-protobuf|protobuf|grpc)/i;
const PREVIEW_IMAGES = /^image\/(png|jpe?g|gif|webp|svg\+xml|avif|bmp)/i;

function classify(bytes: Buffer, contentType: string): BodyKind {
  if (bytes.length === 0) return 'empty';
  if (BINARY_TYPES.test(contentType)) return 'binary';
  // A NUL byte never appears in text: the body is binary whatever the header says.
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  if (/json/i.test(contentType)) return 'json';
  const first = bytes.subarray(0, 64).toString('utf8').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'text';
}

/** A body described but not shown (empty, or not kept): nothing to page through. */
export function bodyWithoutContent(kind: BodyKind, contentType: string, sizeBytes: number, note: string | null = null): ResponseBody {
  return { kind, contentType, sizeBytes, bodyId: null, text: null, raw: null, firstLines: [], lineCount: 0, complete: true, imageDataUrl: null, note };
}

/**
 * JSON masked as text keeps its layout; when that breaks it (a secret equal to `true` or `0001`),
 * it is masked value by value instead. Text that was never JSON stays text.
 */
function maskJson(original: string, mask: Mask): string {
  const masked = mask(original);
  if (isJson(masked) || !isJson(original)) return masked;
  return JSON.stringify(maskValue(JSON.parse(original), mask));
}

function isJson(text: string): boolean {
  // An empty catch (a mutant) returns undefined, as falsy as false: equivalent.
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The whole body in the response when small; otherwise kept in `store`, with its first page. */
export async function prepareBody(bytes: Buffer, contentType: string, mask: Mask, store: BodyStore): Promise<ResponseBody> {
  const kind = classify(bytes, contentType);
  const base = bodyWithoutContent(kind, contentType, bytes.length);
  if (kind === 'empty') return base;
  const small = bytes.length <= INLINE_BODY_BYTES;

  if (kind === 'binary') {
    const masked = mask.bytes(bytes);
    // A binary body has no text view (the store refuses it), so any text here is equivalent.
    const bodyId = store.add('binary', '', masked);
    const page = await store.page(bodyId, 'hex', 0, FIRST_PAGE_LINES);
    const image = small && PREVIEW_IMAGES.test(contentType) ? `data:${contentType.split(';')[0]};base64,${masked.toString('base64')}` : null;
    return { ...base, bodyId, firstLines: page.lines, lineCount: page.lineCount, imageDataUrl: image };
  }

  const text = kind === 'json' && small ? maskJson(bytes.toString('utf8'), mask) : mask(bytes.toString('utf8'));
  if (small) {
    // The store tells only 'json' (a pretty view) and 'binary' apart: any other kind here (a mutant) is equivalent.
    const bodyId = store.add('text', text, null);
    if (kind === 'text') return { ...base, bodyId, text };
    try {
      return { ...base, bodyId, text: JSON.stringify(JSON.parse(text), null, 2), raw: text };
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : String(error);
      return { ...base, kind: 'text', bodyId, text, note: `The body looks like JSON but is not valid JSON (${reason}); it is shown as text.` };
    }
  }

  const bodyId = store.add(kind, text, null);
  // A text body has no pretty view, and the store shows it raw in any view but hex: the mutants of `view` are equivalent.
  const view = kind === 'json' ? 'pretty' : 'raw';
  const page = await store.page(bodyId, view, 0, FIRST_PAGE_LINES);
  return { ...base, bodyId, firstLines: page.lines, lineCount: page.lineCount, complete: page.complete, note: page.note };
}
