import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

/** What GET /tablica/published-problems answers (see src/publishing/published-problems.ts). */
interface PublishedProblem {
  documentId: string | null;
  slug: string;
  locale: string;
  errors: { location: string; message: string }[];
}

const NOTICE = 'api::notice.notice';

/** The published notices that fail the rules; asked again each time a view opens. */
function usePublishedProblems(): PublishedProblem[] {
  const { get } = useFetchClient();
  const [problems, setProblems] = useState<PublishedProblem[]>([]);
  useEffect(() => {
    let current = true;
    get<{ data: PublishedProblem[] }>('/tablica/published-problems')
      .then((response) => {
        if (current) setProblems(response.data.data);
      })
      .catch(() => {
        // An editor without the right to see it, or the CMS restarting: nothing to show.
      });
    return () => {
      current = false;
    };
  }, [get]);
  return problems;
}

const box = {
  border: '1px solid #d02b20',
  background: '#fcecea',
  color: '#32324d',
  borderRadius: 4,
  padding: '12px 16px',
  margin: '0 0 16px',
  fontSize: 14,
  lineHeight: 1.5,
} as const;

const WHAT_NOW =
  'Serwis nie pokazuje obecnej wersji: zostaje ostatnia poprawna (albo nic, jeśli takiej nie było). Popraw wskazane pola i opublikuj ponownie.';

/** Above the notice list: how many published notices the site cannot update, and which. */
export function PublishedProblemsBanner() {
  const problems = usePublishedProblems();
  if (!window.location.pathname.includes(NOTICE) || problems.length === 0) return null;
  return (
    <div role="alert" style={box}>
      <strong>
        Opublikowane komunikaty, których serwis nie aktualizuje ({problems.length}) — nie przechodzą walidacji.
      </strong>
      <p style={{ margin: '4px 0' }}>{WHAT_NOW}</p>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {problems.map((problem) => (
          <li key={`${problem.slug}/${problem.locale}`}>
            {problem.documentId ? (
              <a
                href={`/admin/content-manager/collection-types/${NOTICE}/${problem.documentId}?plugins[i18n][locale]=${problem.locale}`}
              >
                {problem.slug}
              </a>
            ) : (
              problem.slug
            )}{' '}
            ({problem.locale})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A side panel of the edit view of such a notice: the fields to fix. */
export function PublishedProblemsPanel({ model, documentId }: { model: string; documentId?: string }) {
  // Called as a component by the content manager, so hooks are allowed here.
  const problems = usePublishedProblems();
  const own = problems.filter((problem) => problem.documentId === documentId);
  if (model !== NOTICE || own.length === 0) return null;
  return {
    title: 'Serwis nie aktualizuje tego komunikatu',
    content: (
      <div role="alert" style={{ ...box, margin: 0 }}>
        <p style={{ margin: '0 0 4px' }}>{WHAT_NOW}</p>
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {own.flatMap((problem) =>
            problem.errors.map((error) => (
              <li key={`${problem.locale}${error.location}${error.message}`}>
                [{problem.locale}] {error.location.replace(/^notice "[^"]+", locale \w+ › /, '')}: {error.message}
              </li>
            )),
          )}
        </ul>
      </div>
    ),
  };
}
