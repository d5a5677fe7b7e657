/** The form-level error of a dialog, announced when it appears. */
export function FormAlert({ message }: { message?: string }) {
  return message ? (
    <div role="alert" className="rounded-sm border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </div>
  ) : null;
}
