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
  for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...params)) console.log('   ', r.detail);
};
const live = `r.deleted_at IS NULL AND r.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`;
t(
  'groups NOT INDEXED',
  `SELECT body_id, status, count(*), sum(due_date <= ?), sum(due_date < ?) FROM recommendations r NOT INDEXED WHERE ${live} GROUP BY body_id, status`,
  today,
  today,
);
t(
  'overdue org NOT INDEXED',
  `SELECT lead_organisation_id, count(*) FROM recommendations r NOT INDEXED WHERE ${live} AND due_date < ? AND status NOT IN ('done','not_done','abandoned') GROUP BY lead_organisation_id`,
  today,
);
t(
  'overdue org +',
  `SELECT lead_organisation_id, count(*) FROM recommendations r WHERE ${live} AND due_date < ? AND status NOT IN ('done','not_done','abandoned') GROUP BY +lead_organisation_id`,
  today,
);
t('plain scan count', `SELECT count(*) FROM recommendations r NOT INDEXED`);
t('count idx', `SELECT count(*) FROM recommendations r`);
t(
  'upd index scan',
  `SELECT count(*) FROM recommendation_updates INDEXED BY recommendation_updates_rec WHERE date >= '2025-01-01'`,
);
t(
  'changes via join scan',
  `WITH last AS (SELECT body_id, max(start_date) AS since FROM meetings WHERE status IN ('held','closed') AND deleted_at IS NULL AND start_date <= ? GROUP BY body_id),
 recs AS MATERIALIZED (SELECT r.id, r.body_id, coalesce(last.since, '') AS since FROM recommendations r LEFT JOIN last ON last.body_id = r.body_id WHERE ${live})
 SELECT recs.body_id, count(*) FROM recommendation_updates u JOIN recs ON recs.id = u.recommendation_id WHERE u.date >= recs.since GROUP BY recs.body_id`,
  today,
);
t(
  'changes per body loop-ish',
  `WITH last AS (SELECT body_id, max(start_date) AS since FROM meetings WHERE status IN ('held','closed') AND deleted_at IS NULL AND start_date <= ? GROUP BY body_id)
 SELECT r.body_id, (SELECT since FROM last WHERE last.body_id = r.body_id) AS since, count(u.id) FROM recommendations r JOIN recommendation_updates u ON u.recommendation_id = r.id AND u.date >= coalesce((SELECT since FROM last WHERE last.body_id = r.body_id), '') WHERE ${live} GROUP BY r.body_id`,
  today,
);
