import { useRpc } from '../app/rpc';
import { type EntityOption, EntitySelect, needsLookup, type PickerProps } from './EntitySelect';

export type PersonPickerProps = PickerProps;

/** "Aminata Traoré — DRDSES Koulikoro": as the backend writes names, then the organisation. */
export function personLabel(p: {
  firstName: string;
  lastName: string;
  organisation?: { label: string } | null;
}): string {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  return p.organisation ? `${name} — ${p.organisation.label}` : name;
}

/** Listed by last name, though shown first name first. */
function personOption(p: {
  id: string;
  firstName: string;
  lastName: string;
  organisation?: { label: string } | null;
}): EntityOption {
  return { value: p.id, label: personLabel(p), sort: `${p.lastName} ${p.firstName}` };
}

/** Chooses one person of the directory; typing filters without accents. */
export function PersonPicker(props: PersonPickerProps) {
  const list = useRpc('people.list', {});
  const current = useRpc(
    'people.get',
    { id: props.value ?? '' },
    { enabled: needsLookup(props.value, list.data) },
  );
  return (
    <EntitySelect
      {...props}
      placeholderKey="common.picker.personPlaceholder"
      items={list.data}
      current={current.data}
      loading={list.isLoading}
      toOption={personOption}
    />
  );
}
