/**
 * The built bundles are self-contained: the main bundle loads only `electron` and Node's
 * built-in modules, the preload only `electron` (its sandbox allows nothing else). That is also
 * why the package needs no `node_modules` (electron-builder.yml).
 */
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mainBundle, preloadBundle, requireBuild } from './load-main';
import { moduleSpecifiers } from './module-imports';

describe('the built bundles', () => {
  it('main loads only electron and Node built-ins', () => {
    requireBuild();
    const specifiers = moduleSpecifiers(fs.readFileSync(mainBundle, 'utf8'));
    expect(specifiers).toContain('electron');
    expect(specifiers.filter((specifier) => specifier !== 'electron' && !isBuiltin(specifier))).toEqual([]);
  });

  it('the preload loads only electron', () => {
    requireBuild();
    expect([...new Set(moduleSpecifiers(fs.readFileSync(preloadBundle, 'utf8')))]).toEqual(['electron']);
  });

  it('the reader finds every kind of import, and a computed one', () => {
    const source = `import a from "node:fs"; import { createRequire as q } from "node:module"; export * from "./x.js";
      const r = q(import.meta.url); r("left-pad"); require("lodash"); import("chalk"); import(name);`;
    expect(moduleSpecifiers(source)).toEqual(['node:fs', 'node:module', './x.js', 'left-pad', 'lodash', 'chalk', '<computed>']);
  });
});
