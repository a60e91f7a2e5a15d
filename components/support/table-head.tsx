import { cardTable } from "@/components/card-table";

/** A table's caption (for screen readers) and its column headers; `cards`: the table becomes cards on phones (cardTable). */
export function TableHead({
  caption,
  columns,
  cards = false,
}: {
  caption: string;
  columns: (string | { label: string; hidden?: boolean })[];
  cards?: boolean;
}) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead className={cards ? cardTable.head : "bg-slate-100"}>
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
