import Database from 'better-sqlite3';

const db = new Database('/tmp/recstub/db/concerto.sqlite');
const t = (label, sql, ...params) => {
  const st = db.prepare(sql);
  st.all(...params);
  const n = 10;
  const s = performance.now();
  let rows;
  for (let i = 0; i < n; i++) rows = st.all(...params);
  console.log(label, ((performance.now() - s) / n).toFixed(1), 'ms', rows.length);
  for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...params)) console.log('   ', r.detail);
};
const live = `recommendations.deleted_at IS NULL AND recommendations.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`;
const sel = `recommendations.id, recommendations.reference, recommendations.text, bodies.name, bodies.acronym, organisations.name, recommendations.due_date, recommendations.status`;
const order = `recommendations.due_date IS NULL, recommendations.due_date ASC, recommendations.reference`;
t(
  'direct',
  `SELECT ${sel} FROM recommendations JOIN bodies ON bodies.id = recommendations.body_id LEFT JOIN organisations ON organisations.id = recommendations.lead_organisation_id WHERE ${live} ORDER BY ${order} LIMIT 200`,
);
t(
  'deferred',
  `WITH page AS MATERIALIZED (SELECT recommendations.id FROM recommendations WHERE ${live} ORDER BY ${order} LIMIT 200 OFFSET 0)
 SELECT ${sel} FROM page JOIN recommendations ON recommendations.id = page.id JOIN bodies ON bodies.id = recommendations.body_id LEFT JOIN organisations ON organisations.id = recommendations.lead_organisation_id ORDER BY ${order}`,
);
t('count', `SELECT count(*) FROM recommendations WHERE ${live}`);
t('count NOT INDEXED', `SELECT count(*) FROM recommendations NOT INDEXED WHERE ${live}`);
