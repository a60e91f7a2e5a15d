import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (measured on the demo at 390 and 1366 px); the title, summary and task buttons stay. */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the options…">
      <SectionSkeleton title="Options" height="min-h-[41rem] sm:min-h-[34.75rem]" />
      <SectionSkeleton title="Outgoing mail" height="min-h-[19.625rem] sm:min-h-[12.125rem]" />
      <SectionSkeleton title="Delete mailbox" height="min-h-[21.625rem] sm:min-h-[19.125rem]" />
    </SkeletonPage>
  );
}
