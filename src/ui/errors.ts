// Turns anything thrown into the one sentence we show a person. The API client's errors already carry it.
import { PodApiError } from '../api';
import { l10n } from '../text/l10n';
import { UserCancelled } from './prompts';

export function describeError(error: unknown): string {
  if (error instanceof PodApiError) return error.message;
  if (error instanceof UserCancelled) return l10n.t('Cancelled.');
  if (error instanceof Error) return error.message;
  return String(error);
}
