/**
 * The variables a live preview may use: plain values as they are, secret ones as empty secrets
 * (the renderer never holds them), which the preview shows as ••••.
 */
import type { Variable } from '../../../../shared/domain/environment';
import type { VariableScope } from '../../../../shared/recipe';

export function previewScope(variables: readonly Variable[]): VariableScope {
  return Object.fromEntries(variables.map((v) => [v.name, v.secret ? { value: '', secret: true } : { value: v.value, secret: false }]));
}
