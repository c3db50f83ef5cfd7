import type { DocumentModel } from '../../../../../shared/documents/model';
import type { DocumentRequest } from '../../../../../shared/rpc/documents';
import type { Db } from '../../../db/open';
import type { BuildEnv } from '../types';
import { buildAgenda } from './agenda';
import { buildAideMemoire } from './aideMemoire';
import { buildAnnualReport } from './annualReport';
import { buildAttendanceList } from './attendanceList';
import { buildBodyFactSheet } from './bodyFactSheet';
import { buildConvocation } from './convocation';
import { buildDecisions } from './decisions';
import { buildMinutes } from './minutes';
import { buildSignInSheet } from './signInSheet';

/** The model of any document: one builder per kind. */
export function buildDocument(db: Db, request: DocumentRequest, env: BuildEnv): Promise<DocumentModel> {
  switch (request.kind) {
    case 'convocation':
      return buildConvocation(db, request, env);
    case 'agenda':
      return buildAgenda(db, request, env);
    case 'signInSheet':
      return buildSignInSheet(db, request, env);
    case 'attendanceList':
      return buildAttendanceList(db, request, env);
    case 'minutes':
      return buildMinutes(db, request, env);
    case 'decisions':
      return buildDecisions(db, request, env);
    case 'aideMemoire':
      return buildAideMemoire(db, request, env);
    case 'bodyFactSheet':
      return buildBodyFactSheet(db, request, env);
    case 'annualReport':
      return buildAnnualReport(db, request, env);
  }
}
