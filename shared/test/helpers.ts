/** A small valid notice that tests change one field at a time. */
export function validNotice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: 'zamkniecie-filii-biblioteki',
    title: 'Zamknięcie filii biblioteki',
    summary: 'Filia nr 3 jest zamknięta do 25 marca.',
    institution: 'mbp-brzozow',
    category: 'closure',
    severity: 'important',
    effectiveFrom: '2020-03-16T00:00:00+01:00',
    effectiveUntil: '2020-03-25',
    ...overrides,
  };
}
