import { type FormEvent, useState } from 'react';
import type { Member } from '../../../shared/api/auth.js';
import { Button, ChoiceChips, SelectField, TextField } from '../../design/components/index.js';
import { type DashboardPlace, type Day, isDay, PERIOD_CHOICES, type PeriodChoice } from './period.js';

export interface PickerErrors {
  from?: string;
  to?: string;
  therapistId?: string;
}

interface Props {
  place: DashboardPlace;
  go: (change: Partial<DashboardPlace>) => void;
  /** The dates the chosen period covers now. */
  dates: { from: Day; to: Day };
  /** The team, for an owner choosing whose figures to see; null for a therapist. */
  members: Member[] | null;
  errors: PickerErrors;
}

/** Which period and whose figures: everything here lives in the address. */
export function PeriodPicker({ place, go, dates, members, errors }: Props) {
  const choose = (period: PeriodChoice) =>
    go(period === 'custom' ? { period, from: place.from ?? dates.from, to: place.to ?? dates.to } : { period });
  return (
    <div className="period-picker">
      <div className="period-picker__row">
        <ChoiceChips name="period" legend="Period" options={PERIOD_CHOICES} value={place.period} onChange={choose} />
        {members && members.length > 1 && (
          <SelectField
            label="Whose figures"
            name="therapist"
            className="period-picker__who"
            value={place.therapist ?? 'all'}
            error={errors.therapistId}
            onChange={(e) => go({ therapist: e.target.value === 'all' ? null : e.target.value })}
            options={[{ value: 'all', label: 'Whole practice' }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
          />
        )}
      </div>
      {place.period === 'custom' && <CustomDates key={`${dates.from}/${dates.to}`} dates={dates} go={go} errors={errors} />}
    </div>
  );
}

/** Two dates and a button: the figures change when the dates are complete, not at every keystroke. */
function CustomDates({ dates, go, errors }: { dates: { from: Day; to: Day }; go: Props['go']; errors: PickerErrors }) {
  const [from, setFrom] = useState(dates.from);
  const [to, setTo] = useState(dates.to);
  function show(event: FormEvent) {
    event.preventDefault();
    if (isDay(from) && isDay(to)) go({ period: 'custom', from, to });
  }
  return (
    <form className="period-picker__custom" onSubmit={show} aria-label="Custom period">
      <TextField label="From" name="from" type="date" value={from} error={errors.from} onChange={(e) => setFrom(e.target.value)} />
      <TextField label="To" name="to" type="date" value={to} error={errors.to} onChange={(e) => setTo(e.target.value)} />
      <Button type="submit" variant="secondary">
        Show these dates
      </Button>
    </form>
  );
}
