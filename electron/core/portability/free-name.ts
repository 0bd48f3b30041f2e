/** Names an import gives what it adds, never overwriting what is there. */

/** "Sandbox", "Sandbox (imported)", "Sandbox (imported 2)", ...: the first name not in `taken`. */
export function freeName(name: string, taken: Set<string>, onConflict: 'rename' | 'skip'): string | null {
  if (!taken.has(name.toLowerCase())) return name;
  if (onConflict === 'skip') return null;
  for (let n = 1; ; n++) {
    const candidate = `${name} (imported${n === 1 ? '' : ` ${n}`})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
