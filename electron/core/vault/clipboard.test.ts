import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import { CLIPBOARD_CLEAR_MS, createSecretClipboard } from './clipboard';
import { testClipboard } from '../../../testing/vault';

describe('the secret clipboard', () => {
  it('clears a copied secret after the delay', () => {
    const clock = createManualClock();
    const system = testClipboard();
    createSecretClipboard(system, clock).copy('s3cret');
    expect(system.text).toBe('s3cret');
    clock.advance(CLIPBOARD_CLEAR_MS);
    expect(system.text).toBe('');
  });

  it('clears a copied secret at once on clearNow (quitting), and its timer no longer fires', () => {
    const clock = createManualClock();
    const system = testClipboard();
    const secrets = createSecretClipboard(system, clock);
    secrets.copy('s3cret');
    secrets.clearNow();
    expect(system.text).toBe('');
    system.writeText('copied by the user later');
    clock.advance(CLIPBOARD_CLEAR_MS);
    expect(system.text).toBe('copied by the user later');
  });

  it('leaves what the user copied since then on clearNow', () => {
    const system = testClipboard();
    const secrets = createSecretClipboard(system, createManualClock());
    secrets.copy('s3cret');
    system.writeText('the user’s own text');
    secrets.clearNow();
    expect(system.text).toBe('the user’s own text');
  });
});
