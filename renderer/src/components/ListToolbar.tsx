import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';

export interface ListState<S extends string> {
  query: string;
  sort: S;
  direction: 'asc' | 'desc';
  includeArchived: boolean;
}

/** Search, sort and "show archived" above every address-book list, so each list works the same way. */
export function ListToolbar<S extends string>(props: {
  noun: string;
  plural: string;
  state: ListState<S>;
  sortOptions: { value: S; label: string }[];
  onChange: (next: ListState<S>) => void;
  onCreate: () => void;
  count: number;
}) {
  const { state, onChange } = props;
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Group wrap="nowrap">
        <TextInput
          aria-label={`Search ${props.plural}`}
          placeholder={`Search ${props.plural}`}
          leftSection={<IconSearch size={16} />}
          value={state.query}
          onChange={(e) => onChange({ ...state, query: e.currentTarget.value })}
          w={280}
        />
        <Select
          aria-label="Sort by"
          data={props.sortOptions}
          value={state.sort}
          allowDeselect={false}
          onChange={(v) => v && onChange({ ...state, sort: v as S })}
          w={170}
        />
        <Select
          aria-label="Sort direction"
          data={[
            { value: 'asc', label: 'Ascending' },
            { value: 'desc', label: 'Descending' },
          ]}
          value={state.direction}
          allowDeselect={false}
          onChange={(v) => v && onChange({ ...state, direction: v as 'asc' | 'desc' })}
          w={130}
        />
        <Switch
          label="Show archived"
          checked={state.includeArchived}
          onChange={(e) => onChange({ ...state, includeArchived: e.currentTarget.checked })}
        />
      </Group>
      <Group wrap="nowrap">
        <span aria-live="polite" style={{ fontSize: 13, color: 'var(--mantine-color-dimmed)' }}>
          {props.count.toLocaleString('en-GB')} shown
        </span>
        <Button leftSection={<IconPlus size={16} />} onClick={props.onCreate}>
          New {props.noun}
        </Button>
      </Group>
    </Group>
  );
}
