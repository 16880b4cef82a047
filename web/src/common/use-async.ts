import { useState } from 'preact/hooks';
import { ApiError } from './api';
import { wordsForError } from './words';

/** A form's submit: busy while it runs, the error in words when it fails. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof ApiError ? wordsForError(caught) : 'Something went wrong: try again.');
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
