// Uploads photos to Fotolife one after another, in the order given, under one progress notification with Cancel.
// Each photo's outcome is handed to the caller as soon as it is known (so a placeholder can be replaced at once).
import * as vscode from 'vscode';
import { HatenaApiError, type FotolifeApi, type FotolifeUpload } from '../blog/hatenaEntry';
import { imageTypeName } from './imageType';
import { photoTitle, type PreparedImage } from './prepare';

/** Why a photo was not uploaded. */
export type UploadFailure =
  | { kind: 'not-signed-in' }
  | { kind: 'type'; typeName?: string }
  | { kind: 'size'; megabytes: number; limit: number }
  | { kind: 'cancelled' }
  | { kind: 'skipped' }
  | { kind: 'api'; errorKind: HatenaApiError['kind'] | 'unknown'; detail: string };

export type UploadOutcome = { ok: true; upload: FotolifeUpload } | { ok: false; failure: UploadFailure };

export interface UploadRun {
  images: readonly PreparedImage[];
  api: FotolifeApi | undefined;
  folder: string | undefined;
  /** Called before each upload: false skips the photo (its placeholder was deleted). */
  wanted?: (index: number) => boolean;
  /** Called with each photo's outcome, in order; awaited before the next upload starts. */
  done?: (index: number, outcome: UploadOutcome) => Promise<void>;
  /** Aborts the upload running now (the caller saw its placeholder go). */
  abortCurrent?: (abort: () => void) => vscode.Disposable;
}

/** After one of these every further photo would fail the same way: they are not tried. */
const STOPPING = new Set<string>(['auth', 'network']);

function apiFailure(error: unknown): UploadFailure {
  if (error instanceof HatenaApiError) {
    const detail = error.serverText ? `${error.status ?? ''} ${error.serverText}`.trim() : error.message;
    return { kind: 'api', errorKind: error.kind, detail };
  }
  return { kind: 'api', errorKind: 'unknown', detail: error instanceof Error ? error.message : String(error) };
}

export async function uploadInOrder(run: UploadRun): Promise<UploadOutcome[]> {
  const outcomes: UploadOutcome[] = [];
  const uploadable = run.images.filter((i) => !i.problem).length;
  const work = async (progress: vscode.Progress<{ message?: string; increment?: number }> | undefined, token: vscode.CancellationToken | undefined) => {
    let stopped: UploadFailure | undefined;
    let tried = 0;
    for (let i = 0; i < run.images.length; i++) {
      const image = run.images[i];
      let outcome: UploadOutcome;
      if (image.problem?.kind === 'type') {
        outcome = { ok: false, failure: { kind: 'type', ...(image.type ? { typeName: imageTypeName(image.type) } : {}) } };
      } else if (image.problem?.kind === 'size') {
        outcome = { ok: false, failure: { kind: 'size', megabytes: image.problem.megabytes, limit: image.problem.limit } };
      } else if (run.wanted && !run.wanted(i)) {
        outcome = { ok: false, failure: { kind: 'skipped' } };
      } else if (!run.api) {
        outcome = { ok: false, failure: { kind: 'not-signed-in' } };
      } else if (token?.isCancellationRequested) {
        outcome = { ok: false, failure: { kind: 'cancelled' } };
      } else if (stopped) {
        outcome = { ok: false, failure: stopped };
      } else {
        tried++;
        progress?.report({ message: vscode.l10n.t('{0} ({1} of {2})', image.name, tried, uploadable) });
        const controller = new AbortController();
        const onCancel = token?.onCancellationRequested(() => controller.abort());
        const onGone = run.abortCurrent?.(() => controller.abort());
        try {
          const upload = await run.api.upload({ title: photoTitle(image.name), mimeType: image.mimeType!, bytes: image.bytes, ...(run.folder ? { folder: run.folder } : {}) }, controller.signal);
          outcome = { ok: true, upload };
        } catch (error) {
          outcome = controller.signal.aborted ? { ok: false, failure: token?.isCancellationRequested ? { kind: 'cancelled' } : { kind: 'skipped' } } : { ok: false, failure: apiFailure(error) };
          if (!outcome.ok && outcome.failure.kind === 'api' && STOPPING.has(outcome.failure.errorKind)) stopped = outcome.failure;
        } finally {
          onCancel?.dispose();
          onGone?.dispose();
        }
        progress?.report({ increment: 100 / Math.max(1, uploadable) });
      }
      outcomes.push(outcome);
      await run.done?.(i, outcome);
    }
  };
  if (uploadable === 0 || !run.api) await work(undefined, undefined);
  else await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Uploading to Hatena Fotolife'), cancellable: true }, (progress, token) => work(progress, token));
  return outcomes;
}

/** Why, in words, for the message that lists what was not uploaded. */
export function failureReason(failure: UploadFailure): string {
  switch (failure.kind) {
    case 'not-signed-in': return vscode.l10n.t('not signed in to Hatena');
    case 'type': return failure.typeName
      ? vscode.l10n.t('{0}: Fotolife takes JPEG, PNG and GIF', failure.typeName)
      : vscode.l10n.t('not a JPEG, PNG or GIF image');
    case 'size': return vscode.l10n.t('{0} MB, over the {1} MB of hatenaWriter.images.maxSizeMB', failure.megabytes.toFixed(1), String(failure.limit));
    case 'cancelled': return vscode.l10n.t('cancelled');
    case 'skipped': return vscode.l10n.t('its placeholder was removed');
    case 'api':
      switch (failure.errorKind) {
        case 'auth': return vscode.l10n.t('Hatena did not accept the Hatena id or API key');
        case 'network': return vscode.l10n.t('Hatena Fotolife could not be reached (offline?)');
        case 'timeout': return vscode.l10n.t('Hatena Fotolife did not answer in time');
        default: return vscode.l10n.t('Hatena Fotolife answered: {0}', failure.detail);
      }
  }
}

/** A sign-in would help: not signed in, or the key was refused. */
export function needsSignIn(failure: UploadFailure): boolean {
  return failure.kind === 'not-signed-in' || (failure.kind === 'api' && failure.errorKind === 'auth');
}

export const SIGN_IN_COMMAND = 'hatenaWriter.signIn';

/** Shows a message without waiting for it to be dismissed; a Sign In button runs the sign-in command. */
export function showUploadMessage(severity: 'info' | 'warning', message: string, offerSignIn: boolean): void {
  const signIn = vscode.l10n.t('Sign In');
  const buttons = offerSignIn ? [signIn] : [];
  const shown = severity === 'info' ? vscode.window.showInformationMessage(message, ...buttons) : vscode.window.showWarningMessage(message, ...buttons);
  void Promise.resolve(shown).then(async (picked) => {
    if (picked === signIn) {
      try {
        await vscode.commands.executeCommand(SIGN_IN_COMMAND);
      } catch {
        void vscode.window.showErrorMessage(vscode.l10n.t('The command {0} is not available.', SIGN_IN_COMMAND));
      }
    }
  }, () => undefined);
}
