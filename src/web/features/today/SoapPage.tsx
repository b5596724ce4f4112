import { useParams } from 'react-router';
import type { Soap } from '../../../shared/api/soap.js';
import { soapSections } from '../../../shared/soap-text.js';
import { dayForFormatting } from '../../../shared/time/zone.js';
import { Button, ButtonLink, LoadFailed, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDate, usePracticeClock } from '../../format.js';
import { useApiQuery } from '../../query.js';
import './soap.css';
import { pages, paths } from '../../paths.js';

/** A session read as a SOAP note, ready to print or to save as a PDF. */
export function SoapPage() {
  const { id = '' } = useParams();
  const clock = usePracticeClock();
  const soap = useApiQuery<Soap>(paths.sessionSoap(id));
  if (soap.state.status === 'loading') return <Spinner label="Opening the note…" />;
  if (soap.state.status === 'error')
    return (
      <>
        <PageHeader title="SOAP note" />
        <LoadFailed message={soap.state.message} onRetry={soap.reload} />
      </>
    );
  const s = soap.state.data;
  const day = formatDate(dayForFormatting(s.date), { timeZone: 'UTC', hourStyle: clock.hourStyle });
  return (
    <div className="soap-page">
      <PageHeader
        title={`Session note: ${s.clientName}`}
        documentTitle={`SOAP · ${s.clientName} · ${s.date}`}
        description={day}
        actions={
          <div className="soap-page__actions no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
            <a className="text-link" href={paths.sessionSoapPdf(s.sessionId)} target="_blank" rel="noreferrer">
              PDF
            </a>
            <ButtonLink variant="ghost" to={pages.clientSession(s.clientId, s.sessionId)}>
              Edit the record
            </ButtonLink>
          </div>
        }
      />
      <div className="soap">
        {soapSections(s, (instant) => clock.when(instant)).map((section) => (
          <section key={section.key} className="soap__part" aria-labelledby={`soap-${section.key}`}>
            <h2 id={`soap-${section.key}`} className="soap__title">
              <span className="soap__letter" aria-hidden="true">
                {section.key}
              </span>
              {section.title}
            </h2>
            {section.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are fixed text in a fixed order
              <p key={i} className="soap__line">
                {line}
              </p>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
