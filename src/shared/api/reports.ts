import { z } from 'zod';
import { rangeBound } from './range.js';

export const summaryQuery = z.object({ from: rangeBound, to: rangeBound, therapistId: z.string().uuid().optional() });

const rate = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });
export type Rate = z.infer<typeof rate>;

const group = z.object({
  clients: z.number(),
  sessions: z.number(),
  rebooked: rate,
  retention30: rate,
  retention60: rate,
  retention90: rate,
});

export const summarySchema = z.object({
  from: z.string(),
  to: z.string(),
  therapistId: z.string().nullable(),
  sessions: z.number(),
  clientsSeen: z.number(),
  homeworkCoverage: rate,
  itemsPerSession: rate,
  demonstrated: rate,
  adherence: rate,
  felt: z.object({ better: z.number(), same: z.number(), worse: z.number() }),
  rebooked: rate,
  retention30: rate,
  retention60: rate,
  retention90: rate,
  referrals: z.object({ made: z.number(), converted: z.number() }),
  questions: z.object({ asked: z.number(), answered: z.number(), medianAnswerHours: z.number().nullable() }),
  comparison: z.object({ doHomework: group, dontDoHomework: group, noHomework: group }),
  trend: z.array(
    z.object({
      month: z.string(),
      sessions: z.number(),
      homeworkCoverage: z.number().nullable(),
      adherence: z.number().nullable(),
      rebooked: z.number().nullable(),
    }),
  ),
  topItems: z.array(
    z.object({
      exerciseId: z.string(),
      name: z.string(),
      clients: z.number(),
      adherence: z.number().nullable(),
      feltBetter: z.number().nullable(),
    }),
  ),
  followUp: z.array(
    z.object({ clientId: z.string(), name: z.string(), lastCheckIn: z.string().nullable(), lastVisit: z.string().nullable() }),
  ),
  definitions: z.record(z.string(), z.string()),
});
export type Summary = z.infer<typeof summarySchema>;

export const DEFINITIONS: Record<string, string> = {
  sessions: 'Session records dated in the period.',
  clientsSeen: 'Different clients with at least one session in the period.',
  homeworkCoverage:
    'Sessions in the period where at least one homework item was given, out of all sessions in the period. The goal is every client, every session.',
  itemsPerSession: 'Homework items given at sessions in the period, divided by the number of sessions.',
  demonstrated:
    'Items given in the period that the client showed back in the room ("client demonstrated it"), out of all items given in the period.',
  adherence:
    'Days ticked "done" in the period, out of the days the dose asked for while each item was active in the period (days per week ÷ 7 for each active day). An item counts at most 100%.',
  felt: 'How clients said an item felt when they ticked it off in the period.',
  rebooked: 'Sessions in the period where the client booked their next visit before leaving, out of all sessions in the period.',
  retention30:
    'Clients whose first session in the period was at least 30 days ago, and who came back for another session within 30 days of it.',
  retention60: 'As 30-day retention, over 60 days.',
  retention90: 'As 30-day retention, over 90 days.',
  referrals:
    'Made: new clients added in the period who were referred by a client. Converted: those of them who have booked or had a visit.',
  questions: 'Questions clients asked in the period; answered ones; and the median time from question to answer.',
  comparison:
    'Clients with a session in the period, grouped by their adherence in the period: doing their homework (50% or more), not doing it (under 50%), and given none. Small groups are small: read the counts.',
  trend: 'The last 12 months to the end of the period, month by month.',
  topItems: 'Items given in the period, by adherence and by the share of check-ins that felt better (items with at least 3 check-ins).',
  followUp: 'Clients with active homework who have not checked in for 14 days and have no next appointment.',
};
