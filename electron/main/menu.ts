import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Development builds get reload and developer tools. */
  dev: boolean;
  showAbout(): void;
}

export function buildApplicationMenu(actions: MenuActions): Menu {
  const view: MenuItemConstructorOptions[] = [
    ...(actions.dev
      ? ([
          { role: 'reload', label: 'Recharger' },
          { role: 'forceReload', label: 'Forcer le rechargement' },
          { role: 'toggleDevTools', label: 'Outils de développement' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom', label: 'Taille réelle' },
    { role: 'zoomIn', label: 'Zoom avant' },
    { role: 'zoomOut', label: 'Zoom arrière' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Plein écran' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'Fichier', submenu: [{ role: 'quit', label: 'Quitter' }] },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    { label: 'Affichage', submenu: view },
    {
      label: 'Aide',
      role: 'help',
      submenu: [{ label: 'À propos de Concerto', click: () => actions.showAbout() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
