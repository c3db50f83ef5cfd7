import type { Catalogue } from '../types';
import { about } from './about';
import { agenda } from './agenda';
import { attendance } from './attendance';
import { bodies } from './bodies';
import { common } from './common';
import { coverage } from './coverage';
import { documents } from './documents';
import { errors } from './errors';
import { exports } from './exports';
import { followUp } from './followUp';
import { history } from './history';
import { imports } from './imports';
import { meetings } from './meetings';
import { minutes } from './minutes';
import { nav } from './nav';
import { organisations } from './organisations';
import { partners } from './partners';
import { people } from './people';
import { planning } from './planning';
import { recommendations } from './recommendations';
import { safety } from './safety';
import { search } from './search';
import { settings } from './settings';
import { territories } from './territories';
import { vocab } from './vocab';
import { welcome } from './welcome';

export const en: Catalogue = {
  common,
  nav,
  errors,
  vocab,
  settings,
  safety,
  bodies,
  organisations,
  people,
  territories,
  search,
  history,
  welcome,
  about,
  meetings,
  planning,
  agenda,
  attendance,
  minutes,
  recommendations,
  followUp,
  documents,
  exports,
  imports,
  partners,
  coverage,
};
