import { useForm } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';

/**
 * A message goes away when the editor fixes its field. Strapi keeps every message of a refused
 * save until the next save: the entry in error stays open with the old message after the value
 * is fixed, and — because its repeatable-component view reopens the first entry in error on
 * every change — a newly added channel collapses after each keystroke elsewhere. This drops the
 * message of each field the editor has changed since the messages came; the others stay. Mounted
 * in every edit view as an invisible side panel, where Strapi's form state is reachable.
 */
type Tree = Record<string, unknown> | unknown[];

const isMessage = (value: unknown) =>
  typeof value === 'string' || (typeof value === 'object' && value !== null && 'defaultMessage' in value);

function at(tree: unknown, path: readonly (string | number)[]): unknown {
  let node = tree;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The messages still true: those whose field holds what it held when they were given. */
function stillTrue(errors: unknown, now: unknown, then: unknown, path: (string | number)[] = []): unknown {
  if (isMessage(errors)) {
    return JSON.stringify(at(now, path)) === JSON.stringify(at(then, path)) ? errors : undefined;
  }
  if (Array.isArray(errors)) {
    const kept = errors.map((item, index) => stillTrue(item, now, then, [...path, index]));
    return kept.some((item) => item !== undefined) ? kept : undefined;
  }
  if (typeof errors === 'object' && errors !== null) {
    const kept = Object.entries(errors).flatMap(([key, item]) => {
      const left = stillTrue(item, now, then, [...path, key]);
      return left === undefined ? [] : [[key, left] as const];
    });
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  }
  return undefined;
}

export function ClearFixedErrorsPanel() {
  // Called as a component by the content manager, inside its form: hooks are allowed here.
  const values = useForm('ClearFixedErrors', (state) => state.values);
  const errors = useForm('ClearFixedErrors', (state) => state.errors) as Tree;
  const setErrors = useForm('ClearFixedErrors', (state) => state.setErrors);
  const modified = useForm('ClearFixedErrors', (state) => state.modified);
  // The values the current messages were given for.
  const judged = useRef<{ errors: Tree; values: unknown }>({ errors, values });

  useEffect(() => {
    if (errors !== judged.current.errors) {
      judged.current = { errors, values };
      return;
    }
    // A form reset to the stored version (Strapi's reload after a refusal) is nobody's fix.
    if (!modified || Object.keys(errors).length === 0 || values === judged.current.values) return;
    const kept = (stillTrue(errors, values, judged.current.values) ?? {}) as Tree;
    if (JSON.stringify(kept) === JSON.stringify(errors)) return;
    judged.current = { errors: kept, values: judged.current.values };
    setErrors(kept as Record<string, string>);
  }, [values, errors, modified, setErrors]);

  return null;
}
