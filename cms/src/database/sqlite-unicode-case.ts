/**
 * SQLite folds the case of ASCII letters only, in LIKE and in LOWER(). Strapi searches the admin's
 * lists with `column LIKE '%…%'` and filters `$containsi` with `LOWER(column) LIKE LOWER(?)`: an
 * editor typing "śląskim" or "аварія" missed "Śląskim" and "Аварія" (Postgres folds every letter).
 * Each SQLite connection gets a LIKE and a LOWER that fold Polish, Ukrainian and every other letter.
 */

interface SqliteConnection {
  function(name: string, options: { deterministic: boolean }, implementation: (...values: never[]) => unknown): void;
}

// What a regular expression with the u flag takes escaped outside a class.
const escapeForRegExp = (character: string) => character.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * A LIKE pattern as a regular expression: % any run, _ one character, `escapeCharacter` makes the
 * next character literal (Strapi escapes a reader's % and _ so).
 */
export function likeExpression(pattern: string, escapeCharacter?: string): RegExp {
  const characters = [...pattern];
  let source = '';
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] as string;
    if (escapeCharacter !== undefined && character === escapeCharacter && index + 1 < characters.length) {
      source += escapeForRegExp(characters[++index] as string);
    } else source += character === '%' ? '.*' : character === '_' ? '.' : escapeForRegExp(character);
  }
  return new RegExp(`^${source}$`, 'isu');
}

// A search runs one pattern over every row: made once, not once a row.
const compiled = new Map<string, RegExp>();
function cachedLikeExpression(pattern: string, escapeCharacter?: string): RegExp {
  const key = `${escapeCharacter ?? ''}\u0000${pattern}`;
  let expression = compiled.get(key);
  if (!expression) {
    if (compiled.size >= 200) compiled.clear();
    expression = likeExpression(pattern, escapeCharacter);
    compiled.set(key, expression);
  }
  return expression;
}

function like(pattern: unknown, text: unknown, escapeCharacter?: unknown): number | null {
  if (pattern === null || text === null || escapeCharacter === null) return null;
  const expression = cachedLikeExpression(
    String(pattern),
    escapeCharacter === undefined ? undefined : String(escapeCharacter),
  );
  return expression.test(String(text)) ? 1 : 0;
}

/** The pool's afterCreate for SQLite: LIKE (with and without ESCAPE) and LOWER for every letter. */
export function withUnicodeCase(
  connection: SqliteConnection,
  done: (error: Error | null, connection: unknown) => void,
) {
  try {
    // `x LIKE y` calls like(y, x); `x LIKE y ESCAPE z` calls like(y, x, z).
    connection.function('like', { deterministic: true }, (pattern: unknown, text: unknown) => like(pattern, text));
    connection.function('like', { deterministic: true }, (pattern: unknown, text: unknown, escapeCharacter: unknown) =>
      like(pattern, text, escapeCharacter),
    );
    connection.function('lower', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.toLowerCase() : text,
    );
    done(null, connection);
  } catch (error) {
    done(error as Error, connection);
  }
}
