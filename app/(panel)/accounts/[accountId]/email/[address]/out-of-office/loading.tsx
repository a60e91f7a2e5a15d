import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (measured on the demo at 390 and 1366 px); the title, summary and task buttons stay. */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the automatic reply…">
      <SectionSkeleton title="Out of office" height="min-h-[64.875rem] sm:min-h-[54.75rem]" />
    </SkeletonPage>
  );
}
