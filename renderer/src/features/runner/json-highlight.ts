/**
 * JSON colours taken from the theme (CSS variables in styles.css). CodeMirror's default style is
 * made for light backgrounds only: in the dark theme its red strings and green numbers fall to
 * about 2.5:1 against the editor, below the 4.5:1 that text needs.
 */
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

export const jsonHighlight = HighlightStyle.define([
  { tag: tags.string, color: 'var(--syntax-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--syntax-literal)' },
  { tag: tags.propertyName, color: 'var(--syntax-property)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);
