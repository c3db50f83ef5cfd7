import Database from 'better-sqlite3';

const db = new Database('/tmp/recstub/db/concerto.sqlite');
const today = new Date().toISOString().slice(0, 10);
const t = (label, sql, ...params) => {
  const st = db.prepare(sql);
  st.all(...params);
  const n = 5;
  const s = performance.now();
  let rows;
  for (let i = 0; i < n; i++) rows = st.all(...params);
  console.log(label, ((performance.now() - s) / n).toFixed(1), 'ms', rows.length);
};
const live = `recommendations.deleted_at IS NULL AND recommendations.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`;
t(
  'groups+changes',
  `WITH last AS (SELECT body_id, max(start_date) AS since FROM meetings WHERE status IN ('held','closed') AND deleted_at IS NULL AND start_date <= ? GROUP BY body_id)
 SELECT recommendations.body_id, recommendations.status, count(*), sum(due_date IS NOT NULL AND due_date <= ?), sum(due_date IS NOT NULL AND due_date < ?), max(last.since),
 coalesce(sum(CASE WHEN recommendations.updated_at >= coalesce(date(last.since, '-1 day'), '') THEN (SELECT count(*) FROM recommendation_updates u WHERE u.recommendation_id = recommendations.id AND u.date >= coalesce(last.since, '')) ELSE 0 END), 0)
 FROM recommendations NOT INDEXED LEFT JOIN last ON last.body_id = recommendations.body_id WHERE ${live} GROUP BY recommendations.body_id, recommendations.status`,
  today,
  today,
  today,
);
t(
  'groups only',
  `SELECT recommendations.body_id, recommendations.status, count(*), sum(due_date IS NOT NULL AND due_date <= ?), sum(due_date IS NOT NULL AND due_date < ?) FROM recommendations NOT INDEXED WHERE ${live} GROUP BY recommendations.body_id, recommendations.status`,
  today,
  today,
);
t(
  'overdue org',
  `SELECT lead_organisation_id, count(*) FROM recommendations NOT INDEXED WHERE ${live} AND due_date < ? AND status NOT IN ('done','not_done','abandoned') GROUP BY lead_organisation_id`,
  today,
);
console.log(db.prepare(`SELECT count(*) n FROM recommendations r WHERE r.updated_at >= ?`).get('2025-05-01'));
