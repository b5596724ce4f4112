import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { type Client, findingSchema, type SessionRecord, sessionBody } from '../../../shared/api/clients.js';
import type { SinceLastSession } from '../../../shared/api/soap.js';
import { COMPLAINTS, type Complaint, regionSlugs } from '../../../shared/vocabulary.js';
import { api } from '../../api.js';
import { ChipGroup, FormActions, TextAreaField, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { todayHere } from '../../format.js';
import { useForm } from '../../forms.js';
import { pages, paths } from '../../paths.js';
import { type Area, AreasOnMap } from './AreasOnMap.js';
import { type FindingDraft, FindingsEditor, newFinding } from './FindingsEditor.js';
import { errorAt, optionsOf } from './labels.js';

// The API's schema, with a message a therapist can act on for a finding left without an area.
const sessionForm = sessionBody.extend({
  findings: z
    .array(findingSchema.extend({ region: z.enum(regionSlugs, { error: 'Choose the area of this finding' }) }))
    .max(30)
    .default([]),
});

interface Values {
  date: string;
  focusComplaints: Complaint[];
  areasWorked: Area[];
  areasNeedingMoreTime: Area[];
  findings: FindingDraft[];
  notes: string;
  subjective: string;
  assessment: string;
}

/** Where a new session comes from: the visit started on Today, and what the client reported since last time. */
export interface SessionStart {
  appointmentId?: string;
  date?: string;
}

function valuesOf(client: Client, session?: SessionRecord, visit?: SessionStart, report?: SinceLastSession): Values {
  if (!session)
    return {
      date: visit?.date ?? todayHere(),
      focusComplaints: client.intake.complaints,
      areasWorked: [],
      areasNeedingMoreTime: [],
      findings: [],
      notes: '',
      subjective: report?.summary ?? '',
      assessment: '',
    };
  return {
    date: session.date,
    focusComplaints: session.focusComplaints,
    areasWorked: session.areasWorked,
    areasNeedingMoreTime: session.areasNeedingMoreTime,
    findings: session.findings.map((f) => ({
      ...newFinding(),
      region: f.region,
      side: f.side ?? '',
      muscle: f.muscle ?? '',
      note: f.note ?? '',
    })),
    notes: session.notes ?? '',
    subjective: session.subjective ?? '',
    assessment: session.assessment ?? '',
  };
}

function bodyOf(v: Values, appointmentId?: string) {
  return {
    date: v.date,
    focusComplaints: v.focusComplaints,
    areasWorked: v.areasWorked,
    areasNeedingMoreTime: v.areasNeedingMoreTime,
    findings: v.findings.map((f) => ({
      region: f.region,
      ...(f.side ? { side: f.side } : {}),
      ...(f.muscle.trim() ? { muscle: f.muscle.trim() } : {}),
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
    })),
    notes: v.notes.trim() || null,
    subjective: v.subjective.trim() || null,
    assessment: v.assessment.trim() || null,
    ...(appointmentId ? { appointmentId } : {}),
  };
}

/** Today's session on one screen: focus, the body map, findings, notes; one tap saves it. */
export function SessionForm({
  client,
  session,
  visit,
  report,
}: {
  client: Client;
  session?: SessionRecord;
  visit?: SessionStart;
  report?: SinceLastSession;
}) {
  const navigate = useNavigate();
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState(() => valuesOf(client, session, visit, report));
  const [lastTapped, setLastTapped] = useState<Area | undefined>();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  // The client's own complaints first: the ones a therapist most often picks.
  const focusOptions = [
    ...optionsOf(COMPLAINTS, client.intake.complaints),
    ...optionsOf(COMPLAINTS).filter((o) => !client.intake.complaints.includes(o.value)),
  ];

  function save(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: sessionForm,
      values: bodyOf(values, session ? undefined : visit?.appointmentId),
      send: async (body) => {
        if (session) {
          await api.patch<SessionRecord>(paths.session(session.id), body);
          navigate(pages.client(client.id), { state: { notice: 'Session record updated.' } });
          return;
        }
        // A new session goes straight on to homework: the next minute of the visit.
        const saved = await api.post<SessionRecord>(paths.clientSessions(client.id), body);
        navigate(pages.homeworkStep(saved.id, client.id), { state: { notice: 'Session saved.' } });
      },
    });
  }

  return (
    <form ref={formRef} className="stack-lg session-form" noValidate onSubmit={save}>
      <FormError message={formError} />
      <div className="session-form__top">
        <TextField
          label="Date"
          name="date"
          type="date"
          value={values.date}
          max={todayHere(new Date(Date.now() + 86_400_000))}
          onChange={(e) => set('date', e.target.value)}
          error={fieldErrors.date}
          className="session-form__date"
        />
        <ChipGroup
          legend="Focus today"
          name="focusComplaints"
          hint={client.intake.complaints.length ? 'Their intake complaints are chosen already.' : undefined}
          options={focusOptions}
          selected={values.focusComplaints}
          onChange={(v) => set('focusComplaints', v)}
          error={errorAt(fieldErrors, 'focusComplaints')}
        />
      </div>

      <TextAreaField
        label="What the client reported (S)"
        name="subjective"
        optional
        hint={
          report && report.checkIns + report.openQuestions.length + report.notes.length > 0
            ? 'Filled in from their check-ins and questions since last session. Change anything.'
            : 'How they have been since last time, in their words.'
        }
        value={values.subjective}
        onChange={(e) => set('subjective', e.target.value)}
        error={fieldErrors.subjective}
        rows={4}
      />

      <section className="stack" aria-labelledby="areas-title">
        <h2 id="areas-title" className="form-section__title">
          Areas
        </h2>
        <AreasOnMap
          areasWorked={values.areasWorked}
          areasNeedingMoreTime={values.areasNeedingMoreTime}
          onChange={(key, next) => set(key, next)}
          onTapped={setLastTapped}
          errors={fieldErrors}
        />
      </section>

      <section className="stack" aria-labelledby="findings-title">
        <h2 id="findings-title" className="form-section__title">
          Findings
        </h2>
        <FindingsEditor findings={values.findings} onChange={(f) => set('findings', f)} startAt={lastTapped} errors={fieldErrors} />
      </section>

      <TextAreaField
        label="Assessment (A)"
        name="assessment"
        optional
        hint="What you make of it today. The plan (P) fills in by itself: the homework you give and the next visit you book."
        value={values.assessment}
        onChange={(e) => set('assessment', e.target.value)}
        error={fieldErrors.assessment}
      />

      <TextAreaField
        label="Notes"
        name="notes"
        optional
        hint="A line or two for next time."
        value={values.notes}
        onChange={(e) => set('notes', e.target.value)}
        error={fieldErrors.notes}
      />

      <FormActions sticky label={session ? 'Save changes' : 'Save session'} sending={sending} cancelTo={pages.client(client.id)} />
    </form>
  );
}
