import { inputClass } from "./field";

/** A table's search field: its label said to screen readers and shown as the placeholder. */
export function SearchBox({
  id,
  label,
  value,
  onChange,
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** width and flex classes for the toolbar it sits in */
  className: string;
}) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        maxLength={128}
        placeholder={label}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass(false, className)}
      />
    </>
  );
}
