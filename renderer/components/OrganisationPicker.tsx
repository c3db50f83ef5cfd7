import { useRpc } from '../app/rpc';
import { type EntityOption, EntitySelect, needsLookup, type PickerProps } from './EntitySelect';

export interface OrganisationPickerProps extends PickerProps {
  /** An organisation that must not be offered (itself, when choosing a parent). */
  excludeId?: string | null;
}

/** "ACRONYME — Nom", or the name alone. */
export function organisationLabel(o: { name: string; acronym: string | null }): string {
  return o.acronym ? `${o.acronym} — ${o.name}` : o.name;
}

function organisationOption(o: { id: string; name: string; acronym: string | null }): EntityOption {
  return { value: o.id, label: organisationLabel(o) };
}

/** Chooses one organisation among those of the registry; typing filters without accents. */
export function OrganisationPicker(props: OrganisationPickerProps) {
  const list = useRpc('organisations.list', {});
  // A trashed organisation still referenced by a record is not in the list: fetch its name.
  const current = useRpc(
    'organisations.get',
    { id: props.value ?? '' },
    { enabled: needsLookup(props.value, list.data) },
  );
  return (
    <EntitySelect
      {...props}
      placeholderKey="common.picker.organisationPlaceholder"
      items={list.data}
      current={current.data}
      loading={list.isLoading}
      toOption={organisationOption}
    />
  );
}
