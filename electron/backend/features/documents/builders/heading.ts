import {
  type Block,
  type DocumentHeading,
  DocumentHeadingSchema,
} from '../../../../../shared/documents/model';
import { formatDateFr } from '../../../../../shared/domain/dates';
import type { BuildEnv } from '../types';

/** The administrative heading of the settings, for a document; letters add a reference and a date line. */
export function documentHeading(
  env: BuildEnv,
  extras: { reference?: string; dated?: boolean } = {},
): DocumentHeading {
  const h = env.settings.heading;
  const place = env.settings.signature.place;
  const heading: DocumentHeading = {
    country: h.country,
    motto: h.motto,
    ministry: h.ministry,
    service: h.service,
    logo: env.hasLogo,
  };
  if (extras.reference) heading.reference = extras.reference;
  if (extras.dated) heading.placeDate = `${place ? `${place}, le` : 'Le'} ${formatDateFr(env.today)}`;
  return DocumentHeadingSchema.parse(heading);
}

/** "Fait à Koulikoro, le 13 avril 2017", or "Fait le …" when no town is set. */
export function doneAt(env: BuildEnv, date: string = env.today): string {
  const place = env.settings.signature.place;
  return `Fait ${place ? `à ${place}, ` : ''}le ${formatDateFr(date)}`;
}

/** The signature of the settings: its title, or the secretariat's when none is set. */
export function settingsSignature(env: BuildEnv, placeDate?: string): Block {
  const { title, name } = env.settings.signature;
  return {
    type: 'signature',
    ...(placeDate ? { placeDate } : {}),
    title: title ?? 'Le Secrétariat',
    ...(name ? { name } : {}),
  };
}
