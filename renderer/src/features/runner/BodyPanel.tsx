/**
 * The response body: pretty JSON (folding, search) or raw text when small; a paged, virtualized
 * view when large; hex and an image preview for binary bodies.
 */
import { lazy, Suspense, useState } from 'react';
import type { BodyView, ResponseBody } from '../../../../shared/runner/results';
import { formatBytes } from './format';
import { PagedBody } from './PagedBody';

const CodeEditor = lazy(() => import('./CodeEditor'));

export function BodyPanel({ body }: { body: ResponseBody }) {
  const [view, setView] = useState<BodyView>(body.kind === 'binary' ? 'hex' : 'pretty');
  if (body.kind === 'empty') return <p className="muted">The response has no body.</p>;
  const views: BodyView[] = body.kind === 'binary' ? ['hex'] : body.kind === 'json' ? ['pretty', 'raw'] : ['raw'];
  const current = views.includes(view) ? view : views[0]!;

  return (
    <div className="body-panel">
      <div className="row">
        {views.length > 1 &&
          views.map((v) => (
            <button key={v} type="button" className={v === current ? 'selected' : ''} aria-pressed={v === current} onClick={() => setView(v)}>
              {v === 'pretty' ? 'Pretty' : 'Raw'}
            </button>
          ))}
        <span className="muted small">
          {body.contentType || 'no content type'} · {formatBytes(body.sizeBytes)}
        </span>
      </div>
      {body.note && <p className="warning small">{body.note}</p>}
      {body.imageDataUrl && <img className="image-preview" src={body.imageDataUrl} alt="Preview of the response image" />}
      <BodyContent body={body} view={current} />
    </div>
  );
}

function BodyContent({ body, view }: { body: ResponseBody; view: BodyView }) {
  if (body.text !== null) {
    const text = view === 'raw' ? (body.raw ?? body.text) : body.text;
    if (body.kind === 'json' && view === 'pretty') {
      return (
        <Suspense fallback={<pre className="plain-body">{text}</pre>}>
          <CodeEditor readOnly label="Response body" value={text} />
        </Suspense>
      );
    }
    return (
      <pre className="plain-body" role="region" tabIndex={0} aria-label="Response body">
        {text}
      </pre>
    );
  }
  if (body.bodyId === null) return <p className="muted">The body ({formatBytes(body.sizeBytes)}) was not kept.</p>;
  const isDefault = (body.kind === 'json' && view === 'pretty') || (body.kind === 'text' && view === 'raw') || body.kind === 'binary';
  return (
    <PagedBody
      key={`${body.bodyId}:${view}`}
      bodyId={body.bodyId}
      view={view}
      firstLines={isDefault ? body.firstLines : []}
      lineCount={isDefault ? body.lineCount : 0}
      complete={isDefault ? body.complete : false}
    />
  );
}
