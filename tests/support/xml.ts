import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';

/** The official CAP 1.2 schema, from the team handbook's data beside the repository. */
export const CAP_XSD = readFileSync(path.resolve(import.meta.dirname, '../../../shared/data/cap/CAP-v1.2.xsd'), 'utf8');

/** Parses XML strictly (libxml2 semantics are checked separately): any error or warning throws. */
export function parseXmlStrict(text: string, name = 'document'): Document {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  if (problems.length > 0) throw new Error(`${name} is not well-formed XML:\n${problems.join('\n')}`);
  return document as unknown as Document;
}

/** libxml2 (xmllint, compiled to WebAssembly): well-formedness, and validity when a schema is given. */
export async function xmllint(xml: string, fileName: string, schema?: string) {
  const input = { fileName, contents: xml };
  return schema
    ? validateXML({ xml: input, schema: { fileName: 'schema.xsd', contents: schema } })
    : validateXML({ xml: input, normalization: 'format' });
}

/** The text of the first element with this local name under `parent`. */
export const childText = (parent: Element | Document, name: string): string | undefined =>
  (parent.getElementsByTagNameNS('*', name)[0] ?? parent.getElementsByTagName(name)[0])?.textContent ?? undefined;
