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
const last = `last AS MATERIALIZED (SELECT body_id, max(start_date) AS since, date(max(start_date), '-1 day') AS margin FROM meetings WHERE status IN ('held','closed') AND deleted_at IS NULL AND start_date <= ? GROUP BY body_id)`;
t(
  'v2',
  `WITH ${last}
 SELECT recommendations.body_id, recommendations.status, count(*), sum(due_date IS NOT NULL AND due_date <= ?), sum(due_date IS NOT NULL AND due_date < ?), max(last.since),
 sum(CASE WHEN recommendations.updated_at >= coalesce(last.margin, '') THEN (SELECT count(*) FROM recommendation_updates u WHERE u.recommendation_id = recommendations.id AND u.date >= coalesce(last.since, '')) ELSE 0 END)
 FROM recommendations NOT INDEXED LEFT JOIN last ON last.body_id = recommendations.body_id WHERE ${live} GROUP BY recommendations.body_id, recommendations.status`,
  today,
  today,
  today,
);
t(
  'changes only',
  `WITH ${last}
 SELECT recommendations.body_id, sum((SELECT count(*) FROM recommendation_updates u WHERE u.recommendation_id = recommendations.id AND u.date >= coalesce(last.since, '')))
 FROM recommendations NOT INDEXED LEFT JOIN last ON last.body_id = recommendations.body_id WHERE ${live} AND recommendations.updated_at >= coalesce(last.margin, '') GROUP BY recommendations.body_id`,
  today,
);
t(
  'join only',
  `WITH ${last}
 SELECT recommendations.body_id, count(*), max(last.since)
 FROM recommendations NOT INDEXED LEFT JOIN last ON last.body_id = recommendations.body_id WHERE ${live} GROUP BY recommendations.body_id, recommendations.status`,
  today,
);
