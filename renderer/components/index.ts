// Shared UI pieces: import from 'renderer/components' (or the file itself).
export { BodyPicker, type BodyPickerProps, bodyLabel } from './BodyPicker';
export { ConfirmAction, type ConfirmActionProps } from './ConfirmAction';
export { DateText, type DateTextProps } from './DateText';
export { DemoBadge } from './DemoBadge';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export {
  type EntityOption,
  EntitySelect,
  needsLookup,
  type PickerProps,
  PickerSelect,
} from './EntitySelect';
export { formatBytes, formatDateTime, formatLongDate } from './format';
export { HistoryPanel, type HistoryPanelProps } from './HistoryPanel';
export { ListState } from './ListState';
export { OrganisationPicker, type OrganisationPickerProps, organisationLabel } from './OrganisationPicker';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { PersonPicker, type PersonPickerProps, personLabel } from './PersonPicker';
export { foldFilter } from './pickerFilter';
export { TerritoryPicker, type TerritoryPickerProps, territoryLabel } from './TerritoryPicker';
export { useLanguage } from './useLanguage';
