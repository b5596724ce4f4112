import { useEffect, useState } from 'react';
import type { Member } from '../../../shared/api/auth.js';
import { WEEKDAY_NAMES, type WorkingHours, type WorkingRange, workingRangeProblems } from '../../../shared/api/working-hours.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button, Card, SelectField, Spinner, TextField } from '../../design/components/index.js';
import { usePracticeClock } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import './working-hours.css';
import { paths } from '../../paths.js';

type DayOff = WorkingHours['daysOff'][number];

/**
 * Working hours and days off, so checkout offers only times the therapist works. The owner can set
 * anyone's; a therapist sets their own. Reached at /settings#working-hours.
 */
export function WorkingHoursSection() {
  const { member } = useSignedIn();
  const isOwner = member.role === 'owner';
  const team = useApiQuery<{ members: Member[] }>(isOwner ? paths.members() : null);
  const [whose, setWhose] = useState(member.id);
  const members = team.state.status === 'ready' ? team.state.data.members : [];

  return (
    <div id="working-hours">
      <Card
        title="Working hours"
        description="Checkout offers the next visit only inside these hours, never on a day off. Add two ranges on one day for a break."
      >
        {isOwner && members.length > 1 && (
          <SelectField
            label="Whose hours"
            name="working-hours-member"
            value={whose}
            onChange={(e) => setWhose(e.target.value)}
            options={members.map((m) => ({ value: m.id, label: m.id === member.id ? `${m.name} (you)` : m.name }))}
          />
        )}
        <WeekEditor key={whose} memberId={whose} />
      </Card>
    </div>
  );
}

function WeekEditor({ memberId }: { memberId: string }) {
  const clock = usePracticeClock();
  const loaded = useApiQuery<WorkingHours>(paths.workingHours(memberId));
  const [weekly, setWeekly] = useState<WorkingRange[]>([]);
  const [daysOff, setDaysOff] = useState<DayOff[]>([]);
  const [newDay, setNewDay] = useState<DayOff>({ date: '', reason: '' });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const data = loaded.state.status === 'ready' ? loaded.state.data : null;

  useEffect(() => {
    if (!data) return;
    setWeekly(data.weekly);
    setDaysOff(data.daysOff);
  }, [data]);

  if (loaded.state.status === 'loading') return <Spinner label="Loading working hours…" />;
  if (loaded.state.status === 'error') return <Alert tone="error">{loaded.state.message}</Alert>;

  const problems = workingRangeProblems(weekly);
  const setRange = (index: number, change: Partial<WorkingRange>) =>
    setWeekly((w) => w.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const addRange = (weekday: number) =>
    setWeekly((w) => {
      const last = w.filter((r) => r.weekday === weekday).at(-1);
      return [
        ...w,
        last ? { weekday, start: last.end < '13:00' ? '13:00' : last.end, end: '18:00' } : { weekday, start: '09:00', end: '17:00' },
      ];
    });

  async function save() {
    if (problems.length) {
      setMessage({ tone: 'error', text: problems.map((p) => p.message).join('. ') });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      const saved = await api.put<WorkingHours>(paths.workingHours(memberId), {
        weekly,
        daysOff: daysOff.map((d) => (d.reason ? d : { date: d.date })),
      });
      setWeekly(saved.weekly);
      setDaysOff(saved.daysOff);
      setMessage({ tone: 'success', text: 'Working hours saved.' });
    } catch (err) {
      setMessage({ tone: 'error', text: messageOf(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="stack">
      {data && !data.saved && <p className="muted">Not set yet: Monday to Friday, 09:00 to 17:00 is assumed.</p>}
      <p className="muted small">Times are on the practice’s clock ({clock.zoneName}).</p>
      <ul className="plain-list working-week">
        {WEEKDAY_NAMES.map((name, i) => {
          const weekday = i + 1;
          const ranges = weekly.map((r, index) => ({ r, index })).filter(({ r }) => r.weekday === weekday);
          return (
            <li key={name} className="working-week__day">
              <p className="working-week__name">{name}</p>
              {ranges.length === 0 && <p className="muted">Not working</p>}
              {ranges.map(({ r, index }, n) => (
                <fieldset key={index} className="working-week__range">
                  <legend className="visually-hidden">{`${name}, hours ${n + 1}`}</legend>
                  <TextField
                    label="From"
                    name={`from-${index}`}
                    type="time"
                    step={300}
                    value={r.start}
                    onChange={(e) => setRange(index, { start: e.target.value })}
                  />
                  <TextField
                    label="To"
                    name={`to-${index}`}
                    type="time"
                    step={300}
                    value={r.end}
                    error={problems.find((p) => p.index === index)?.message}
                    onChange={(e) => setRange(index, { end: e.target.value })}
                  />
                  <Button variant="ghost" onClick={() => setWeekly((w) => w.filter((_, j) => j !== index))}>
                    Remove
                  </Button>
                </fieldset>
              ))}
              <div>
                <Button variant="secondary" onClick={() => addRange(weekday)} aria-label={`Add hours on ${name}`}>
                  {ranges.length ? 'Add hours after a break' : 'Add hours'}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>

      <h3>Days off</h3>
      {daysOff.length === 0 ? (
        <p className="muted">No days off planned.</p>
      ) : (
        <ul className="plain-list row-list">
          {daysOff.map((d) => (
            <li key={d.date} className="row-list__item">
              <span>
                {clock.date(clock.startsAt(d.date, '12:00') ?? d.date)}
                {d.reason ? ` · ${d.reason}` : ''}
              </span>
              <Button
                variant="ghost"
                onClick={() => setDaysOff((all) => all.filter((x) => x.date !== d.date))}
                aria-label={`Remove day off ${d.date}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="working-week__range">
        <TextField
          label="Day off"
          name="day-off-date"
          type="date"
          optional
          value={newDay.date}
          onChange={(e) => setNewDay((d) => ({ ...d, date: e.target.value }))}
        />
        <TextField
          label="Why"
          name="day-off-reason"
          optional
          maxLength={200}
          value={newDay.reason ?? ''}
          onChange={(e) => setNewDay((d) => ({ ...d, reason: e.target.value }))}
        />
        <Button
          variant="secondary"
          disabled={!newDay.date || daysOff.some((d) => d.date === newDay.date)}
          onClick={() => {
            setDaysOff((all) =>
              [...all, { date: newDay.date, ...(newDay.reason?.trim() ? { reason: newDay.reason.trim() } : {}) }].sort((a, b) =>
                a.date.localeCompare(b.date),
              ),
            );
            setNewDay({ date: '', reason: '' });
          }}
        >
          Add day off
        </Button>
      </div>

      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div>
        <Button loading={saving} onClick={save}>
          Save working hours
        </Button>
      </div>
    </div>
  );
}
