import Link from "next/link";

/** The 404 text, the same for a page that doesn't exist and one that belongs to someone else. */
export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2">This page does not exist, or it belongs to an account you cannot see.</p>
      <p className="mt-4">
        <Link href="/accounts" className="text-blue-800 underline underline-offset-2">
          Go to your hosting accounts
        </Link>
      </p>
    </>
  );
}
