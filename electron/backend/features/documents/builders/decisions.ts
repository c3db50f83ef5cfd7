import type { Block } from '../../../../../shared/documents/model';
import type { DocumentBuilder } from '../types';
import { doneAt, settingsSignature } from './heading';
import {
  loadMeetingSource,
  type MeetingDocumentRequest,
  meetingDocument,
  meetingLine,
  statusNotes,
} from './meetingSource';
import { recommendationsTable } from './minutes';

// Le relevé de décisions: the short record of what the session decided — every decision,
// recommendation, commitment and action point made at it, by reference — sent out the day after,
// well before the full minutes are written and adopted.

export const buildDecisions: DocumentBuilder<MeetingDocumentRequest> = async (db, request, env) => {
  const source = await loadMeetingSource(db, request.meetingId, env);
  const blocks: Block[] = [
    { type: 'title', text: 'RELEVÉ DE DÉCISIONS', subtitle: meetingLine(source) },
    ...statusNotes(source),
    recommendationsTable(source.recommendations, {
      kind: true,
      header: 'Décision / recommandation',
      empty: 'Aucune décision ni recommandation n’a été enregistrée pour cette réunion.',
    }),
    settingsSignature(env, doneAt(env)),
  ];
  return meetingDocument(source, env, {
    kind: 'decisions',
    label: 'Relevé de décisions',
    what: 'releve-decisions',
    blocks,
  });
};
