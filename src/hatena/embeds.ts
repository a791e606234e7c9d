import { attrs, escapeHtml, hostOf } from './html';

/** How `[URL:embed]` renders: Hatena's iframe, or a static card that needs no network (strict-CSP previews). */
export type EmbedStyle = 'iframe' | 'card';

export interface EmbedTarget {
  /** The URL as written (validated http/https). */
  url: string;
  /** The URL normalised for an href attribute. */
  href: string;
  cite: boolean;
}

/** The YouTube video id of a watch / youtu.be / shorts / embed URL, or undefined. */
export function youtubeVideoId(url: string): string | undefined {
  const m = /^https?:\/\/(?:(?:www|m|music)\.)?(?:youtube\.com\/(?:watch\?(?:[^#]*&)?v=|shorts\/|embed\/|live\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/i.exec(url);
  return m?.[1];
}

/** Hatena Blog's own domains get the taller blog card. */
export function isHatenaBlogHost(host: string): boolean {
  return /(?:^|\.)(?:hatenablog\.(?:com|jp)|hateblo\.jp|hatenadiary\.(?:com|jp|org))$/.test(host);
}

function citation(target: EmbedTarget): string {
  return target.cite ? `<cite class="hatena-citation"><a${attrs([['href', target.href]])}>${escapeHtml(hostOf(target.url))}</a></cite>` : '';
}

/** `[URL:embed]` as Hatena publishes it: YouTube's own player, otherwise the hatenablog-parts.com card. */
export function renderEmbedIframe(target: EmbedTarget): string {
  const video = youtubeVideoId(target.url);
  if (video) {
    return `<iframe${attrs([
      ['width', '459'],
      ['height', '344'],
      ['src', `https://www.youtube.com/embed/${video}?feature=oembed`],
      ['frameborder', '0'],
      ['allow', 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share'],
      ['allowfullscreen', true],
    ])}></iframe>${citation(target)}`;
  }
  const blog = isHatenaBlogHost(hostOf(target.url));
  // The title attribute holds the page title Hatena fetches when saving; offline the URL stands in for it.
  return `<iframe${attrs([
    ['src', `https://hatenablog-parts.com/embed?url=${encodeURIComponent(target.url)}`],
    ['title', target.url],
    ['class', blog ? 'embed-card embed-blogcard' : 'embed-card embed-webcard'],
    ['scrolling', 'no'],
    ['frameborder', '0'],
    ['style', `display: block; width: 100%; height: ${blog ? 190 : 155}px; max-width: 500px; margin: 10px 0px;`],
    ['loading', 'lazy'],
  ])}></iframe>${citation(target)}`;
}

/** A network-free stand-in for the embed: host, URL and a link, styled by the preview's CSS. */
export function renderEmbedCard(target: EmbedTarget): string {
  const host = hostOf(target.url);
  const kind = youtubeVideoId(target.url) ? 'youtube' : isHatenaBlogHost(host) ? 'blog' : 'web';
  return `<div${attrs([['class', `hatena-embed-card hatena-embed-card-${kind}`], ['data-url', target.url]])}>` +
    `<a${attrs([['href', target.href], ['class', 'hatena-embed-card-link']])}>` +
    `<span class="hatena-embed-card-host">${escapeHtml(host)}</span>` +
    `<span class="hatena-embed-card-url">${escapeHtml(target.url)}</span></a></div>${citation(target)}`;
}
