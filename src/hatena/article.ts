import type { EntryFrontMatter } from './frontMatter';
import { attrs, escapeHtml } from './html';

/** What render() returns: the entry body and the front matter it started with, if any. */
export interface RenderedEntry {
  /** The entry body HTML, as Hatena would publish it. */
  html: string;
  frontMatter?: EntryFrontMatter;
  /** Set when rendering failed (a renderer bug): `html` is then the visible error block, not the entry. */
  error?: string;
}

/**
 * The published page structure around a body: article.entry > .entry-inner > header.entry-header
 * (div.date.entry-date, h1.entry-title, div.entry-categories > a.entry-category-link, span.entry-draft-badge when
 * draft) > div.entry-content.hatenablog-entry. The body is trusted renderer output; everything else is escaped.
 */
export function renderEntryArticle(entry: RenderedEntry): string {
  const fm = entry.frontMatter;
  let header = '';
  if (fm?.date) header += `<div class="date entry-date">${renderDate(fm.date)}</div>`;
  header += fm?.title
    ? `<h1 class="entry-title">${escapeHtml(fm.title)}</h1>`
    : '<h1 class="entry-title entry-title-empty">（タイトルなし）</h1>';
  if (fm && fm.categories.length > 0) {
    header += `<div class="entry-categories categories">${fm.categories
      .map((c) => `<a${attrs([['class', `entry-category-link category-${c.replace(/\s+/g, '-')}`]])}>${escapeHtml(c)}</a>`)
      .join('')}</div>`;
  }
  if (fm?.draft) header += '<span class="entry-draft-badge">下書き</span>';
  return `<article class="entry"><div class="entry-inner"><header class="entry-header">${header}</header>` +
    `<div class="entry-content hatenablog-entry">${entry.html}</div></div></article>`;
}

/** Hatena shows the date as year-month-day spans inside <time>; an unparseable Date is shown as written. */
function renderDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return `<time>${escapeHtml(date)}</time>`;
  return `<time${attrs([['datetime', date]])}><span class="date-year">${m[1]}</span><span class="hyphen">-</span>` +
    `<span class="date-month">${m[2]}</span><span class="hyphen">-</span><span class="date-day">${m[3]}</span></time>`;
}
