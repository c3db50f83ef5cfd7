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
};
const q = '"critere"* "vulnerabilite"*';
const live = `r.deleted_at IS NULL AND r.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`;
const sel = `r.id, r.reference, r.text, b.name, b.acronym, o.name, r.due_date, r.status`;
t(
  'ids only sorted',
  `SELECT r.id FROM recommendations r WHERE ${live} AND r.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?) ORDER BY r.reference LIMIT 200`,
  q,
);
t(
  'deferred',
  `WITH page AS MATERIALIZED (SELECT r.id, r.reference FROM recommendations r WHERE ${live} AND r.id IN (SELECT ref_id FROM recommendations_fts WHERE recommendations_fts MATCH ?) ORDER BY r.reference LIMIT 200)
  SELECT ${sel} FROM page JOIN recommendations r ON r.id = page.id JOIN bodies b ON b.id = r.body_id LEFT JOIN organisations o ON o.id = r.lead_organisation_id ORDER BY page.reference`,
  q,
);
t(
  'join driven',
  `SELECT r.id FROM recommendations_fts f JOIN recommendations r ON r.id = f.ref_id WHERE recommendations_fts MATCH ? AND ${live} ORDER BY r.reference LIMIT 200`,
  q,
);
// simulate rowid-aligned fts
db.exec(`CREATE TEMP TABLE IF NOT EXISTS x(a)`);
t(
  'rowid-aligned rows',
  `SELECT ${sel} FROM recommendations r JOIN bodies b ON b.id = r.body_id LEFT JOIN organisations o ON o.id = r.lead_organisation_id WHERE ${live} AND r.rowid IN (SELECT rowid FROM recommendations_fts WHERE recommendations_fts MATCH ?) ORDER BY r.reference LIMIT 200`,
  q,
);
t(
  'rowid-aligned count',
  `SELECT count(*) FROM recommendations r WHERE ${live} AND r.rowid IN (SELECT rowid FROM recommendations_fts WHERE recommendations_fts MATCH ?)`,
  q,
);
