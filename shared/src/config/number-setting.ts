/** What a numeric setting may be, and what its error message calls it. */
export interface NumberSettingRule {
  /** The value when the setting is unset or empty; the message offers it as the example. */
  fallback: number;
  /** What the number is, for the message: "a number of minutes", "a whole number of notices". */
  what: string;
  /** Only whole numbers (counts, ports); otherwise fractions are fine (minutes, seconds). */
  whole?: boolean;
  /** 0 is a meaningful value (no retries, any free port); otherwise the number must be above 0. */
  zero?: boolean;
  /** The largest value there is (a port: 65535). */
  most?: number;
}

function range({ zero, most }: NumberSettingRule): string {
  if (most !== undefined) return `from ${zero ? 0 : 1} to ${most}`;
  return zero ? '0 or more' : 'above 0';
}

/** The environment, or a reader of it (a Strapi config file's `env`). */
export type Settings = NodeJS.ProcessEnv | ((name: string) => string | undefined);

/**
 * A number from an environment setting. A value that is not one stops the program at start,
 * naming the setting and what it takes. `Number()` alone turns a typo into NaN and Strapi's
 * `env.int` reads "1337a" as 1337: NaN or 0 seconds became a timer firing every millisecond.
 */
export function numberSetting(env: Settings, name: string, rule: NumberSettingRule): number {
  const setting = typeof env === 'function' ? env(name) : env[name];
  if (setting === undefined || setting.trim() === '') return rule.fallback;
  const value = Number(setting);
  const fits =
    Number.isFinite(value) &&
    (rule.whole ? Number.isInteger(value) : true) &&
    (rule.zero ? value >= 0 : value > 0) &&
    (rule.most === undefined || value <= rule.most);
  if (!fits)
    throw new Error(
      `Tablica: ${name} must be ${rule.what} ${range(rule)} (such as ${rule.fallback}), not "${setting}".`,
    );
  return value;
}

/** A TCP port to listen on; 0 asks the system for any free one (the tests). */
export const portSetting = (env: Settings, name: string, fallback: number) =>
  numberSetting(env, name, { fallback, what: 'a port number', whole: true, zero: true, most: 65_535 });
