/** A method change handles the body explicitly: set aside for GET, restored for POST, never lost. */
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../../shared/runner/draft';
import { changeMethod } from './method-change';

const imported = emptyDraft({
  method: 'POST',
  url: 'https://api.example.com/orders',
  headers: [
    { name: 'Content-Type', value: 'application/json', enabled: true },
    { name: 'X-Trace', value: 'abc', enabled: true },
  ],
  body: { type: 'json', text: '{"customer":"Ada"}' },
});

describe('changing the method', () => {
  it('sets the body and its Content-Type aside for GET, and says so', () => {
    const toGet = changeMethod(imported, 'GET', null);
    expect(toGet.draft.body).toEqual({ type: 'none' });
    expect(toGet.draft.headers.map((h) => h.name)).toEqual(['X-Trace']);
    expect(toGet.notice).toBe('GET sends no body: the JSON body and its Content-Type header are set aside, and come back if you switch to a method that sends one.');

    const back = changeMethod(toGet.draft, 'PUT', toGet.setAside);
    expect(back.draft.body).toEqual(imported.body);
    expect(back.draft.headers.map((h) => h.name)).toEqual(['X-Trace', 'Content-Type']);
    expect(back.setAside).toBeNull();
    expect(back.notice).toContain('is back');
  });

  it('changes nothing else between methods that both send a body, or with no body', () => {
    expect(changeMethod(imported, 'PATCH', null)).toEqual({ draft: { ...imported, method: 'PATCH' }, setAside: null, notice: null });
    const plain = emptyDraft();
    expect(changeMethod(plain, 'HEAD', null)).toEqual({ draft: { ...plain, method: 'HEAD' }, setAside: null, notice: null });
  });

  it('does not bring a set-aside body over one typed since', () => {
    const toGet = changeMethod(imported, 'GET', null);
    const typed = { ...toGet.draft, body: { type: 'raw' as const, text: 'new' } };
    expect(changeMethod(typed, 'POST', toGet.setAside).draft.body).toEqual({ type: 'raw', text: 'new' });
  });
});
