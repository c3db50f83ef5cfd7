import Database from 'better-sqlite3';

const db = new Database('/tmp/recstub/db/concerto.sqlite');
const t = (label, sql, ...params) => {
  const st = db.prepare(sql);
  st.all(...params);
  const n = 10;
  const s = performance.now();
  let rows;
  for (let i = 0; i < n; i++) rows = st.all(...params);
  console.log(
    label,
    ((performance.now() - s) / n).toFixed(1),
    'ms',
    rows.length,
    JSON.stringify(rows[0]).slice(0, 60),
  );
};
const q = '"critere"* "vulnerabilite"*';
const live = `r.deleted_at IS NULL AND r.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`;
t('fts count', `SELECT count(*) FROM recommendations_fts WHERE recommendations_fts MATCH ?`, q);
t('fts ref_ids', `SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?`, q);
t('fts rowids', `SELECT rowid FROM recommendations_fts WHERE recommendations_fts MATCH ?`, q);
t(
  'count IN',
  `SELECT count(*) FROM recommendations r WHERE ${live} AND r.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?)`,
  q,
);
t(
  'count JOIN',
  `SELECT count(*) FROM recommendations_fts f JOIN recommendations r ON r.id = f.ref_id WHERE f.recommendations_fts MATCH ? AND ${live}`,
  q,
);
const sel = `r.id, r.reference, r.text, b.name, b.acronym, o.name, r.due_date, r.status`;
t(
  'rows IN',
  `SELECT ${sel} FROM recommendations r JOIN bodies b ON b.id = r.body_id LEFT JOIN organisations o ON o.id = r.lead_organisation_id WHERE ${live} AND r.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?) ORDER BY r.reference LIMIT 200`,
  q,
);
t(
  'rows window',
  `SELECT ${sel}, count(*) OVER () AS total FROM recommendations r JOIN bodies b ON b.id = r.body_id LEFT JOIN organisations o ON o.id = r.lead_organisation_id WHERE ${live} AND r.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?) ORDER BY r.reference LIMIT 200`,
  q,
);
t(
  'rows window2',
  `WITH hits AS MATERIALIZED (SELECT r.id, r.reference, count(*) OVER () AS total FROM recommendations r WHERE ${live} AND r.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?) ORDER BY r.reference LIMIT 200)
  SELECT ${sel}, hits.total FROM hits JOIN recommendations r ON r.id = hits.id JOIN bodies b ON b.id = r.body_id LEFT JOIN organisations o ON o.id = r.lead_organisation_id ORDER BY hits.reference`,
  q,
);
for (const r of db
  .prepare(
    `EXPLAIN QUERY PLAN SELECT ${sel} FROM recommendations r JOIN bodies b ON b.id = r.body_id LEFT JOIN organisations o ON o.id = r.lead_organisation_id WHERE ${live} AND r.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?) ORDER BY r.reference LIMIT 200`,
  )
  .all(q))
  console.log('   ', r.detail);
