/** Backticks in preset text become code, and text without a pair stays as written. */
import { describe, expect, it } from 'vitest';
import { inlineCodeParts } from './InlineCode';

describe('inline code in preset text', () => {
  it('marks the parts between backticks as code', () => {
    expect(inlineCodeParts('Lemonway REST API: `Authorization: basic <API key>` and form field Grant_type.')).toEqual([
      { code: false, text: 'Lemonway REST API: ' },
      { code: true, text: 'Authorization: basic <API key>' },
      { code: false, text: ' and form field Grant_type.' },
    ]);
  });

  it('keeps an unpaired backtick as text', () => {
    expect(inlineCodeParts('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
    expect(inlineCodeParts('`x`')).toEqual([{ code: true, text: 'x' }]);
  });
});
