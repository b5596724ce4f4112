import { Link } from 'react-router';
import { Alert, Card, MailIcon, PageHeader } from '../../design/components/index.js';
import { useSignedIn } from '../../session.js';
import { CalendarSettings } from '../calendar/CalendarSettings.js';
import { ApiKeysSection } from './ApiKeysSection.js';
import { PracticeSection } from './PracticeSection.js';
import { roleLabels } from './practiceLabels.js';
import { TeamSection } from './TeamSection.js';
import { TwoFactorSection } from './TwoFactorSection.js';
import { WorkingHoursSection } from './WorkingHoursSection.js';
import './settings.css';

export function SettingsPage() {
  const { member, practice } = useSignedIn();
  const isOwner = member.role === 'owner';
  return (
    <>
      <PageHeader title="Settings" description={`Settings for ${practice.name}.`} />
      <div className="stack-lg">
        {practice.isDemo && (
          <Alert tone="info" title="This is a demo practice">
            Its clients and sessions are made up, so you can try Carryover without real client details.
          </Alert>
        )}
        <Card title="Your account">
          <dl className="details-list">
            <dt>Name</dt>
            <dd>{member.name}</dd>
            <dt>Email</dt>
            <dd>{member.email}</dd>
            <dt>Role</dt>
            <dd>{roleLabels[member.role]}</dd>
          </dl>
        </Card>
        <TwoFactorSection isOwner={isOwner} />
        <PracticeSection />
        <WorkingHoursSection />
        <CalendarSettings />
        {isOwner && <TeamSection />}
        {isOwner && <ApiKeysSection />}
        <Card title="Email">
          <p>
            When no mail server (SMTP) is set up, Carryover keeps every email it would have sent in a local mailbox instead, so you can read
            reset links, invitations and homework emails there.
          </p>
          <p>
            <Link to="/mailbox" className="icon-link">
              <MailIcon size={20} />
              <span>Open the local mailbox</span>
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}
