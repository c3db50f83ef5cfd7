import { useRpc } from '../app/rpc';
import { type EntityOption, EntitySelect, needsLookup, type PickerProps } from './EntitySelect';

export interface BodyPickerProps extends PickerProps {
  /** An instance that must not be offered (itself, when choosing a parent or a link). */
  excludeId?: string | null;
}

/** "CROCSAD — Comité régional… (Gao)": acronyms repeat from one region to the next. */
export function bodyLabel(b: {
  name: string;
  acronym: string | null;
  territory?: { label: string } | null;
}): string {
  const base = b.acronym ? `${b.acronym} — ${b.name}` : b.name;
  return b.territory ? `${base} (${b.territory.label})` : base;
}

function bodyOption(b: {
  id: string;
  name: string;
  acronym: string | null;
  territory?: { label: string } | null;
}): EntityOption {
  return { value: b.id, label: bodyLabel(b) };
}

/** Chooses one instance of the registry; typing filters without accents. */
export function BodyPicker(props: BodyPickerProps) {
  const list = useRpc('bodies.list', {});
  const current = useRpc(
    'bodies.get',
    { id: props.value ?? '' },
    { enabled: needsLookup(props.value, list.data) },
  );
  return (
    <EntitySelect
      {...props}
      placeholderKey="common.picker.bodyPlaceholder"
      items={list.data}
      current={current.data}
      loading={list.isLoading}
      toOption={bodyOption}
    />
  );
}
