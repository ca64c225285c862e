import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/desk';
import { renameErrors, schemaErrors } from './formValidation';

/**
 * A record form: validated by the shared schema as the officer types, saved through `save`, and on any
 * failure left exactly as typed with the messages shown beside the fields.
 */
export function useRecordForm<V extends Record<string, unknown>, I>(opts: {
  initialValues: V;
  schema: z.ZodType;
  toInput: (values: V) => I;
  rename?: Record<string, string>;
  save: (input: I) => Promise<unknown>;
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: opts.initialValues,
    // Validate on Save, not on blur: a message appearing as the field loses focus moves the Save button
    // out from under the pointer mid-click. A field's message clears as soon as it is edited.
    validate: (values) => schemaErrors(opts.schema, opts.toInput(values), opts.rename),
  });
  const submit = form.onSubmit(
    async (values) => {
      setError(null);
      setSaving(true);
      try {
        await opts.save(opts.toInput(values));
        form.resetDirty(values);
        opts.onSaved();
      } catch (err) {
        const apiError = err instanceof ApiError ? err : new ApiError(String(err));
        form.setErrors(renameErrors(apiError.fieldErrors, opts.rename));
        setError(apiError.message);
      } finally {
        setSaving(false);
      }
    },
    () => setError('Please correct the fields marked in red. Nothing has been saved yet.'),
  );
  return { form, submit, error, saving };
}
