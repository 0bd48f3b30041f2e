/** The proposal's variables (values to fill in, secret switches) and its guesses, each with why. */
import type { ExampleProposalView } from '../../../../shared/ipc/domains/from-example';

interface Props {
  proposal: ExampleProposalView;
  values: Record<string, string>;
  secret: Record<string, boolean>;
  onValue(name: string, value: string): void;
  onSecret(name: string, secret: boolean): void;
}

export function ProposalView({ proposal, values, secret, onValue, onSecret }: Props) {
  return (
    <>
      <h3>Variables</h3>
      <table className="from-example-variables">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Secret</th>
          </tr>
        </thead>
        <tbody>
          {proposal.variables.map((v) => {
            const isSecret = secret[v.name] ?? v.secret;
            const placeholder = isSecret ? (v.hint ? `from the example (${v.hint})` : 'type the value') : v.fromExample ? '' : 'type the value';
            return (
              <tr key={v.name} title={v.why}>
                <th scope="row">
                  <code>{v.name}</code>
                </th>
                <td>
                  <input
                    aria-label={`Value of ${v.name}`}
                    type={isSecret ? 'password' : 'text'}
                    autoComplete="off"
                    placeholder={placeholder}
                    value={values[v.name] ?? (isSecret ? '' : v.value)}
                    onChange={(e) => onValue(v.name, e.target.value)}
                  />
                </td>
                <td>
                  <input type="checkbox" aria-label={`${v.name} is secret`} checked={isSecret} onChange={(e) => onSecret(v.name, e.target.checked)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>What was guessed, and why</h3>
      <ul className="from-example-guesses" aria-label="Guesses" tabIndex={0}>
        {proposal.guesses.map((guess, index) => (
          <li key={`${guess.part}-${index}`}>
            <code>{guess.part}</code>: {guess.summary}
            <div className="muted small">{guess.why}</div>
          </li>
        ))}
      </ul>
      {proposal.warnings.length > 0 && (
        <ul className="from-example-warnings" aria-label="Notes">
          {proposal.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </>
  );
}
