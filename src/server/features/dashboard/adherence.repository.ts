// Adherence, counted by the database: the days each item's dose asked for and the days ticked done,
// for the period and for each trend month, in one query so homework and check-ins are read once.
// Ticks come from check_in_months (kept by triggers, decision 025): whole months are read as one row
// per item; only a period's first and last month, when partly inside it, read the check-ins themselves.
// Days are counted in sevenths (a 5-days-a-week item asks 5 a day), so every sum is a whole number:
// exact, in any order, on both databases.
import { type Expression, sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { addDays } from '../../local-time.js';
import { homework, n, type Scope, sessions } from './summary.repository.js';

/** Whole days from a fixed origin to the date a text starts with ('YYYY-MM-DD…'), in integer arithmetic both databases share. */
export function dayNumber(text: Expression<string | null>) {
  const part = (from: number, length: number) => sql<number>`cast(substr(${text}, ${sql.lit(from)}, ${sql.lit(length)}) as integer)`;
  const month = part(6, 2);
  // Years counted from March, so that a leap day ends its year (the "days from civil" method).
  const year = sql<number>`(${part(1, 4)} - case when ${month} <= 2 then 1 else 0 end)`;
  return sql<number>`(365 * ${year} + ${year} / 4 - ${year} / 100 + ${year} / 400 + (153 * ((${month} + 9) % 12) + 2) / 5 + ${part(9, 2)})`;
}

interface Row {
  kind: 'client' | 'item' | 'month' | 'felt';
  key: string | null;
  clients: unknown;
  asked: unknown;
  credited: unknown;
  better: unknown;
  same: unknown;
  worse: unknown;
}

/**
 * Per client (items active in the period), per item given at a session in the period, and per
 * trend month (all items active in it): the days asked for and the ticked days credited, each item
 * at most what it asked (sevenths of a day); and how items felt, by every check-in in the period.
 */
export async function adherenceCounts(
  db: Db,
  s: Scope,
  o: { period: { first: string; last: string }; months: { month: string; first: string; last: string }[]; today: string },
) {
  const { first: from, last: to } = o.period;
  // The period is one window and each month another; a window's days count up to today at most.
  const windows = [{ label: 'period', first: from, last: to }, ...o.months.map((m) => ({ label: m.month, ...m }))];
  const windowRows = sql.join(
    windows.map(
      (w) =>
        sql`select cast(${w.label} as text) as label, cast(${w.first} as text) as first_day, cast(${[w.last, o.today].sort()[0]} as text) as stop_day`,
    ),
    sql` union all `,
  );
  const items = homework(db, s).select((eb) => [
    'id',
    'client_id',
    'exercise_id',
    'session_id',
    dayNumber(eb.ref('assigned_at')).as('from_day'),
    dayNumber(eb.ref('ended_at')).as('to_day'), // null while the item runs
    'days_per_week', // the dose's days a week, a column written with the dose (migration 019)
  ]);
  const period = periodParts(from, to);
  // The period's months (whole or not) and the trend's.
  const keptMonths = {
    first: [from.slice(0, 7), o.months[0]?.month ?? to.slice(0, 7)].sort()[0],
    last: [to.slice(0, 7), o.months[o.months.length - 1]?.month ?? to.slice(0, 7)].sort()[1],
  };
  const periodEdges = period.edges.map(
    ([first, last]) => sql`
      select c.homework_id, case when c.done = 1 then 1 else 0 end as done,
        case when c.feeling = 'better' then 1 else 0 end as better,
        case when c.feeling = 'same' then 1 else 0 end as same,
        case when c.feeling = 'worse' then 1 else 0 end as worse
      from kept k cross join check_ins c -- only items with check-ins that month, item by item
      where k.month = ${first.slice(0, 7)} and c.homework_id = k.homework_id and c.practice_id = ${s.practiceId}
        and c.date >= ${first} and c.date <= ${last}`,
  );
  const credited = sql`case when ticked < asked then ticked else asked end`;
  const periodSessions = sessions(db, s).select('id').where('date', '>=', from).where('date', '<=', to);
  // An item is active in a window when their days meet (a window past today has no days).
  const active = (i: string, b: string) =>
    sql`${sql.raw(i)}.from_day <= ${sql.raw(b)}.to_day and ${sql.raw(b)}.from_day <= ${sql.raw(b)}.to_day
      and (${sql.raw(i)}.to_day is null or (${sql.raw(i)}.to_day >= ${sql.raw(b)}.from_day and ${sql.raw(i)}.to_day >= ${sql.raw(i)}.from_day))`;
  // Days an item asked for in a window, in sevenths.
  const asked = (i: string, b: string) =>
    sql`((case when ${sql.raw(i)}.to_day < ${sql.raw(b)}.to_day then ${sql.raw(i)}.to_day else ${sql.raw(b)}.to_day end)
      - (case when ${sql.raw(i)}.from_day > ${sql.raw(b)}.from_day then ${sql.raw(i)}.from_day else ${sql.raw(b)}.from_day end) + 1) * ${sql.raw(i)}.days_per_week`;
  const { rows } = await sql<Row>`
    with windows as (${windowRows}),
    -- Each window's first day and last countable day, as day numbers.
    bounds as materialized (
      select label, ${dayNumber(sql.ref('first_day'))} as from_day, ${dayNumber(sql.ref('stop_day'))} as to_day from windows
    ),
    items as materialized ${items},
    -- The counts kept per item and month (check_in_months) for the period's and the trend's months,
    -- read by practice and month (migration 020): one range, not a look-up per item. Rows of items
    -- outside the scope count for nothing: every use below joins them to the scope's items.
    kept as materialized (
      select m.homework_id, m.month, m.done, m.better, m.same, m.worse
      from check_in_months m
      where m.practice_id = ${s.practiceId} and m.month >= ${keptMonths.first} and m.month <= ${keptMonths.last}
    ),
    -- The period's ticks and feelings per item: its whole months from the kept counts, its partial
    -- first and last month from the check-ins.
    in_period as materialized (
      select homework_id, sum(done) as done, sum(better) as better, sum(same) as same, sum(worse) as worse
      from (
        select homework_id, done, better, same, worse from kept
        where month >= ${period.wholeMonths.first} and month <= ${period.wholeMonths.last}
        ${sql.join(
          periodEdges.map((edge) => sql`union all ${edge}`),
          sql` `,
        )}
      ) as ticks
      group by homework_id
    ),
    -- Each item active in the period, once: days asked for and days ticked, in sevenths.
    period_items as materialized (
      select i.client_id, i.exercise_id, i.session_id, ${asked('i', 'b')} as asked,
        7 * coalesce(p.done, 0) as ticked, coalesce(p.better, 0) as better, coalesce(p.same, 0) as same, coalesce(p.worse, 0) as worse
      from items i
      join bounds b on b.label = 'period' and ${active('i', 'b')}
      left join in_period p on p.homework_id = i.id
    ),
    -- Each trend month's ticked days credited, each item at most what it asked that month: only
    -- item-months with a kept row ticked anything, so only those are capped, all months in one pass.
    month_credited as materialized (
      select b.label, sum(case when 7 * k.done < ${asked('i', 'b')} then 7 * k.done else ${asked('i', 'b')} end) as credited
      from kept k
      join items i on i.id = k.homework_id
      join bounds b on b.label = k.month and ${active('i', 'b')}
      group by b.label
    )
    select 'client' as kind, client_id as key, 0 as clients, sum(asked) as asked, sum(${credited}) as credited,
      0 as better, 0 as same, 0 as worse
    from period_items group by client_id
    union all
    select 'item', exercise_id, count(distinct client_id), sum(asked), sum(${credited}), sum(better), sum(same), sum(worse)
    from period_items where session_id in ${periodSessions} group by exercise_id
    union all
    -- Each trend month with an active item: the days every active item asked for, and those credited.
    select 'month', b.label, 0, (select sum(${asked('i', 'b')}) from items i where ${active('i', 'b')}), coalesce(c.credited, 0), 0, 0, 0
    from bounds b left join month_credited c on c.label = b.label
    where b.label <> 'period' and b.from_day <= b.to_day
      and exists (select 1 from items i where ${active('i', 'b')})
    union all
    select 'felt', null, 0, 0, 0, sum(better), sum(same), sum(worse) from in_period where homework_id in (select id from items)
  `.execute(db);
  const counts = rows.map((r) => ({
    kind: r.kind,
    key: r.key ?? '',
    clients: n(r.clients),
    asked: n(r.asked),
    credited: n(r.credited),
    better: n(r.better),
    same: n(r.same),
    worse: n(r.worse),
  }));
  const felt = counts.find((r) => r.kind === 'felt');
  return {
    byClient: new Map(counts.filter((r) => r.kind === 'client').map((r) => [r.key, r])),
    byItem: counts.filter((r) => r.kind === 'item'),
    byMonth: new Map(counts.filter((r) => r.kind === 'month').map((r) => [r.key, r])),
    felt: { better: felt?.better ?? 0, same: felt?.same ?? 0, worse: felt?.worse ?? 0 },
  };
}

/**
 * A period split into its whole months (YYYY-MM, first to last; empty when first > last) and the
 * day ranges of the months it covers only in part.
 */
export function periodParts(from: string, to: string) {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const startsMonth = from.endsWith('-01');
  const endsMonth = addDays(to, 1).endsWith('-01');
  const wholeMonths = {
    first: startsMonth ? fromMonth : addDays(`${fromMonth}-28`, 7).slice(0, 7),
    last: endsMonth ? toMonth : addDays(`${toMonth}-01`, -1).slice(0, 7),
  };
  const edges: [string, string][] = [];
  if (fromMonth === toMonth) {
    if (!(startsMonth && endsMonth)) edges.push([from, to]);
  } else {
    if (!startsMonth) edges.push([from, `${fromMonth}-31`]);
    if (!endsMonth) edges.push([`${toMonth}-01`, to]);
  }
  return { wholeMonths, edges };
}
