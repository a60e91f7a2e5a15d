import { Bar, SectionSkeleton, SkeletonPage } from "../../skeleton";

/** The mailbox page's shape: breadcrumb, the address as title, the overview and the sections below it. */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the mailbox…">
      <p className="text-sm">
        <Bar text="Hosting accounts / example.com / info@example.com" />
      </p>
      <p className="mt-2 text-2xl font-bold">
        <Bar text="info@example.com" />
      </p>
      <section className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <p className="text-lg font-semibold">
          <Bar text="Overview" />
        </p>
        <div className="mt-2 h-16" />
      </section>
      <SectionSkeleton title="Password" height="min-h-[30rem]" />
      <SectionSkeleton title="Forwarding" height="min-h-[20rem]" />
      <SectionSkeleton title="Options" height="min-h-[20rem]" />
    </SkeletonPage>
  );
}
