// Front matter problems (src/hatena/entryHeader.ts) in the user's language: for Problems and for the publish
// commands, which refuse to send a header blogsync would reject.
import * as vscode from 'vscode';
import type { EntryHeaderProblem } from '../hatena';

export function headerProblemMessage(problem: EntryHeaderProblem): string {
  const field = problem.field ?? '';
  switch (problem.code) {
    case 'yaml-syntax':
      return vscode.l10n.t('The front matter is not valid YAML: {0}', problem.detail ?? '');
    case 'not-a-mapping':
      return vscode.l10n.t('The front matter must be "Key: value" lines.');
    case 'duplicate-field':
      return vscode.l10n.t('{0} is given twice; only the first counts.', field);
    case 'field-case':
      return vscode.l10n.t('blogsync reads "{0}", not "{1}" (keys are case-sensitive).', problem.detail ?? '', field);
    case 'not-a-string':
      return vscode.l10n.t('{0} must be text.', field);
    case 'not-a-list':
      return vscode.l10n.t('{0} must be a list ("- AWS" lines, or [AWS, イベント]).', field);
    case 'not-a-boolean':
      return vscode.l10n.t('{0} must be true or false.', field);
    case 'not-a-date':
      return vscode.l10n.t('{0} is not a date (write 2017-06-04T23:18:03+09:00).', field);
    case 'not-an-edit-url':
      return vscode.l10n.t('EditURL must be an entry\'s AtomPub URL (…/atom/entry/ID).');
  }
}
