/**
 * An environment's mutual TLS: the client certificate its requests present (PEM certificate and
 * key, or a PKCS#12 file with its passphrase) and the custom CA they trust. The key and the
 * passphrase go to the vault; this view only ever shows the certificate's details.
 */
import { useState, type FormEvent } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { ErrorMessage } from '../../components/ErrorMessage';
import { api } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { CertificateDetails } from './CertificateDetails';
import { CertificateInput, emptyInput, sourceOf, type CertificateInputValue } from './CertificateInput';

type Format = 'pem' | 'pkcs12';

export function ClientCertificateSection({ environment }: { environment: Environment }) {
  const action = useAction();
  const [format, setFormat] = useState<Format>('pem');
  const [certificate, setCertificate] = useState<CertificateInputValue>(emptyInput);
  const [key, setKey] = useState<CertificateInputValue>(emptyInput);
  const [ca, setCa] = useState<CertificateInputValue>(emptyInput);
  const [passphrase, setPassphrase] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const current = environment.clientTls;

  const reset = () => {
    setCertificate(emptyInput);
    setKey(emptyInput);
    setCa(emptyInput);
    setPassphrase('');
  };

  async function save(event: FormEvent, what: 'certificate' | 'ca') {
    event.preventDefault();
    const request =
      what === 'ca'
        ? { environmentId: environment.id, ca: sourceOf(ca) ?? { text: '' } }
        : format === 'pkcs12'
          ? { environmentId: environment.id, ...(certificate.file ? { pkcs12: { file: certificate.file.handle } } : {}), passphrase }
          : { environmentId: environment.id, certificate: sourceOf(certificate) ?? { text: '' }, ...(sourceOf(key) ? { key: sourceOf(key)! } : {}), ...(passphrase ? { passphrase } : {}) };
    const saved = await action.run(() => api.clientTls.set(request));
    if (saved) {
      setWarnings(saved.warnings);
      reset();
    }
  }

  const clear = (part: 'certificate' | 'ca') =>
    void action.run(() => api.clientTls.clear({ environmentId: environment.id, certificate: part === 'certificate', ca: part === 'ca' })).then(() => setWarnings([]));

  return (
    <section className="settings-block" aria-labelledby="client-certificate-title">
      <h2 id="client-certificate-title">Client certificate (mutual TLS)</h2>
      <p className="muted small">
        Token requests and API calls to this environment&apos;s hosts present this certificate, and trust the custom CA below in addition to
        this computer&apos;s. The private key and any passphrase are kept encrypted in the vault.
      </p>
      {current?.certificate ? (
        <>
          <CertificateDetails certificate={current.certificate} label="Client certificate" />
          <div className="row">
            <span className="muted small">{current.certificate.format === 'pkcs12' ? 'Imported from a PKCS#12 file' : 'Imported as a PEM certificate and key'}</span>
            <button type="button" className="danger" disabled={action.busy} onClick={() => clear('certificate')}>
              Remove client certificate
            </button>
          </div>
        </>
      ) : (
        <p className="notice">No client certificate: requests to this environment present none.</p>
      )}

      <form className="panel-form" aria-label="Set client certificate" onSubmit={(e) => void save(e, 'certificate')}>
        <fieldset className="row">
          <legend>Format</legend>
          <label className="checkbox">
            <input type="radio" name={`format-${environment.id}`} checked={format === 'pem'} onChange={() => setFormat('pem')} />
            <span>PEM certificate and key</span>
          </label>
          <label className="checkbox">
            <input type="radio" name={`format-${environment.id}`} checked={format === 'pkcs12'} onChange={() => setFormat('pkcs12')} />
            <span>PKCS#12 file (.p12, .pfx)</span>
          </label>
        </fieldset>
        {format === 'pem' ? (
          <>
            <CertificateInput
              label="Certificate"
              placeholder="-----BEGIN CERTIFICATE-----"
              value={certificate}
              onChange={setCertificate}
              action={action}
              onChosen={(file) => file.kind === 'pkcs12' && setFormat('pkcs12')}
            />
            {certificate.file?.kind === 'certificate-and-key' ? (
              <p className="muted small">The key is in the same file.</p>
            ) : (
              <CertificateInput label="Private key" placeholder="-----BEGIN PRIVATE KEY-----" value={key} onChange={setKey} action={action} />
            )}
          </>
        ) : (
          <CertificateInput label="PKCS#12 file" placeholder="" value={certificate} onChange={setCertificate} action={action} pasteable={false} />
        )}
        <label>
          {format === 'pkcs12' ? 'Passphrase of the file' : 'Passphrase of the key (if it is encrypted)'}
          <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <div className="row">
          <button type="submit" disabled={action.busy}>
            Save client certificate
          </button>
        </div>
      </form>

      <h3>Custom CA</h3>
      {current?.ca ? (
        <>
          {current.ca.certificates.map((c, index) => (
            <CertificateDetails key={c.sha256} certificate={c} label={`Custom CA certificate ${index + 1}`} />
          ))}
          <div className="row">
            <button type="button" className="danger" disabled={action.busy} onClick={() => clear('ca')}>
              Remove custom CA
            </button>
          </div>
        </>
      ) : (
        <p className="notice">No custom CA: servers must have a certificate this computer trusts.</p>
      )}
      <form className="panel-form" aria-label="Set custom CA" onSubmit={(e) => void save(e, 'ca')}>
        <CertificateInput label="CA certificate (PEM)" placeholder="-----BEGIN CERTIFICATE-----" value={ca} onChange={setCa} action={action} />
        <div className="row">
          <button type="submit" disabled={action.busy}>
            Save custom CA
          </button>
        </div>
      </form>
      {warnings.map((warning) => (
        <p key={warning} className="warning" role="status">
          {warning}
        </p>
      ))}
      {action.error && <ErrorMessage error={action.error} onDismiss={action.clearError} />}
    </section>
  );
}
