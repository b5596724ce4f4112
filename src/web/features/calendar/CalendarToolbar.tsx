import type { Member } from '../../../shared/api/auth.js';
import { Button, SelectField } from '../../design/components/index.js';
import type { CalendarView } from './calendarParams.js';

interface Props {
  view: CalendarView;
  heading: string;
  onToday: () => void;
  onStep: (direction: -1 | 1) => void;
  onView: (view: CalendarView) => void;
  /** Shown to an owner with more than one therapist. */
  therapists: Member[] | null;
  therapist: string | null;
  onTherapist: (id: string | null) => void;
}

/** Today, back and forward, day or week, and (for an owner) whose calendar. */
export function CalendarToolbar({ view, heading, onToday, onStep, onView, therapists, therapist, onTherapist }: Props) {
  const unit = view === 'day' ? 'day' : 'week';
  return (
    <div className="cal-toolbar">
      <div className="cluster">
        <Button variant="secondary" onClick={onToday}>
          Today
        </Button>
        <div className="cal-toolbar__steps">
          <Button variant="ghost" onClick={() => onStep(-1)} aria-label={`Previous ${unit}`}>
            <span aria-hidden="true">‹</span>
          </Button>
          <Button variant="ghost" onClick={() => onStep(1)} aria-label={`Next ${unit}`}>
            <span aria-hidden="true">›</span>
          </Button>
        </div>
        <h2 className="cal-toolbar__heading" aria-live="polite">
          {heading}
        </h2>
      </div>
      <div className="cluster">
        {therapists && therapists.length > 1 && (
          <SelectField
            label="Therapist"
            name="therapist"
            value={therapist ?? 'all'}
            onChange={(e) => onTherapist(e.target.value === 'all' ? null : e.target.value)}
            options={[{ value: 'all', label: 'Everyone' }, ...therapists.map((m) => ({ value: m.id, label: m.name }))]}
          />
        )}
        <fieldset className="cal-switch">
          <legend className="visually-hidden">Show</legend>
          {(['day', 'week'] as const).map((v) => (
            <Button key={v} variant={view === v ? 'primary' : 'secondary'} aria-pressed={view === v} onClick={() => onView(v)}>
              {v === 'day' ? 'Day' : 'Week'}
            </Button>
          ))}
        </fieldset>
      </div>
    </div>
  );
}
