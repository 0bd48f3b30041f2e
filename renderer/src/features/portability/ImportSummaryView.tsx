/** What an import did: imported (and under which name), skipped and why, variables left out, and secrets still to set. */
import type { ImportedItem, ImportSummary } from '../../../../shared/ipc/domains/portability';
import { importedItemText, importedSentence, secretsMovedSentence, secretsWithoutValueSentence } from './wording';

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const items = [
    ...summary.environments.map((item) => ({ kind: 'Environment', item })),
    ...summary.credentials.map((item) => ({ kind: 'Credential', item })),
    ...summary.collections.map((item) => ({ kind: 'Collection', item })),
  ];
  const imported = items.filter(({ item }) => item.importedAs !== null);
  const skipped = items.filter(({ item }) => item.importedAs === null);
  const missingSecrets = secretsWithoutValueSentence(summary.secretsWithoutValue);

  return (
    <div className="portability-result">
      <p role="status">{importedSentence(summary)}</p>
      {imported.length > 0 && <ItemList title="Imported" items={imported} describe={importedItemText} />}
      {skipped.length > 0 && (
        <ItemList title="Skipped" items={skipped} describe={(item) => `${item.name}: ${item.skipped ?? 'not imported'}`} />
      )}
      {summary.skippedVariables.length > 0 && (
        <section aria-label="Variables left out">
          <h3>Variables left out</h3>
          <ul>
            {summary.skippedVariables.map((v, index) => (
              <li key={index}>
                {v.environment} / {v.name}: {v.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.notMapped.length > 0 && (
        <section aria-label="Not mapped">
          <h3>Not mapped</h3>
          <ul>
            {summary.notMapped.map((n, index) => (
              <li key={index}>
                {n.where}: {n.what}
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.secretsMoved > 0 && <p className="small">{secretsMovedSentence(summary.secretsMoved)}</p>}
      {missingSecrets && <p className="portability-warning">{missingSecrets}</p>}
    </div>
  );
}

function ItemList({ title, items, describe }: { title: string; items: Array<{ kind: string; item: ImportedItem }>; describe(item: ImportedItem): string }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map(({ kind, item }, index) => (
          <li key={index}>
            <span className="muted">{kind}</span> {describe(item)}
          </li>
        ))}
      </ul>
    </section>
  );
}
