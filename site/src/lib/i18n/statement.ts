import type { AccessibilityStatement, Locale } from '@tablica/shared';

/**
 * The words of the accessibility statement (deklaracja dostępności) in the structure of the
 * Polish template for public bodies. The facts come from Site settings.
 */
export interface StatementWords {
  title: string;
  intro: (entity: string) => string;
  appliesTo: string;
  publishedOn: string;
  updatedOn: string;
  compliance: Record<AccessibilityStatement['compliance'], string>;
  nonAccessible: string;
  exemptions: string;
  preparation: string;
  preparedOn: string;
  assessment: Record<AccessibilityStatement['assessment'], string>;
  reviewedOn: string;
  keyboard: string;
  feedback: string;
  contactPerson: string;
  email: string;
  phone: string;
  procedure: string;
  procedureText: string[];
  architecture: string;
  mobileApps: string;
  signLanguage: string;
}

const LAW_PL =
  'ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych';

export const STATEMENT: Record<Locale, StatementWords> = {
  pl: {
    title: 'Deklaracja dostępności',
    intro: (entity) => `${entity} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ${LAW_PL}.`,
    appliesTo: 'Deklaracja dostępności dotyczy strony internetowej',
    publishedOn: 'Data publikacji strony internetowej',
    updatedOn: 'Data ostatniej istotnej aktualizacji',
    compliance: {
      full: `Strona internetowa jest zgodna z ${LAW_PL}.`,
      partial: `Strona internetowa jest częściowo zgodna z ${LAW_PL} z powodu niezgodności lub wyłączeń wymienionych poniżej.`,
      none: `Strona internetowa jest niezgodna z ${LAW_PL}.`,
    },
    nonAccessible: 'Treści niedostępne',
    exemptions: 'Wyłączenia',
    preparation: 'Przygotowanie deklaracji dostępności',
    preparedOn: 'Data sporządzenia deklaracji',
    assessment: {
      'self-assessment': 'Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.',
      external: 'Deklarację sporządzono na podstawie oceny przeprowadzonej przez podmiot zewnętrzny',
    },
    reviewedOn: 'Deklaracja została ostatnio poddana przeglądowi i aktualizacji dnia',
    keyboard: 'Skróty klawiaturowe',
    feedback: 'Informacje zwrotne i dane kontaktowe',
    contactPerson: 'Osoba kontaktowa',
    email: 'E-mail',
    phone: 'Telefon',
    procedure: 'Procedura wnioskowo-skargowa',
    procedureText: [
      'Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu, a także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu.',
      'Żądanie powinno zawierać dane osoby zgłaszającej, wskazanie strony lub elementu oraz sposób kontaktu. Podmiot publiczny realizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od jego wystąpienia; gdy nie jest to możliwe, informuje o tym i o terminie realizacji, nie dłuższym niż 2 miesiące.',
      'W przypadku odmowy można złożyć skargę. Po wyczerpaniu procedury można złożyć wniosek do Rzecznika Praw Obywatelskich.',
    ],
    architecture: 'Dostępność architektoniczna',
    mobileApps: 'Aplikacje mobilne',
    signLanguage: 'Tłumacz języka migowego',
  },
  en: {
    title: 'Accessibility statement',
    intro: (entity) =>
      `${entity} is committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies.`,
    appliesTo: 'This statement applies to the website',
    publishedOn: 'Website published on',
    updatedOn: 'Last major update',
    compliance: {
      full: 'This website is fully compliant with the Act.',
      partial:
        'This website is partially compliant with the Act because of the non-compliances or exemptions listed below.',
      none: 'This website is not compliant with the Act.',
    },
    nonAccessible: 'Non-accessible content',
    exemptions: 'Exemptions',
    preparation: 'Preparation of this statement',
    preparedOn: 'Statement prepared on',
    assessment: {
      'self-assessment': 'The statement was prepared on the basis of a self-assessment by the public body.',
      external: 'The statement was prepared on the basis of an assessment by an external party',
    },
    reviewedOn: 'The statement was last reviewed and updated on',
    keyboard: 'Keyboard shortcuts',
    feedback: 'Feedback and contact details',
    contactPerson: 'Contact person',
    email: 'Email',
    phone: 'Phone',
    procedure: 'Requests and complaints',
    procedureText: [
      'Anyone may request that the website or any of its elements be made accessible, or that the information be provided in an alternative way.',
      'A request should give the name of the person making it, the page or element concerned and a way to reply. The public body responds without delay and within 7 days at the latest; if that is not possible it says so and sets a new date, no later than 2 months.',
      'If the request is refused, a complaint may be filed; after that procedure, an application may be made to the Polish Commissioner for Human Rights (Rzecznik Praw Obywatelskich).',
    ],
    architecture: 'Physical accessibility of buildings',
    mobileApps: 'Mobile applications',
    signLanguage: 'Sign language interpreting',
  },
  uk: {
    title: 'Заява про доступність',
    intro: (entity) =>
      `${entity} зобов'язується забезпечити доступність свого вебсайту відповідно до Закону Польщі від 4 квітня 2019 року про цифрову доступність вебсайтів і мобільних застосунків публічних органів.`,
    appliesTo: 'Заява стосується вебсайту',
    publishedOn: 'Дата публікації вебсайту',
    updatedOn: 'Дата останнього суттєвого оновлення',
    compliance: {
      full: 'Вебсайт повністю відповідає вимогам Закону.',
      partial: 'Вебсайт частково відповідає вимогам Закону через невідповідності або винятки, наведені нижче.',
      none: 'Вебсайт не відповідає вимогам Закону.',
    },
    nonAccessible: 'Недоступний вміст',
    exemptions: 'Винятки',
    preparation: 'Підготовка заяви',
    preparedOn: 'Дата складання заяви',
    assessment: {
      'self-assessment': 'Заяву складено на основі самооцінки, проведеної публічним органом.',
      external: 'Заяву складено на основі оцінки, проведеної зовнішньою стороною',
    },
    reviewedOn: 'Заяву востаннє переглянуто й оновлено',
    keyboard: 'Клавіатурні скорочення',
    feedback: "Зворотний зв'язок і контакти",
    contactPerson: 'Контактна особа',
    email: 'Ел. пошта',
    phone: 'Телефон',
    procedure: 'Запити та скарги',
    procedureText: [
      'Кожен має право вимагати забезпечення цифрової доступності вебсайту або його елемента чи надання інформації в альтернативний спосіб.',
      'Запит має містити дані заявника, вказівку на сторінку чи елемент і спосіб зв’язку. Публічний орган виконує запит невідкладно, не пізніше ніж за 7 днів; якщо це неможливо, повідомляє про це й про новий термін, не довший за 2 місяці.',
      'У разі відмови можна подати скаргу, а після завершення процедури — звернутися до Уповноваженого з прав людини Польщі (Rzecznik Praw Obywatelskich).',
    ],
    architecture: 'Архітектурна доступність',
    mobileApps: 'Мобільні застосунки',
    signLanguage: 'Перекладач мови жестів',
  },
};
