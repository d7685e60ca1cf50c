import { useForm } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';

/**
 * Nothing an editor typed may be lost by a refused save. Strapi's edit view reloads the entry
 * after every save — also after one the CMS refused (the update mutation invalidates the entry
 * whatever the answer) — and the reload resets the form to the stored version: a channel just
 * added disappears with the message that named it. Until Strapi stops doing that, this watches
 * for a refused write of the content manager and, when the form is reset under the editor, puts
 * the input and the messages back. Installed once (register) and mounted in every edit view as
 * an invisible side panel, where Strapi's form state is reachable.
 */
const REFUSED_SAVE = 'tablica:refused-save';

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** Announces every write to the content manager that the CMS refused (400). */
export function watchRefusedSaves() {
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await original(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (response.status === 400 && method !== 'GET' && urlOf(input).includes('/content-manager/')) {
      // Before Strapi reads the answer: the form still holds what the editor sent.
      window.dispatchEvent(new Event(REFUSED_SAVE));
    }
    return response;
  };
}

type FormValues = object;
type FormErrors = Record<string, unknown>;

export function KeepRefusedInputPanel() {
  // Called as a component by the content manager, inside its form: hooks are allowed here.
  const values = useForm('KeepRefusedInput', (state) => state.values);
  const errors = useForm('KeepRefusedInput', (state) => state.errors) as FormErrors;
  const modified = useForm('KeepRefusedInput', (state) => state.modified);
  const setValues = useForm('KeepRefusedInput', (state) => state.setValues);
  const setErrors = useForm('KeepRefusedInput', (state) => state.setErrors);
  const latest = useRef<FormValues>(values);
  latest.current = values;
  const kept = useRef<{ values: FormValues; errors?: FormErrors }>();

  useEffect(() => {
    const remember = () => {
      kept.current = { values: latest.current };
    };
    window.addEventListener(REFUSED_SAVE, remember);
    return () => window.removeEventListener(REFUSED_SAVE, remember);
  }, []);

  useEffect(() => {
    const refused = kept.current;
    if (!refused) return;
    if (values === refused.values) {
      // Strapi shows the messages of the refusal first; keep them to show them again.
      if (Object.keys(errors).length > 0) refused.errors = errors;
      return;
    }
    kept.current = undefined;
    // Reset to the stored version (nothing modified any more): the editor's input goes back.
    // Any other change is the editor's own next edit, and is left alone.
    if (modified) return;
    setValues(refused.values);
    if (refused.errors) setErrors(refused.errors);
  }, [values, errors, modified, setValues, setErrors]);

  return null;
}
