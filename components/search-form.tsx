import { getTranslations } from "next-intl/server";

/** A plain GET search form: works without JavaScript, and the query lives in the URL so it can be shared. */
export async function SearchForm({
  label,
  name = "q",
  defaultValue,
  placeholder,
}: {
  label: string;
  name?: string;
  defaultValue?: string;
  placeholder?: string;
}) {
  const t = await getTranslations("Search");
  return (
    <form role="search" method="get" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`search-${name}`} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={`search-${name}`}
          name={name}
          type="search"
          defaultValue={defaultValue}
          placeholder={placeholder}
          className="mt-1 w-72 rounded-md border border-slate-400 px-3 py-1.5 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
        />
      </div>
      <button
        type="submit"
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        {t("submit")}
      </button>
    </form>
  );
}
