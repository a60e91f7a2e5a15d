/** A table's caption (for screen readers) and its column headers. */
export function TableHead({ caption, columns }: { caption: string; columns: (string | { label: string; hidden?: boolean })[] }) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-100">
        <tr>
          {columns.map((column) => {
            const { label, hidden } = typeof column === "string" ? { label: column, hidden: false } : column;
            return (
              <th key={label} scope="col" className="px-3 py-2">
                {hidden ? <span className="sr-only">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
    </>
  );
}
