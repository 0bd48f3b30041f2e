/**
 * Preset descriptions and hints are written with Markdown-style `backticks` around header names,
 * fields and values: show those parts as code rather than as raw backticks.
 */
import { Fragment } from 'react';

/** Splits text on backtick pairs: odd parts are code. An unpaired backtick stays as written. */
export function inlineCodeParts(text: string): Array<{ code: boolean; text: string }> {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [{ code: false, text }];
  return parts.map((part, i) => ({ code: i % 2 === 1, text: part })).filter((part) => part.text !== '');
}

export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {inlineCodeParts(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}
