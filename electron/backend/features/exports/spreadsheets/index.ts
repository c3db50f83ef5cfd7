import { fileStem } from '../../../../../shared/documents/format';
import type { SpreadsheetRequest } from '../../../../../shared/rpc/documents';
import type { BackendContext } from '../../../context';
import type { Db } from '../../../db/open';
import { AppError } from '../../../errors';
import type { BuildEnv } from '../../documents/types';
import { buildImportRejected } from '../../imports/rejected';
import {
  buildCoverageMatrixWorkbook,
  buildFreshnessWorkbook,
  buildGapsWorkbook,
  buildInterventionsWorkbook,
  buildOverlapsWorkbook,
  describeFilter,
} from './coverage';
import { buildOrganisationsWorkbook, buildPeopleWorkbook } from './directories';
import { buildFollowUpMatrix } from './followUpMatrix';
import { buildRegisterWorkbook } from './register';

// Every spreadsheet Concerto exports (always .xlsx), named for the export log and the file.

export interface SpreadsheetOutput {
  bytes: Uint8Array;
  /** The file name without extension: "2025-03-14_GTGPS_tableau-de-suivi". */
  fileStem: string;
  /** What the export log says: "Tableau de suivi des recommandations — GTGPS". */
  label: string;
  /** For whom: the responsible organisations of a follow-up matrix; nobody otherwise. */
  recipients: string[];
}

type RegisterFilter = Extract<SpreadsheetRequest, { kind: 'recommendationsRegister' }>['filter'];

/** Whether the register filter narrows anything beyond the bodies (an emptied field does not). */
function narrowed(filter: RegisterFilter): boolean {
  return (
    (filter.statuses ?? []).length > 0 ||
    Boolean(filter.organisationId) ||
    Boolean(filter.territoryId) ||
    (filter.theme?.trim() ?? '') !== '' ||
    Boolean(filter.dueFrom) ||
    Boolean(filter.dueTo) ||
    Boolean(filter.overdue) ||
    (filter.text?.trim() ?? '') !== ''
  );
}

async function shortNameOf(db: Db, table: 'bodies' | 'organisations', id: string): Promise<string | null> {
  const row = await db.selectFrom(table).select(['name', 'acronym']).where('id', '=', id).executeTakeFirst();
  return row ? (row.acronym ?? row.name) : null;
}

/** "Couverture par région — période du … (2025-03-14)": the label of a coverage export. */
function coverageLabel(what: string, filter: Parameters<typeof describeFilter>[0]): string {
  const described = describeFilter(filter);
  return described ? `${what} (${described})` : what;
}

/**
 * `ctx` is needed only by the rejected rows of an import (they re-read the staged file); the
 * other spreadsheets are built from the database alone.
 */
export async function buildSpreadsheet(
  db: Db,
  request: SpreadsheetRequest,
  env: BuildEnv,
  ctx?: BackendContext,
): Promise<SpreadsheetOutput> {
  const today = env.today;
  switch (request.kind) {
    case 'followUpMatrix': {
      const matrix = await buildFollowUpMatrix(db, request, today);
      const short = matrix.body ? (matrix.body.acronym ?? matrix.body.name) : null;
      const perOrganisation = request.layout === 'perOrganisation';
      return {
        bytes: matrix.bytes,
        fileStem: fileStem({
          date: today,
          acronym: short,
          what: perOrganisation ? 'tableau-de-suivi-par-structure' : 'tableau-de-suivi',
        }),
        label:
          `Tableau de suivi des recommandations — ${short ?? 'toutes les instances'}` +
          (perOrganisation ? ' (une feuille par structure)' : ''),
        recipients: matrix.organisations,
      };
    }
    case 'recommendationsRegister': {
      const bodyIds = request.filter.bodyIds ?? [];
      const body = bodyIds.length === 1 && bodyIds[0] ? await shortNameOf(db, 'bodies', bodyIds[0]) : null;
      const label =
        `Registre des recommandations${body ? ` — ${body}` : ''}` +
        (narrowed(request.filter) || bodyIds.length > 1 ? ' (sélection)' : '') +
        (request.filter.trashed ? ' (corbeille)' : '');
      const { bytes } = await buildRegisterWorkbook(db, request.filter, today, label);
      return {
        bytes,
        fileStem: fileStem({ date: today, acronym: body, what: 'registre-des-recommandations' }),
        label,
        recipients: [],
      };
    }
    case 'organisationsDirectory': {
      const filtered = (request.text?.trim() ?? '') !== '' || request.organisationKind !== undefined;
      const label = `Annuaire des organisations${filtered ? ' (sélection)' : ''}`;
      const { bytes } = await buildOrganisationsWorkbook(
        db,
        { text: request.text, organisationKind: request.organisationKind },
        label,
      );
      return {
        bytes,
        fileStem: fileStem({ date: today, what: 'annuaire-des-organisations' }),
        label,
        recipients: [],
      };
    }
    case 'peopleDirectory': {
      const organisation = request.organisationId
        ? await shortNameOf(db, 'organisations', request.organisationId)
        : null;
      const label =
        `Annuaire des personnes${organisation ? ` — ${organisation}` : ''}` +
        ((request.text?.trim() ?? '') !== '' ? ' (sélection)' : '');
      const { bytes } = await buildPeopleWorkbook(
        db,
        { text: request.text, organisationId: request.organisationId },
        today,
        label,
      );
      return {
        bytes,
        fileStem: fileStem({ date: today, acronym: organisation, what: 'annuaire-des-personnes' }),
        label,
        recipients: [],
      };
    }
    case 'coverageMatrix': {
      const what =
        request.level === 1 ? 'Couverture par région et secteur' : 'Couverture par cercle et secteur';
      const label = coverageLabel(what, request.filter);
      return {
        bytes: await buildCoverageMatrixWorkbook(db, request.filter, request.level, label),
        fileStem: fileStem({ date: today, what: `couverture-niveau-${request.level}` }),
        label,
        recipients: [],
      };
    }
    case 'overlaps': {
      const label = coverageLabel(`Chevauchements (niveau ${request.level})`, request.filter);
      return {
        bytes: await buildOverlapsWorkbook(db, request.filter, request.level, label),
        fileStem: fileStem({ date: today, what: `chevauchements-niveau-${request.level}` }),
        label,
        recipients: [],
      };
    }
    case 'gaps': {
      const label = coverageLabel(`Lacunes de couverture (niveau ${request.level})`, request.filter);
      return {
        bytes: await buildGapsWorkbook(db, request.filter, request.level, label),
        fileStem: fileStem({ date: today, what: `lacunes-niveau-${request.level}` }),
        label,
        recipients: [],
      };
    }
    case 'freshness': {
      const label = 'Dernier rapportage des partenaires';
      return {
        bytes: await buildFreshnessWorkbook(db, today, label),
        fileStem: fileStem({ date: today, what: 'rapportage-des-partenaires' }),
        label,
        recipients: [],
      };
    }
    case 'interventions': {
      const organisation = request.organisationId
        ? await shortNameOf(db, 'organisations', request.organisationId)
        : null;
      const label = coverageLabel(`Interventions${organisation ? ` — ${organisation}` : ''}`, request.filter);
      return {
        bytes: await buildInterventionsWorkbook(db, request.filter, request.organisationId, label),
        fileStem: fileStem({ date: today, acronym: organisation, what: 'interventions' }),
        label,
        recipients: [],
      };
    }
    case 'importRejected': {
      // The rejected rows are re-read from the staged file: the caller must pass the context.
      if (!ctx) {
        throw new AppError('INTERNAL', 'Export des lignes rejetées impossible : contexte manquant.', {});
      }
      return buildImportRejected(db, ctx, request.preview, env);
    }
  }
}
