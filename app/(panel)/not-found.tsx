import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/not-found-message";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotFound"))("title") };
}

// Inside the panel layout, which already provides the <main> landmark.
export default function NotFound() {
  return (
    <div className="py-10">
      <NotFoundMessage />
    </div>
  );
}
