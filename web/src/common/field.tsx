import type { InputHTMLAttributes } from 'preact';

type InputProps = InputHTMLAttributes<HTMLInputElement> & { label: string; id: string; hint?: string };

/** A labelled input (the label says what goes in; a hint, when given, is tied to it with aria-describedby). */
export function Field({ label, id, hint, ...input }: InputProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} {...(hint ? { 'aria-describedby': `${id}-hint` } : {})} {...input} />
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** A form's failure, in words, read out at once. */
export function FormError({ message }: { message: string }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
