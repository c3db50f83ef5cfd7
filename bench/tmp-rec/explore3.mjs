import Database from 'better-sqlite3';

const db = new Database('/tmp/recstub/db/concerto.sqlite');
const today = new Date().toISOString().slice(0, 10);
const time = (label, fn) => {
  fn();
  const s = performance.now();
  let r;
  for (let i = 0; i < 5; i++) r = fn();
  console.log(label, ((performance.now() - s) / 5).toFixed(1), 'ms', Array.isArray(r) ? r.length : r);
};
const st = db.prepare(
  `SELECT body_id, status, due_date, lead_organisation_id FROM recommendations r WHERE r.deleted_at IS NULL AND r.body_id NOT IN (SELECT id FROM bodies WHERE deleted_at IS NOT NULL)`,
);
time('objects', () => st.all());
const st2 = db
  .prepare(
    `SELECT body_id, status, due_date, lead_organisation_id FROM recommendations r WHERE r.deleted_at IS NULL`,
  )
  .raw(true);
time('raw', () => st2.all());
time('objects+agg', () => {
  const m = new Map();
  for (const r of st.all()) {
    const k = r.body_id + r.status;
    const e = m.get(k);
    if (e) e.n++;
    else m.set(k, { n: 1 });
  }
  return m.size;
});
const st3 = db.prepare(
  `SELECT body_id, status, count(*) n, sum(due_date <= ?) due, sum(due_date < ?) late FROM recommendations r WHERE r.deleted_at IS NULL GROUP BY body_id, status`,
);
time('group no bodies filter', () => st3.all(today, today));
const st4 = db.prepare(
  `SELECT body_id, status, count(*) n FROM recommendations r NOT INDEXED GROUP BY body_id, status`,
);
time('group count only', () => st4.all());
const st5 = db.prepare(
  `SELECT body_id, count(*) n FROM recommendations r INDEXED BY recommendations_body_status GROUP BY body_id, status`,
);
time('group covering', () => st5.all());
