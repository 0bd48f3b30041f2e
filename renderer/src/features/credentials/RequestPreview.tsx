/**
 * The exact token request the recipe will send, secrets masked, rebuilt on every keystroke with
 * the same code the engine sends with (`previewTokenRequest`). Static keys and Basic need no token
 * request: the preview shows how API requests carry them instead.
 */
import type { Variable } from '../../../../shared/domain/environment';
import { previewTokenRequest, type Recipe, type RequestPreview as Preview } from '../../../../shared/recipe';
import { previewScope } from './preview-scope';

function HttpText({ title, request }: { title: string; request: Preview }) {
  const text = [`${request.method} ${request.url}`, ...request.headers.map((h) => `${h.name}: ${h.value}`), ...(request.body !== undefined ? ['', request.body] : [])].join('\n');
  return (
    <figure className="http-preview">
      <figcaption>{title}</figcaption>
      {/* A named, focusable region: read as one piece, and scrollable from the keyboard. */}
      <pre role="region" tabIndex={0} aria-label={`${title} preview`}>{text}</pre>
    </figure>
  );
}

export function RequestPreview({ recipe, variables }: { recipe: Recipe | null; variables: readonly Variable[] }) {
  if (!recipe) {
    return (
      <aside className="preview" aria-label="Request preview">
        <h3>Request preview</h3>
        <p className="muted small">Fix the problems in the recipe to see the request it sends.</p>
      </aside>
    );
  }
  const preview = previewTokenRequest(recipe, previewScope(variables));
  const use = `${recipe.use.in === 'header' ? `${recipe.use.name}: ` : `?${recipe.use.name}=`}${recipe.use.value}`;
  return (
    <aside className="preview" aria-label="Request preview">
      <h3>Request preview</h3>
      {preview.tokenRequest ? (
        <HttpText title="Token request" request={preview.tokenRequest} />
      ) : (
        <p className="muted small">No token request: {recipe.kind === 'static' ? 'the key is used as it is.' : 'the username and password are sent with every request.'}</p>
      )}
      {preview.refreshRequest && <HttpText title="Refresh request" request={preview.refreshRequest} />}
      <p className="small">
        API requests carry <code>{use}</code>
      </p>
      {preview.unknownVariables.length > 0 && (
        <p className="warning small">
          Not in this environment: {preview.unknownVariables.map((u) => `{{${u.variable}}}`).join(', ')}. Add the variables, or correct the names.
        </p>
      )}
      <p className="muted small">Secret values show as ••••; they never leave the main process.</p>
    </aside>
  );
}
