// Links leave Concerto only one way: the user is asked first, then the link goes to the browser
// or the mail client. Electron's shell.openExternal starts whatever program a URL scheme names,
// so it is called from here only, after the confirmation, and only for what `externalLink`
// accepts (https, mailto). No Electron import: tested with fakes.
import { externalLink } from './policy';

export interface ExternalLinkDeps {
  /** Native dialog "Ouvrir ce lien dans votre navigateur ?" showing the URL; true when accepted. */
  confirm(url: string): Promise<boolean>;
  /** shell.openExternal */
  openExternal(url: string): Promise<void>;
  log(message: string, error?: unknown): void;
}

export type ExternalLinkOutcome = 'opened' | 'cancelled' | 'refused' | 'busy' | 'failed';

/**
 * Returns the function every "open this link elsewhere" goes through. One question at a time:
 * a page asking again while the dialog is open is ignored, so it cannot stack dialogs.
 */
export function createExternalLinkOpener(
  deps: ExternalLinkDeps,
): (url: string) => Promise<ExternalLinkOutcome> {
  let asking = false;
  return async (url) => {
    const link = externalLink(url);
    if (!link) return 'refused';
    if (asking) return 'busy';
    asking = true;
    try {
      if (!(await deps.confirm(link))) return 'cancelled';
      await deps.openExternal(link);
      return 'opened';
    } catch (error) {
      deps.log('Ouverture du lien impossible', error);
      return 'failed';
    } finally {
      asking = false;
    }
  };
}
