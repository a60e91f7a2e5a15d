import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (measured on the demo at 390 and 1366 px); the title, summary and task buttons stay. */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the mail app settings…">
      <SectionSkeleton title="Webmail" height="min-h-[11.5625rem] sm:min-h-[9.0625rem]" />
      <SectionSkeleton title="Set up devices" height="min-h-[45.5rem] sm:min-h-[26rem]" />
    </SkeletonPage>
  );
}
