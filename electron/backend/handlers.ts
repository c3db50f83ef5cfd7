import { agendaHandlers } from './features/agenda/handlers';
import { archivesHandlers } from './features/archives/handlers';
import { attendanceHandlers } from './features/attendance/handlers';
import { backupsHandlers } from './features/backups/handlers';
import { bodiesHandlers } from './features/bodies/handlers';
import { coverageHandlers } from './features/coverage/handlers';
import { demoHandlers } from './features/demo/handlers';
import { documentsHandlers } from './features/documents/handlers';
import { exportsHandlers } from './features/exports/handlers';
import { followUpHandlers } from './features/followup/handlers';
import { followUpImportHandlers } from './features/followupImport/handlers';
import { historyHandlers } from './features/history/handlers';
import { importsHandlers } from './features/imports/handlers';
import { importIntakeHandlers } from './features/imports/intakeHandlers';
import { meetingsHandlers } from './features/meetings/handlers';
import { minutesHandlers } from './features/minutes/handlers';
import { organisationsHandlers } from './features/organisations/handlers';
import { partnersHandlers } from './features/partners/handlers';
import { peopleHandlers } from './features/people/handlers';
import { planningHandlers } from './features/planning/handlers';
import { recommendationsHandlers } from './features/recommendations/handlers';
import { safetyHandlers } from './features/safety/handlers';
import { searchHandlers } from './features/search/handlers';
import { settingsHandlers } from './features/settings/handlers';
import { territoriesHandlers } from './features/territories/handlers';
import type { Handlers } from './rpc/router';

// Typed as Handlers: the build fails if a method of the contract has no handler.
export const handlers: Handlers = {
  ...settingsHandlers,
  ...historyHandlers,
  ...territoriesHandlers,
  ...organisationsHandlers,
  ...peopleHandlers,
  ...bodiesHandlers,
  ...searchHandlers,
  ...demoHandlers,
  ...meetingsHandlers,
  ...agendaHandlers,
  ...attendanceHandlers,
  ...planningHandlers,
  ...minutesHandlers,
  ...recommendationsHandlers,
  ...followUpHandlers,
  ...documentsHandlers,
  ...exportsHandlers,
  ...importIntakeHandlers,
  ...importsHandlers,
  ...followUpImportHandlers,
  ...partnersHandlers,
  ...coverageHandlers,
  ...backupsHandlers,
  ...archivesHandlers,
  ...safetyHandlers,
};
