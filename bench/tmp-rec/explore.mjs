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
const live = `recommendations.deleted_at IS NULL AND recommendations.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`;
t(
  'fts only',
  `SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?`,
  '"critere"* "vulnerabilite"*',
);
t(
  'fts count',
  `SELECT count(*) FROM recommendations WHERE ${live} AND recommendations.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?)`,
  '"critere"* "vulnerabilite"*',
);
t(
  'groups',
  `SELECT body_id, status, count(*), sum(due_date <= ?), sum(due_date < ?) FROM recommendations WHERE ${live} GROUP BY body_id, status`,
  today,
  today,
);
t(
  'overdue org',
  `SELECT lead_organisation_id, count(*) FROM recommendations WHERE ${live} AND due_date < ? AND status NOT IN ('done','not_done','abandoned') GROUP BY lead_organisation_id`,
  today,
);
t(
  'changes',
  `WITH last AS (SELECT body_id, max(start_date) AS since FROM meetings WHERE status IN ('held','closed') AND deleted_at IS NULL AND start_date <= ? GROUP BY body_id)
 SELECT recommendations.body_id, last.since, sum((SELECT count(*) FROM recommendation_updates u WHERE u.recommendation_id = recommendations.id AND u.date >= coalesce(last.since, ''))) FROM recommendations LEFT JOIN last ON last.body_id = recommendations.body_id WHERE ${live} GROUP BY recommendations.body_id`,
  today,
);
t('fts delete', `SELECT rowid FROM recommendations_fts WHERE ref_id = ?`, 'x');
