import type { Practice } from '../../../shared/api/practice.js';
import { Alert, Card, Spinner } from '../../design/components/index.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import { PracticeSettingsForm } from './PracticeSettingsForm.js';
import { paperSizeLabels } from './practiceLabels.js';

/** The practice's settings: a form for the owner, a read-only summary for everyone else. */
export function PracticeSection() {
  const { member } = useSignedIn();
  const { state, setData } = useApiQuery<Practice>(paths.practice());
  const isOwner = member.role === 'owner';
  return (
    <Card
      id="practice"
      title="Practice"
      description={isOwner ? 'How Carryover works for everyone in your practice.' : 'Only the practice owner can change these settings.'}
    >
      {state.status === 'loading' && <Spinner label="Loading practice settings…" />}
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      {state.status === 'ready' &&
        (isOwner ? <PracticeSettingsForm practice={state.data} onSaved={setData} /> : <PracticeSummary practice={state.data} />)}
    </Card>
  );
}

function PracticeSummary({ practice }: { practice: Practice }) {
  return (
    <dl className="details-list">
      <dt>Practice name</dt>
      <dd>{practice.name}</dd>
      <dt>Time zone</dt>
      <dd>{practice.timezone}</dd>
      <dt>Clock</dt>
      <dd>{practice.timeFormat === '24h' ? '24-hour (14:30)' : '12-hour (2:30 PM)'}</dd>
      <dt>Handout paper</dt>
      <dd>{paperSizeLabels[practice.paperSize]}</dd>
      <dt>Homework per client</dt>
      <dd>
        At most {practice.homeworkCap} active {practice.homeworkCap === 1 ? 'item' : 'items'}
      </dd>
      <dt>Emails come from</dt>
      <dd>{practice.senderName || practice.name}</dd>
      <dt>Client replies go to</dt>
      <dd>{practice.replyTo || 'Not set'}</dd>
    </dl>
  );
}
