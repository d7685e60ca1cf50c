/**
 * A pure function's answers, kept by key. A site build asks the same questions thousands of times
 * (the same phone numbers, periods and time zones on every notice of an institution), and the
 * answers depend on the arguments alone. Bounded: the memory is cleared when it grows large, so a
 * long-running process cannot grow without limit.
 */
export function remembered<Args extends unknown[], Answer>(
  keyOf: (...args: Args) => string,
  compute: (...args: Args) => Answer,
  limit = 10_000,
): (...args: Args) => Answer {
  const answers = new Map<string, Answer>();
  return (...args) => {
    const key = keyOf(...args);
    if (answers.has(key)) return answers.get(key) as Answer;
    if (answers.size >= limit) answers.clear();
    const answer = compute(...args);
    answers.set(key, answer);
    return answer;
  };
}
