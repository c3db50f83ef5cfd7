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
  return rows;
};
const live = `recommendations.deleted_at IS NULL AND recommendations.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`;
const last = `last AS MATERIALIZED (SELECT body_id, max(start_date) AS since FROM meetings WHERE status IN ('held','closed') AND deleted_at IS NULL AND start_date <= ? GROUP BY body_id)`;
const a = t(
  'changes v3',
  `WITH ${last}
 SELECT recommendations.body_id, sum((SELECT count(*) FROM recommendation_updates u WHERE u.recommendation_id = recommendations.id AND u.date >= coalesce(last.since, ''))) AS n
 FROM recommendations NOT INDEXED LEFT JOIN last ON last.body_id = recommendations.body_id
 WHERE ${live} AND (recommendations.updated_at >= (SELECT date(min(since), '-1 day') FROM last) OR recommendations.body_id NOT IN (SELECT body_id FROM last))
   AND recommendations.updated_at >= coalesce(date(last.since, '-1 day'), '')
 GROUP BY recommendations.body_id`,
  today,
);
const b = t(
  'changes exact',
  `WITH ${last}
 SELECT recommendations.body_id, sum((SELECT count(*) FROM recommendation_updates u WHERE u.recommendation_id = recommendations.id AND u.date >= coalesce(last.since, ''))) AS n
 FROM recommendations LEFT JOIN last ON last.body_id = recommendations.body_id
 WHERE ${live} GROUP BY recommendations.body_id`,
  today,
);
const sa = a.reduce((s, r) => s + r.n, 0),
  sb = b.reduce((s, r) => s + r.n, 0);
console.log('same totals?', sa, sb);
t(
  'since',
  `SELECT body_id, max(start_date) FROM meetings WHERE status IN ('held','closed') AND deleted_at IS NULL AND start_date <= ? GROUP BY body_id`,
  today,
);
