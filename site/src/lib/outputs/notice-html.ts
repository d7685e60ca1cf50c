import { type Block, channelHref, isHttpUrl, type Notice, rehearsalWords } from '@tablica/shared';
import { attachmentDescription } from '../attachment-text.ts';
import { channelDisplayValue } from '../channel-text.ts';
import { formatDateTime, noticePeriodText, suspensionPeriodText } from '../format.ts';
import { UI } from '../i18n/ui.ts';
import { bodyHeadingLevel, type NoticeSectionKind, noticeSections, SECTION_HEADING_LEVEL } from '../notice-sections.ts';
import { escapeMarkup } from './escape.ts';

type Inline = Extract<Block, { type: 'paragraph' }>['children'][number];

const link = (href: string | undefined, text: string) =>
  href ? `<a href="${escapeMarkup(href)}">${escapeMarkup(text)}</a>` : escapeMarkup(text);

function inline(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'link') {
        const text = node.children.map((leaf) => leaf.text).join('');
        return link(isHttpUrl(node.url) ? node.url : undefined, text);
      }
      let html = escapeMarkup(node.text);
      if (node.code) html = `<code>${html}</code>`;
      if (node.strikethrough) html = `<s>${html}</s>`;
      if (node.underline) html = `<u>${html}</u>`;
      if (node.italic) html = `<em>${html}</em>`;
      if (node.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function blocks(body: Block[]): string {
  return body
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${inline(block.children)}</p>`;
        case 'heading': {
          const level = bodyHeadingLevel(block.level);
          return `<h${level}>${inline(block.children)}</h${level}>`;
        }
        case 'quote':
          return `<blockquote><p>${inline(block.children)}</p></blockquote>`;
        default: {
          const tag = block.format === 'ordered' ? 'ol' : 'ul';
          return `<${tag}>${block.children.map((item) => `<li>${inline(item.children)}</li>`).join('')}</${tag}>`;
        }
      }
    })
    .join('');
}

const list = (tag: 'ul' | 'ol', items: string[]) =>
  items.length > 0 ? `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>` : '';

/** Each section's content, as the notice page shows it (views/NoticeView.astro). */
function sectionHtml(kind: NoticeSectionKind, notice: Notice): string {
  const ui = UI[notice.locale];
  const { locale } = notice;
  switch (kind) {
    case 'suspensions':
      return list(
        'ul',
        notice.suspensions.map(
          (suspension) =>
            `<strong>${escapeMarkup(suspension.facility)}</strong>: ${escapeMarkup(ui.suspensionMode[suspension.mode])}${
              suspension.hours ? ` (${escapeMarkup(suspension.hours)})` : ''
            }, ${escapeMarkup(suspensionPeriodText(suspension, notice, locale))}${suspension.scope ? `. ${escapeMarkup(suspension.scope)}` : ''}`,
        ),
      );
    case 'channels':
      return list(
        'ul',
        notice.channels.map(
          (channel) =>
            `${escapeMarkup(channel.label)}: ${link(channelHref(channel), channelDisplayValue(channel))}${
              channel.extension ? ` (${escapeMarkup(ui.extension)} ${escapeMarkup(channel.extension)})` : ''
            }${channel.hours ? `, ${escapeMarkup(channel.hours)}` : ''}`,
        ),
      );
    case 'procedures':
      return list(
        'ol',
        notice.procedures.map(
          (step) =>
            `${escapeMarkup(step.text)}${list('ul', step.items.map(escapeMarkup))}${step.note ? `<br>${escapeMarkup(step.note)}` : ''}`,
        ),
      );
    case 'details':
      return blocks(notice.body ?? []);
    case 'links':
      return list('ul', [
        ...notice.links.map((item) => link(item.url, item.label)),
        ...notice.attachments.map((item) => {
          const description = attachmentDescription(item, locale);
          return `${link(item.url, item.label)}${description ? ` (${escapeMarkup(description)})` : ''}`;
        }),
      ]);
    case 'updates':
      return list(
        'ul',
        [...notice.updates]
          .sort((a, b) => b.at.getTime() - a.at.getTime())
          .map(
            (update) =>
              `${escapeMarkup(formatDateTime(update.at, locale, notice.timeZone))}: ${escapeMarkup(update.text)}`,
          ),
      );
  }
}

/**
 * The whole notice as plain, self-contained HTML for feed readers (RSS `content:encoded`, JSON
 * Feed `content_html`): every text escaped, links only from the allow-listed kinds, no scripts,
 * styles or attributes beyond `href`. The same sections, in the same order, as the notice page
 * (notice-sections.ts). A threat that is over leads with the withdrawal of its warning message.
 */
export function noticeHtml(notice: Notice, pageUrl: string, withdrawal?: string): string {
  const ui = UI[notice.locale];
  const { locale } = notice;
  const rehearsal = rehearsalWords(notice, locale);
  return [
    withdrawal
      ? `<p>${withdrawal
          .split('\n')
          .map((line) => escapeMarkup(line))
          .join('<br>')}</p>`
      : '',
    rehearsal ? `<p><strong>${escapeMarkup(`${rehearsal.label}. ${rehearsal.sentence}`)}</strong></p>` : '',
    `<p><strong>${escapeMarkup(notice.summary)}</strong></p>`,
    `<p>${escapeMarkup(ui.period)}: ${escapeMarkup(noticePeriodText(notice, locale))}</p>`,
    ...notice.advisories.map(
      (advisory) =>
        `<p><strong>${escapeMarkup(advisory.tone === 'warning' ? ui.advisoryWarning : ui.advisoryInfo)}${
          advisory.title ? `: ${escapeMarkup(advisory.title)}` : ''
        }</strong> ${escapeMarkup(advisory.text)}</p>`,
    ),
    ...noticeSections(notice).map(
      ({ kind, heading }) =>
        `<h${SECTION_HEADING_LEVEL}>${escapeMarkup(heading)}</h${SECTION_HEADING_LEVEL}>${sectionHtml(kind, notice)}`,
    ),
    notice.source ? `<p>${escapeMarkup(ui.source)}: ${link(notice.source.url, notice.source.name)}</p>` : '',
    `<p>${link(pageUrl, pageUrl)}</p>`,
  ].join('');
}
