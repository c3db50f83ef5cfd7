import type { Catalogue } from '../types';
import { about } from './about';
import { bodies } from './bodies';
import { common } from './common';
import { errors } from './errors';
import { history } from './history';
import { nav } from './nav';
import { organisations } from './organisations';
import { people } from './people';
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
  bodies,
  organisations,
  people,
  territories,
  search,
  history,
  welcome,
  about,
};
