import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Alert, CheckboxField } from '../../design/components/index.js';
import { formatDateTime } from '../../format.js';
import { paths } from '../../paths.js';
import type { Homework } from './homeworkData.js';

/** "Client demonstrated it": recorded with the time, for the practice's demonstrated rate. */
export function Demonstrated({ homework, onChanged }: { homework: Homework; onChanged: (homework: Homework) => void }) {
  const [pending, setPending] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function record(demonstrated: boolean) {
    setProblem(null);
    setPending(demonstrated);
    try {
      onChanged(await api.patch<Homework>(paths.homework(homework.id), { demonstrated }));
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="demonstrated stack">
      <CheckboxField
        name="demonstrated"
        label="Client demonstrated it"
        className="demonstrated__box"
        checked={pending ?? Boolean(homework.demonstratedAt)}
        disabled={pending !== null}
        hint="Tick it once they have done it on their own, with you watching."
        onChange={(e) => record(e.target.checked)}
      />
      <p role="status" className="demonstrated__when">
        {homework.demonstratedAt ? `Recorded ${formatDateTime(homework.demonstratedAt)}.` : ''}
      </p>
      {problem && <Alert tone="error">{problem}</Alert>}
    </div>
  );
}
