/** What the environment shows of a certificate: subject, issuer, validity and SHA-256 thumbprint. */
import type { CertificateSummary } from '../../../../shared/domain/environment';
import { useNow } from '../../lib/clock';

const day = (iso: string) => iso.slice(0, 10);

export function CertificateDetails({ certificate, label }: { certificate: CertificateSummary; label: string }) {
  const now = useNow(false);
  const expired = Date.parse(certificate.notAfter) <= now;
  const early = Date.parse(certificate.notBefore) > now;
  return (
    <div className="certificate-details">
      <dl aria-label={label}>
        <dt>Subject</dt>
        <dd>{certificate.subject}</dd>
        <dt>Issuer</dt>
        <dd>{certificate.issuer}</dd>
        <dt>Valid</dt>
        <dd>
          {day(certificate.notBefore)} to {day(certificate.notAfter)}
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="thumbprint">{certificate.sha256}</code>
        </dd>
      </dl>
      {expired && (
        <p className="warning" role="note">
          This certificate expired on {day(certificate.notAfter)}: servers will refuse it. Ask its issuer for a new one.
        </p>
      )}
      {early && (
        <p className="warning" role="note">
          This certificate is not valid before {day(certificate.notBefore)}: servers will refuse it until then.
        </p>
      )}
    </div>
  );
}
