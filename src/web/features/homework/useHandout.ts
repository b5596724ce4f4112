import { useEffect, useRef, useState } from 'react';
import type { Appointment } from '../../../shared/api/appointments.js';
import type { Member } from '../../../shared/api/auth.js';
import type { Client } from '../../../shared/api/clients.js';
import type { Practice } from '../../../shared/api/practice.js';
import { api, messageOf } from '../../api.js';
import { paths } from '../../paths.js';
import { useSignedIn } from '../../session.js';
import type { ClientLink, Homework, HomeworkList } from './homeworkData.js';

export interface HandoutData {
  practice: Practice;
  client: Client;
  items: Homework[];
  therapist: { name: string; email: string | null };
  nextVisit: Appointment | null;
  link: ClientLink;
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: HandoutData };

const YEAR = 365 * 86_400_000;

/**
 * Everything the PDF handout shows, gathered for the print view: the same therapist the PDF names
 * (the client's own, else whoever is signed in) and a fresh link for the QR code, asked for once.
 */
export function useHandout(clientId: string): State {
  const { member } = useSignedIn();
  const [state, setState] = useState<State>({ status: 'loading' });
  const asked = useRef<string | null>(null);

  useEffect(() => {
    if (asked.current === clientId) return;
    asked.current = clientId;
    const from = new Date().toISOString();
    const to = new Date(Date.now() + YEAR).toISOString();
    Promise.all([
      api.get<Client>(paths.client(clientId)),
      api.get<HomeworkList>(paths.clientHomework(clientId)),
      api.get<Practice>(paths.practice()),
      api.get<{ members: Member[] }>(paths.members()),
      api.get<{ appointments: Appointment[] }>(paths.appointments({ clientId, from, to })),
    ])
      .then(async ([client, homework, practice, { members }, { appointments }]) => {
        const therapist = members.find((m) => m.id === client.therapistId) ?? member;
        const link = await api.post<ClientLink>(paths.clientLink(clientId));
        setState({
          status: 'ready',
          data: {
            practice,
            client,
            // The order they were given in, as on the PDF.
            items: [...homework.homework].reverse(),
            therapist: { name: therapist.name, email: therapist.email ?? practice.replyTo },
            nextVisit: appointments.find((a) => a.status === 'booked' && Date.parse(a.startsAt) > Date.now()) ?? null,
            link,
          },
        });
      })
      .catch((err: unknown) => setState({ status: 'error', message: messageOf(err) }));
  }, [clientId, member]);

  return state;
}
