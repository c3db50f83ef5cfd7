import { clockFr } from '../../../../../shared/documents/format';
import { type Block, cell, paragraph, text } from '../../../../../shared/documents/model';
import type { DocumentBuilder } from '../types';
import { documentHeading, settingsSignature } from './heading';
import {
  agendaRecall,
  atPlace,
  loadMeetingSource,
  type MeetingDocumentRequest,
  type MeetingSource,
  meetingDates,
  meetingDocument,
  ofBody,
  statusNotes,
  toTheSession,
} from './meetingSource';

// La convocation: the letter inviting the members to a session, with its agenda, signed by the
// authority set in the settings, and the list of its addressees on a page of its own.

/** "N° ______/GTGPS": the letter's number is given by the registry office, by hand. */
function reference(source: MeetingSource): string {
  return source.body.acronym ? `N° ________/${source.body.acronym}` : 'N° ________';
}

/** "le jeudi 13 avril 2017 à 09h00 à Koulikoro" / "du … au …, à partir de 09h00, à …". */
function whenAndWhere(source: MeetingSource): string {
  const { meeting } = source;
  const oneDay = meeting.startDate === meeting.endDate;
  const time = meeting.startTime ? clockFr(meeting.startTime) : null;
  let sentence = oneDay ? `le ${meetingDates(source)}` : meetingDates(source);
  if (time) sentence += oneDay ? ` à ${time}` : `, à partir de ${time},`;
  if (meeting.place) sentence += ` ${atPlace(meeting.place)}`;
  return sentence.replace(/,$/, '');
}

function onlineSentence(source: MeetingSource): Block[] {
  const url = source.meeting.onlineUrl;
  if (!url) return [];
  const lead = source.meeting.place
    ? 'Il sera également possible d’y participer en ligne à l’adresse suivante : '
    : 'La réunion se tiendra en ligne, à l’adresse suivante : ';
  return [paragraph([text(lead), text(url, { bold: true })], 'justify')];
}

/** The addressees, in protocol order: who the secretariat sends the letter to. */
function addressees(source: MeetingSource): Block[] {
  if (source.invitees.length === 0) return [];
  return [
    { type: 'pageBreak' },
    { type: 'heading', level: 2, text: 'Liste des destinataires' },
    {
      type: 'table',
      columns: [
        { header: 'N°', width: 0.5, align: 'center' },
        { header: 'Structure', width: 2 },
        { header: 'Fonction', width: 4 },
      ],
      rows: source.invitees.map((invitee, i) => ({
        kind: 'row',
        cells: [
          cell(i + 1),
          cell(invitee.organisationLabel ?? invitee.organisation?.label ?? ''),
          cell(invitee.function ?? invitee.name),
        ],
      })),
    },
  ];
}

export const buildConvocation: DocumentBuilder<MeetingDocumentRequest> = async (db, request, env) => {
  const source = await loadMeetingSource(db, request.meetingId, env);
  const sender = env.settings.signature.title ?? `Le Secrétariat ${ofBody(source.body)}`;
  const blocks: Block[] = [
    ...statusNotes(source),
    paragraph([text(sender, { bold: true })], 'right'),
    paragraph('à', 'right'),
    paragraph([text(`Mesdames et Messieurs les membres ${ofBody(source.body)}`, { bold: true })], 'right'),
    paragraph([
      text('Objet : ', { bold: true }),
      text(`Convocation ${toTheSession(source)} ${ofBody(source.body)}`),
    ]),
    paragraph('Mesdames et Messieurs,'),
    paragraph(
      `J’ai l’honneur de vous inviter ${toTheSession(source)} ${ofBody(source.body)}, ` +
        `qui se tiendra ${whenAndWhere(source)}.`,
      'justify',
    ),
    ...onlineSentence(source),
    paragraph('L’ordre du jour est le suivant :'),
    ...agendaRecall(source),
    paragraph(
      'Compte tenu de l’importance des points inscrits à l’ordre du jour, votre présence effective ' +
        'ou celle de votre représentant est vivement souhaitée.',
      'justify',
    ),
    paragraph(
      'Je vous prie d’agréer, Mesdames et Messieurs, l’expression de ma considération distinguée.',
      'justify',
    ),
    // The letter is dated in its heading: the signature carries no "Fait à".
    settingsSignature(env),
    ...addressees(source),
  ];
  return meetingDocument(source, env, {
    kind: 'convocation',
    label: 'Convocation',
    what: 'convocation',
    heading: documentHeading(env, { reference: reference(source), dated: true }),
    blocks,
  });
};
