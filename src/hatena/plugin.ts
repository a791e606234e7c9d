import type MarkdownIt from 'markdown-it';
import { fotolifePlugin } from './fotolife';

/** Adds every Hatena notation to a markdown-it instance (ours, or VS Code's built-in preview's). */
export function hatenaPlugin(md: MarkdownIt): void {
  md.use(fotolifePlugin);
}
