import type { Rate, Summary } from '../../../shared/api/reports.js';
import type { CsvValue } from '../../../shared/csv.js';
import { Badge, Card } from '../../design/components/index.js';
import { Definition } from './Definition.js';
import { ExportButton } from './ExportButton.js';
import { ShareBar } from './Figure.js';
import { count, ofCount, percent } from './numbers.js';

type Group = Summary['comparison']['doHomework'];

/** Fewer clients than this and one person moves a rate by 20 points or more. */
const SMALL_GROUP = 5;

const GROUPS = [
  { key: 'doHomework', label: 'Do their homework', hint: 'half or more of the days done' },
  { key: 'dontDoHomework', label: 'Don’t do it', hint: 'under half of the days done' },
  { key: 'noHomework', label: 'Given none', hint: 'no homework in this period' },
] as const;

const RATES = [
  { key: 'rebooked', label: 'Rebooked before leaving', unit: 'sessions' },
  { key: 'retention30', label: 'Back within 30 days', unit: 'clients' },
  { key: 'retention60', label: 'Back within 60 days', unit: 'clients' },
  { key: 'retention90', label: 'Back within 90 days', unit: 'clients' },
] as const;

/** The comparison the product promises: clients who do their homework, those who don't, and those given none. */
export function Comparison({ summary, definition, fileStem }: { summary: Summary; definition: string | undefined; fileStem: string }) {
  const groups = GROUPS.map((g) => ({ ...g, figures: summary.comparison[g.key] }));
  return (
    <Card
      className="comparison"
      title="Does homework keep clients coming back?"
      description="Clients seen in this period, grouped by how much of their homework they did."
      actions={<ExportButton what="the comparison" fileName={`${fileStem}-comparison.csv`} rows={() => comparisonCsv(groups)} />}
    >
      <Headline doers={summary.comparison.doHomework} others={summary.comparison.dontDoHomework} />
      <div className="dash-table-box">
        <table className="dash-table comparison__table">
          <caption className="visually-hidden">Rebooking and return visits by homework group</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Measure</span>
              </th>
              {groups.map((g) => (
                <th key={g.key} scope="col" className={`comparison__group comparison__group--${g.key}`}>
                  <span className="comparison__label">{g.label}</span>
                  <span className="comparison__hint">{g.hint}</span>
                  {g.figures.clients === 0 ? (
                    <span className="comparison__hint">Nobody in this group</span>
                  ) : (
                    g.figures.clients < SMALL_GROUP && <Badge tone="warning">Small group — read with care</Badge>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Clients</th>
              {groups.map((g) => (
                <td key={g.key} className="comparison__count">
                  {count(g.figures.clients)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Sessions</th>
              {groups.map((g) => (
                <td key={g.key} className="comparison__count">
                  {count(g.figures.sessions)}
                </td>
              ))}
            </tr>
            {RATES.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {groups.map((g) => (
                  <RateCell key={g.key} rate={g.figures[r.key]} unit={r.unit} muted={g.key !== 'doHomework'} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Definition subject="the comparison" text={definition} />
    </Card>
  );
}

function RateCell({ rate, unit, muted }: { rate: Rate; unit: string; muted: boolean }) {
  return (
    <td className="comparison__rate">
      <span className="comparison__percent">{percent(rate.value)}</span>
      <span className="comparison__of">{rate.value === null ? 'nobody to count' : ofCount(rate, unit)}</span>
      {rate.value !== null && <ShareBar value={rate.value} tone={muted ? 'muted' : 'primary'} />}
    </td>
  );
}

/** One sentence with the answer, when both sides have something to say. */
function Headline({ doers, others }: { doers: Group; others: Group }) {
  const a = doers.rebooked.value;
  const b = others.rebooked.value;
  if (a === null || b === null) return null;
  const small = doers.clients < SMALL_GROUP || others.clients < SMALL_GROUP;
  return (
    <p className="comparison__headline">
      Clients who do their homework rebooked before leaving at <strong>{percent(a)}</strong> of their sessions; those who don’t, at{' '}
      <strong>{percent(b)}</strong>.{small && ' The groups are small, so one client changes these numbers a lot.'}
    </p>
  );
}

function comparisonCsv(groups: { label: string; figures: Group }[]): CsvValue[][] {
  const header = ['Group', 'Clients', 'Sessions'];
  for (const r of RATES) header.push(`${r.label} (count)`, `${r.label} (out of)`, `${r.label} (%)`);
  return [
    header,
    ...groups.map((g) => {
      const row: CsvValue[] = [g.label, g.figures.clients, g.figures.sessions];
      for (const r of RATES) {
        const rate = g.figures[r.key];
        row.push(rate.numerator, rate.denominator, rate.value === null ? '' : Math.round(rate.value * 100));
      }
      return row;
    }),
  ];
}
