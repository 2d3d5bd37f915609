import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FieldNode } from './field-tree';
import { asRows, emptyValue, type FormValue, type RecordRow, type VariantValue } from './form-values';

export interface FieldInputProps {
  readonly node: FieldNode;
  readonly value: FormValue;
  readonly onChange: (value: FormValue) => void;
  /** The path a refusal names this field by: `data.goals.0.text`. */
  readonly path: string;
  readonly errors: ReadonlyMap<string, string>;
  /** Overrides the node's own label: an entry of a list is "Goals 2". */
  readonly label?: string;
}

const asList = (value: FormValue): ReadonlyArray<FormValue> => (Array.isArray(value) ? value : []);
const asText = (value: FormValue): string => (typeof value === 'string' ? value : '');

/** An error on a group of inputs (a list, a record), read out where it appears. */
const GroupError = ({ message }: { readonly message: string | undefined }) =>
  message === undefined ? null : (
    <Text size="sm" c="red.8" role="alert">
      {message}
    </Text>
  );

/** One field of a command's form, and for a group every field below it. */
export const FieldInput = ({ node, value, onChange, path, errors, label }: FieldInputProps) => {
  const shown = label ?? node.label;
  const error = errors.get(path);
  const common = {
    label: shown,
    description: node.help,
    required: node.required,
    error,
    'data-path': path,
  };
  switch (node.kind) {
    case 'text':
      return node.multiline ? (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={asText(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <TextInput {...common} value={asText(value)} onChange={(event) => onChange(event.currentTarget.value)} />
      );
    case 'date':
    case 'month':
      return (
        <TextInput
          {...common}
          type={node.kind}
          value={asText(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          min={node.min}
          max={node.max}
          allowDecimal={!node.integer}
          value={asText(value)}
          onChange={(next) => onChange(String(next))}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={node.choices.map((choice) => ({ value: choice.value, label: choice.label }))}
          value={asText(value) === '' ? null : asText(value)}
          onChange={(next) => onChange(next ?? '')}
          clearable={!node.required}
          allowDeselect={!node.required}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={shown}
          description={node.help}
          error={error}
          data-path={path}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'group':
      return <GroupFields node={node} value={value} onChange={onChange} path={path} errors={errors} label={shown} />;
    case 'list':
      return <ListFields node={node} value={value} onChange={onChange} path={path} errors={errors} label={shown} />;
    case 'record':
      return <RecordFields node={node} value={value} onChange={onChange} path={path} errors={errors} label={shown} />;
    case 'variant':
      return <VariantFields node={node} value={value} onChange={onChange} path={path} errors={errors} label={shown} />;
  }
};

type Of<K extends FieldNode['kind']> = Omit<FieldInputProps, 'node'> & {
  readonly node: Extract<FieldNode, { kind: K }>;
  readonly label: string;
};

const GroupFields = ({ node, value, onChange, path, errors, label }: Of<'group'>) => {
  const group = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as {
    readonly [field: string]: FormValue;
  };
  const fields = node.fields.map((field) => (
    <FieldInput
      key={field.name}
      node={field}
      value={group[field.name] ?? emptyValue(field)}
      onChange={(next) => onChange({ ...group, [field.name]: next })}
      path={`${path}.${field.name}`}
      errors={errors}
    />
  ));
  // The command's own data is the form itself; a nested group is a fieldset named by its field.
  if (path === 'data') return <Stack gap="md">{fields}</Stack>;
  return (
    <Fieldset legend={`${label}${node.required ? '' : ' (optional)'}`} data-path={path}>
      <Stack gap="sm">
        <GroupError message={errors.get(path)} />
        {fields}
      </Stack>
    </Fieldset>
  );
};

const ListFields = ({ node, value, onChange, path, errors, label }: Of<'list'>) => {
  const entries = asList(value);
  const replace = (index: number, next: FormValue) => onChange(entries.map((entry, i) => (i === index ? next : entry)));
  return (
    <Fieldset legend={`${label}${node.atLeastOne ? ' (at least one)' : ''}`} data-path={path}>
      <Stack gap="sm">
        <GroupError message={errors.get(path)} />
        {entries.map((entry, index) => (
          <Group key={index} align="flex-end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <FieldInput
                node={node.item}
                value={entry}
                onChange={(next) => replace(index, next)}
                path={`${path}.${index}`}
                errors={errors}
                label={`${label} ${index + 1}`}
              />
            </div>
            <Button
              variant="default"
              aria-label={`Remove ${label} ${index + 1}`}
              onClick={() => onChange(entries.filter((_, i) => i !== index))}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => onChange([...entries, emptyValue(node.item)])}>
            Add to {label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
};

const RecordFields = ({ node, value, onChange, path, errors, label }: Of<'record'>) => {
  const rows = asRows(value);
  const replace = (index: number, next: RecordRow) => onChange(rows.map((row, i) => (i === index ? next : row)));
  return (
    <Fieldset legend={label} data-path={path}>
      <Stack gap="sm">
        <GroupError message={errors.get(path)} />
        {rows.map((row, index) => (
          <Group key={index} align="flex-start" grow>
            <FieldInput
              node={node.key}
              value={row.key}
              onChange={(next) => replace(index, { ...row, key: asText(next) })}
              path={`${path}.${row.key}.name`}
              errors={new Map()}
              label={`${label} ${index + 1}: name`}
            />
            <FieldInput
              node={node.value}
              value={row.value}
              onChange={(next) => replace(index, { ...row, value: next })}
              path={`${path}.${row.key}`}
              errors={errors}
              label={`${label} ${index + 1}: value`}
            />
            <Button
              variant="default"
              aria-label={`Remove ${label} ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => onChange([...rows, { key: '', value: emptyValue(node.value) }])}>
            Add to {label.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
};

const VariantFields = ({ node, value, onChange, path, errors, label }: Of<'variant'>) => {
  const chosen = (value as Partial<VariantValue>).variant ?? 0;
  const variant = node.variants[chosen];
  return (
    <Stack gap="sm">
      <Select
        label={label}
        required={node.required}
        error={variant !== undefined && 'node' in variant ? undefined : errors.get(path)}
        data={node.variants.map((member, index) => ({ value: String(index), label: member.label }))}
        value={String(chosen)}
        allowDeselect={false}
        onChange={(next) => {
          const index = Number(next ?? 0);
          const member = node.variants[index];
          onChange({ variant: index, value: member !== undefined && 'node' in member ? emptyValue(member.node) : '' });
        }}
      />
      {variant !== undefined && 'node' in variant && (
        <FieldInput
          node={variant.node}
          value={(value as VariantValue).value}
          onChange={(next) => onChange({ variant: chosen, value: next })}
          path={path}
          errors={errors}
          label={variant.label}
        />
      )}
    </Stack>
  );
};
