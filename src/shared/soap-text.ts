import type { Soap } from './api/soap.js';
import { REGIONS, type Region } from './vocabulary.js';

const area = (a: { region: Region; side?: string }) => `${REGIONS[a.region]}${a.side && a.side !== 'both' ? ` (${a.side})` : ''}`;

/**
 * A SOAP note's four parts as headed lines of plain text, written once for the web view and the
 * PDF. `when` formats the next visit on the practice's clock.
 */
export function soapSections(s: Soap, when: (instant: string) => string): { key: 'S' | 'O' | 'A' | 'P'; title: string; lines: string[] }[] {
  const o = s.objective;
  const objective = [
    o.areasWorked.length ? `Worked: ${o.areasWorked.map(area).join(', ')}` : 'Worked: none marked',
    ...(o.areasNeedingMoreTime.length ? [`Needed more time: ${o.areasNeedingMoreTime.map(area).join(', ')}`] : []),
    ...o.findings.map((f) => `Finding: ${area(f)}${f.muscle ? `, ${f.muscle}` : ''}${f.note ? ` (${f.note})` : ''}`),
    ...(o.notes ? [`Notes: ${o.notes}`] : []),
  ];
  const p = s.plan;
  const plan = [
    ...(p.homework.length ? p.homework.map((h) => `Homework: ${h.name}. ${h.dose}${h.note ? ` ${h.note}` : ''}`) : ['No homework given.']),
    p.nextVisit
      ? `Next visit: ${when(p.nextVisit)}`
      : p.notRebookedReason
        ? `Not rebooked: ${p.notRebookedReason}`
        : 'Next visit: not booked yet',
  ];
  return [
    { key: 'S', title: 'Subjective: what the client reported', lines: s.subjective ? s.subjective.split('\n') : ['Nothing written.'] },
    { key: 'O', title: 'Objective: body map and findings', lines: objective },
    { key: 'A', title: 'Assessment', lines: s.assessment ? s.assessment.split('\n') : ['Nothing written.'] },
    { key: 'P', title: 'Plan: homework and next visit', lines: plan },
  ];
}
