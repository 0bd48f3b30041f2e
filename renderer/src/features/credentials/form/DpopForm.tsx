/** The recipe's DPoP option: tokens bound to a key pair Tokenbench keeps per credential and environment. */
import { DPOP_ALGORITHMS, type TokenRequestRecipe } from '../../../../../shared/recipe';
import { withDpop } from './dpop-switch';
import { SelectField } from './fields';

const ALGORITHMS = DPOP_ALGORITHMS.map((algorithm) => ({ value: algorithm, label: algorithm }));

export function DpopForm({ value, onChange }: { value: TokenRequestRecipe; onChange(value: TokenRequestRecipe): void }) {
  return (
    <div className="form-group">
      <label className="checkbox">
        <input type="checkbox" checked={value.dpop !== undefined} onChange={(e) => onChange(withDpop(value, e.target.checked ? { algorithm: 'ES256' } : undefined))} />
        <span>Bind tokens to a key kept in the vault (DPoP, RFC 9449)</span>
      </label>
      {value.dpop ? (
        <SelectField label="Proof algorithm" path="dpop.algorithm" value={value.dpop.algorithm} options={ALGORITHMS} onChange={(algorithm) => onChange(withDpop(value, { algorithm }))} />
      ) : (
        <p className="muted small">Only for servers that issue DPoP tokens: each request then carries a proof signed with the key.</p>
      )}
    </div>
  );
}
