import type { Schema, Struct } from '@strapi/strapi';

export interface InstitutionAccessibilityContact extends Struct.ComponentSchema {
  collectionName: 'components_institution_accessibility_contacts';
  info: {
    description: '';
    displayName: 'Kontakt ws. dost\u0119pno\u015Bci';
    icon: 'user';
  };
  attributes: {
    channels: Schema.Attribute.Component<'notice.channel', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      >;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface InstitutionAddress extends Struct.ComponentSchema {
  collectionName: 'components_institution_addresses';
  info: {
    description: '';
    displayName: 'Adres';
    icon: 'house';
  };
  attributes: {
    city: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    postalCode: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    street: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
  };
}

export interface NoticeAdvisory extends Struct.ComponentSchema {
  collectionName: 'components_notice_advisories';
  info: {
    description: '';
    displayName: 'Ostrze\u017Cenie lub wskaz\u00F3wka';
    icon: 'information';
  };
  attributes: {
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    tone: Schema.Attribute.Enumeration<['info', 'warning']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'info'>;
  };
}

export interface NoticeArea extends Struct.ComponentSchema {
  collectionName: 'components_notice_areas';
  info: {
    description: 'Opis obszaru i kody TERYT gmin (7 cyfr, oddzielone przecinkami)';
    displayName: 'Obszar';
    icon: 'pinMap';
  };
  attributes: {
    description: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    teryt: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 400;
      }>;
  };
}

export interface NoticeAttachment extends Struct.ComponentSchema {
  collectionName: 'components_notice_attachments';
  info: {
    description: '';
    displayName: 'Za\u0142\u0105cznik';
    icon: 'paperPlane';
  };
  attributes: {
    file: Schema.Attribute.Media<'files' | 'images'> & Schema.Attribute.Required;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
  };
}

export interface NoticeChannel extends Struct.ComponentSchema {
  collectionName: 'components_notice_channels';
  info: {
    description: 'Telefon, e-mail, skrytka ePUAP, strona, adres\u2026';
    displayName: 'Kana\u0142 kontaktu';
    icon: 'phone';
  };
  attributes: {
    extension: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    hours: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    kind: Schema.Attribute.Enumeration<['phone', 'email', 'epuap', 'web', 'postal', 'in-person', 'sms', 'other']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'phone'>;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    preferred: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    value: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 254;
      }>;
  };
}

export interface NoticeLink extends Struct.ComponentSchema {
  collectionName: 'components_notice_links';
  info: {
    description: '';
    displayName: 'Odno\u015Bnik';
    icon: 'link';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface NoticeProcedureItem extends Struct.ComponentSchema {
  collectionName: 'components_notice_procedure_items';
  info: {
    description: '';
    displayName: 'Podpunkt';
    icon: 'bulletList';
  };
  attributes: {
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface NoticeProcedureStep extends Struct.ComponentSchema {
  collectionName: 'components_notice_procedure_steps';
  info: {
    description: '';
    displayName: 'Krok procedury';
    icon: 'layer';
  };
  attributes: {
    items: Schema.Attribute.Component<'notice.procedure-item', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 20;
        },
        number
      >;
    note: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1500;
      }>;
  };
}

export interface NoticeSignLanguageVideo extends Struct.ComponentSchema {
  collectionName: 'components_notice_sign_language_videos';
  info: {
    description: 'Komunikat w polskim j\u0119zyku migowym: plik wideo albo link do filmu';
    displayName: 'Film w PJM';
    icon: 'play';
  };
  attributes: {
    file: Schema.Attribute.Media<'videos'>;
    link: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface NoticeSource extends Struct.ComponentSchema {
  collectionName: 'components_notice_sources';
  info: {
    description: '';
    displayName: '\u0179r\u00F3d\u0142o';
    icon: 'earth';
  };
  attributes: {
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface NoticeSuspension extends Struct.ComponentSchema {
  collectionName: 'components_notice_suspensions';
  info: {
    description: '';
    displayName: 'Zmiana w dzia\u0142aniu plac\u00F3wki';
    icon: 'lock';
  };
  attributes: {
    facility: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
        minLength: 3;
      }>;
    from: Schema.Attribute.Date;
    hours: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    mode: Schema.Attribute.Enumeration<['closed', 'by-appointment', 'remote-only', 'limited-hours', 'open']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'closed'>;
    scope: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    until: Schema.Attribute.Date;
    untilFurtherNotice: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface NoticeUpdate extends Struct.ComponentSchema {
  collectionName: 'components_notice_updates';
  info: {
    description: '';
    displayName: 'Wpis w rejestrze zmian';
    icon: 'clock';
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface SiteAccessibilityStatement extends Struct.ComponentSchema {
  collectionName: 'components_site_accessibility_statements';
  info: {
    description: '';
    displayName: 'Deklaracja dost\u0119pno\u015Bci';
    icon: 'eye';
  };
  attributes: {
    architecturalAccessibility: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 5000;
      }>;
    assessedBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    assessment: Schema.Attribute.Enumeration<['self-assessment', 'external']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'self-assessment'>;
    compliance: Schema.Attribute.Enumeration<['full', 'partial', 'none']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'full'>;
    contactEmail: Schema.Attribute.Component<'notice.channel', false>;
    contactName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    contactPhone: Schema.Attribute.Component<'notice.channel', false>;
    entityName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    exemptions: Schema.Attribute.Component<'site.statement-item', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 30;
        },
        number
      >;
    keyboardShortcuts: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    mobileApps: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    nonAccessibleContent: Schema.Attribute.Component<'site.statement-item', true> &
      Schema.Attribute.SetMinMax<
        {
          max: 30;
        },
        number
      >;
    preparedOn: Schema.Attribute.Date & Schema.Attribute.Required;
    reviewedOn: Schema.Attribute.Date & Schema.Attribute.Required;
    signLanguage: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    sitePublishedOn: Schema.Attribute.Date & Schema.Attribute.Required;
    siteUpdatedOn: Schema.Attribute.Date & Schema.Attribute.Required;
    siteUrl: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface SiteStatementItem extends Struct.ComponentSchema {
  collectionName: 'components_site_statement_items';
  info: {
    description: '';
    displayName: 'Pozycja deklaracji';
    icon: 'bulletList';
  };
  attributes: {
    text: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface SiteWidgetDefaults extends Struct.ComponentSchema {
  collectionName: 'components_site_widget_defaults';
  info: {
    description: '';
    displayName: 'Ustawienia wid\u017Cetu';
    icon: 'apps';
  };
  attributes: {
    limit: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 10;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<3>;
    theme: Schema.Attribute.Enumeration<['auto', 'light', 'dark']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'auto'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'institution.accessibility-contact': InstitutionAccessibilityContact;
      'institution.address': InstitutionAddress;
      'notice.advisory': NoticeAdvisory;
      'notice.area': NoticeArea;
      'notice.attachment': NoticeAttachment;
      'notice.channel': NoticeChannel;
      'notice.link': NoticeLink;
      'notice.procedure-item': NoticeProcedureItem;
      'notice.procedure-step': NoticeProcedureStep;
      'notice.sign-language-video': NoticeSignLanguageVideo;
      'notice.source': NoticeSource;
      'notice.suspension': NoticeSuspension;
      'notice.update': NoticeUpdate;
      'site.accessibility-statement': SiteAccessibilityStatement;
      'site.statement-item': SiteStatementItem;
      'site.widget-defaults': SiteWidgetDefaults;
    }
  }
}
