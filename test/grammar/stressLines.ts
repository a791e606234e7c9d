// Lines built to make a regex engine backtrack: unclosed notation openers followed by long runs of what the
// notation's body accepts. Shared by the grammar tests (linear-time guard) and bench/grammar.ts (figures).

export const STRESS_LINE_LENGTH = 45_000;

function fill(unit: string, length = STRESS_LINE_LENGTH): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function opener(prefix: string, run: string, length = STRESS_LINE_LENGTH): string {
  return (prefix + run.repeat(length)).slice(0, length);
}

/** One note holding `run` repeated: its text is tokenized by the note's own rules, which must stay linear too. */
function note(run: string, length = STRESS_LINE_LENGTH): string {
  return `((${fill(run, length - 4)}))`;
}

/** Name → a line of STRESS_LINE_LENGTH characters that never closes the notation it opens (in the `((…))` lines:
 *  the Markdown openers and code runs inside one long note). */
export function stressLines(length = STRESS_LINE_LENGTH): Record<string, string> {
  return {
    '[f:id: + letters': opener('[f:id:', 'a', length),
    '[f:id: + digits': opener('[f:id:yasay:', '1', length),
    '[f:id: + options': opener('[f:id:yasay:20170604220500j', ':plain:title=x', length),
    '[f:id: repeated': fill('[f:id:', length),
    '(( + [': opener('((', '[', length),
    '(( + [ repeated': fill('((' + '['.repeat(10), length),
    '(( repeated': fill('((a', length),
    ')(( escapes unclosed': fill(')((a', length),
    '(( + backtick runs': opener('((', '`a``b```c````d', length),
    '((…)) + Markdown openers': note('**a _b *c ~~d [e](f `g ![h]( <https:// \\', length),
    '((…)) + code runs': note('`a ``b ```c ````d ', length),
    '((…)) + [ brackets': note('[f:id:a [tex:b [https://c [google:', length),
    '((…)) + <https:// and escapes': note('<https://a\\[tex:b\\*c', length),
    '((…)) + star runs': note('a****', length),
    '((…)) + escaped star runs': note('\\***a ', length),
    '[tex: + [': opener('[tex:', '[', length),
    '[tex: repeated': fill('[tex:', length),
    '\\[tex: repeated (escaped)': fill('\\[tex:', length),
    '[https:// + :': opener('[https://', ':a', length),
    '[https://…:title= unclosed': opener('[https://example.com/:title=', 'a', length),
    '[google: repeated': fill('[google:search:', length),
    '[isbn: + digits': opener('[isbn:', '1-', length),
    'https:// repeated': fill('https://', length),
    'https:// + long run': opener('https://', 'a', length),
    'id: repeated': fill('id:', length),
    'id: + long run': opener('id:', 'a', length),
    '[ repeated': fill('[', length),
  };
}

/** Ordinary report prose with a few notations, the same length: the yardstick for the lines above. */
export function ordinaryLine(length = STRESS_LINE_LENGTH): string {
  return fill('会場の様子です。登壇者は id:yasay さん、資料は [https://example.com/slides:title] にあります。', length);
}
