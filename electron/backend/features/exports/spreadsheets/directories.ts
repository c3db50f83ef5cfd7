import { seatRoleLabel } from '../../../../../shared/documents/format';
import { compareFr } from '../../../../../shared/domain/text';
import type { CountryCode, OrganisationKind, SeatRole, Sex } from '../../../../../shared/domain/vocabularies';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { Db } from '../../../db/open';
import { parseJson } from '../../../json';
import { fullLabel, listOrganisations } from '../../organisations/repository';
import { listPeople } from '../../people/repository';
import { territoryPaths } from '../../territories/repository';
import { type Cell, integerCell, textCell } from './cells';
import { type ColumnSpec, writeWorkbook } from './workbook';

// The organisations and people directories, with the filters of the list screens, for the
// secretariat's own address books and mailings.

export const ORGANISATION_COLUMNS = [
  { header: 'Nom', width: 44, kind: 'wrap' },
  { header: 'Sigle', width: 14, kind: 'text' },
  { header: 'Autres appellations', width: 24, kind: 'wrap' },
  { header: 'Type', width: 26, kind: 'text' },
  { header: 'Organisation mère', width: 36, kind: 'wrap' },
  { header: 'Pays', width: 14, kind: 'text' },
  { header: 'Domaines d’intervention', width: 36, kind: 'wrap' },
  { header: 'Groupes cibles', width: 30, kind: 'wrap' },
  { header: 'Zones d’intervention', width: 36, kind: 'wrap' },
  { header: 'Téléphone', width: 18, kind: 'text' },
  { header: 'Email', width: 30, kind: 'text' },
  { header: 'Site web', width: 26, kind: 'text' },
  { header: 'Adresse', width: 36, kind: 'wrap' },
  { header: 'Personnes', width: 11, kind: 'integer' },
  { header: 'Sièges', width: 9, kind: 'integer' },
] as const satisfies readonly ColumnSpec[];

export const PEOPLE_COLUMNS = [
  { header: 'Nom', width: 22, kind: 'text' },
  { header: 'Prénom', width: 22, kind: 'text' },
  { header: 'Civilité', width: 10, kind: 'text' },
  { header: 'Fonction', width: 36, kind: 'wrap' },
  { header: 'Organisation', width: 36, kind: 'wrap' },
  { header: 'Sexe', width: 8, kind: 'text' },
  { header: 'Téléphone', width: 18, kind: 'text' },
  { header: 'Email', width: 30, kind: 'text' },
  { header: 'Sièges occupés actuellement', width: 50, kind: 'wrap' },
] as const satisfies readonly ColumnSpec[];

const joined = (items: readonly string[]) => items.join(', ');

/** The organisations directory, filtered and ordered as the list screen shows it. */
export async function buildOrganisationsWorkbook(
  db: Db,
  filter: { text?: string | undefined; organisationKind?: OrganisationKind | undefined },
  title: string,
): Promise<{ bytes: Uint8Array; rowCount: number }> {
  const listed = await listOrganisations(db, {
    trashed: false,
    ...(filter.text ? { text: filter.text } : {}),
    ...(filter.organisationKind ? { kind: filter.organisationKind } : {}),
  });
  // One read of every organisation: the listed ones' details and their parents' names.
  const all = new Map((await db.selectFrom('organisations').selectAll().execute()).map((r) => [r.id, r]));
  const zoneIds = listed.flatMap((o) => parseJson<string[]>(all.get(o.id)?.zone_ids, []));
  const zones = await territoryPaths(db, zoneIds);

  const rows: Cell[][] = listed.map((item) => {
    const row = all.get(item.id);
    const parent = item.parentId ? all.get(item.parentId) : undefined;
    const zoneLabels = parseJson<string[]>(row?.zone_ids, []).flatMap((id) => {
      const label = zones.get(id);
      return label === undefined ? [] : [label];
    });
    return [
      textCell(item.name),
      textCell(item.acronym),
      textCell(joined(parseJson<string[]>(row?.aliases, []))),
      textCell(vocab.organisationKind[item.kind] ?? item.kind),
      textCell(parent ? fullLabel(parent.name, parent.acronym) : null),
      textCell(
        item.countryCode ? (vocab.country[item.countryCode as CountryCode] ?? item.countryCode) : null,
      ),
      textCell(joined(parseJson<string[]>(row?.domains, []))),
      textCell(joined(parseJson<string[]>(row?.target_groups, []))),
      textCell(joined(zoneLabels)),
      textCell(row?.phone),
      textCell(row?.email),
      textCell(row?.website),
      textCell(row?.address),
      integerCell(item.peopleCount),
      integerCell(item.seatCount),
    ];
  });
  const bytes = writeWorkbook({
    title,
    sheets: [{ name: 'Organisations', columns: ORGANISATION_COLUMNS, rows }],
    properties: { ConcertoExport: 'organisationsDirectory' },
  });
  return { bytes, rowCount: rows.length };
}

/**
 * Seats each person holds on `today` (holder period covering it), in bodies not in the trash:
 * "GTGPS — Président(e)", in French order of the body. One query for everyone.
 */
async function currentSeats(db: Db, today: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('seat_holders')
    .innerJoin('seats', 'seats.id', 'seat_holders.seat_id')
    .innerJoin('bodies', 'bodies.id', 'seats.body_id')
    .select([
      'seat_holders.person_id',
      'seats.role',
      'seats.rank',
      'seats.function',
      'bodies.name as body_name',
      'bodies.acronym as body_acronym',
    ])
    .where('seat_holders.deleted_at', 'is', null)
    .where('seats.deleted_at', 'is', null)
    .where('bodies.deleted_at', 'is', null)
    .where('seat_holders.valid_from', '<=', today)
    .where((eb) => eb.or([eb('seat_holders.valid_to', 'is', null), eb('seat_holders.valid_to', '>=', today)]))
    .execute();
  const byPerson = new Map<string, { body: string; label: string }[]>();
  for (const r of rows) {
    const list = byPerson.get(r.person_id) ?? [];
    const body = r.body_acronym ?? r.body_name;
    list.push({ body, label: `${body} — ${seatRoleLabel(r.role as SeatRole, r.rank)}` });
    byPerson.set(r.person_id, list);
  }
  return new Map(
    [...byPerson.entries()].map(([id, list]) => [
      id,
      list.sort((a, b) => compareFr(a.body, b.body) || compareFr(a.label, b.label)).map((s) => s.label),
    ]),
  );
}

/** The people directory, filtered and ordered (last name, first name) as the list screen shows it. */
export async function buildPeopleWorkbook(
  db: Db,
  filter: { text?: string | undefined; organisationId?: string | undefined },
  today: string,
  title: string,
): Promise<{ bytes: Uint8Array; rowCount: number }> {
  const listed = await listPeople(db, {
    trashed: false,
    ...(filter.text ? { text: filter.text } : {}),
    ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
  });
  const organisations = new Map(
    (await db.selectFrom('organisations').select(['id', 'name', 'acronym']).execute()).map((o) => [
      o.id,
      fullLabel(o.name, o.acronym),
    ]),
  );
  const seats = await currentSeats(db, today);
  const rows: Cell[][] = listed.map((p) => [
    textCell(p.lastName),
    textCell(p.firstName),
    textCell(p.title),
    textCell(p.function),
    textCell(p.organisationId ? (organisations.get(p.organisationId) ?? p.organisation?.label) : null),
    textCell(p.sex ? vocab.sex[p.sex as Sex] : null),
    textCell(p.phone),
    textCell(p.email),
    textCell((seats.get(p.id) ?? []).join(' ; ')),
  ]);
  const bytes = writeWorkbook({
    title,
    sheets: [{ name: 'Personnes', columns: PEOPLE_COLUMNS, rows }],
    properties: { ConcertoExport: 'peopleDirectory' },
  });
  return { bytes, rowCount: rows.length };
}
