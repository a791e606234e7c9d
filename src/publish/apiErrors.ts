// HatenaApiError in the user's words, with the button that helps (Sign In for 401). The file is never changed
// when a request fails; a timeout says the request may or may not have been applied, and nothing is retried.
import * as vscode from 'vscode';
import { HatenaApiError } from '../blog/hatenaEntry';
import type { PublishPrompts } from './prompts';

/** A HatenaApiError, also one from another copy of the class (a client built outside this bundle, as tests do). */
export function asApiError(error: unknown): HatenaApiError | undefined {
  if (error instanceof HatenaApiError) return error;
  const e = error as Partial<HatenaApiError> | null;
  return e && typeof e === 'object' && e.name === 'HatenaApiError' && typeof e.kind === 'string' ? (e as HatenaApiError) : undefined;
}

export function describeApiError(failure: unknown): string {
  const error = asApiError(failure);
  if (!error) return failure instanceof Error ? failure.message : String(failure);
  switch (error.kind) {
    case 'auth':
      return vscode.l10n.t('Hatena refused the Hatena id or API key (HTTP {0}).', String(error.status ?? 401));
    case 'bad-request':
      return vscode.l10n.t('Hatena rejected the request: {0}', error.serverText || error.message);
    case 'not-found':
      return vscode.l10n.t('Not found on Hatena (HTTP 404). Deleted on Hatena, or a wrong endpoint?');
    case 'server':
      return vscode.l10n.t('Hatena answered with an error (HTTP {0}): {1}', String(error.status ?? ''), error.serverText || error.message);
    case 'timeout':
      return vscode.l10n.t('Hatena did not answer in time. The change may or may not have been applied; check on Hatena before trying again.');
    case 'network':
      return error.cors
        ? vscode.l10n.t('The browser refused the request to Hatena (cross-origin, CORS). Publishing from the browser needs VS Code on the desktop or a proxy.')
        : vscode.l10n.t('Could not reach Hatena: {0}', error.message);
    case 'protocol':
      return vscode.l10n.t('The answer was not Hatena\'s AtomPub API. Is the endpoint right? ({0})', error.message);
  }
}

/** Shows a failed request (not awaited: a notification resolves only when it goes away); Sign In opens the sign-in. */
export function showApiError(prompts: PublishPrompts, what: string, error: unknown): void {
  const text = vscode.l10n.t('{0} failed. {1} The file is unchanged.', what, describeApiError(error));
  if (asApiError(error)?.kind === 'auth') {
    const signIn = vscode.l10n.t('Sign In');
    void Promise.resolve(prompts.notify('error', text, signIn)).then((answer) => {
      if (answer === signIn) void vscode.commands.executeCommand('hatenaWriter.signIn');
    });
    return;
  }
  void prompts.notify('error', text);
}
