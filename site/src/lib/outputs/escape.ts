/** Escapes text for HTML and XML element content and attribute values alike. */
export function escapeMarkup(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
